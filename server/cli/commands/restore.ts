import type { Command } from 'commander';
import { verifyStore } from '../../services/storeIntegrity.js';
import { restoreSqlite } from '../../store/sqliteBackup.js';
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
      await restoreSqlite(backupFile, config.dataDir).catch((error: Error) => fail(error.message));
      printIntegrity(await withStore(options, verifyStore), `restored ${backupFile} into ${config.dataDir} and verified`);
    }),
  );
}
