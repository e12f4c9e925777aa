// bargaining-costing workbook / scenario: a scenario file to a costing workbook and back without the
// server, exactly (the workbook's scenario costs to the byte what the file does).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/scenario.js';

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], { encoding: 'utf8' });

describe('bargaining-costing workbook | scenario', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bc-workbook-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a costed workbook of the scenario, whose scenario reads back equal and costs the same to the byte', async () => {
    const xlsx = join(dir, 'settlement.xlsx');
    const written = cli('workbook', 'examples/police-settlement-1.2.json', '--out', xlsx);
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
    expect(written.stdout).toMatch(/^wrote .*settlement\.xlsx \(POA, \d+ roster rows, \d+ proposals, \d+ bytes\)\n$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Schedule', 'Roster', 'Assumptions', 'Proposals', 'Costing']));

    const back = cli('scenario', xlsx);
    expect(back.status).toBe(0);
    const original = parseScenario(JSON.parse(readFileSync('examples/police-settlement-1.2.json', 'utf8')));
    const roundTrip = parseScenario(JSON.parse(back.stdout));
    if (!original.ok || !roundTrip.ok) throw new Error('a scenario did not parse');
    expect(roundTrip.value).toEqual(original.value);
    expect(cli('cost', xlsx, '--format', 'json').stdout).toBe(cli('cost', 'examples/police-settlement-1.2.json', '--format', 'json').stdout);
  });

  it('refuses a scenario with problems, naming them, and writes nothing', () => {
    const bad = join(dir, 'bad.json');
    const scenario = JSON.parse(readFileSync('examples/police.json', 'utf8'));
    scenario.proposals[0].provisions[0].percent = '3';
    writeFileSync(bad, JSON.stringify(scenario));
    const run = cli('workbook', bad, '--out', join(dir, 'bad.xlsx'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('proposals[0].provisions[0].percent: 3 would be 300%: write 0.03 for 3%');
    expect(() => readFileSync(join(dir, 'bad.xlsx'))).toThrow();
  });
});
