// GET /cost-models/:id/report/<view>.pdf and POST /reports/<view>.pdf over real HTTP: the same role
// and unit checks as the model, problem+json for bad input (never a 500), an approved model's PDF
// with its approval by name and its content hash, figures equal to the stored costing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostingPool } from '../../server/costing/costingPool.js';
import { costScenario, parseScenario, type CostingResult } from '../../shared/index.js';
import { buildReport } from '../../shared/reports/index.js';
import { client } from '../server/support/http.js';
import { sampleScenario } from '../server/support/sampleScenario.js';
import { seedBasics } from '../server/support/seed.js';
import { startTestServer, type TestServer } from '../server/support/testServer.js';
import { sqliteTestDatabase, type TestDatabase } from '../server/support/testStores.js';
import { expectedSummary } from './expectedFigures.js';
import { fundedScenario } from './fundedScenario.js';
import { missingInOrder, pdfText } from './pdfText.js';
import { expectedTexts } from './printedTables.js';

const engineReports12 = costScenario(fundedScenario()).positions !== undefined;

let db: TestDatabase;
let server: TestServer;
let tokens: Record<string, string>;
const as = (who: string) => client(server.url, tokens[who]);

/** The response as bytes (the shared test client reads bodies as text, which would mangle a PDF). */
async function pdf(
  who: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; type: string | null; bytes: Uint8Array; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${tokens[who]}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    bytes: new Uint8Array(await response.arrayBuffer()),
    headers: response.headers,
  };
}

beforeAll(async () => {
  db = await sqliteTestDatabase();
  tokens = (await seedBasics(db.store)).tokens;
  server = await startTestServer({ store: db.store, now: () => new Date('2026-11-23T18:05:00.000Z') });
});
afterAll(async () => {
  await server?.close();
  await db?.dispose();
});

describe('report PDFs over HTTP', () => {
  let id: string;

  beforeAll(async () => {
    const created = await as('analyst')('POST', '/cost-models', { unitId: 'A', title: 'FY27 offer', scenario: sampleScenario('A') });
    expect(created.status).toBe(201);
    id = created.body.id;
  });

  it('an unknown report or a bad query is a problem naming it; a model outside your units is not found', async () => {
    const unknown = await as('analyst')('GET', `/cost-models/${id}/report/budget.pdf`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toContain('the reports are summary.pdf, disclosure.pdf, reconcile.pdf, by-fund.pdf, by-department.pdf');
    const badZone = await as('analyst')('GET', `/cost-models/${id}/report/summary.pdf?tz=Mars/Olympus`);
    expect(badZone.status).toBe(400);
    expect(badZone.body.errors).toEqual([{ path: 'query.tz', message: 'must be an IANA time zone such as America/Los_Angeles' }]);
    // The summary shows every proposal: a proposal named for it is refused, not silently ignored.
    const named = await as('analyst')('GET', `/cost-models/${id}/report/summary.pdf?proposal=nope`);
    expect(named.status).toBe(400);
    expect(named.body.errors).toEqual([
      {
        path: 'query.proposal',
        message: 'the summary report shows every proposal: leave proposal out (it chooses one for the disclosure or a reconciliation)',
      },
    ]);
    const badLine = await as('analyst')('GET', `/cost-models/${id}/report/disclosure.pdf?line=nothing`);
    expect(badLine.status).toBe(400);
    expect(badLine.body.errors[0].path).toBe('query.line[0]');
    const other = await as('analystB')('GET', `/cost-models/${id}/report/summary.pdf`);
    expect(other.status).toBe(404);
    const outside = await as('analystB')('POST', '/reports/summary.pdf', { scenario: sampleScenario('A') });
    expect(outside.status).toBe(404);
    const noBody = await as('analyst')('POST', '/reports/summary.pdf', { scenario: { unit: { id: 'A' } } });
    expect(noBody.status).toBe(400);
    // No scenario at all: a 400 naming what the body needs, not "no unit undefined in your scope".
    const nullScenario = await as('analyst')('POST', '/reports/summary.pdf', { scenario: null });
    expect(nullScenario.status).toBe(400);
    expect(nullScenario.body.errors[0].path).toBe('body.scenario.unit.id');
    const objectLine = await as('analyst')('POST', '/reports/disclosure.pdf', { scenario: sampleScenario('A'), line: { a: 1 } });
    expect(objectLine.status).toBe(400);
    expect(objectLine.body.errors[0]).toEqual({ path: 'body.line', message: 'must be NAME=LINE text, or a list of them (at most 100)' });
  });

  it.skipIf(!engineReports12)('a draft\u2019s summary: the engine\u2019s figures, a draft banner, off the request thread', async () => {
    const reply = await pdf('negotiator', `/cost-models/${id}/report/summary.pdf?tz=America/Los_Angeles`);
    expect(reply.status).toBe(200);
    expect(reply.type).toBe('application/pdf');
    expect(reply.headers.get('cache-control')).toBe('no-store');
    const parsed = parseScenario(sampleScenario('A'));
    if (!parsed.ok) throw new Error('sample invalid');
    const result = costScenario(parsed.value);
    const doc = buildReport('summary', result, parsed.value);
    if (!doc.ok) throw new Error('summary');
    const read = await pdfText(reply.bytes);
    expect(missingInOrder(read.pages.flat(), expectedTexts(expectedSummary(result), doc.report))).toEqual([]);
    expect(read.pages.flat()).toContain('DRAFT — not approved');
  });

  it.skipIf(!engineReports12)('an approved model\u2019s PDF names the approver and carries the content hash', async () => {
    const submit = await as('analyst')('POST', `/cost-models/${id}/submit`, {}, { 'if-match': `"${id}.1"` });
    expect(submit.status).toBe(200);
    const approve = await as('manager')('POST', `/cost-models/${id}/approve`, { comment: 'Within budget' }, { 'if-match': submit.headers.get('etag')! });
    expect(approve.status).toBe(200);
    const hash = approve.body.contentHash as string;
    const stored = (await as('manager')('GET', `/cost-models/${id}`)).body.result as CostingResult;
    const reply = await pdf('negotiator', `/cost-models/${id}/report/disclosure.pdf?tz=America/Los_Angeles`);
    expect(reply.status).toBe(200);
    const text = (await pdfText(reply.bytes)).pages.flat().join(' ');
    expect(text).toContain('Approved by User manager on Nov 23, 2026');
    expect(text).toContain(hash);
    expect(text).not.toContain('DRAFT');
    expect(stored.fiscalYears.length).toBeGreaterThan(0);
  });

  it.skipIf(!engineReports12)('a working costing not saved as a model (the add-in\u2019s Download PDF)', async () => {
    const reply = await pdf('analyst', '/reports/by-fund.pdf', { method: 'POST', body: { scenario: sampleScenario('A'), tz: 'UTC' } });
    expect(reply.status).toBe(200);
    const text = (await pdfText(reply.bytes)).pages.flat();
    expect(text).toContain('Cost by fund');
  });
});

describe('report PDFs drawn on a worker thread, as the server draws them', () => {
  const exportPool = new CostingPool(1);
  let onWorker: TestServer;
  beforeAll(async () => {
    onWorker = await startTestServer({ store: db.store, renderReportPdf: (request) => exportPool.reportPdf(request) });
  });
  afterAll(async () => {
    await onWorker?.close();
    await exportPool.close();
  });
  const post = (body: string) =>
    fetch(`${onWorker.url}/reports/summary.pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.analyst}`, 'content-type': 'application/json' },
      body,
    });

  it('reads, checks and costs the posted body there: a PDF, or the caller\u2019s problem with its place', async () => {
    const ok = await post(JSON.stringify({ scenario: sampleScenario('A') }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    expect(ok.headers.get('content-disposition')).toBe('inline; filename="A-summary.pdf"');

    const float = await post(JSON.stringify({ scenario: sampleScenario('A') }).replace('"step":1', '"step":1.0'));
    expect(float.status).toBe(400);
    expect(((await float.json()) as { errors: { path: string }[] }).errors[0]!.path).toMatch(/^scenario\.roster\.rows\[\d+\]\.step$/);

    const syntax = await post('{"scenario": {"unit": {"id": "A"},}}');
    expect(syntax.status).toBe(400);
    expect(((await syntax.json()) as { detail: string }).detail).toMatch(/^the request body is not valid JSON at line 1, column 35 \(/);

    const outside = await fetch(`${onWorker.url}/reports/summary.pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.analystB}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: sampleScenario('A') }),
    });
    expect(outside.status).toBe(404);
  });
});
