// What each instance remembers for a few seconds, with an injected clock (no test sleeps past the
// TTL): AUTH_CACHE_SECONDS, with revocations and demotions made on this instance taking effect at
// once (issue 10 #14), and SCHEDULE_CACHE_SECONDS, with a version written through this instance
// pulled at once and one written elsewhere (another instance, the command line: here the store
// directly) within the configured time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleSchema } from '../../shared/schemas/scenario.js';
import { systemActor } from '../../server/services/auditTrail.js';
import { importScheduleVersion } from '../../server/services/scheduleVersions.js';
import { client } from './support/http.js';
import { sampleSchedule } from './support/sampleScenario.js';
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
  server = await startTestServer({ store: db.store, now: () => clock, config: { authCacheMs: 5_000, scheduleCacheMs: 5_000 } });
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

const firstStep = (id: string, rate: string) => ({ ...sampleSchedule(id, '2026-01-01'), classes: [{ code: 'PO', title: 'Police Officer', steps: [rate] }] });

describe('SCHEDULE_CACHE_SECONDS', () => {
  it('pulls a version written elsewhere once the configured time has passed, and not before', async () => {
    const pull = () => client(server.url, tokens.analyst)('GET', '/units/A/schedules/current');
    const before = await pull();
    expect(before.body.schedule.id).toBe('A-2025-07');
    // Another instance imports a version in force today.
    await importScheduleVersion(db.store, systemActor('elsewhere'), clock, {
      unitId: 'A',
      schedule: scheduleSchema.parse(firstStep('A-ELSEWHERE', '50.00')),
      source: 'test',
      dryRun: false,
    });
    advance(4_999);
    const cached = await pull();
    expect(cached.body.version).toBe(before.body.version);
    expect(cached.headers.get('etag')).toBe(before.headers.get('etag'));
    advance(1);
    const fresh = await pull();
    expect(fresh.body.schedule.id).toBe('A-ELSEWHERE');
    expect(fresh.body.version).toBe(before.body.version + 1);
    expect(fresh.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });

  it('pulls a version imported through this instance at once', async () => {
    const pull = () => client(server.url, tokens.analyst)('GET', '/units/A/schedules/current');
    const before = await pull();
    const imported = await client(server.url, tokens.admin)('POST', '/units/A/schedules/import', firstStep('A-HERE', '51.00'));
    expect(imported.status).toBe(201);
    const after = await pull();
    expect(after.body.schedule.id).toBe('A-HERE');
    expect(after.body.version).toBe(before.body.version + 1);
    expect(after.body.schedule.classes[0].steps).toEqual(['51.00']);
  });

  it('remembers each day on its own: a pull as of a day before the new version still gets the old one', async () => {
    const pull = (asOf: string) => client(server.url, tokens.analyst)('GET', `/units/A/schedules/current?asOf=${asOf}`);
    expect((await pull('2025-12-31')).body.schedule.id).toBe('A-2025-07');
    expect((await pull('2026-01-01')).body.schedule.id).toBe('A-HERE');
  });
});
