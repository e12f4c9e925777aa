import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
  /** Resolves once the output (stdout and stderr) matches: an event to wait for, never a sleep. */
  printed(pattern: RegExp): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../../..');

/** Runs the real command line `serve` (from the TypeScript sources via tsx) on a free port. */
export async function spawnServer(env: Record<string, string>, options: { demo?: boolean; port?: number } = {}): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/cli/main.ts', 'serve', '--port', String(options.port ?? 0), ...(options.demo ? [] : ['--no-demo'])],
    {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const check = () => {
      const m = /server at (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${out}`));
    });
  });
  const printed = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      if (pattern.test(out)) {
        resolve();
        return;
      }
      const check = () => {
        if (!pattern.test(out)) return;
        child.stdout.off('data', check);
        child.stderr.off('data', check);
        resolve();
      };
      child.stdout.on('data', check);
      child.stderr.on('data', check);
    });
  return { child, url: `${url}/api/v1`, output: () => out, exited, printed };
}
