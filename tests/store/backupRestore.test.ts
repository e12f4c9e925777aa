// Issue 10, item 15: `backup` copies the SQLite database consistently while the real server takes a
// burst of writes; `restore` puts it into an empty directory and it passes `verify`.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateStore, openStore, sqliteFilePath } from '../../server/store/openStore.js';
import { runCliProcess } from '../server/support/cliProcess.js';
import { client } from '../server/support/http.js';
import { sampleScenario } from '../server/support/sampleScenario.js';
import { seedBasics } from '../server/support/seed.js';
import { spawnServer, type ServerProcess } from '../server/support/serverProcess.js';

const root = mkdtempSync(join(tmpdir(), 'bc-backup-'));
const dataDir = join(root, 'live');
const restoredDir = join(root, 'restored');
const backupFile = join(root, 'costing.backup.sqlite');
let running: ServerProcess | undefined;

afterAll(async () => {
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGTERM');
    await running.exited;
  }
  rmSync(root, { recursive: true, force: true });
});

/** Polls `done` until it holds, failing after `ms` (never waits open-ended). */
async function until(done: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('backup and restore (SQLite)', () => {
  // Six processes on a shared 2-core machine: generous, but bounded.
  it('backs up under load, restores into an empty directory, and the copy verifies', { timeout: 240_000 }, async () => {
    await migrateStore({ dataDir });
    const seedStore = openStore({ dataDir });
    const { tokens } = await seedBasics(seedStore);
    await seedStore.close();
    running = await spawnServer({ DATA_DIR: dataDir });
    const analyst = client(running.url, tokens.analyst);
    const manager = client(running.url, tokens.manager);

    let stop = false;
    let approved = 0;
    async function worker(n: number): Promise<void> {
      for (let i = 0; !stop; i++) {
        const created = await analyst('POST', '/cost-models', { unitId: 'A', title: `load ${n}.${i}`, scenario: sampleScenario('A', 4) });
        expect(created.status).toBe(201);
        const submitted = await analyst('POST', `/cost-models/${created.body.id}/submit`, {}, { 'if-match': created.headers.get('etag')! });
        expect(submitted.status).toBe(200);
        const decided = await manager('POST', `/cost-models/${created.body.id}/approve`, {}, { 'if-match': submitted.headers.get('etag')! });
        expect(decided.status).toBe(200);
        approved += 1;
      }
    }
    const workers = [worker(1), worker(2), worker(3)];
    await until(() => approved >= 3, 60_000, 'three approvals');
    const approvedBeforeBackup = approved;
    const backup = await runCliProcess(['backup', '--out', backupFile, '--data-dir', dataDir]);
    const approvedAfterBackup = approved;
    stop = true;
    await Promise.all(workers);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toContain(`backed up ${dataDir} to ${backupFile}`);
    expect(approvedAfterBackup).toBeGreaterThan(approvedBeforeBackup); // the server kept writing while the backup ran
    expect((statSync(backupFile).mode & 0o777).toString(8)).toBe('600');

    const again = await runCliProcess(['backup', '--out', backupFile, '--data-dir', dataDir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists: choose a new file name');

    const restored = await runCliProcess(['restore', backupFile, '--data-dir', restoredDir]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const summary = /and verified: (\d+) audit events, (\d+) approved cost models?, 2 schedule versions; all intact/.exec(restored.stdout);
    expect(summary).not.toBeNull();
    // The snapshot holds every approval acknowledged before the backup started, and no half of one.
    const restoredApproved = Number(summary![2]);
    expect(restoredApproved).toBeGreaterThanOrEqual(approvedBeforeBackup);
    expect(restoredApproved).toBeLessThanOrEqual(approvedAfterBackup);
    expect((statSync(sqliteFilePath(restoredDir)).mode & 0o777).toString(8)).toBe('600');

    const over = await runCliProcess(['restore', backupFile, '--data-dir', restoredDir]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('already exists: restore into an empty data directory');
    const notBackup = await runCliProcess(['restore', join(root, 'missing.sqlite'), '--data-dir', join(root, 'other')]);
    expect(notBackup).toMatchObject({ code: 2, stderr: expect.stringContaining('no backup file') });
  });

  it('on PostgreSQL prints the pg_dump and pg_restore commands, never the password', async () => {
    const advice = await runCliProcess(['backup', '--out', 'costing.dump', '--database-url', 'postgres://costing_app:s3cret@db.example:5432/costing']);
    expect(advice.code).toBe(0);
    expect(advice.stdout).toContain('pg_dump --format=custom --no-owner --no-privileges --file costing.dump postgres://costing_app@db.example:5432/costing');
    expect(advice.stdout).toContain('pg_restore --exit-on-error --single-transaction --no-owner');
    expect(advice.stdout).not.toContain('s3cret');
  });
});
