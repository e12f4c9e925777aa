// The command line: `report <view> <file>` in each format, the disclosure mapping from options, a
// file and the workbook's Disclosure sheet, clear errors; `cost --format table` with the 1.2 figures.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { costScenario, parseScenario, type Scenario } from '../../shared/index.js';
import { buildReport } from '../../shared/reports/index.js';
import { exportCostWorkbook } from '../../server/xlsx/exportCostWorkbook.js';
import { defaultLines, expectedDisclosure, expectedSummary } from './expectedFigures.js';
import { fundedScenario, fundedScenarioInput } from './fundedScenario.js';
import { missingInOrder, pdfText } from './pdfText.js';
import { expectPrinted, expectedTexts, fromCsv } from './printedTables.js';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], { encoding: 'utf8', cwd: process.cwd(), env: { ...process.env, TZ: 'UTC' } });
const engineReports12 = costScenario(fundedScenario()).positions !== undefined;

function police(): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync('examples/police.json', 'utf8')));
  if (!parsed.ok) throw new Error('example invalid');
  return parsed.value;
}

describe('bargaining-costing report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bc-report-'));
  const funded = join(dir, 'funded.json');
  writeFileSync(funded, JSON.stringify(fundedScenarioInput()));

  it('refuses an unknown view or format, naming the argument', () => {
    const run = cli('report', 'budget', 'examples/police.json', '--format', 'docx');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('<view>: must be one of summary, disclosure, reconcile, by-fund, by-department');
    expect(run.stderr).toContain('--format: must be one of table, csv, xlsx, pdf');
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('a disclosure without --proposal says which proposal it discloses when there is a choice', () => {
    const chosen = cli('report', 'disclosure', 'examples/police-settlement-1.2.json', '--format', 'csv');
    expect(chosen.status).toBe(0);
    expect(chosen.stderr).toBe(
      'note: disclosing "POA proposal", the first proposal that is not the budget; choose with --proposal: "POA proposal", "City offer"\n',
    );
    const named = cli('report', 'disclosure', 'examples/police-settlement-1.2.json', '--format', 'csv', '--proposal', 'City offer');
    expect(named.status).toBe(0);
    expect(named.stderr).toBe('');
  });

  it.skipIf(!engineReports12)('summary as CSV prints the engine\u2019s figures; as PDF and XLSX too', () => {
    const scenario = police();
    const result = costScenario(scenario);
    const doc = buildReport('summary', result, scenario);
    if (!doc.ok) throw new Error('summary');
    const csv = cli('report', 'summary', 'examples/police.json', '--format', 'csv');
    expect(csv.status).toBe(0);
    expectPrinted(fromCsv(csv.stdout, doc.report), expectedSummary(result), 'CLI CSV');

    const pdfFile = join(dir, 'summary.pdf');
    expect(cli('report', 'summary', 'examples/police.json', '--format', 'pdf', '--out', pdfFile).status).toBe(0);
    return pdfText(readFileSync(pdfFile)).then((read) =>
      expect(missingInOrder(read.pages.flat(), expectedTexts(expectedSummary(result), doc.report))).toEqual([]),
    );
  });

  it.skipIf(!engineReports12)('the disclosure takes --line, a --mapping file, and the mapping on a workbook\u2019s Disclosure sheet', async () => {
    const scenario = fundedScenario();
    const result = costScenario(scenario);
    const lines = defaultLines(result);
    lines.rollups['Retiree health'] = 'healthAndWelfare';
    lines.stepComponents = ['wages', 'pension', 'socialSecurity', 'medicare'];
    const expected = expectedDisclosure(result, 0, lines);
    const doc = buildReport('disclosure', result, scenario, { mapping: { rollups: { 'Retiree health': 'healthAndWelfare' } } });
    if (!doc.ok) throw new Error('disclosure');

    const byOption = cli('report', 'disclosure', funded, '--format', 'csv', '--line', 'Retiree health=Health and welfare');
    expect(byOption.status, byOption.stderr).toBe(0);
    expectPrinted(fromCsv(byOption.stdout, doc.report), expected, '--line');

    const mappingFile = join(dir, 'mapping.json');
    writeFileSync(mappingFile, JSON.stringify({ rollups: { 'Retiree health': 'health' } }));
    const byFile = cli('report', 'disclosure', funded, '--format', 'csv', '--mapping', mappingFile);
    expect(byFile.status, byFile.stderr).toBe(0);
    expectPrinted(fromCsv(byFile.stdout, doc.report), expected, '--mapping');

    writeFileSync(mappingFile, JSON.stringify({ rollups: { 'Retiree heath': 'health' } }));
    const bad = cli('report', 'disclosure', funded, '--mapping', mappingFile);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      'mapping.rollups.Retiree heath: no roll-up is named "Retiree heath": the costing\'s roll-ups are "Workers\' comp", "Retiree health"',
    );

    // The analyst changes a roll-up's line on the workbook's Disclosure sheet; the command line reads it.
    const wbFile = join(dir, 'police.xlsx');
    const policeScenario = police();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportCostWorkbook({ scenario: policeScenario, result: costScenario(policeScenario) })) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Disclosure')!;
    let row = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(1).value === "Workers' comp") row = n;
    });
    expect(row).toBeGreaterThan(0);
    sheet.getCell(row, 2).value = 'Health and welfare';
    writeFileSync(wbFile, Buffer.from(await workbook.xlsx.writeBuffer()));
    const fromSheet = cli('report', 'disclosure', wbFile, '--format', 'csv');
    expect(fromSheet.status, fromSheet.stderr).toBe(0);
    const policeResult = costScenario(policeScenario);
    const policeLines = defaultLines(policeResult);
    policeLines.rollups["Workers' comp"] = 'healthAndWelfare';
    policeLines.stepComponents = ['wages', 'pension', 'socialSecurity', 'medicare'];
    const policeDoc = buildReport('disclosure', policeResult, policeScenario, { mapping: { rollups: { "Workers' comp": 'healthAndWelfare' } } });
    if (!policeDoc.ok) throw new Error('police disclosure');
    expectPrinted(fromCsv(fromSheet.stdout, policeDoc.report), expectedDisclosure(policeResult, 0, policeLines), 'Disclosure sheet');
  });

  it.skipIf(!engineReports12)('reconcile needs two different proposals; xlsx writes one sheet', async () => {
    const same = cli('report', 'reconcile', funded, '--proposal', 'City offer', '--against', 'City offer');
    expect(same.status).toBe(2);
    expect(same.stderr).toContain('--against: "City offer" is the same proposal as --proposal');
    const out = join(dir, 'reconcile.xlsx');
    expect(cli('report', 'reconcile', funded, '--format', 'xlsx', '--out', out).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Reconciliation']);
  });

  it.skipIf(!engineReports12)('cost --format table shows the 1.2 figures', () => {
    const result = costScenario(fundedScenario());
    const run = cli('cost', funded);
    expect(run.status).toBe(0);
    const g = (m: string) => m.replace(/\B(?=(\d{3})+(?!\d))/g, ',').replace(/\./g, '\\.');
    const p = result.proposals[0]!;
    const fy = result.fiscalYears[1]!;
    expect(run.stdout).toMatch(new RegExp(`Change over prior year\\s+.*${g(p.increaseOverPriorYear![fy]!.total)}`));
    expect(run.stdout).toMatch(new RegExp(`Value of 1% \\(status quo\\)\\s+${g(result.baselineValueOfOnePercent![result.fiscalYears[0]!]!)}`));
    expect(run.stdout).toMatch(new RegExp(`Over \\(under\\) budget\\s+.*${g(p.overBudgetTotal!)}`));
    expect(run.stdout).toMatch(/Step movement \(settlement\)/);
    expect(run.stdout).toMatch(/Increase per FTE/);
    expect(run.stdout).toContain(`${result.positions} positions (${result.vacantPositions} vacant), ${result.fte} FTE`);
  });
});
