import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { costScenario, parseScenario } from '../../shared/index.js';
import { exportCostWorkbook } from '../../server/xlsx/index.js';
import { monthlyScenario } from '../engine/scenarioBuilder.js';
import { syntheticUnit } from '../../shared/syntheticUnit.js';

const cli = (...args: string[]) => cliWith({}, ...args);
const cliWith = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], { encoding: 'utf8', cwd: process.cwd(), env: { ...process.env, ...env } });

describe('bargaining-costing cost | validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bc-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--format json prints exactly the engine result document', () => {
    const run = cli('cost', 'examples/police.json', '--format', 'json');
    expect(run.status).toBe(0);
    const parsed = parseScenario(JSON.parse(readFileSync('examples/police.json', 'utf8')));
    if (!parsed.ok) throw new Error('example invalid');
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(costScenario(parsed.value))));
  });

  it('COSTING_THREADS=2 prints byte for byte what COSTING_THREADS=1 prints (rows costed on two threads)', () => {
    // Split funds, retro pay, a budget and dated roll-ups: every part of the assembly is exercised.
    const file = join(dir, 'synthetic.json');
    writeFileSync(file, JSON.stringify(syntheticUnit(301)));
    const one = cliWith({ COSTING_THREADS: '1' }, 'cost', file, '--format', 'json');
    const two = cliWith({ COSTING_THREADS: '2' }, 'cost', file, '--format', 'json', '--timings');
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout)).toMatchObject({ positions: 301 });
    expect(two.stderr).toMatch(
      /^timings: JSON parse \d+\.\d{3} s, engine warm-up \d+\.\d{3} s, validation \d+\.\d{3} s, costing \d+\.\d{3} s \(2 threads\)\n$/,
    );
    const bad = cliWith({ COSTING_THREADS: 'all' }, 'cost', file);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('COSTING_THREADS: must be a whole number of threads, 1 or more (got all)\n');
  });

  it('on two threads, each checks its own rows: a problem in either half, or a row id used in both, is refused with the one-thread messages', () => {
    const cases: [string, (rows: Record<string, unknown>[]) => void][] = [
      ['a bad step and an unknown tier in the second half', (rows) => Object.assign(rows[250]!, { step: 9, pensionTier: 'Classic' })],
      ['a row id of the first half again in the second', (rows) => (rows[280]!.id = rows[12]!.id)],
      ['bad FTEs in both halves', (rows) => ((rows[10]!.fte = '-3'), (rows[290]!.fte = '-0.5'))],
      ['an unknown tier in the second half only', (rows) => (rows[299]!.healthTier = 'Family')],
    ];
    for (const [name, spoil] of cases) {
      const input = syntheticUnit(301) as unknown as { roster: { rows: Record<string, unknown>[] } };
      spoil(input.roster.rows);
      const file = join(dir, 'spoiled.json');
      writeFileSync(file, JSON.stringify(input));
      const one = cliWith({ COSTING_THREADS: '1' }, 'cost', file, '--format', 'json');
      const two = cliWith({ COSTING_THREADS: '2' }, 'cost', file, '--format', 'json');
      expect(one.status, name).toBe(2);
      expect(one.stderr, name).toMatch(/^roster\.rows\[\d+\]/);
      expect(two.status, name).toBe(2);
      expect(two.stderr, name).toBe(one.stderr);
    }
  });

  it('on two threads, the warnings about rows are of the whole roster, as on one', () => {
    const input = syntheticUnit(301) as unknown as { roster: { rows: Record<string, unknown>[] } };
    // Special pay POST only on a row of the second half (the union proposal raises POST), and an FTE above 1 there.
    for (const row of input.roster.rows) row.pays = [];
    input.roster.rows[295]!.pays = ['POST'];
    input.roster.rows[290]!.fte = '1.25';
    const file = join(dir, 'warned.json');
    writeFileSync(file, JSON.stringify(input));
    const one = cliWith({ COSTING_THREADS: '1' }, 'cost', file, '--format', 'json');
    const two = cliWith({ COSTING_THREADS: '2' }, 'cost', file, '--format', 'json');
    expect(one.status).toBe(0);
    expect(one.stderr).toContain(`warning: roster.rows[290].fte: an FTE above 1 (1.25): row ${String(input.roster.rows[290]!.id)} costs 125%`);
    expect(one.stderr).not.toContain('no roster row has special pay `POST`');
    expect(two.status).toBe(0);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout).toBe(one.stdout);
  });

  it('table shows baseline, proposals, increase, % of base, value of 1%, lift and per-provision costs', () => {
    const run = cli('cost', 'tests/fixtures/spec-example.json');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Baseline\s+161,857\.31\s+168,665\.72\s+175,807\.10\s+506,330\.13/);
    expect(run.stdout).toMatch(/Increase\s+4,969\.93/);
    expect(run.stdout).toMatch(/% of base\s+3\.07%/);
    expect(run.stdout).toMatch(/Value of 1%\s+1,399\.75/);
    expect(run.stdout).toMatch(/Lift \(ongoing\)\s+4,571\.06/);
    // Provisions in plain words (the provision registry), the analyst's label after them.
    expect(run.stdout).toMatch(/General wage increase 3% \(Jul 1, 2026\) — 3% year 1\s+3,924\.43/);
    expect(run.stdout).toMatch(/One-time payment \$1,000\.00 prorated by FTE \(paid Dec 15, 2026\)\s+1,045\.50/);
  });

  it('csv has a row per scenario and fiscal year; --out writes a file', () => {
    const out = join(dir, 'costing.csv');
    const run = cli('cost', 'tests/fixtures/spec-example.json', '--format', 'csv', '--out', out);
    expect(run.status).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'scenario,kind,fiscalYear,periods,wages,specialPays,longevity,overtime,lumpSums,pension,socialSecurity,medicare,otherRollups,health,flat,total,percentOfBase,valueOfOnePercent',
    );
    expect(lines).toHaveLength(1 + 3 + 6);
    expect(lines).toContain('City offer,increase,FY2027,26,2946.40,147.32,0.00,267.88,1000.00,409.82,0.00,63.21,135.30,0.00,0.00,4969.93,0.030706,1399.75');
  });

  it("csv never writes a name as a formula: the cost's and a report's CSV put an apostrophe before one", () => {
    const file = join(dir, 'formula-names.json');
    const scenario = JSON.parse(readFileSync('tests/fixtures/spec-example.json', 'utf8')) as {
      proposals: { name: string; provisions: { label?: string }[] }[];
    };
    scenario.proposals[0]!.name = '=HYPERLINK("http://example.test","x")';
    scenario.proposals[0]!.provisions[0]!.label = '@SUM(1+1)';
    writeFileSync(file, JSON.stringify(scenario));
    const costCsv = cli('cost', file, '--format', 'csv');
    expect(costCsv.status, costCsv.stderr).toBe(0);
    const rows = costCsv.stdout.trim().split('\n').slice(1);
    expect(rows.filter((l) => l.startsWith('"\'=HYPERLINK(""http://example.test"",""x"")",increase,'))).toHaveLength(3);
    expect(rows.every((l) => !l.startsWith('=') && !l.startsWith('"='))).toBe(true);
    const reportCsv = cli('report', 'summary', file, '--format', 'csv');
    expect(reportCsv.status, reportCsv.stderr).toBe(0);
    const fields = reportCsv.stdout.split(/[\n,]/).map((f) => f.replace(/^"/, ''));
    expect(fields.some((f) => f.startsWith("'@SUM(1+1)") || f.startsWith("'=HYPERLINK"))).toBe(true);
    // Every field is a plain number, or text that does not start a formula.
    expect(fields.filter((f) => /^[=+@\t\r]/.test(f) || (/^-/.test(f) && !/^-\d+(\.\d+)?$/.test(f)))).toEqual([]);
  });

  it('bad input: exit 2, one line per problem with its JSON path, no stack trace', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(monthlyScenario({ rows: [{}, {}, { step: 9 }], extractDate: '2026-13-01' })));
    const run = cli('cost', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'roster.extractDate: 2026-13-01 does not exist',
      'roster.rows[2].step: step 9 does not exist in class A (3 steps)',
    ]);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('a whole number written as a JSON float is refused by cost and validate alike, at its path', () => {
    const file = join(dir, 'float.json');
    writeFileSync(file, JSON.stringify(monthlyScenario({ rows: [{ count: 3 }] })).replace('"count":3', '"count":3.0'));
    for (const command of ['cost', 'validate']) {
      const run = cli(command, file);
      expect(run.status, command).toBe(2);
      expect(run.stderr.trim(), command).toBe(
        'roster.rows[0].count: 3.0 is a JSON float (COSTING.md §1): write 3 where a whole number belongs, or "3.0" where a decimal does',
      );
    }
  });

  it('a costing error (missing wage base) is reported the same way', () => {
    const file = join(dir, 'nobase.json');
    writeFileSync(file, JSON.stringify(monthlyScenario({ rows: [{ socialSecurity: true }] })));
    const run = cli('cost', file);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^assumptions\.socialSecurity\.wageBase: no Social Security wage base for 2026, needed from the period paid 2026-07-31 by row R1/,
    );
    // validate refuses it too, with the same line, without costing.
    const validate = cli('validate', file);
    expect(validate.status).toBe(2);
    expect(validate.stdout).toBe('');
    expect(validate.stderr).toBe(run.stderr);
  });

  it('validate reports every problem at once, and prints a give-back as a warning line', () => {
    const bad = join(dir, 'tiers.json');
    const tiers = { pension: { classic: [{ from: '2020-07-01', rate: '0.1325' }] } };
    writeFileSync(bad, JSON.stringify(monthlyScenario({ rows: [{ pensionTier: 'Classic' }, {}, { pensionTier: 'Classic' }], assumptions: tiers })));
    const run = cli('validate', bad);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      'roster.rows[0].pensionTier: pension tier `Classic` has no rates in assumptions.pension (row R1); tiers with rates: classic',
      'roster.rows[2].pensionTier: pension tier `Classic` has no rates in assumptions.pension (row R3); tiers with rates: classic',
    ]);
    const giveBack = join(dir, 'giveback.json');
    writeFileSync(giveBack, JSON.stringify(monthlyScenario({ provisions: [{ type: 'lumpSum', amount: '-250.00', payDate: '2026-12-15' }] })));
    const ok = cli('validate', giveBack);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^ok: T — 2 classes, 1 roster rows, 1 proposals/);
    expect(ok.stderr).toBe('warning: proposals[0].provisions[0].amount: a negative one-time payment (-250.00): a give-back; check the sign\n');
  });

  it('validate: a malformed row or provision does not hide the problems of the rest, nor its warnings', () => {
    const file = join(dir, 'mixed.json');
    const tiers = { pension: { classic: [{ from: '2020-07-01', rate: '0.1325' }] } };
    const doc = monthlyScenario({
      rows: [{ step: 1.5 }, { pensionTier: 'Classic', socialSecurity: true }],
      assumptions: tiers,
      provisions: [{ type: 'lumpSum', amount: '-250.00', payDate: '2026-12-15' }],
    });
    writeFileSync(file, JSON.stringify(doc));
    const run = cli('validate', file);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      'warning: proposals[0].provisions[0].amount: a negative one-time payment (-250.00): a give-back; check the sign',
      // The schema's problem, then what the costing checks find in the other row.
      'roster.rows[0].step: must be a whole number',
      'roster.rows[1].pensionTier: pension tier `Classic` has no rates in assumptions.pension (row R2); tiers with rates: classic',
      'assumptions.socialSecurity.wageBase: no Social Security wage base for 2026, needed from the period paid 2026-07-31 by row R2 (roster.rows[1]) and every row with socialSecurity: true; years with a wage base: none',
      'assumptions.socialSecurity.wageBase: no Social Security wage base for 2027, needed from the period paid 2027-01-31 by row R2 (roster.rows[1]) and every row with socialSecurity: true; years with a wage base: none',
    ]);
    // cost refuses it with the same lines.
    expect(cli('cost', file).stderr).toBe(run.stderr);
  });

  it("validate refuses, with cost's line, a scenario whose amounts pass integer cents and that is too large to cost in decimals", () => {
    const file = join(dir, 'count.json');
    const police = JSON.parse(readFileSync('examples/police.json', 'utf8')) as { roster: { rows: { count?: number }[] } };
    police.roster.rows[0]!.count = 1_000_000_000_000; // within §1, but 10¹² employees pass $90 trillion
    writeFileSync(file, JSON.stringify(police));
    const run = cli('cost', file);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^\(document\): an amount is beyond the \$90 trillion .* this scenario needs 484,380: cost fewer rows or proposals at once\n$/);
    const validate = cli('validate', file);
    expect(validate.status).toBe(2);
    expect(validate.stderr).toBe(run.stderr);
  });

  it('validate reports ok or the problems; unreadable files and bad JSON are problems too', () => {
    expect(cli('validate', 'examples/miscellaneous.json').stdout).toMatch(/^ok: MISC — 12 classes, 270 roster rows, 2 proposals/);
    const missing = cli('validate', join(dir, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: cannot read: ENOENT/);
    const file = join(dir, 'syntax.json');
    writeFileSync(file, '{"format":');
    const syntax = cli('validate', file);
    expect(syntax.status).toBe(2);
    expect(syntax.stderr).toMatch(/^\(document\): not valid JSON/);
  });

  it('costs an analyst workbook (.xlsx) exactly as the scenario it holds; workbook problems name the cell', async () => {
    const parsed = parseScenario(JSON.parse(readFileSync('examples/miscellaneous.json', 'utf8')));
    if (!parsed.ok) throw new Error('example invalid');
    const file = join(dir, 'misc.xlsx');
    writeFileSync(file, await exportCostWorkbook({ scenario: parsed.value, result: null }));
    const run = cli('cost', file, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(costScenario(parsed.value))));
    const notAWorkbook = join(dir, 'fake.xlsx');
    writeFileSync(notAWorkbook, 'hello');
    const bad = cli('validate', notAWorkbook);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^\(file\): /);
  });

  it('the installed bin (compiled by npm ci) runs the same command', () => {
    // `npm ci` runs `prepare`, which compiles dist/; the bin is what `npx bargaining-costing` starts.
    const run = spawnSync(process.execPath, ['bin/bargaining-costing.js', 'validate', 'examples/police.json'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ok: POA — 5 classes, 230 roster rows, 2 proposals/);
  });
});
