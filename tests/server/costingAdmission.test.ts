// The costing workers' admission (services/costingAdmission.ts), over HTTP against the real server
// and a real worker pool: one large job per person (503 + Retry-After), a bound on the large jobs
// admitted in total (503), small requests on the quick lane while a large costing runs, a timeout
// (504) that stops the worker and leaves the stored model as it was, and the content-hash check of
// an approved model run once per stored bytes (a tampered row is still refused).
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CostingPool } from '../../server/costing/costingPool.js';
import type { ServerConfig } from '../../server/config.js';
import { BoundedSlots } from '../../server/services/boundedSlots.js';
import { CostingAdmission } from '../../server/services/costingAdmission.js';
import { DomainError } from '../../server/services/domainErrors.js';
import type { Principal } from '../../server/services/principal.js';
import { sqliteFilePath } from '../../server/store/openStore.js';
import { client, type Reply } from './support/http.js';
import { sampleScenario } from './support/sampleScenario.js';
import { seedBasics } from './support/seed.js';
import { startTestServer, type TestServer } from './support/testServer.js';
import { sqliteTestDatabase, type TestDatabase } from './support/testStores.js';

let db: TestDatabase;
let tokens: Record<string, string>;
const servers: TestServer[] = [];
// One general worker, as on the 2-core production machine; the quick lane starts when first needed.
const pool = new CostingPool(1);

async function serve(config: Partial<ServerConfig> = {}): Promise<TestServer> {
  const server = await startTestServer({ store: db.store, costScenario: (s) => pool.cost(s), scenarioWork: pool.scenarioWork(), config });
  servers.push(server);
  return server;
}

/** Weekly pay over ten years and 20 proposals of 11 provisions: seconds of a worker at a few thousand rows. */
function heavyScenario(unitId: string, rows: number) {
  const s = sampleScenario(unitId, rows) as any;
  s.calendar.payFrequency = 'weekly';
  s.calendar.firstPeriodStart = '2026-06-27';
  s.term = { start: '2026-07-01', end: '2036-06-30' };
  s.assumptions.socialSecurity.wageBase = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(2026 + i), '184500']));
  s.proposals = Array.from({ length: 20 }, (_, p) => ({
    name: `P${p}`,
    side: p % 2 ? 'union' : 'management',
    provisions: [
      ...Array.from({ length: 10 }, (_, y) => ({ type: 'gwi', percent: `0.0${((p + y) % 9) + 1}`, effective: `${2026 + y}-07-01` })),
      { type: 'addStep', percent: '0.05', effective: '2027-07-01', classes: ['PO'] },
    ],
  }));
  return s;
}

async function draft(server: TestServer, token: string, unitId: string, scenario: unknown, title = 'draft'): Promise<Reply> {
  const created = await client(server.url, token)('POST', '/cost-models', { unitId, title, scenario });
  expect(created.status).toBe(201);
  return created;
}

const submit = (server: TestServer, token: string, created: Reply) =>
  client(server.url, token)('POST', `/cost-models/${created.body.id}/submit`, {}, { 'if-match': created.headers.get('etag')! });

const started = (kind: 'costStored' | 'intact' | 'draftBody') => pool.stats().started[kind] ?? 0;

/** Until the pool has started one more job of `kind` than `before` (it then runs for seconds). */
async function running(kind: 'costStored', before: number): Promise<void> {
  await vi.waitFor(() => expect(started(kind)).toBeGreaterThan(before), { timeout: 60_000, interval: 20 });
}

function expectBusy(reply: Reply, detail: string | RegExp): void {
  expect(reply.status).toBe(503);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({ status: 503, title: 'Server busy' });
  expect(reply.body.detail).toMatch(detail);
  expect(Number(reply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
}

beforeAll(async () => {
  db = await sqliteTestDatabase();
  tokens = (await seedBasics(db.store)).tokens;
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await pool.close();
  await db.dispose();
});

describe('admission to the costing workers', () => {
  it('refuses a second large job from the same person and one over the total, while small requests run on the quick lane', { timeout: 240_000 }, async () => {
    // Large: more than 16 KB of input (a 100-row sample is ~20 KB and costs in milliseconds); at most 2 large jobs at once.
    const server = await serve({ costingQuickBytes: 16 * 1024, costingQueueLimit: 2 });
    const heavy = await draft(server, tokens.analyst!, 'A', heavyScenario('A', 6000), 'heavy');
    const mineToo = await draft(server, tokens.analyst!, 'A', sampleScenario('A', 100), 'second of the same analyst');
    const colleagues = await draft(server, tokens.analyst2!, 'A', sampleScenario('A', 100), 'a colleague’s');
    const otherUnit = await draft(server, tokens.analystB!, 'B', sampleScenario('B', 100), 'another unit’s');

    const order: string[] = [];
    const before = started('costStored');
    const first = submit(server, tokens.analyst!, heavy).then((reply) => {
      order.push(`heavy ${reply.status}`);
      return reply;
    });
    await running('costStored', before);

    // The same person: a second large job (a costing, or reading a large body) is refused, not queued.
    expectBusy(await submit(server, tokens.analyst!, mineToo), 'you already have a costing running: try again when it is done');
    const largeBody = await client(server.url, tokens.analyst)('POST', '/cost-models', { unitId: 'A', title: 'x', scenario: sampleScenario('A', 100) });
    expectBusy(largeBody, 'you already have a costing running: try again when it is done');
    // Another person's large job is admitted (it waits for the general worker); a third is over the total.
    const colleague = submit(server, tokens.analyst2!, colleagues);
    await vi.waitFor(() => expect(pool.stats().queued).toBe(1), { timeout: 10_000, interval: 10 });
    expectBusy(
      await submit(server, tokens.analystB!, otherUnit),
      /^the server is busy costing \(2 large costing job\(s\) running or waiting.*: try again in \d+ s$/,
    );

    // Small requests, of that analyst as of anyone, run on the quick lane meanwhile.
    const small = await client(server.url, tokens.analystB)('POST', '/cost-models', { unitId: 'B', title: 'small', scenario: sampleScenario('B', 4) });
    expect(small.status).toBe(201);
    order.push(`small ${small.status}`);
    const ownSmall = await client(server.url, tokens.analyst)('POST', '/cost-models', { unitId: 'A', title: 'small', scenario: sampleScenario('A', 4) });
    expect(ownSmall.status).toBe(201);
    expect((await submit(server, tokens.analystB!, small)).status).toBe(200);
    order.push('small submit 200');

    expect((await first).status).toBe(200);
    expect(order).toEqual(['small 201', 'small submit 200', 'heavy 200']);
    expect(pool.stats().quickWorkers).toBe(1);
    expect((await colleague).status).toBe(200);
    // Once the first is done, the same person may submit again.
    expect((await submit(server, tokens.analyst!, mineToo)).status).toBe(200);
  });

  it('stops a submit or an approval at the timeout with 504, its worker stopped, and leaves the stored model as it was', { timeout: 240_000 }, async () => {
    const server = await serve();
    const impatient = await serve({ costingTimeoutMs: 200 });
    const analyst = client(impatient.url, tokens.analyst);
    const created = await draft(server, tokens.analyst!, 'A', heavyScenario('A', 3000), 'too slow');
    const id = created.body.id as string;
    const read = async () => (await client(server.url, tokens.manager)('GET', `/cost-models/${id}`)).text;
    const asCreated = await read();

    const before = started('costStored');
    const slowSubmit = await analyst('POST', `/cost-models/${id}/submit`, {}, { 'if-match': created.headers.get('etag')! });
    expect(slowSubmit.status).toBe(504);
    expect(slowSubmit.body).toMatchObject({ status: 504, title: 'Timed out' });
    expect(slowSubmit.body.detail).toMatch(/^the costing did not finish within 0\.2 s and was stopped; nothing was saved\. Try again when/);
    expect(slowSubmit.body.detail).toContain('COSTING_TIMEOUT_SECONDS');
    expect(started('costStored')).toBe(before + 1);
    expect(await read()).toBe(asCreated);
    // The worker was stopped and replaced: the pool is free for the next job at once.
    await vi.waitFor(() => expect(pool.stats()).toMatchObject({ running: 0, queued: 0 }), { timeout: 10_000, interval: 10 });

    const submitted = await submit(server, tokens.analyst!, created);
    expect(submitted.status).toBe(200);
    const asSubmitted = await read();
    const slowApproval = await client(impatient.url, tokens.manager)('POST', `/cost-models/${id}/approve`, {}, { 'if-match': submitted.headers.get('etag')! });
    expect(slowApproval.status).toBe(504);
    expect(await read()).toBe(asSubmitted);
    expect(JSON.parse(asSubmitted)).toMatchObject({ state: 'submitted' });
    const events = await client(server.url, tokens.manager)('GET', `/cost-models/${id}/audit`);
    expect(events.body.events.map((e: { action: string }) => e.action)).toEqual(['cost-model.created', 'cost-model.submitted']);
  });

  it('checks an approved model once for repeated reads of the same bytes, and still refuses a tampered row', { timeout: 240_000 }, async () => {
    const server = await serve();
    const created = await draft(server, tokens.analyst!, 'A', sampleScenario('A', 40), 'approved');
    const id = created.body.id as string;
    const submitted = await submit(server, tokens.analyst!, created);
    const approved = await client(server.url, tokens.manager)('POST', `/cost-models/${id}/approve`, {}, { 'if-match': submitted.headers.get('etag')! });
    expect(approved.status).toBe(200);
    const negotiator = client(server.url, tokens.negotiator);
    const before = started('intact');

    // Ten reads at once, then the model, its workbook and its report again: one check on a worker.
    const together = await Promise.all(Array.from({ length: 10 }, () => negotiator('GET', `/cost-models/${id}`)));
    expect(together.map((r) => r.status)).toEqual(Array(10).fill(200));
    for (const path of [`/cost-models/${id}`, `/cost-models/${id}/workbook.xlsx`, `/cost-models/${id}/report/summary.pdf`, `/cost-models/${id}`]) {
      expect((await negotiator('GET', path)).status).toBe(200);
    }
    expect(started('intact')).toBe(before + 1);

    // A figure lowered in the database: the new bytes miss the memo, are checked, and are refused.
    const raw = new BetterSqlite3(sqliteFilePath(db.location.dataDir));
    try {
      raw.exec('DROP TRIGGER IF EXISTS cost_models_approved_no_update');
      const original = (raw.prepare('SELECT scenario FROM cost_models WHERE id = ?').get(id) as { scenario: string }).scenario;
      raw.prepare(`UPDATE cost_models SET scenario = replace(scenario, '"0.03"', '"0.01"') WHERE id = ?`).run(id);
      for (const path of [`/cost-models/${id}`, `/cost-models/${id}/workbook.xlsx`, `/cost-models/${id}/report/summary.pdf`]) {
        const refused = await negotiator('GET', path);
        expect(refused.status).toBe(500);
        expect(refused.body).toMatchObject({ type: 'urn:bargaining-costing:problem:integrity-violation' });
      }
      expect(started('intact')).toBe(before + 2);
      // Superseding or publishing the tampered model reads it through the same check (remembered: no new check).
      const etag = approved.headers.get('etag')!;
      const supersede = await client(server.url, tokens.analyst)('POST', `/cost-models/${id}/supersede`, {}, { 'if-match': etag });
      expect(supersede.body).toMatchObject({ type: 'urn:bargaining-costing:problem:integrity-violation' });
      const publish = await client(server.url, tokens.manager)('POST', `/cost-models/${id}/publish-schedules`, {}, { 'if-match': etag });
      expect(publish.body).toMatchObject({ type: 'urn:bargaining-costing:problem:integrity-violation' });
      expect(started('intact')).toBe(before + 2);
      // The bytes as approved again: answered from memory, served.
      raw.prepare('UPDATE cost_models SET scenario = ? WHERE id = ?').run(original, id);
      expect((await negotiator('GET', `/cost-models/${id}`)).status).toBe(200);
      expect(started('intact')).toBe(before + 2);
    } finally {
      raw.close();
    }
  });
});

describe('the costing pool', () => {
  it('starts queued jobs by turns between people, not in arrival order', async () => {
    const single = new CostingPool(1, { quickWorkers: 0 });
    try {
      const work = single.scenarioWork();
      const stored = { scenarioJson: JSON.stringify(sampleScenario('A', 4)), resultJson: '{}', contentHash: 'x' };
      const done: string[] = [];
      const job = (name: string, owner: string) => work.intact(stored, { owner }).then(() => done.push(name));
      // x1 starts at once; x2, x3 and y1 wait, y1 last in.
      await Promise.all([job('x1', 'x'), job('x2', 'x'), job('x3', 'x'), job('y1', 'y')]);
      expect(done).toEqual(['x1', 'y1', 'x2', 'x3']);
    } finally {
      await single.close();
    }
  });
});

describe('CostingAdmission', () => {
  const person = (userId: string) => ({ userId }) as Principal;
  const limits = { timeoutMs: 60_000, queueLimit: 1, quickQueueLimit: 9, quickBytes: 100, workers: 1 };

  function held() {
    let release!: () => void;
    const done = new Promise<string>((resolve) => (release = () => resolve('done')));
    return { done, release };
  }

  it('bounds small jobs per person (eight) and in total, apart from the large lane', async () => {
    const admission = new CostingAdmission(limits);
    const jobs = Array.from({ length: 10 }, held);
    const small = { kind: 'validation', bytes: 10 } as const;
    const mine = jobs.slice(0, 8).map((job) => admission.run(person('a'), small, () => job.done));
    await expect(admission.run(person('a'), small, () => jobs[8]!.done)).rejects.toMatchObject({
      kind: 'busy',
      message: /^you already have 8 small costing jobs running, the most one person may have at once: try again when one is done$/,
    });
    // The large lane is apart: a's large job is admitted while eight small ones run.
    const large = admission.run(person('a'), { kind: 'costing', bytes: 1000 }, () => jobs[9]!.done);
    const b1 = admission.run(person('b'), small, () => jobs[8]!.done);
    await expect(admission.run(person('c'), small, () => Promise.resolve('x'))).rejects.toMatchObject({
      kind: 'busy',
      message: /^the server is busy costing \(9 small costing job\(s\)/,
    });
    expect(admission.stats()).toMatchObject({ largeAdmitted: 1, quickAdmitted: 9 });
    jobs.forEach((j) => j.release());
    expect(await Promise.all([...mine, large, b1])).toEqual(Array(10).fill('done'));
    expect(admission.stats()).toMatchObject({ largeAdmitted: 0, quickAdmitted: 0 });
    expect(await admission.run(person('c'), small, () => Promise.resolve('x'))).toBe('x');
  });

  it('remembers a bounded number of verdicts, by the exact bytes', async () => {
    const admission = new CostingAdmission({ ...limits, verdictMemo: 2 });
    let checks = 0;
    const intact = admission.intactFor(person('a'), () => Promise.resolve(++checks > 0));
    const stored = (n: number) => ({ scenarioJson: `{"n":${n}}`, resultJson: '{}', contentHash: 'h' });
    await intact(stored(1));
    await intact(stored(2));
    await intact(stored(1));
    expect(checks).toBe(2);
    await intact(stored(3)); // drops 2, the least recently used
    await intact(stored(1));
    expect(checks).toBe(3);
    await intact(stored(2));
    expect(checks).toBe(4);
    await intact({ ...stored(1), contentHash: 'other' });
    expect(checks).toBe(5);
    expect(admission.stats()).toMatchObject({ checksRun: 5, verdictHits: 2 });
  });

  it('answers timed-out at the timeout even when the work cannot be interrupted', async () => {
    const slots = new BoundedSlots<string>(
      { total: 1, perUser: 1, timeoutMs: 1 },
      { full: () => ({ detail: 'full', retryAfterSeconds: 1 }), mine: () => ({ detail: 'mine', retryAfterSeconds: 1 }), timedOut: () => 'too slow' },
    );
    let signalled: AbortSignal | undefined;
    const error = await slots
      .run('a', 'job', (signal) => {
        signalled = signal;
        return new Promise<never>(() => {});
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'timed-out', message: 'too slow' });
    expect(signalled?.aborted).toBe(true);
    expect(slots.size).toBe(0);
  });
});
