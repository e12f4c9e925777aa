// The real `serve` process: a port in use is one clear line (issue 10 #3), and LOG_LEVEL=debug
// writes debug lines (issue 10 #13).
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from './support/serverProcess.js';

const dataDir = mkdtempSync(join(tmpdir(), 'bc-serve-'));
let holder: Server | undefined;

afterAll(async () => {
  await new Promise((resolve) => (holder ? holder.close(resolve) : resolve(undefined)));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('serve', () => {
  it('names a port in use and how to change it, in one line without a stack trace, and exits 1', { timeout: 120_000 }, async () => {
    holder = createServer();
    const port = await new Promise<number>((resolve) => holder!.listen(0, () => resolve((holder!.address() as { port: number }).port)));
    const failure = await spawnServer({ DATA_DIR: dataDir }, { port }).then(
      () => 'started',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    expect(failure).toContain('server exited (1) before listening');
    const output = failure.slice(failure.indexOf('listening:') + 'listening:'.length).trim();
    expect(output).toBe(`port ${port} is already in use: stop what is listening there, or choose another port with PORT=<port> (or serve --port <port>)`);
    // npm start asks the same before its build.
    const check = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'serve', '--check-port'], {
      cwd: resolve(import.meta.dirname, '../..'),
      env: { ...process.env, PORT: String(port) },
      encoding: 'utf8',
    });
    expect([check.status, check.stderr.trim()]).toEqual([1, output]);
  });

  it('writes debug lines with LOG_LEVEL=debug', { timeout: 120_000 }, async () => {
    const running = await spawnServer({ DATA_DIR: dataDir, LOG_LEVEL: 'debug' });
    const reply = await fetch(`${running.url}/me`, { headers: { authorization: 'Bearer bct_unknown' } });
    expect(reply.status).toBe(401);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    const lines = running
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(lines.filter((l) => l.level === 20).map((l) => l.msg)).toContain('unknown or revoked API token');
  });
});
