import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/scenario.js';
import { client } from '../server/support/http.js';
import { sampleSchedule } from '../server/support/sampleScenario.js';
import { seedBasics } from '../server/support/seed.js';
import { startTestServer, type TestServer } from '../server/support/testServer.js';
import { sqliteTestDatabase, type TestDatabase } from '../server/support/testStores.js';

let db: TestDatabase;
let server: TestServer;
let tokens: Record<string, string>;
const as = (who: string) => client(server.url, tokens[who]);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  db = await sqliteTestDatabase();
  tokens = (await seedBasics(db.store)).tokens;
  server = await startTestServer({ store: db.store, now: () => new Date('2026-06-15T12:00:00Z') });
});
afterAll(async () => {
  await server?.close();
  await db?.dispose();
});

describe('schedule pulls', () => {
  it('serves the version in force with an ETag, and 304 for a matching If-None-Match', async () => {
    const first = await as('negotiator')('GET', '/units/A/schedules/current');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ unitId: 'A', version: 1, effective: '2025-07-01', schedule: { id: 'A-2025-07', rateBasis: 'hourly' } });
    expect(first.body.schedule.classes[0].steps).toEqual(['45.12', '47.38', '49.75', '52.24', '54.85']);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"A\.1\.[0-9a-f]{16}"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const second = await as('negotiator')('GET', '/units/A/schedules/current', undefined, { 'if-none-match': etag });
    expect(second.status).toBe(304);
    expect(second.text).toBe('');
    const weak = await as('negotiator')('GET', '/units/A/schedules/current', undefined, { 'if-none-match': `"x", W/${etag}` });
    expect(weak.status).toBe(304);
    const other = await as('negotiator')('GET', '/units/A/schedules/current', undefined, { 'if-none-match': '"A.0.0"' });
    expect(other.status).toBe(200);
  });

  it('answers 404 before the first effective date', async () => {
    const reply = await as('negotiator')('GET', '/units/A/schedules/current?asOf=2020-01-01');
    expect(reply.status).toBe(404);
  });
});

describe('schedule import and the changes feed', () => {
  let cursor: string;

  it('starts the feed with the seeded versions in scope', async () => {
    const reply = await as('negotiator')('GET', '/schedules/changes');
    expect(reply.body.changes.map((c: { unitId: string; version: number }) => `${c.unitId}${c.version}`)).toEqual(['A1']);
    cursor = reply.body.cursor;
    const empty = await as('negotiator')('GET', `/schedules/changes?since=${cursor}`);
    expect(empty.body).toEqual({ changes: [], cursor, hasMore: false });
  });

  it('a dry run returns the differences against the version in force and changes nothing', async () => {
    const next = sampleSchedule('A-2026-07', '2026-07-01');
    next.classes[0]!.steps = ['46.47', '48.80', '49.75', '52.24', '54.85', '57.59'];
    next.classes = [next.classes[0]!, { code: 'CPL', title: 'Corporal', stepMonths: 12, steps: ['55.00'] }];
    const reply = await as('admin')('POST', '/units/A/schedules/import?dryRun=true', next);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      dryRun: true,
      created: false,
      unitId: 'A',
      effective: '2026-07-01',
      against: { version: 1, effective: '2025-07-01' },
      diff: {
        unchanged: false,
        classesAdded: ['CPL'],
        classesRemoved: ['SGT'],
        cellsChanged: [
          { class: 'PO', step: 1, from: '45.12', to: '46.47' },
          { class: 'PO', step: 2, from: '47.38', to: '48.80' },
          { class: 'PO', step: 6, from: null, to: '57.59' },
        ],
        fieldsChanged: [],
      },
    });
    const list = await as('admin')('GET', '/units/A/schedules');
    expect(list.body.versions).toHaveLength(1);
  });

  it('a real import adds version 2, audited, which the feed then delivers once', async () => {
    const next = sampleSchedule('A-2026-07', '2026-07-01');
    next.classes[0]!.steps = ['46.47', '48.80', '51.24', '53.81', '56.50'];
    // Pulled (and its body kept in memory) before the import: the next pull must not serve it.
    const pulledBefore = await as('negotiator')('GET', '/units/A/schedules/current?asOf=2026-07-01');
    expect(pulledBefore.body.version).toBe(1);
    const reply = await as('admin')('POST', '/units/A/schedules/import', next);
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ created: true, version: 2, diff: { cellsChanged: expect.any(Array) } });
    expect(reply.body.diff.cellsChanged).toHaveLength(5);
    const again = await as('admin')('POST', '/units/A/schedules/import', next);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, diff: { unchanged: true } });
    const feed = await as('negotiator')('GET', `/schedules/changes?since=${cursor}`);
    expect(feed.body.changes.map((c: { version: number }) => c.version)).toEqual([2]);
    expect(feed.body.changes[0].schedule.classes[0].steps[0]).toBe('46.47');
    const after = await as('negotiator')('GET', `/schedules/changes?since=${feed.body.cursor}`);
    expect(after.body.changes).toEqual([]);
    const before = await as('negotiator')('GET', '/units/A/schedules/current?asOf=2026-06-30');
    expect(before.body.version).toBe(1);
    const inForce = await as('negotiator')('GET', '/units/A/schedules/current?asOf=2026-07-01', undefined, {
      'if-none-match': pulledBefore.headers.get('etag')!,
    });
    expect(inForce.status).toBe(200);
    expect(inForce.body.version).toBe(2);
    expect(inForce.body.schedule.classes[0].steps[0]).toBe('46.47');
    expect(inForce.headers.get('etag')).not.toBe(pulledBefore.headers.get('etag'));
    const audit = await as('admin')('GET', '/audit?unitId=A');
    const imported = audit.body.events.filter((e: { action: string }) => e.action === 'schedule.imported');
    expect(imported.at(-1)).toMatchObject({
      actorId: 'admin',
      entityId: 'A/2',
      fromVersion: 1,
      toVersion: 2,
      detail: { source: 'import:json', cellsChanged: 5 },
    });
  });

  it('pages the feed with limit and hasMore', async () => {
    const page = await as('admin')('GET', '/schedules/changes?since=0&limit=1');
    expect(page.body.changes).toHaveLength(1);
    expect(page.body.hasMore).toBe(true);
    const rest = await as('admin')('GET', `/schedules/changes?since=${page.body.cursor}&limit=100`);
    expect(rest.body.changes.map((c: { unitId: string; version: number }) => `${c.unitId}${c.version}`)).toEqual(['B1', 'A2']);
  });

  it('imports a CSV export (wide: Class, Title, Step n)', async () => {
    const csv = 'Class,Title,Step 1,Step 2,Step 3\r\nPO,Police Officer,47.63,50.02,52.52\r\nSGT,Sergeant,65.00,68.25,\r\n';
    const dry = await as('admin')('POST', '/units/B/schedules/import?effective=2027-07-01&dryRun=true', csv, { 'content-type': 'text/csv' });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body.diff.cellsChanged).toEqual([
      { class: 'PO', step: 1, from: '45.12', to: '47.63' },
      { class: 'PO', step: 2, from: '47.38', to: '50.02' },
      { class: 'PO', step: 3, from: '49.75', to: '52.52' },
      { class: 'PO', step: 4, from: '52.24', to: null },
      { class: 'PO', step: 5, from: '54.85', to: null },
      { class: 'SGT', step: 1, from: '60.85', to: '65.00' },
      { class: 'SGT', step: 2, from: '63.89', to: '68.25' },
    ]);
    const saved = await as('admin')('POST', '/units/B/schedules/import?effective=2027-07-01&scheduleId=B-FY28', csv, { 'content-type': 'text/csv' });
    expect(saved.status).toBe(201);
    const pulled = await as('admin')('GET', '/units/B/schedules/current?asOf=2027-07-01');
    expect(pulled.body.schedule).toMatchObject({
      id: 'B-FY28',
      effective: '2027-07-01',
      classes: [{ code: 'PO', steps: ['47.63', '50.02', '52.52'] }, { code: 'SGT' }],
    });
  });

  it('imports an XLSX export', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('HR export');
    sheet.addRow(['Classification', 'Title', 'Step 1', 'Step 2']);
    sheet.addRow(['PO', 'Police Officer', 48.5, 51]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const reply = await as('admin')('POST', '/units/B/schedules/import?effective=2028-07-01', buffer, { 'content-type': XLSX });
    expect(reply.status, reply.text).toBe(201);
    const pulled = await as('admin')('GET', '/units/B/schedules/current?asOf=2028-07-01');
    expect(pulled.body.schedule.classes).toEqual([{ code: 'PO', title: 'Police Officer', stepMonths: 12, steps: ['48.50', '51.00'] }]);
  });
});

describe('unit template', () => {
  it('is a valid scenario document with the schedule in force and the stored roster, no proposals', async () => {
    const reply = await as('analyst')('GET', '/units/A/template?asOf=2026-07-15');
    expect(reply.status).toBe(200);
    const parsed = parseScenario(reply.body);
    expect(parsed.ok).toBe(true);
    expect(reply.body.schedule.id).toBe('A-2026-07');
    expect(reply.body.roster.rows).toHaveLength(4);
    expect(reply.body.proposals).toEqual([]);
  });
});
