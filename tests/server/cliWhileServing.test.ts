// The command line writes to the SQLite file while the server writes to it too: both wait their
// turn (BEGIN IMMEDIATE + busy_timeout), nobody fails with "database is locked".
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateStore, openStore } from '../../server/store/openStore.js';
import { client } from './support/http.js';
import { sampleSchedule } from './support/sampleScenario.js';
import { seedBasics } from './support/seed.js';
import { spawnServer, type ServerProcess } from './support/serverProcess.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'bc-both-'));
let running: ServerProcess | undefined;

afterAll(async () => {
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGTERM');
    await running.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('CLI and server on one SQLite file', () => {
  it('interleaves schedule imports from both without a lock error', async () => {
    await migrateStore({ dataDir });
    const store = openStore({ dataDir });
    const { tokens } = await seedBasics(store);
    await store.close();
    running = await spawnServer({ DATA_DIR: dataDir });
    const admin = client(running.url, tokens.admin);

    let stop = false;
    const statuses: number[] = [];
    const api = (async () => {
      for (let i = 0; !stop; i++) {
        const reply = await admin('POST', '/units/A/schedules/import', {
          ...sampleSchedule(`api-${i}`, '2027-01-01'),
          classes: [{ code: 'PO', steps: [`${60 + i}.00`] }],
        });
        statuses.push(reply.status);
      }
    })();
    const cliResults: number[] = [];
    for (let i = 0; i < 3; i++) {
      const file = join(dataDir, `cli-${i}.json`);
      writeFileSync(file, JSON.stringify({ ...sampleSchedule(`cli-${i}`, '2028-01-01'), classes: [{ code: 'PO', steps: [`${90 + i}.00`] }] }));
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'import-schedule', file, '--unit', 'A'], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir },
      });
      cliResults.push(JSON.parse(stdout).version);
    }
    stop = true;
    await api;
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 201)).toBe(true);
    expect(cliResults).toHaveLength(3);
    const versions = await admin('GET', '/units/A/schedules');
    const numbers = versions.body.versions.map((v: { version: number }) => v.version);
    expect(numbers).toEqual(Array.from({ length: 1 + statuses.length + 3 }, (_, i) => i + 1));
  });
});
