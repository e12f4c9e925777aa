import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { migrateStore, openStore } from '../../../server/store/openStore.js';
import type { Store } from '../../../server/store/store.js';

export interface TestDatabase {
  kind: 'sqlite' | 'postgres';
  location: { dataDir: string; databaseUrl?: string };
  /** Opens another store on the same database (another "server instance"). */
  open(): Store;
  store: Store;
  dispose(): Promise<void>;
}

/** A migrated SQLite file in a fresh temp directory. */
export async function sqliteTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bc-sqlite-'));
  const location = { dataDir };
  await migrateStore(location);
  const opened: Store[] = [];
  const open = () => {
    const s = openStore(location);
    opened.push(s);
    return s;
  };
  const store = open();
  return {
    kind: 'sqlite',
    location,
    open,
    store,
    async dispose() {
      for (const s of opened) await s.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function postgresAvailable(): string {
  const problem = inject('postgresProblem');
  if (problem) throw new Error(problem);
  return inject('postgresUrl');
}

/** A fresh, migrated database on the throwaway PostgreSQL cluster of the global setup. */
export async function postgresTestDatabase(): Promise<TestDatabase> {
  const adminUrl = postgresAvailable();
  const name = `bc_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = adminUrl.replace(/\/postgres$/, `/${name}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'bc-pgdata-'));
  const location = { dataDir, databaseUrl };
  await migrateStore(location);
  const opened: Store[] = [];
  const open = () => {
    const s = openStore({ ...location, poolSize: 5 });
    opened.push(s);
    return s;
  };
  const store = open();
  return {
    kind: 'postgres',
    location,
    open,
    store,
    async dispose() {
      for (const s of opened) await s.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
