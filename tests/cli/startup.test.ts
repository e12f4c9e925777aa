import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
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
  const log = join(mkdtempSync(join(tmpdir(), 'bc-startup-')), 'loads.txt');
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(registerHooks)}`, 'server/cli/main.ts', ...args],
    { encoding: 'utf8', env: { ...process.env, MODULE_LOAD_LOG: log } },
  );
  return { status: run.status, stdout: run.stdout, modules: readFileSync(log, 'utf8').trim().split('\n') };
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

  it('validate of a JSON scenario loads the schemas but not ExcelJS, Express or the database', () => {
    const run = loadedModules('validate', 'examples/police.json');
    expect(run.status).toBe(0);
    expect(run.modules.some((m) => /node_modules\/zod\//.test(m))).toBe(true);
    expect(run.modules.filter((m) => /node_modules\/(express|exceljs|kysely|better-sqlite3|pg)\//.test(m))).toEqual([]);
  });
});
