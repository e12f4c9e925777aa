import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { ImmediateSqliteDialect } from './immediateSqliteDialect.js';
import type { Database } from './tables.js';
import { KyselyStore } from './kyselyStore.js';
import { migrationProvider } from './migrations.js';
import { withStatementCache } from './statementCache.js';
import type { Store } from './store.js';
import type { StoreKind } from './storeKind.js';

export interface StoreLocation {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** PostgreSQL pool size per server instance. */
  poolSize?: number;
}

/** PostgreSQL's SQLSTATE for "permission denied". */
const INSUFFICIENT_PRIVILEGE = '42501';

export const SQLITE_FILE_NAME = 'bargaining-costing.sqlite';

export function sqliteFilePath(dataDir: string): string {
  return join(resolve(dataDir), SQLITE_FILE_NAME);
}

/** Opens the store (without migrating). */
export function openStore(location: StoreLocation): Store {
  const { kind, db } = openKysely(location);
  return new KyselyStore(kind, db, db);
}

/** Brings the schema up to date; safe to run from several instances at once on PostgreSQL. */
export async function migrateStore(location: StoreLocation): Promise<string[]> {
  const { kind, db } = openKysely({ ...location, poolSize: 1 });
  try {
    const migrator = new Migrator({ db, provider: migrationProvider(kind) });
    const { error, results } = await migrator.migrateToLatest();
    if ((error as { code?: unknown } | undefined)?.code === INSUFFICIENT_PRIVILEGE) {
      throw new Error(
        `the database role may not change the schema (${String((error as Error).message)}): run \`bargaining-costing migrate\` with the owner's DATABASE_URL, then the grants in docs/SERVER.md`,
      );
    }
    if (error) throw error instanceof Error ? error : new Error(typeof error === 'string' ? error : JSON.stringify(error), { cause: error });
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  } finally {
    await db.destroy();
  }
}

/**
 * The data directory is created 0700 and the database file 0600 before SQLite opens it: SQLite
 * creates the -wal and -shm files with the database file's permissions (os_unix.c,
 * findCreateFileMode: https://www.sqlite.org/src/file?name=src/os_unix.c). Files left 0644 by an
 * older version are tightened.
 */
export function prepareSqliteFiles(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = sqliteFilePath(dataDir);
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
  return file;
}

function openKysely(location: StoreLocation): { kind: StoreKind; db: Kysely<Database> } {
  const url = location.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: location.poolSize ?? 10 });
    // An idle pooled connection the server ends (a restart, a failover, pg_terminate_backend) is
    // reported as an 'error' event on the pool; unheard, it would end the process. The pool drops
    // that connection and the next query opens another (https://node-postgres.com/apis/pool#error).
    // Only the code and message are reported: the error's client holds the connection string.
    pool.on('error', (error: Error & { code?: string }) => {
      process.emitWarning(`an idle PostgreSQL connection was closed by the server${error.code ? ` (${error.code})` : ''}: ${error.message}`);
    });
    return { kind: 'postgres', db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) };
  }
  if (url) throw new Error('DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database)');
  const file = prepareSqliteFiles(location.dataDir);
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return { kind: 'sqlite', db: new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(database) }) }) };
}
