// SCHEDULE_CACHE_SECONDS: which schedule version is in force is remembered per instance, with an
// injected clock (no test sleeps past the TTL). A version written through this instance is pulled at
// once; one written elsewhere (another instance, the command line: here the store directly) within
// the configured time.
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
  server = await startTestServer({ store: db.store, now: () => clock, config: { scheduleCacheMs: 5_000 } });
});
afterAll(async () => {
  await server?.close();
  await db?.dispose();
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
