// Issue 10 #1: workbook exports run off the request thread (the export workers), with a
// concurrency limit (503), per person too, shared with report PDFs, and a timeout (504); approved models' workbooks are kept by content hash;
// /healthz answers while a large export runs.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostingPool } from '../../server/costing/costingPool.js';
import type { WorkbookBuilder } from '../../server/services/workbookExports.js';
import { client } from './support/http.js';
import { sampleScenario } from './support/sampleScenario.js';
import { seedBasics } from './support/seed.js';
import { startTestServer, type TestServer } from './support/testServer.js';
import { sqliteTestDatabase, type TestDatabase } from './support/testStores.js';

let db: TestDatabase;
let tokens: Record<string, string>;
const servers: TestServer[] = [];
const pool = new CostingPool(1);
const exportPool = new CostingPool(1);

async function serve(buildWorkbook: WorkbookBuilder, config: Parameters<typeof startTestServer>[0]['config'] = {}): Promise<TestServer> {
  const server = await startTestServer({ store: db.store, buildWorkbook, config });
  servers.push(server);
  return server;
}

/** A model in `state`, through the API as people would make it. */
async function model(server: TestServer, state: 'draft' | 'approved', rows = 4): Promise<string> {
  const created = await client(server.url, tokens.analyst)('POST', '/cost-models', {
    unitId: 'A',
    title: `${state} ${rows}`,
    scenario: sampleScenario('A', rows),
  });
  expect(created.status).toBe(201);
  if (state === 'draft') return created.body.id;
  const submitted = await client(server.url, tokens.analyst)('POST', `/cost-models/${created.body.id}/submit`, undefined, {
    'if-match': created.headers.get('etag')!,
  });
  const approved = await client(server.url, tokens.manager)(
    'POST',
    `/cost-models/${created.body.id}/approve`,
    {},
    { 'if-match': submitted.headers.get('etag')! },
  );
  expect(approved.status).toBe(200);
  return created.body.id;
}

const exportOf = (server: TestServer, id: string) =>
  fetch(`${server.url}/cost-models/${id}/workbook.xlsx`, { headers: { authorization: `Bearer ${tokens.negotiator}` } });

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A server with `concurrency` export slots, a draft, and the negotiator's export of it running until `release` gives its bytes. */
async function oneExportRunning(concurrency: number) {
  const started = deferred<undefined>();
  const release = deferred<Buffer>();
  const server = await serve(
    async () => {
      started.resolve(undefined);
      return release.promise;
    },
    { exportConcurrency: concurrency },
  );
  const id = await model(server, 'draft');
  const first = exportOf(server, id);
  await started.promise;
  return { server, id, first, release };
}

beforeAll(async () => {
  db = await sqliteTestDatabase();
  tokens = (await seedBasics(db.store)).tokens;
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await pool.close();
  await exportPool.close();
  await db?.dispose();
});

describe('workbook exports', () => {
  it('refuses an export beyond EXPORT_CONCURRENCY with 503 and Retry-After, and serves it once one finishes', async () => {
    const { server, id, first, release } = await oneExportRunning(1);
    const second = await exportOf(server, id);
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('5');
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    // Load shedding, not a fault: one warning line without a stack, no error to page anyone for.
    const lines = server.logs
      .join('')
      .split('\n')
      .filter((l) => l.includes('"problem":"busy"') || l.includes('"level":50'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, problem: 'busy', msg: 'request refused' });
    expect(lines[0]).not.toContain('stack');
    release.resolve(Buffer.from('PK-first'));
    expect(Buffer.from(await (await first).arrayBuffer()).toString()).toBe('PK-first');
  });

  it('keeps a slot for others: one person holds all slots but one, and report PDFs share them with workbooks', async () => {
    const { server, id, first, release } = await oneExportRunning(2);
    const as = (token: string, path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    // The negotiator holds one of two slots: a second workbook, or a report PDF, is refused…
    const again = await exportOf(server, id);
    expect(again.status).toBe(503);
    expect(again.headers.get('retry-after')).toBe('5');
    expect(((await again.json()) as { detail: string }).detail).toBe(
      'you already have 1 export(s) being built, the most one person may run at once; try again when it is done',
    );
    expect((await as(tokens.negotiator!, `/cost-models/${id}/report/summary.pdf`)).status).toBe(503);
    // …while someone else still gets the other one (a report PDF, drawn for real).
    const analysts = await as(tokens.analyst!, `/cost-models/${id}/report/summary.pdf`);
    expect(analysts.status).toBe(200);
    expect(
      Buffer.from(await analysts.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    release.resolve(Buffer.from('PK-first'));
    expect((await first).status).toBe(200);
    // The slot is given back: the negotiator may export again.
    expect((await exportOf(server, id)).status).toBe(200);
  });

  it('answers HEAD from the model alone, without building the workbook', async () => {
    let built = 0;
    const server = await serve(async () => {
      built += 1;
      return Buffer.from('PK');
    });
    const id = await model(server, 'draft');
    const head = await fetch(`${server.url}/cost-models/${id}/workbook.xlsx`, { method: 'HEAD', headers: { authorization: `Bearer ${tokens.negotiator}` } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toContain('spreadsheetml');
    expect(head.headers.get('etag')).toBe(`"${id}.1"`);
    expect(built).toBe(0);
    const outside = await fetch(`${server.url}/cost-models/${id}/workbook.xlsx`, { method: 'HEAD', headers: { authorization: `Bearer ${tokens.analystB}` } });
    expect(outside.status).toBe(404);
  });

  it('answers 504 after EXPORT_TIMEOUT_SECONDS and stops the export (its signal fires)', async () => {
    let signalled: AbortSignal | undefined;
    const server = await serve(
      (_record, _successor, signal) => {
        signalled = signal;
        return new Promise<Buffer>(() => {});
      },
      { exportTimeoutMs: 20 },
    );
    const reply = await exportOf(server, await model(server, 'draft'));
    expect(reply.status).toBe(504);
    expect(((await reply.json()) as { type: string }).type).toBe('urn:bargaining-costing:problem:timed-out');
    expect(signalled?.aborted).toBe(true);
  });

  it('builds an approved model once and serves the kept workbook after; a draft is built every time', async () => {
    const built: string[] = [];
    const server = await serve(async (record) => {
      built.push(record.id);
      return Buffer.from(`PK-${record.id}-${built.length}`);
    });
    const approved = await model(server, 'approved');
    const draft = await model(server, 'draft');
    const bodies = [];
    for (const id of [approved, approved, draft, draft]) bodies.push(Buffer.from(await (await exportOf(server, id)).arrayBuffer()).toString());
    expect(built).toEqual([approved, draft, draft]);
    expect(bodies).toEqual([`PK-${approved}-1`, `PK-${approved}-1`, `PK-${draft}-2`, `PK-${draft}-3`]);
  });

  it('builds the real workbook in a worker; a timed-out worker is replaced and the next export succeeds', async () => {
    const viaPool: WorkbookBuilder = (record, successor, signal) => pool.workbook(record, successor, signal);
    const slow = await serve(viaPool, { exportTimeoutMs: 1 });
    const id = await model(slow, 'approved', 12);
    expect((await exportOf(slow, id)).status).toBe(504);
    const server = await serve(viaPool);
    const reply = await exportOf(server, id);
    expect(reply.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await reply.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toContain('Costing');
    const roster = workbook.getWorksheet('Roster')!;
    expect(roster.actualRowCount).toBe(12 + 2); // a title row and a header row, then the 12 employees
    expect(String(roster.getRow(3).values)).toContain('E1000');
  });

  it('answers /healthz while a large export and a large submit run in workers', { timeout: 300_000 }, async () => {
    const exporting = deferred<undefined>();
    const submitting = deferred<undefined>();
    const order: string[] = [];
    const work = pool.scenarioWork();
    const server = await startTestServer({
      store: db.store,
      costScenario: (s) => pool.cost(s),
      scenarioWork: {
        ...work,
        costStored: (json, withHash) => {
          const job = work.costStored(json, withHash);
          submitting.resolve(undefined);
          return job;
        },
      },
      buildWorkbook: (record, successor, signal) => {
        const job = exportPool.workbook(record, successor, signal);
        exporting.resolve(undefined);
        return job;
      },
    });
    servers.push(server);
    const big = { unitId: 'A', title: 'large', scenario: sampleScenario('A', 20_000) };
    const [first, second] = [
      await client(server.url, tokens.analyst)('POST', '/cost-models', big),
      await client(server.url, tokens.analyst)('POST', '/cost-models', big),
    ];
    expect([first.status, second.status]).toEqual([201, 201]);
    const exported = exportOf(server, first.body.id).then(async (reply) => {
      await reply.arrayBuffer();
      order.push(`export ${reply.status}`);
    });
    const submitted = client(server.url, tokens.analyst)('POST', `/cost-models/${second.body.id}/submit`, undefined, {
      'if-match': second.headers.get('etag')!,
    }).then((reply) => {
      order.push(`submit ${reply.status}`);
    });
    await Promise.all([exporting.promise, submitting.promise]);
    const health = await fetch(server.url.replace('/api/v1', '/healthz'));
    order.push(`healthz ${health.status}`);
    await Promise.all([exported, submitted]);
    expect(order[0]).toBe('healthz 200');
    expect(order.slice(1).sort()).toEqual(['export 200', 'submit 200']);
  });
});
