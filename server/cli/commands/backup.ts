import type { Command } from 'commander';
import { configWith, fail, runCli, withStoreOptions, type StoreCliOptions } from './storeOptions.js';

export function registerBackupCommand(program: Command): void {
  withStoreOptions(
    program
      .command('backup')
      .description('copy the SQLite database to a file, consistently, while the server runs (on PostgreSQL: print the pg_dump command to use)')
      .requiredOption('-o, --out <file>', 'the backup file to write (never overwritten)'),
  ).action((options: StoreCliOptions & { out: string }) =>
    runCli(async () => {
      const config = configWith(options);
      if (config.databaseUrl) {
        process.stdout.write(`${postgresBackupAdvice(config.databaseUrl, options.out)}\n`);
        return;
      }
      const { backupSqlite } = await import('../../store/sqliteBackup.js');
      const { bytes } = await backupSqlite(config.dataDir, options.out).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
      process.stdout.write(`backed up ${config.dataDir} to ${options.out} (${bytes} bytes, integrity check ok)\n`);
      process.stdout.write(`restore with: bargaining-costing restore ${options.out} --data-dir <empty directory>\n`);
    }),
  );
}

/** The pg_dump and pg_restore commands for this database; the password is never printed. */
export function postgresBackupAdvice(databaseUrl: string, out: string): string {
  const url = new URL(databaseUrl);
  url.password = '';
  return [
    'PostgreSQL is backed up with its own tools. Run (with the password in PGPASSWORD or ~/.pgpass):',
    `  pg_dump --format=custom --no-owner --no-privileges --file ${shellQuote(out)} ${shellQuote(url.toString())}`,
    'and restore into a new database owned by the owner role (see docs/SERVER.md), then re-run the grants:',
    `  pg_restore --exit-on-error --single-transaction --no-owner --dbname <postgres://owner@host/new-database> ${shellQuote(out)}`,
    'then check it: bargaining-costing verify --database-url <postgres://…/new-database>',
  ].join('\n');
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
