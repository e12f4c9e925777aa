import { statSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/scenario.js';
import { loadDemoData } from '../../server/demo/loadDemoData.js';
import { client } from './support/http.js';
import { startTestServer, type TestServer } from './support/testServer.js';
import { sqliteTestDatabase, type TestDatabase } from './support/testStores.js';

let db: TestDatabase;
let server: TestServer;
let tokens: Record<string, { token: string; role: string; units: string[] }>;
let tokensFile: string;

beforeAll(async () => {
  db = await sqliteTestDatabase();
  const loaded = await loadDemoData(db.store, db.location.dataDir, new Date('2026-06-01T09:00:00Z'));
  if (!loaded) throw new Error('demo data not loaded into an empty database');
  tokensFile = loaded.tokensFile;
  tokens = JSON.parse(readFileSync(tokensFile, 'utf8')).users;
  server = await startTestServer({ store: db.store, now: () => new Date('2026-06-15T12:00:00Z') });
});
afterAll(async () => {
  await server?.close();
  await db?.dispose();
});

const as = (who: string) => client(server.url, tokens[who]!.token);

describe('demo data: the City of Riverton', () => {
  it('loads only into an empty database', async () => {
    expect(await loadDemoData(db.store, db.location.dataDir, new Date())).toBeUndefined();
  });

  it('writes the demo tokens to a file only its owner can read', () => {
    expect(tokensFile).toBe(`${db.location.dataDir}/demo-tokens.json`);
    expect(statSync(tokensFile).mode & 0o777).toBe(0o600);
    expect(Object.keys(tokens).sort()).toEqual(['admin', 'analyst', 'fire-negotiator', 'manager', 'police-analyst', 'police-negotiator']);
  });

  it('has police, fire and miscellaneous units with templates of realistic size', async () => {
    const units = await as('admin')('GET', '/units');
    expect(units.body.units.map((u: { id: string }) => u.id)).toEqual(['RFFA', 'RMEA', 'RPOA']);
    const sizes: Record<string, number> = {};
    for (const id of ['RPOA', 'RFFA', 'RMEA']) {
      const template = await as('analyst')('GET', `/units/${id}/template?asOf=2026-06-15`);
      expect(template.status).toBe(200);
      const parsed = parseScenario(template.body);
      expect(parsed.ok, JSON.stringify(!parsed.ok && parsed.issues.slice(0, 3))).toBe(true);
      sizes[id] = template.body.roster.rows.length;
    }
    expect(sizes).toEqual({ RPOA: 143, RFFA: 114, RMEA: 238 });
  });

  it('has cost models in each state, the approved one with its published schedules', async () => {
    const list = await as('manager')('GET', '/cost-models');
    const states = list.body.costModels.map((m: { unitId: string; state: string }) => `${m.unitId}:${m.state}`).sort();
    expect(states).toEqual(['RFFA:draft', 'RMEA:returned', 'RPOA:approved', 'RPOA:submitted']);
    const approved = list.body.costModels.find((m: { state: string }) => m.state === 'approved');
    expect(approved.approval).toMatchObject({ approvedBy: 'manager', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const versions = await as('police-negotiator')('GET', '/units/RPOA/schedules');
    expect(versions.body.versions.map((v: { effective: string; source: string }) => `${v.effective} ${v.source}`)).toEqual([
      '2024-07-01 demo',
      '2025-07-01 demo',
      `2026-07-04 cost-model:${approved.id}`,
      `2027-07-03 cost-model:${approved.id}`,
      `2028-07-01 cost-model:${approved.id}`,
    ]);
    const fy27 = await as('police-negotiator')('GET', '/units/RPOA/schedules/current?asOf=2026-07-04');
    const current = await as('police-negotiator')('GET', '/units/RPOA/schedules/current?asOf=2026-07-03');
    // PO step 1 was 45.12 × 1.03 = 46.47 (FY26); the settlement's 3% publishes 46.47 × 1.03 = 47.8641 → 47.86
    expect(current.body.schedule.classes[0].steps[0]).toBe('46.47');
    expect(fy27.body.schedule.classes[0].steps[0]).toBe('47.86');
  });

  it('keeps each negotiator to their unit', async () => {
    const fire = await as('fire-negotiator')('GET', '/cost-models');
    expect(fire.body.costModels.map((m: { unitId: string }) => m.unitId)).toEqual(['RFFA']);
    expect((await as('fire-negotiator')('GET', '/units/RPOA/schedules/current')).status).toBe(403);
  });

  it('exports the approved model as a workbook with a Costing sheet and the approval block', async () => {
    const list = await as('manager')('GET', '/cost-models?state=approved');
    const id = list.body.costModels[0].id;
    // Lists and models name people, so the pane never shows a login id.
    expect(list.body.costModels[0].people[list.body.costModels[0].approval.approvedBy]).toBe('Morgan Reyes (budget manager)');
    expect((await as('manager')('GET', `/cost-models/${id}`)).body.people.manager).toBe('Morgan Reyes (budget manager)');
    const response = await fetch(`${server.url}/cost-models/${id}/workbook.xlsx`, {
      headers: { authorization: `Bearer ${tokens['police-negotiator']!.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="RPOA-.*-v1\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as any);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Costing', 'Schedule', 'Roster', 'Assumptions', 'Proposals']));
    const text: string[] = [];
    workbook.getWorksheet('Costing')!.eachRow((row) => row.eachCell((cell) => text.push(cell.text)));
    expect(text.join(' ')).toContain(list.body.costModels[0].contentHash);
    // The approver by name, not by login id.
    expect(text.join(' ')).toContain('Morgan Reyes (budget manager)');
  });
});
