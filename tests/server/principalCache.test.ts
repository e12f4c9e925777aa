// AUTH_CACHE_SECONDS with an injected clock (no test sleeps past the TTL), and revocations and
// demotions made on this instance taking effect at once (issue 10 #14).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from './support/http.js';
import { seedBasics } from './support/seed.js';
import { startTestServer, type TestServer } from './support/testServer.js';
import { sqliteTestDatabase, type TestDatabase } from './support/testStores.js';

let db: TestDatabase;
let server: TestServer;
let tokens: Record<string, string>;
let clock = new Date('2026-11-30T09:00:00Z');
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

beforeAll(async () => {
  db = await sqliteTestDatabase();
  tokens = (await seedBasics(db.store)).tokens;
  server = await startTestServer({ store: db.store, now: () => clock, config: { authCacheMs: 5_000 } });
});
afterAll(async () => {
  await server?.close();
  await db?.dispose();
});

describe('AUTH_CACHE_SECONDS', () => {
  it('remembers a token user for the configured time, then sees a change made elsewhere', async () => {
    const me = () => client(server.url, tokens.negotiator)('GET', '/me');
    expect((await me()).body.user.role).toBe('negotiator');
    // Another instance (here: the database directly) promotes the user.
    await db.store.setUserRole('negotiator', 'manager');
    advance(4_999);
    expect((await me()).body.user.role).toBe('negotiator');
    advance(1);
    expect((await me()).body.user.role).toBe('manager');
    await db.store.setUserRole('negotiator', 'negotiator');
    advance(5_000);
  });

  it('a revocation through this instance takes effect at once', async () => {
    const admin = client(server.url, tokens.admin);
    const issued = await admin('POST', '/users/analystB/tokens', { label: 'phone' });
    const phone = client(server.url, issued.body.token);
    expect((await phone('GET', '/me')).status).toBe(200);
    expect((await admin('DELETE', `/users/analystB/tokens/${issued.body.id}`)).status).toBe(204);
    expect((await phone('GET', '/me')).status).toBe(401);
  });

  it('a demotion or a narrower scope through this instance takes effect at once', async () => {
    const manager = client(server.url, tokens.managerB);
    expect((await manager('GET', '/audit?unitId=B')).status).toBe(200);
    expect((await client(server.url, tokens.admin)('PATCH', '/users/managerB', { role: 'negotiator' })).status).toBe(200);
    expect((await manager('GET', '/audit?unitId=B')).status).toBe(403);
    expect((await manager('GET', '/units/B/schedules/current')).status).toBe(200);
    expect((await client(server.url, tokens.admin)('PATCH', '/users/managerB', { units: ['A'] })).status).toBe(200);
    expect((await manager('GET', '/units/B/schedules/current')).status).toBe(403);
  });
});
