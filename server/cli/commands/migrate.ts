import type { Command } from 'commander';
import { configWith, runCli, withStoreOptions, type StoreCliOptions } from './storeOptions.js';

export function registerMigrateCommand(program: Command): void {
  withStoreOptions(program.command('migrate').description('bring the database schema up to date (SQLite or PostgreSQL)')).action((options: StoreCliOptions) =>
    runCli(async () => {
      const { migrateStore } = await import('../../store/openStore.js');
      const config = configWith(options);
      const applied = await migrateStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
      process.stdout.write(applied.length > 0 ? `applied: ${applied.join(', ')}\n` : 'the database is up to date\n');
    }),
  );
}
