// Issue 10 #1, #2, #13: bounded work per request, bodies parsed only where a route takes one,
// rate limits, and no caching of confidential responses — over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../server/support/http.js';
import { sampleScenario } from '../server/support/sampleScenario.js';
import { seedBasics } from '../server/support/seed.js';
import { startTestServer, type TestServer } from '../server/support/testServer.js';
import { sqliteTestDatabase, type TestDatabase } from '../server/support/testStores.js';

let db: TestDatabase;
let tokens: Record<string, string>;
const servers: TestServer[] = [];

async function serve(config: Parameters<typeof startTestServer>[0]['config'] = {}): Promise<TestServer> {
  const server = await startTestServer({ store: db.store, config });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  db = await sqliteTestDatabase();
  tokens = (await seedBasics(db.store)).tokens;
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await db?.dispose();
});

describe('roster-size limit per unit (ROSTER_ROW_LIMIT)', () => {
  it('refuses a cost model, an edit and a unit template with more rows than the limit, naming the field', async () => {
    const server = await serve({ rosterRowLimit: 5 });
    const analyst = client(server.url, tokens.analyst);
    const tooMany = await analyst('POST', '/cost-models', { unitId: 'A', title: 'six rows', scenario: sampleScenario('A', 6) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.headers.get('content-type')).toContain('application/problem+json');
    expect(tooMany.body.errors).toEqual([{ path: 'scenario.roster.rows', message: expect.stringContaining('has 6 rows; at most 5 are allowed') }]);

    const five = await analyst('POST', '/cost-models', { unitId: 'A', title: 'five rows', scenario: sampleScenario('A', 5) });
    expect(five.status).toBe(201);
    const edit = await analyst('PUT', `/cost-models/${five.body.id}`, { scenario: sampleScenario('A', 6) }, { 'if-match': five.headers.get('etag')! });
    expect(edit.status).toBe(400);
    expect(edit.body.errors[0].path).toBe('scenario.roster.rows');

    const s = sampleScenario('C', 6);
    const unit = await client(server.url, tokens.admin)('POST', '/units', {
      id: 'C',
      name: 'Unit C',
      template: { calendar: s.calendar, term: s.term, roster: s.roster, assumptions: s.assumptions },
    });
    expect(unit.status).toBe(400);
    expect(unit.body.errors[0].path).toBe('body.template.roster.rows');
  });
});

describe('bodies are parsed only by routes that take them', () => {
  it('never reads a body sent to a route that does not exist', async () => {
    const server = await serve();
    // Malformed JSON: a parser in front of routing would answer 400 before the 404.
    const reply = await client(server.url, tokens.analyst)('POST', '/no-such-route', '{"not json', { 'content-type': 'application/json' });
    expect(reply.status).toBe(404);
    expect(reply.body.type).toBe('urn:bargaining-costing:problem:not-found');
  });

  it('refuses a cost model from a role that may not write one before reading its body', async () => {
    const server = await serve({ bodyLimit: '1kb' });
    // Over the body limit, yet the answer is the role's 403, not 413: the body was never read.
    const reply = await client(server.url, tokens.negotiator)('POST', '/cost-models', {
      unitId: 'A',
      title: 'not mine to write',
      scenario: sampleScenario('A', 40),
    });
    expect(reply.status).toBe(403);
  });

  it('holds small routes to SMALL_BODY_LIMIT (413), while a cost model may be large', async () => {
    const server = await serve({ smallBodyLimit: '1kb' });
    const created = await client(server.url, tokens.analyst)('POST', '/cost-models', { unitId: 'A', title: 'large enough', scenario: sampleScenario('A', 40) });
    expect(created.status).toBe(201);
    const reply = await client(server.url, tokens.analyst)(
      'POST',
      `/cost-models/${created.body.id}/submit`,
      { padding: 'x'.repeat(2048) },
      { 'if-match': created.headers.get('etag')! },
    );
    expect(reply.status).toBe(413);
    expect(reply.body.errors).toEqual([{ path: 'body', message: 'larger than 1024 bytes' }]);
  });
});

describe('rate limits', () => {
  it('limits each token to RATE_LIMIT_PER_TOKEN a minute: 429 problem+json with Retry-After; other tokens go on', async () => {
    const server = await serve({ rateLimitPerToken: 3, rateLimitPerAddress: 0 });
    const negotiator = client(server.url, tokens.negotiator);
    for (let i = 0; i < 3; i++) expect((await negotiator('GET', '/me')).status).toBe(200);
    const limited = await negotiator('GET', '/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body).toMatchObject({ type: 'urn:bargaining-costing:problem:rate-limited', status: 429 });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect((await client(server.url, tokens.analyst)('GET', '/me')).status).toBe(200);
  });

  it('limits each address to RATE_LIMIT_PER_ADDRESS a minute, before authentication', async () => {
    const server = await serve({ rateLimitPerToken: 0, rateLimitPerAddress: 4 });
    const stranger = client(server.url, 'bct_guessing');
    for (let i = 0; i < 4; i++) expect((await stranger('GET', '/me')).status).toBe(401);
    const limited = await stranger('GET', '/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await client(server.url, tokens.admin)('GET', '/me')).status).toBe(429);
  });
});

describe('Cache-Control on confidential responses', () => {
  it('is no-store on /me, users, cost models, their workbooks and audit; schedule pulls revalidate', async () => {
    const server = await serve();
    const admin = client(server.url, tokens.admin);
    const created = await client(server.url, tokens.analyst)('POST', '/cost-models', { unitId: 'A', title: 'cached?', scenario: sampleScenario('A') });
    for (const path of [
      '/me',
      '/users',
      '/cost-models',
      `/cost-models/${created.body.id}`,
      `/cost-models/${created.body.id}/workbook.xlsx`,
      `/cost-models/${created.body.id}/audit`,
      '/audit',
      '/users/analyst/tokens',
      '/no-such-route',
    ]) {
      const reply = await admin('GET', path);
      expect(reply.headers.get('cache-control'), path).toBe('no-store');
    }
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect((await admin('GET', '/units/A/schedules/current')).headers.get('cache-control')).toBe('private, no-cache');
  });
});
