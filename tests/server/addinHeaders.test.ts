/**
 * Issue 9, defects 2 and 10: Excel on the web fetches functions.json and the ribbon icons from its
 * own origin, so those files carry the headers Microsoft's add-in templates serve
 * (Access-Control-Allow-Origin: *) and a cross-origin resource policy; the task pane may be framed
 * by every Office host the README supports; the API stays closed to other origins.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICE_FRAME_ANCESTORS } from '../../server/http/addinStatic.js';
import { startTestServer, type TestServer } from './support/testServer.js';
import { sqliteTestDatabase, type TestDatabase } from './support/testStores.js';

let db: TestDatabase;
let server: TestServer;
let base: string;
const addinDir = mkdtempSync(join(tmpdir(), 'bc-addin-headers-'));
const EXCEL_ON_THE_WEB = 'https://excel.officeapps.live.com';

beforeAll(async () => {
  mkdirSync(join(addinDir, 'assets'));
  writeFileSync(join(addinDir, 'taskpane.html'), '<!doctype html><title>pane</title>');
  writeFileSync(join(addinDir, 'functions.json'), '{"functions":[]}');
  writeFileSync(join(addinDir, 'functions.js'), '/* functions */');
  writeFileSync(join(addinDir, 'assets', 'icon-32.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  db = await sqliteTestDatabase();
  server = await startTestServer({ store: db.store, config: { addinDir } });
  base = server.url.replace('/api/v1', '');
});
afterAll(async () => {
  await server?.close();
  await db?.dispose();
  rmSync(addinDir, { recursive: true, force: true });
});

describe('the add-in files Office fetches from its own pages', () => {
  it.each(['/functions.json', '/functions.js', '/assets/icon-32.png'])('%s may be read by Excel on the web', async (path) => {
    const response = await fetch(`${base}${path}`, { headers: { Origin: EXCEL_ON_THE_WEB } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('the task pane may be framed by the worldwide, consumer and US government Office hosts', async () => {
    const pane = await fetch(`${base}/taskpane.html`);
    const csp = pane.headers.get('content-security-policy')!;
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)![1]!.split(' ');
    for (const host of [
      'https://*.officeapps.live.com',
      'https://*.sharepoint.com',
      'https://*.live.com',
      'https://*.office365.us',
      'https://*.sharepoint.us',
      'https://*.apps.mil',
      'https://*.sharepoint-mil.us',
      'https://*.cloud.microsoft',
    ]) {
      expect(ancestors).toContain(host);
    }
    expect(ancestors).toEqual([...OFFICE_FRAME_ANCESTORS]);
    expect(pane.headers.get('x-frame-options')).toBeNull();
  });
});

describe('the API stays closed to other origins', () => {
  it('answers without Access-Control-Allow-Origin and with a same-origin resource policy', async () => {
    const me = await fetch(`${server.url}/me`, { headers: { Origin: EXCEL_ON_THE_WEB, Authorization: 'Bearer not-a-token' } });
    expect(me.status).toBe(401);
    expect(me.headers.get('access-control-allow-origin')).toBeNull();
    expect(me.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    const preflight = await fetch(`${server.url}/me`, {
      method: 'OPTIONS',
      headers: { Origin: EXCEL_ON_THE_WEB, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});
