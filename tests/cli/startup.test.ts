import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A module hook that writes every URL Node loads to $MODULE_LOAD_LOG (node:module `register`,
// https://nodejs.org/api/module.html#customization-hooks). CommonJS packages loaded through
// `import` show up by their entry file.
const hooks = `import { appendFileSync } from 'node:fs';
export async function load(url, context, nextLoad) { appendFileSync(process.env.MODULE_LOAD_LOG, url + '\\n'); return nextLoad(url, context); }`;
const registerHooks = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;

function loadedModules(...args: string[]): { status: number | null; stdout: string; modules: string[] } {
  return loadedBy(['--import', 'tsx', 'server/cli/main.ts', ...args]);
}

/** Node run with `nodeArgs` (a script and its arguments), every module it loads logged. */
function loadedBy(nodeArgs: string[]): { status: number | null; stdout: string; modules: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'bc-startup-'));
  const log = join(dir, 'loads.txt');
  const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(registerHooks)}`, ...nodeArgs], {
    encoding: 'utf8',
    env: { ...process.env, MODULE_LOAD_LOG: log },
  });
  try {
    return { status: run.status, stdout: run.stdout, modules: readFileSync(log, 'utf8').trim().split('\n') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const heavy = /node_modules\/(express|exceljs|kysely|better-sqlite3|pg|pino|helmet|zod|decimal\.js)\//;

describe('CLI start-up loads only what the command needs', () => {
  it('--version prints the package version without loading the server, ExcelJS, the database or the engine', () => {
    const run = loadedModules('--version');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    expect(run.modules.some((m) => m.includes('/node_modules/commander/'))).toBe(true);
    expect(run.modules.filter((m) => heavy.test(m))).toEqual([]);
    expect(run.modules.filter((m) => /\/(shared\/engine|server\/(app|store\/openStore|xlsx)\b)/.test(m))).toEqual([]);
  });

  it('the installed bin answers --version and -V before the command line loads (needs npm run build:node)', () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-V']) {
      const run = loadedBy(['bin/bargaining-costing.js', flag]);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
      expect(run.modules.filter((m) => m.startsWith('file:') && !m.endsWith('/bin/bargaining-costing.js'))).toEqual([
        expect.stringMatching(/\/dist\/server\/cli\/packageVersion\.js$/),
      ]);
    }
  });

  it('validate of a JSON scenario loads the schemas but not ExcelJS, Express or the database', () => {
    const run = loadedModules('validate', 'examples/police.json');
    expect(run.status).toBe(0);
    expect(run.modules.some((m) => /node_modules\/zod\//.test(m))).toBe(true);
    expect(run.modules.filter((m) => /node_modules\/(express|exceljs|kysely|better-sqlite3|pg)\//.test(m))).toEqual([]);
  });
});
