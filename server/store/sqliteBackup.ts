import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { prepareSqliteFiles, sqliteFilePath } from './openStore.js';

/**
 * Copies a live SQLite database with SQLite's online backup API: the copy is one consistent
 * snapshot even while the server writes (https://www.sqlite.org/backup.html; better-sqlite3's
 * `backup()`: https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md#backupdestination-options---promise).
 * The copy is written 0600, like the database.
 */
export async function backupSqlite(dataDir: string, out: string): Promise<{ bytes: number }> {
  const file = sqliteFilePath(dataDir);
  if (!existsSync(file)) throw new Error(`no database at ${file} (set --data-dir or DATA_DIR to the server's data directory)`);
  try {
    closeSync(openSync(out, 'wx', 0o600));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST')
      throw new Error(`${out} already exists: choose a new file name (a backup never overwrites)`, { cause: error });
    throw error;
  }
  const source = new BetterSqlite3(file, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // Every page in one step: a step reads in one transaction (in WAL mode the server keeps
    // writing meanwhile), while a write between small steps would restart the copy, possibly forever
    // under load (https://www.sqlite.org/c3ref/backup_finish.html#sqlite3backupstep).
    await source.backup(out, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  checkSqliteFile(out);
  return { bytes: statSync(out).size };
}

/** Restores a backup into a data directory that holds no database yet. */
export async function restoreSqlite(backup: string, dataDir: string): Promise<void> {
  if (!existsSync(backup)) throw new Error(`no backup file ${backup}`);
  checkSqliteFile(backup);
  const file = sqliteFilePath(dataDir);
  if (existsSync(file) && statSync(file).size > 0) {
    throw new Error(`${file} already exists: restore into an empty data directory (move the old one aside first)`);
  }
  prepareSqliteFiles(dataDir);
  const source = new BetterSqlite3(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(file);
  } finally {
    source.close();
  }
}

function checkSqliteFile(path: string): void {
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`${path} is not a readable SQLite database: ${(error as Error).message}`, { cause: error });
  }
  try {
    const check: unknown = database.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`${path} fails SQLite's integrity check: ${String(check)}`);
    const migrated = database.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`).get() as { n: number };
    if (migrated.n !== 1) throw new Error(`${path} is an SQLite database but not a Bargaining Costing one (it has no migrations table)`);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') throw new Error(`${path} is not an SQLite database`, { cause: error });
    throw error;
  } finally {
    database.close();
  }
}
