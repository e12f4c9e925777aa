import type { Command } from 'commander';
import { postgresBackupAdvice } from './backup.js';
import { printIntegrity } from './verify.js';
import { configWith, fail, runCli, withStore, withStoreOptions, type StoreCliOptions } from './storeOptions.js';

export function registerRestoreCommand(program: Command): void {
  withStoreOptions(
    program
      .command('restore <backupFile>')
      .description('restore a SQLite backup into an empty data directory, migrate it and verify it (on PostgreSQL: print the pg_restore command)'),
  ).action((backupFile: string, options: StoreCliOptions) =>
    runCli(async () => {
      const config = configWith(options);
      if (config.databaseUrl) {
        process.stdout.write(`${postgresBackupAdvice(config.databaseUrl, backupFile)}\n`);
        return;
      }
      const { restoreSqlite } = await import('../../store/sqliteBackup.js');
      const { verifyStore } = await import('../../services/storeIntegrity.js');
      await restoreSqlite(backupFile, config.dataDir).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
      printIntegrity(await withStore(options, verifyStore), `restored ${backupFile} into ${config.dataDir} and verified`);
    }),
  );
}
