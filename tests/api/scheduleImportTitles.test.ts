// Issue 10, item 8: a long-format schedule file (Class, Step, Rate: no Title column) keeps the class
// titles in force, and the dry run says so, instead of reporting every title changed to "".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../server/support/http.js';
import { startSeededTestServer, type TestServer } from '../server/support/testServer.js';

let server: TestServer;
let tokens: Record<string, string>;

let running: Awaited<ReturnType<typeof startSeededTestServer>> | undefined;
beforeAll(async () => {
  running = await startSeededTestServer();
  ({ server, tokens } = running);
});
afterAll(() => running?.close());

const longCsv = 'Class,Step,Rate\nPO,1,46.47\nPO,2,48.80\nPO,3,51.24\nPO,4,53.81\nPO,5,56.50\nSGT,1,62.68\nSGT,2,65.81\nCPL,1,55.00\n';

describe('long-format schedule import', () => {
  it('the dry run keeps the titles in force and says so; the import publishes them', async () => {
    const admin = client(server.url, tokens.admin);
    const dry = await admin('POST', '/units/A/schedules/import?effective=2026-07-01&dryRun=true', longCsv, { 'content-type': 'text/csv' });
    expect(dry.status, dry.text).toBe(200);
    // Version 1 (the seed) has PO "Police Officer" and SGT "Sergeant"; CPL is new and has no title to keep.
    expect(dry.body.titlesKept).toEqual({
      classes: ['PO', 'SGT'],
      fromVersion: 1,
      message: 'the import gives no title for PO, SGT: the titles of version 1 are kept',
    });
    expect(dry.body.diff.fieldsChanged).toEqual([]);
    expect(dry.body.diff.classesAdded).toEqual(['CPL']);
    expect(dry.body.diff.cellsChanged).toContainEqual({ class: 'SGT', step: 1, from: '60.85', to: '62.68' });

    const saved = await admin('POST', '/units/A/schedules/import?effective=2026-07-01', longCsv, { 'content-type': 'text/csv' });
    expect(saved.status, saved.text).toBe(201);
    const pulled = await client(server.url, tokens.negotiator)('GET', '/units/A/schedules/current?asOf=2026-07-01');
    expect(pulled.body.version).toBe(2);
    expect(pulled.body.schedule.classes.map((c: { code: string; title: string }) => [c.code, c.title])).toEqual([
      ['PO', 'Police Officer'],
      ['SGT', 'Sergeant'],
      ['CPL', ''],
    ]);
  });

  it('a file with titles still changes them', async () => {
    const csv = 'Class,Title,Step,Rate\nPO,Patrol Officer,1,46.47\n';
    const dry = await client(server.url, tokens.admin)('POST', '/units/B/schedules/import?effective=2026-07-01&dryRun=true', csv, {
      'content-type': 'text/csv',
    });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body.titlesKept).toBeUndefined();
    expect(dry.body.diff.fieldsChanged).toEqual([{ field: 'classes.PO.title', from: 'Police Officer', to: 'Patrol Officer' }]);
  });
});
