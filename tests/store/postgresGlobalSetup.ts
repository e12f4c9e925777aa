// vitest globalSetup: a throwaway PostgreSQL 15 cluster for the store contract tests and the
// two-instance tests. initdb refuses to run as root, so as root it runs as the `postgres` user.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

const BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of the throwaway cluster's maintenance database; '' when unavailable. */
    postgresUrl: string;
    postgresProblem: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (!existsSync(join(BIN, 'initdb'))) {
    project.provide('postgresUrl', '');
    project.provide('postgresProblem', `PostgreSQL 15 binaries not found in ${BIN}: install Debian's postgresql package (.ci/run does)`);
    return () => {};
  }
  const root = mkdtempSync(join(tmpdir(), 'bc-pg-'));
  const dataDir = join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  let uid = 0;
  let gid = 0;
  if (asRoot) {
    uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(root, uid, gid);
  }
  const run = (bin: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(BIN, bin), asRoot ? ['-u', 'postgres', '--', join(BIN, bin), ...args] : args, { stdio: 'pipe', cwd: root });
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    dataDir,
    '-l',
    join(root, 'postgres.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    'start',
  ]);
  project.provide('postgresUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);
  project.provide('postgresProblem', '');
  return () => {
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
}
