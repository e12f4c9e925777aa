import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/testServer.js';
import { sqliteTestDatabase, type TestDatabase } from './support/testStores.js';

let db: TestDatabase;
let server: TestServer;
let base: string;
const addinDir = mkdtempSync(join(tmpdir(), 'bc-addin-'));

beforeAll(async () => {
  writeFileSync(join(addinDir, 'taskpane.html'), '<!doctype html><title>pane</title>');
  writeFileSync(join(addinDir, 'functions.json'), '{"functions":[]}');
  db = await sqliteTestDatabase();
  server = await startTestServer({ store: db.store, config: { addinDir } });
  base = server.url.replace('/api/v1', '');
});
afterAll(async () => {
  await server?.close();
  await db?.dispose();
  rmSync(addinDir, { recursive: true, force: true });
});

describe('the built add-in on the same origin', () => {
  it('serves the task pane and functions without authentication, framable by Office', async () => {
    const pane = await fetch(`${base}/taskpane.html`);
    expect(pane.status).toBe(200);
    expect(await pane.text()).toContain('<title>pane</title>');
    const csp = pane.headers.get('content-security-policy')!;
    expect(csp).toContain('frame-ancestors');
    expect(csp).toContain('https://*.officeapps.live.com');
    expect(csp).toContain('https://appsforoffice.microsoft.com');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(pane.headers.get('x-frame-options')).toBeNull();
    expect(await (await fetch(`${base}/functions.json`)).json()).toEqual({ functions: [] });
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/taskpane.html');
  });

  it('answers an unknown file with a problem+json 404', async () => {
    const missing = await fetch(`${base}/nope.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
  });
});
