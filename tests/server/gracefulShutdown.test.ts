// SIGTERM lets an in-flight request finish, then the process exits 0.
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateStore, openStore } from '../../server/store/openStore.js';
import { sampleScenario } from './support/sampleScenario.js';
import { seedBasics } from './support/seed.js';
import { spawnServer, type ServerProcess } from './support/serverProcess.js';

const dataDir = mkdtempSync(join(tmpdir(), 'bc-term-'));
let running: ServerProcess | undefined;

afterAll(async () => {
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('finishes a request that is half sent when SIGTERM arrives', async () => {
    await migrateStore({ dataDir });
    const store = openStore({ dataDir });
    const { tokens } = await seedBasics(store);
    await store.close();
    running = await spawnServer({ DATA_DIR: dataDir });
    const url = new URL(`${running.url}/cost-models`);
    const body = Buffer.from(JSON.stringify({ unitId: 'A', title: 'in flight', scenario: sampleScenario('A', 50) }));
    // Ordered by events, not timers: the server answers 100 Continue once it has read the request's
    // headers, the SIGTERM goes after that, and the body after the server says it is finishing.
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          hostname: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${tokens.analyst}`, expect: '100-continue' },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += String(d)));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.on('continue', () => {
        req.write(body.subarray(0, 100));
        running!.child.kill('SIGTERM');
        void running!.printed(/SIGTERM: finishing in-flight requests/).then(() => req.end(body.subarray(100)));
      });
      req.flushHeaders();
    });
    const reply = await response;
    expect(reply.status).toBe(201);
    expect(JSON.parse(reply.text)).toMatchObject({ title: 'in flight', state: 'draft' });
    expect(await running.exited).toBe(0);
    expect(running.output()).toContain('SIGTERM: finishing in-flight requests');
    const after = openStore({ dataDir });
    try {
      expect((await after.listCostModels({})).map((m) => m.title)).toEqual(['in flight']);
    } finally {
      await after.close();
    }
  });
});
