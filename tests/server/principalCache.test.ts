import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from './support/http.js';
import { seedBasics } from './support/seed.js';
import { startTestServer, type TestServer } from './support/testServer.js';
import { sqliteTestDatabase, type TestDatabase } from './support/testStores.js';

let db: TestDatabase;
let server: TestServer;
let tokens: Record<string, string>;

beforeAll(async () => {
  db = await sqliteTestDatabase();
  tokens = (await seedBasics(db.store)).tokens;
  server = await startTestServer({ store: db.store, config: { authCacheMs: 300 } });
});
afterAll(async () => {
  await server?.close();
  await db?.dispose();
});

describe('AUTH_CACHE_SECONDS', () => {
  it('remembers a token user for the configured time, then sees a role change', async () => {
    const me = () => client(server.url, tokens.negotiator)('GET', '/me');
    expect((await me()).body.user.role).toBe('negotiator');
    await db.store.setUserRole('negotiator', 'manager');
    expect((await me()).body.user.role).toBe('negotiator');
    await new Promise((r) => setTimeout(r, 350));
    expect((await me()).body.user.role).toBe('manager');
  });
});
