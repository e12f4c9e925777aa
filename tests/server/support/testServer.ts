import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createApp, type AppDeps } from '../../../server/app.js';
import { createLogger } from '../../../server/logger.js';
import { seedBasics } from './seed.js';
import { sqliteTestDatabase, type TestDatabase } from './testStores.js';

export interface TestServer {
  url: string;
  logs: string[];
  close(): Promise<void>;
}

/** createApp on a real loopback port; logs are kept in memory (and checked for secrets). */
export async function startTestServer(deps: AppDeps, logLevel = 'info'): Promise<TestServer> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  // No principal cache and no rate limits by default: tests change roles and expect the next
  // request to see it, and send many requests from one address; tests of either turn them on.
  const app = createApp({
    logger: createLogger(logLevel, sink),
    ...deps,
    config: { authCacheMs: 0, scheduleCacheMs: 0, rateLimitPerToken: 0, rateLimitPerAddress: 0, ...deps.config },
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    logs,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * The usual fixture of an HTTP test file: a fresh SQLite database with the basic seed (units A and B,
 * one user per role, their tokens) behind a test server. `close()` stops both.
 */
export async function startSeededTestServer(
  deps: Omit<AppDeps, 'store'> = {},
): Promise<{ db: TestDatabase; server: TestServer; tokens: Record<string, string>; close(): Promise<void> }> {
  const db = await sqliteTestDatabase();
  const tokens = (await seedBasics(db.store)).tokens;
  const server = await startTestServer({ ...deps, store: db.store });
  return {
    db,
    server,
    tokens,
    close: async () => {
      await server.close();
      await db.dispose();
    },
  };
}
