// The command line's server commands, run as a real process.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/services/apiTokens.js';
import { openStore } from '../../server/store/openStore.js';
import { sampleScenario, sampleSchedule } from './support/sampleScenario.js';
import { parseScenario } from '../../shared/scenario.js';
import { costScenario } from '../../shared/engine/costScenario.js';
import { systemActor } from '../../server/services/auditTrail.js';
import { createCostModel } from '../../server/services/costModels.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'bc-cli-'));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('bargaining-costing server commands', () => {
  it('lists serve, migrate, import-schedule, user, token and export in --help', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const command of ['serve', 'migrate', 'import-schedule', 'user', 'token', 'export']) expect(help.stdout).toMatch(new RegExp(`\\n  ${command}\\b`));
    const serve = await cli('serve', '--help');
    expect(serve.stdout).toContain('--port');
    expect(serve.stdout).toContain('--database-url');
  });

  // Fourteen CLI processes, each a few seconds under tsx on a busy 2-core machine.
  it('migrates, adds a user, creates a token shown once and stored hashed, imports a schedule', { timeout: 240_000 }, async () => {
    expect((await cli('migrate')).stdout).toContain('applied: 2026-11-23-001-initial');
    expect((await cli('migrate')).stdout).toContain('up to date');
    const store = openStore({ dataDir });
    await store.createUnit({ id: 'POA', name: 'Police', createdAt: new Date().toISOString() });
    await store.close();

    const added = await cli('user', 'add', '--name', 'Dana Analyst', '--role', 'analyst', '--units', 'POA', '--id', 'dana');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual({ id: 'dana', name: 'Dana Analyst', role: 'analyst', units: ['POA'] });
    const badRole = await cli('user', 'add', '--name', 'X', '--role', 'boss');
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role must be one of');
    const badUnit = await cli('user', 'add', '--name', 'X', '--role', 'analyst', '--units', 'NOPE');
    expect(badUnit.code).toBe(2);
    expect(badUnit.stderr).toContain('units[0]: no unit NOPE');

    const token = await cli('token', 'create', '--user', 'dana', '--label', 'laptop');
    expect(token.code).toBe(0);
    const secret = token.stdout.trim();
    expect(secret).toMatch(/^bct_[A-Za-z0-9_-]{43}$/);
    const check = openStore({ dataDir });
    expect((await check.findUserByTokenHash(hashToken(secret)))?.id).toBe('dana');
    await check.close();
    expect((await cli('token', 'create', '--user', 'ghost')).code).toBe(2);
    const tokenList = await cli('token', 'list', '--user', 'dana');
    const tokenId = tokenList.stdout.split('\t')[0]!;
    expect(tokenList.stdout).toContain('active\tlaptop');
    expect(tokenList.stdout).not.toContain('bct_');
    expect((await cli('token', 'revoke', '--user', 'dana', '--id', tokenId)).stdout).toBe(`revoked ${tokenId}\n`);
    expect((await cli('token', 'revoke', '--user', 'dana', '--id', tokenId)).code).toBe(2);
    const revokedCheck = openStore({ dataDir });
    expect(await revokedCheck.findUserByTokenHash(hashToken(secret))).toBeUndefined();
    await revokedCheck.close();
    const set = await cli('user', 'set', 'dana', '--role', 'manager');
    expect(JSON.parse(set.stdout)).toEqual({ id: 'dana', name: 'Dana Analyst', role: 'manager', units: ['POA'] });

    const file = join(dataDir, 'schedule.json');
    writeFileSync(file, JSON.stringify(sampleSchedule('POA-2026', '2026-07-01')));
    const dry = await cli('import-schedule', file, '--unit', 'POA', '--dry-run');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, created: false, against: null, diff: { classesAdded: ['PO', 'SGT'] } });
    const real = await cli('import-schedule', file, '--unit', 'POA');
    expect(JSON.parse(real.stdout)).toMatchObject({ created: true, version: 1, effective: '2026-07-01' });
    writeFileSync(file, JSON.stringify({ ...sampleSchedule(), classes: [{ code: 'PO', steps: [45.12] }] }));
    const bad = await cli('import-schedule', file, '--unit', 'POA');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('schedule.classes[0].steps[0]');
  });

  it('exports a cost model as an XLSX workbook', async () => {
    const store = openStore({ dataDir });
    const parsed = parseScenario(sampleScenario('POA'));
    if (!parsed.ok) throw new Error('sample invalid');
    const model = await createCostModel({ store, costScenario, now: () => new Date() }, systemActor('test'), {
      unitId: 'POA',
      title: 'CLI export',
      scenario: parsed.value,
    });
    await store.close();
    const out = join(dataDir, 'out.xlsx');
    const exported = await cli('export', model.id, '--out', out);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^wrote .*out\.xlsx \(draft, \d+ bytes\)/);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect((await cli('export', 'no-such-model')).code).toBe(2);
  });
});
