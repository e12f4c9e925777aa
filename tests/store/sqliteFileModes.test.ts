// Issue 10, item 7: the real server creates its SQLite directory 0700 and the database, WAL and SHM
// files 0600 (they were 0644, readable by every local user).
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteFilePath } from '../../server/store/openStore.js';
import { spawnServer, type ServerProcess } from '../server/support/serverProcess.js';

const root = mkdtempSync(join(tmpdir(), 'bc-modes-'));
let running: ServerProcess | undefined;

afterAll(async () => {
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGTERM');
    await running.exited;
  }
  rmSync(root, { recursive: true, force: true });
});

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

async function serveOnce(dataDir: string): Promise<void> {
  running = await spawnServer({ DATA_DIR: dataDir });
  const ready = await fetch(running.url.replace('/api/v1', '/readyz'));
  expect(ready.status).toBe(200);
  running.child.kill('SIGTERM');
  expect(await running.exited).toBe(0);
}

describe('SQLite file permissions', () => {
  it('a new data directory is 0700 and the database, WAL and SHM files are 0600', async () => {
    const dataDir = join(root, 'fresh', 'data');
    running = await spawnServer({ DATA_DIR: dataDir });
    const file = sqliteFilePath(dataDir);
    expect(mode(dataDir)).toBe('700');
    expect(mode(file)).toBe('600');
    for (const companion of [`${file}-wal`, `${file}-shm`]) {
      expect(existsSync(companion)).toBe(true);
      expect(mode(companion)).toBe('600');
    }
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  });

  it('tightens a database file an older version left 0644', async () => {
    const dataDir = join(root, 'older');
    await serveOnce(dataDir);
    chmodSync(sqliteFilePath(dataDir), 0o644);
    await serveOnce(dataDir);
    expect(mode(sqliteFilePath(dataDir))).toBe('600');
  });
});
