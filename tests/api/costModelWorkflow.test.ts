import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costScenario } from '../../shared/engine/costScenario.js';
import { parseScenario } from '../../shared/scenario.js';
import { costModelContentHash } from '../../server/services/contentHash.js';
import { client } from '../server/support/http.js';
import { sampleScenario } from '../server/support/sampleScenario.js';
import { seedBasics } from '../server/support/seed.js';
import { startTestServer, type TestServer } from '../server/support/testServer.js';
import { sqliteTestDatabase, type TestDatabase } from '../server/support/testStores.js';

let db: TestDatabase;
let server: TestServer;
let tokens: Record<string, string>;
const as = (who: string) => client(server.url, tokens[who]);
/** The ETag of a model as a reader sees it now. */
const etagOf = async (modelId: string) => (await as('negotiator')('GET', `/cost-models/${modelId}`)).headers.get('etag')!;

beforeAll(async () => {
  db = await sqliteTestDatabase();
  tokens = (await seedBasics(db.store)).tokens;
  server = await startTestServer({ store: db.store });
});
afterAll(async () => {
  await server?.close();
  await db?.dispose();
});

function expectedResult() {
  const parsed = parseScenario(sampleScenario('A'));
  if (!parsed.ok) throw new Error('sample scenario invalid');
  return { scenario: parsed.value, result: costScenario(parsed.value) };
}

describe('cost model lifecycle over HTTP', () => {
  let id: string;
  let etag: string;

  it('creates a draft with an ETag; the stored scenario has the defaults applied', async () => {
    const reply = await as('analyst')('POST', '/cost-models', { unitId: 'A', title: 'FY27 offer', scenario: sampleScenario('A') });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ unitId: 'A', title: 'FY27 offer', state: 'draft', version: 1, modelVersion: 1, result: null, createdBy: 'analyst' });
    expect(reply.body.scenario.roster.rows[0]).toMatchObject({ fte: '1', count: 1, vacant: false, medicare: true });
    id = reply.body.id;
    etag = reply.headers.get('etag')!;
    expect(etag).toBe(`"${id}.1"`);
    expect(reply.headers.get('location')).toBe(`/api/v1/cost-models/${id}`);
  });

  it('answers a conditional GET with 304', async () => {
    const reply = await as('negotiator')('GET', `/cost-models/${id}`, undefined, { 'if-none-match': etag });
    expect(reply.status).toBe(304);
  });

  it('requires If-Match on update (428) and refuses a stale one (412), so no update is lost', async () => {
    const missing = await as('analyst')('PUT', `/cost-models/${id}`, { title: 'x' });
    expect(missing.status).toBe(428);
    const first = await as('analyst')('PUT', `/cost-models/${id}`, { title: 'FY27 offer (rev)' }, { 'if-match': etag });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await as('analyst2')('PUT', `/cost-models/${id}`, { title: 'lost update' }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    etag = first.headers.get('etag')!;
    const now = await as('analyst')('GET', `/cost-models/${id}`);
    expect(now.body.title).toBe('FY27 offer (rev)');
  });

  it('on submit recomputes with the shared engine and stores its own result', async () => {
    const reply = await as('analyst')('POST', `/cost-models/${id}/submit`, undefined, { 'if-match': etag });
    expect(reply.status).toBe(200);
    expect(reply.body.state).toBe('submitted');
    expect(reply.body.submittedBy).toBe('analyst');
    const { result } = expectedResult();
    expect(reply.body.result).toEqual(JSON.parse(JSON.stringify(result)));
    expect(reply.body.result.proposals[0].increaseTotal.total).toMatch(/^\d+\.\d{2}$/);
  });

  it('refuses editing a submitted model', async () => {
    const current = await as('analyst')('GET', `/cost-models/${id}`);
    const reply = await as('analyst')('PUT', `/cost-models/${id}`, { title: 'edit' }, { 'if-match': current.headers.get('etag')! });
    expect(reply.status).toBe(409);
  });

  it('forbids a manager to approve a model they submitted', async () => {
    const other = await as('analyst')('POST', '/cost-models', { unitId: 'A', title: 'self', scenario: sampleScenario('A') });
    await as('analyst')('POST', `/cost-models/${other.body.id}/submit`, undefined, { 'if-match': other.headers.get('etag')! });
    await db.store.setUserRole('analyst', 'manager');
    try {
      const reply = await as('analyst')('POST', `/cost-models/${other.body.id}/approve`, { comment: 'mine' }, { 'if-match': await etagOf(other.body.id) });
      expect(reply.status).toBe(403);
      expect(reply.body.detail).toMatch(/submitted/);
    } finally {
      await db.store.setUserRole('analyst', 'analyst');
    }
  });

  it('forbids approval by anyone who wrote a revision, though a colleague submitted it (issue 10 #11)', async () => {
    const created = await as('analyst')('POST', '/cost-models', { unitId: 'A', title: 'two authors', scenario: sampleScenario('A') });
    const edited = await as('analyst2')(
      'PUT',
      `/cost-models/${created.body.id}`,
      { title: 'two authors, edited' },
      { 'if-match': created.headers.get('etag')! },
    );
    expect(edited.status).toBe(200);
    await as('analyst')('POST', `/cost-models/${created.body.id}/submit`, undefined, { 'if-match': edited.headers.get('etag')! });
    await db.store.setUserRole('analyst2', 'manager');
    try {
      const reply = await as('analyst2')('POST', `/cost-models/${created.body.id}/approve`, {}, { 'if-match': await etagOf(created.body.id) });
      expect(reply.status).toBe(403);
      expect(reply.body.detail).toMatch(/another manager must approve/);
      expect((await as('negotiator')('GET', `/cost-models/${created.body.id}`)).body.state).toBe('submitted');
    } finally {
      await db.store.setUserRole('analyst2', 'analyst');
    }
    // A manager who only decided on it (returned it) is not an author.
    const returned = await as('manager2')(
      'POST',
      `/cost-models/${created.body.id}/return`,
      { comment: 'again' },
      { 'if-match': await etagOf(created.body.id) },
    );
    expect(returned.status).toBe(200);
    await as('analyst')('POST', `/cost-models/${created.body.id}/submit`, undefined, { 'if-match': returned.headers.get('etag')! });
    const approved = await as('manager2')('POST', `/cost-models/${created.body.id}/approve`, {}, { 'if-match': await etagOf(created.body.id) });
    expect(approved.status).toBe(200);
  });

  it('forbids approval of a successor by an author of the model it supersedes', async () => {
    const created = await as('analyst')('POST', '/cost-models', { unitId: 'A', title: 'v1 by analyst', scenario: sampleScenario('A') });
    const submitted = await as('analyst')('POST', `/cost-models/${created.body.id}/submit`, undefined, { 'if-match': created.headers.get('etag')! });
    const approved = await as('manager')('POST', `/cost-models/${created.body.id}/approve`, {}, { 'if-match': submitted.headers.get('etag')! });
    const successor = await as('analyst2')('POST', `/cost-models/${created.body.id}/supersede`, {}, { 'if-match': approved.headers.get('etag')! });
    const resubmitted = await as('analyst2')('POST', `/cost-models/${successor.body.id}/submit`, undefined, { 'if-match': successor.headers.get('etag')! });
    expect(resubmitted.status).toBe(200);
    await db.store.setUserRole('analyst', 'manager');
    try {
      const reply = await as('analyst')('POST', `/cost-models/${successor.body.id}/approve`, {}, { 'if-match': resubmitted.headers.get('etag')! });
      expect(reply.status).toBe(403);
    } finally {
      await db.store.setUserRole('analyst', 'analyst');
    }
    expect((await as('manager2')('POST', `/cost-models/${successor.body.id}/approve`, {}, { 'if-match': resubmitted.headers.get('etag')! })).status).toBe(200);
  });

  it('requires If-Match naming a revision (428 without it or with *) on submit, approve, return, supersede and publish, changing nothing', async () => {
    const created = await as('analyst')('POST', '/cost-models', { unitId: 'A', title: 'unconditional', scenario: sampleScenario('A') });
    const mid = created.body.id;
    const submit = await as('analyst')('POST', `/cost-models/${mid}/submit`);
    expect(submit.status).toBe(428);
    expect(submit.headers.get('content-type')).toContain('application/problem+json');
    expect(submit.body.detail).toContain(`"${mid}.1"`);
    expect((await as('analyst')('POST', `/cost-models/${mid}/submit`, undefined, { 'if-match': `"${mid}.1"` })).status).toBe(200);
    expect((await as('manager')('POST', `/cost-models/${mid}/approve`, {})).status).toBe(428);
    // "*" matches any revision: it would approve whatever is current, read or not.
    const wildcard = await as('manager')('POST', `/cost-models/${mid}/approve`, {}, { 'if-match': '*' });
    expect(wildcard.status).toBe(428);
    expect(wildcard.body.detail).toBe(
      `If-Match: * names no revision: send the ETag of the revision you read (now "${mid}.2"), so you act on exactly that revision`,
    );
    expect((await as('manager')('POST', `/cost-models/${mid}/return`, { comment: 'x' })).status).toBe(428);
    expect((await as('manager')('POST', `/cost-models/${mid}/return`, { comment: 'x' }, { 'if-match': `*, "${mid}.2"` })).status).toBe(428);
    // A list of ETags is as good as "*" (they are "<id>.<revision>"): refused, and the model is left as it was.
    const list = Array.from({ length: 5 }, (_, i) => `"${mid}.${i + 1}"`).join(', ');
    const listed = await as('manager')('POST', `/cost-models/${mid}/approve`, {}, { 'if-match': list });
    expect(listed.status).toBe(428);
    expect(listed.body.detail).toBe(
      `If-Match names 5 revisions: send the one ETag of the revision you read (now "${mid}.2"), so you act on exactly that revision`,
    );
    expect((await as('negotiator')('GET', `/cost-models/${mid}`)).body).toMatchObject({ state: 'submitted', version: 2 });
    const approved = await as('manager')('POST', `/cost-models/${mid}/approve`, {}, { 'if-match': `"${mid}.2"` });
    expect(approved.status).toBe(200);
    expect((await as('analyst')('POST', `/cost-models/${mid}/supersede`, {})).status).toBe(428);
    expect((await as('manager')('POST', `/cost-models/${mid}/publish-schedules`, {})).status).toBe(428);
    expect((await as('manager')('POST', `/cost-models/${mid}/publish-schedules`, {}, { 'if-match': `"${mid}.2"` })).status).toBe(412);
    expect((await as('negotiator')('GET', `/cost-models/${mid}`)).body.supersededBy).toBeNull();
  });

  it('approves with the server result, content hash, approver, time, comment and the revision approved', async () => {
    const reply = await as('manager')('POST', `/cost-models/${id}/approve`, { comment: 'Reviewed with Finance' }, { 'if-match': await etagOf(id) });
    expect(reply.status).toBe(200);
    const { scenario, result } = expectedResult();
    const hash = costModelContentHash(scenario, JSON.parse(JSON.stringify(result)));
    // Created (1), retitled (2), submitted (3): revision 3 is what the manager read and approved; the approved record is 4.
    expect(reply.body).toMatchObject({
      state: 'approved',
      version: 4,
      contentHash: hash,
      approval: { approvedBy: 'manager', revision: 3, comment: 'Reviewed with Finance', contentHash: hash },
    });
    const audit = await as('manager')('GET', `/cost-models/${id}/audit`);
    expect(audit.body.events.find((e: { action: string }) => e.action === 'cost-model.approved')).toMatchObject({
      fromVersion: 3,
      toVersion: 4,
      detail: { approvedRevision: 3 },
    });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(reply.body.approval.approvedAt)).not.toBeNaN();
    expect(reply.body.result).toEqual(JSON.parse(JSON.stringify(result)));
  });

  it('never edits an approved model; supersede makes a new draft version and leaves it approved', async () => {
    const current = await as('analyst')('GET', `/cost-models/${id}`);
    const edit = await as('analyst')('PUT', `/cost-models/${id}`, { title: 'edit' }, { 'if-match': current.headers.get('etag')! });
    expect(edit.status).toBe(409);
    const approvedTag = current.headers.get('etag')!;
    const again = await as('manager2')('POST', `/cost-models/${id}/approve`, {}, { 'if-match': approvedTag });
    expect(again.status).toBe(409);
    const next = await as('analyst')('POST', `/cost-models/${id}/supersede`, { title: 'FY27 offer v2' }, { 'if-match': approvedTag });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ state: 'draft', modelVersion: 2, supersedes: id, lineageId: id, title: 'FY27 offer v2' });
    const twice = await as('analyst')('POST', `/cost-models/${id}/supersede`, {}, { 'if-match': approvedTag });
    expect(twice.status).toBe(409);
    const old = await as('analyst')('GET', `/cost-models/${id}`);
    expect(old.body).toMatchObject({ state: 'approved', supersededBy: next.body.id, contentHash: current.body.contentHash });
  });

  it('returns a submitted model with a required comment; the analyst edits and resubmits', async () => {
    const created = await as('analyst')('POST', '/cost-models', { unitId: 'A', title: 'to return', scenario: sampleScenario('A') });
    const mid = created.body.id;
    const submitted = await as('analyst')('POST', `/cost-models/${mid}/submit`, undefined, { 'if-match': created.headers.get('etag')! });
    const noComment = await as('manager')('POST', `/cost-models/${mid}/return`, {}, { 'if-match': submitted.headers.get('etag')! });
    expect(noComment.status).toBe(400);
    expect(noComment.body.errors[0].path).toBe('body.comment');
    const returned = await as('manager')('POST', `/cost-models/${mid}/return`, { comment: 'Add the lump sum' }, { 'if-match': submitted.headers.get('etag')! });
    expect(returned.body).toMatchObject({ state: 'returned', returned: { returnedBy: 'manager', comment: 'Add the lump sum' } });
    const edited = await as('analyst')('PUT', `/cost-models/${mid}`, { title: 'returned and fixed' }, { 'if-match': returned.headers.get('etag')! });
    expect(edited.body.state).toBe('draft');
    expect((await as('analyst')('POST', `/cost-models/${mid}/submit`, undefined, { 'if-match': edited.headers.get('etag')! })).body.state).toBe('submitted');
  });

  it('keeps an append-only audit trail of every state change, with versions', async () => {
    const reply = await as('manager')('GET', `/cost-models/${id}/audit`);
    expect(reply.status).toBe(200);
    const events = reply.body.events as { action: string; actorId: string; fromVersion: number | null; toVersion: number | null }[];
    expect(events.map((e) => e.action)).toEqual([
      'cost-model.created',
      'cost-model.updated',
      'cost-model.submitted',
      'cost-model.approved',
      'cost-model.superseded',
    ]);
    expect(events.map((e) => e.actorId)).toEqual(['analyst', 'analyst', 'analyst', 'manager', 'analyst']);
    expect(events.slice(1, 4).map((e) => [e.fromVersion, e.toVersion])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    const all = await as('admin')('GET', '/audit');
    expect(all.body.events.length).toBeGreaterThan(events.length);
  });

  it('publishes the schedules the approved settlement creates, once', async () => {
    const approvedTag = await etagOf(id);
    const reply = await as('manager')('POST', `/cost-models/${id}/publish-schedules`, {}, { 'if-match': approvedTag });
    expect(reply.status).toBe(201);
    expect(reply.body.published.map((p: { effective: string; version: number }) => [p.effective, p.version])).toEqual([
      ['2026-07-01', 2],
      ['2027-07-01', 3],
    ]);
    const july26 = await as('negotiator')('GET', '/units/A/schedules/current?asOf=2026-07-01');
    // PO step 1: 45.12 × 1.03 = 46.4736 → 46.47; SGT step 1: 60.85 × 1.03 = 62.6755 → 62.68, × 1.015 = 63.6202 → 63.62
    expect(july26.body.schedule.classes[0].steps).toEqual(['46.47', '48.80', '51.24', '53.81', '56.50']);
    // SGT step 2: 63.89 × 1.03 = 65.8067 → 65.81, × 1.015 = 66.79715 → 66.80 (compounds on the published rate)
    expect(july26.body.schedule.classes[1].steps).toEqual(['63.62', '66.80']);
    const july27 = await as('negotiator')('GET', '/units/A/schedules/current?asOf=2027-07-01');
    // 46.47 × 1.025 = 47.63175 → 47.63; new top step 57.91 × 1.05 = 60.8055 → 60.81
    expect(july27.body.schedule.classes[0].steps).toEqual(['47.63', '50.02', '52.52', '55.16', '57.91', '60.81']);
    expect(july27.body.schedule.effective).toBe('2027-07-01');
    const again = await as('manager')('POST', `/cost-models/${id}/publish-schedules`, {}, { 'if-match': approvedTag });
    expect(again.status).toBe(409);
  });

  it('exports a draft with the server costing it, and one that cannot be costed with the reason on its Costing sheet', async () => {
    const draft = await as('analyst')('POST', '/cost-models', { unitId: 'A', title: 'draft export', scenario: sampleScenario('A') });
    const ok = await fetch(`${server.url}/cost-models/${draft.body.id}/workbook.xlsx`, { headers: { authorization: `Bearer ${tokens.negotiator}` } });
    expect(ok.status).toBe(200);
    expect(
      Buffer.from(await ok.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const s = sampleScenario('A');
    s.assumptions.pension = {};
    const broken = await as('analyst')('POST', '/cost-models', { unitId: 'A', title: 'broken', scenario: s });
    const reply = await fetch(`${server.url}/cost-models/${broken.body.id}/workbook.xlsx`, { headers: { authorization: `Bearer ${tokens.negotiator}` } });
    expect(reply.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await reply.arrayBuffer());
    const costing = workbook.getWorksheet('Costing')!;
    expect(String(costing.getCell('A1').value)).toMatch(/^Not costed yet \(state: draft\)/);
    expect(String(costing.getCell('A2').value)).toMatch(/^It cannot be costed as it stands: .*classic/);
  });

  it('reports a scenario that cannot be costed as 422 naming the problem', async () => {
    const s = sampleScenario('A');
    s.assumptions.pension = {};
    const created = await as('analyst')('POST', '/cost-models', { unitId: 'A', title: 'no pension rates', scenario: s });
    expect(created.status).toBe(201);
    const reply = await as('analyst')('POST', `/cost-models/${created.body.id}/submit`, undefined, { 'if-match': created.headers.get('etag')! });
    expect(reply.status).toBe(422);
    expect(reply.body.errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(reply.body.errors)).toMatch(/classic/);
  });
});
