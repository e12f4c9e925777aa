// Two stateless server instances (two createApp, each with its own pool) on one PostgreSQL database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../server/support/http.js';
import { sampleScenario, sampleSchedule } from '../server/support/sampleScenario.js';
import { seedBasics } from '../server/support/seed.js';
import { startTestServer, type TestServer } from '../server/support/testServer.js';
import { postgresTestDatabase, type TestDatabase } from '../server/support/testStores.js';

let db: TestDatabase;
let one: TestServer;
let two: TestServer;
let tokens: Record<string, string>;

beforeAll(async () => {
  db = await postgresTestDatabase();
  tokens = (await seedBasics(db.store)).tokens;
  one = await startTestServer({ store: db.open() });
  two = await startTestServer({ store: db.open() });
});
afterAll(async () => {
  await one?.close();
  await two?.close();
  await db?.dispose();
});

describe('two server instances on one PostgreSQL', () => {
  it('a write through one instance is read through the other', async () => {
    const created = await client(one.url, tokens.analyst)('POST', '/cost-models', { unitId: 'A', title: 'via one', scenario: sampleScenario('A') });
    expect(created.status).toBe(201);
    const read = await client(two.url, tokens.negotiator)('GET', `/cost-models/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: created.body.id, title: 'via one', state: 'draft', version: 1 });
    expect(read.headers.get('etag')).toBe(created.headers.get('etag'));

    const imported = await client(two.url, tokens.admin)('POST', '/units/A/schedules/import', sampleSchedule('A-2026-07', '2026-07-01'));
    expect(imported.status).toBe(201);
    const pulled = await client(one.url, tokens.negotiator)('GET', '/units/A/schedules/current?asOf=2026-07-01');
    expect(pulled.body).toMatchObject({ unitId: 'A', version: imported.body.version, effective: '2026-07-01' });
  });

  it('an update through one instance makes the other instance refuse a stale If-Match', async () => {
    const created = await client(one.url, tokens.analyst)('POST', '/cost-models', { unitId: 'A', title: 'v1', scenario: sampleScenario('A') });
    const etag = created.headers.get('etag')!;
    const first = await client(two.url, tokens.analyst)('PUT', `/cost-models/${created.body.id}`, { title: 'v2' }, { 'if-match': etag });
    expect(first.status).toBe(200);
    const stale = await client(one.url, tokens.analyst2)('PUT', `/cost-models/${created.body.id}`, { title: 'lost' }, { 'if-match': etag });
    expect(stale.status).toBe(412);
  });

  it('two managers approving the same model at once through different instances: exactly one wins', async () => {
    for (let round = 0; round < 5; round++) {
      const created = await client(one.url, tokens.analyst)('POST', '/cost-models', { unitId: 'A', title: `race ${round}`, scenario: sampleScenario('A') });
      const submitted = await client(one.url, tokens.analyst)('POST', `/cost-models/${created.body.id}/submit`, undefined, {
        'if-match': created.headers.get('etag')!,
      });
      expect(submitted.status).toBe(200);
      const read = { 'if-match': submitted.headers.get('etag')! };
      const [a, b] = await Promise.all([
        client(one.url, tokens.manager)('POST', `/cost-models/${created.body.id}/approve`, { comment: 'manager one' }, read),
        client(two.url, tokens.manager2)('POST', `/cost-models/${created.body.id}/approve`, { comment: 'manager two' }, read),
      ]);
      // The loser named a revision that is no longer current: 412.
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([200, 412]);
      const winner = a.status === 200 ? a : b;
      const final = await client(two.url, tokens.manager)('GET', `/cost-models/${created.body.id}`);
      expect(final.body.state).toBe('approved');
      expect(final.body.approval).toEqual(winner.body.approval);
      const audit = await client(one.url, tokens.manager)('GET', `/cost-models/${created.body.id}/audit`);
      expect(audit.body.events.filter((e: { action: string }) => e.action === 'cost-model.approved')).toHaveLength(1);
    }
  });

  it('concurrent schedule imports through both instances get distinct, dense version numbers', async () => {
    const imports = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        client(i % 2 === 0 ? one.url : two.url, tokens.admin)('POST', '/units/B/schedules/import', {
          ...sampleSchedule(`B-${i}`, `2027-0${i + 1}-01`),
          classes: [{ code: 'PO', steps: [`${50 + i}.00`] }],
        }),
      ),
    );
    expect(imports.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const versions = imports.map((r) => r.body.version).sort((x, y) => x - y);
    expect(versions).toEqual([2, 3, 4, 5, 6, 7]);
    const feed = await client(two.url, tokens.admin)('GET', '/schedules/changes?since=0&limit=500');
    const seqs = feed.body.changes.map((c: { unitId: string; version: number }) => `${c.unitId}${c.version}`);
    expect(seqs.filter((s: string) => s.startsWith('B'))).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7']);
  });
});
