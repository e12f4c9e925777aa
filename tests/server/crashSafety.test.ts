// kill -9 the real server (SQLite) in the middle of a burst of submits and approvals, restart it:
// every acknowledged write is there, nothing is half-written, and the integrity check passes.
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateStore, openStore, sqliteFilePath } from '../../server/store/openStore.js';
import { runCliProcess } from './support/cliProcess.js';
import { client } from './support/http.js';
import { sampleScenario } from './support/sampleScenario.js';
import { seedBasics } from './support/seed.js';
import { spawnServer, type ServerProcess } from './support/serverProcess.js';

const dataDir = mkdtempSync(join(tmpdir(), 'bc-crash-'));
let running: ServerProcess | undefined;

afterAll(async () => {
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

interface Ack {
  id: string;
  state: string;
  version: number;
}

describe('crash safety (SQLite, kill -9)', () => {
  it('keeps every acknowledged write and nothing half-written', async () => {
    await migrateStore({ dataDir });
    const seedStore = openStore({ dataDir });
    const { tokens } = await seedBasics(seedStore);
    await seedStore.close();

    running = await spawnServer({ DATA_DIR: dataDir });
    const analyst = client(running.url, tokens.analyst);
    const managers = [client(running.url, tokens.manager), client(running.url, tokens.manager2)];
    const acks: Ack[] = [];
    let stop = false;
    let failures = 0;

    async function worker(n: number): Promise<void> {
      while (!stop) {
        try {
          const created = await analyst('POST', '/cost-models', { unitId: 'A', title: `burst ${n}`, scenario: sampleScenario('A', 40) });
          if (created.status !== 201) throw new Error(`create ${created.status}`);
          acks.push({ id: created.body.id, state: 'draft', version: created.body.version });
          const submitted = await analyst('POST', `/cost-models/${created.body.id}/submit`, undefined, { 'if-match': created.headers.get('etag')! });
          if (submitted.status !== 200) throw new Error(`submit ${submitted.status}`);
          acks.push({ id: created.body.id, state: 'submitted', version: submitted.body.version });
          const approved = await managers[n % 2]!(
            'POST',
            `/cost-models/${created.body.id}/approve`,
            { comment: `ok ${n}` },
            { 'if-match': submitted.headers.get('etag')! },
          );
          if (approved.status !== 200) throw new Error(`approve ${approved.status}`);
          acks.push({ id: created.body.id, state: 'approved', version: approved.body.version });
        } catch (error) {
          if (!stop) throw error;
          failures += 1; // the connection died with the server: not acknowledged
        }
      }
    }

    const workers = Array.from({ length: 6 }, (_, n) => worker(n));
    const deadline = Date.now() + 90_000;
    while (acks.filter((a) => a.state === 'approved').length < 15) {
      if (Date.now() > deadline) throw new Error(`only ${acks.filter((a) => a.state === 'approved').length} approvals within 90 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
    stop = true;
    running.child.kill('SIGKILL');
    expect(await running.exited).toBe('SIGKILL');
    await Promise.all(workers);
    expect(acks.length).toBeGreaterThanOrEqual(45);

    running = await spawnServer({ DATA_DIR: dataDir });
    // The audit chain, every approved model and every schedule version survived the kill intact.
    const verified = await runCliProcess(['verify', '--data-dir', dataDir]);
    expect(verified.stderr).toBe('');
    expect(verified.stdout).toMatch(/^verified: \d+ audit events, \d+ approved cost models?, 2 schedule versions; all intact/);
    const reader = client(running.url, tokens.manager);
    const latest = new Map<string, Ack>();
    for (const ack of acks) if ((latest.get(ack.id)?.version ?? 0) < ack.version) latest.set(ack.id, ack);
    for (const ack of latest.values()) {
      const reply = await reader('GET', `/cost-models/${ack.id}`);
      expect(reply.status).toBe(200);
      expect(reply.body.version).toBeGreaterThanOrEqual(ack.version);
      if (reply.body.version === ack.version) expect(reply.body.state).toBe(ack.state);
    }

    // Nothing half-written: every stored state is complete and matches its audit trail.
    const list = await reader('GET', '/cost-models?unitId=A');
    expect(list.body.costModels.length).toBeGreaterThanOrEqual(latest.size);
    for (const summary of list.body.costModels) {
      const model = (await reader('GET', `/cost-models/${summary.id}`)).body;
      if (model.state === 'draft') expect(model.result).toBeNull();
      if (model.state === 'submitted' || model.state === 'approved') expect(model.result?.fiscalYears).toEqual(['FY2027', 'FY2028']);
      if (model.state === 'approved')
        expect(model.approval).toMatchObject({ approvedBy: expect.stringMatching(/^manager2?$/), contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const audit = (await reader('GET', `/cost-models/${summary.id}/audit`)).body.events;
      expect(audit).toHaveLength(model.version);
      expect(audit.at(-1).toVersion).toBe(model.version);
    }

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    const file = new BetterSqlite3(sqliteFilePath(dataDir), { readonly: true });
    try {
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(file.pragma('foreign_key_check')).toEqual([]);
    } finally {
      file.close();
    }
    expect(failures).toBeGreaterThanOrEqual(0);
  });
});
