import type { Command } from 'commander';
import { configFromEnv, type ServerConfig } from '../../config.js';
import type { Store } from '../../store/store.js';
import { DomainError } from '../../services/domainErrors.js';

/** --data-dir and --database-url, defaulting to DATA_DIR and DATABASE_URL. */
export function withStoreOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'SQLite data directory (default: $DATA_DIR or ./data)')
    .option('--database-url <url>', 'postgres://… to use PostgreSQL (default: $DATABASE_URL)');
}

export interface StoreCliOptions {
  dataDir?: string;
  databaseUrl?: string;
}

export function configWith(options: StoreCliOptions): ServerConfig {
  const config = configFromEnv();
  return {
    ...config,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
  };
}

/** Migrates, opens the store, runs `work`, closes the store. */
export async function withStore<T>(options: StoreCliOptions, work: (store: Store, config: ServerConfig) => Promise<T>): Promise<T> {
  const { migrateStore, openStore } = await import('../../store/openStore.js');
  const config = configWith(options);
  const location = { databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 };
  await migrateStore(location);
  const store = openStore(location);
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}

/** A user-facing failure: one line on stderr, exit status 2, no stack trace. */
export class CliError extends Error {}

export function fail(message: string): never {
  throw new CliError(message);
}

export async function runCli(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof DomainError) {
      process.stderr.write(`${error.message}\n`);
      for (const e of error.issues ?? []) process.stderr.write(`  ${e.path}: ${e.message}\n`);
      process.exit(2);
    }
    const problem = error as { status?: unknown; errors?: { path: string; message: string }[]; message: string };
    if (typeof problem.status === 'number' && problem.status < 500) {
      process.stderr.write(`${problem.message}\n`);
      for (const e of problem.errors ?? []) process.stderr.write(`  ${e.path}: ${e.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
