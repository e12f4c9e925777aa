// Every report, in every form (view model, CSV, XLSX recalculated by HyperFormula, PDF read back
// with PDF.js), prints the engine's figures: for the example units and for a costing with funds,
// a budget proposal, a retro and named roll-ups. Each PDF page is also rendered to
// test-results/reports/*.png for a person to look at.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { costScenario, parseScenario, type CostingResult, type Scenario } from '../../shared/index.js';
import { buildReport, type ReportOptions } from '../../shared/reports/index.js';
import type { ReportDocument, ReportView } from '../../shared/reports/reportDocument.js';
import { reportSheet } from '../../shared/reports/reportSheet.js';
import { cellText } from '../../shared/reports/reportFormat.js';
import { periodsWords } from '../../shared/reports/reportContext.js';
import { isFormulaCell, parseCellAddress } from '../../shared/workbook/grid.js';
import { reportCsv, reportText } from '../../server/cli/report/reportText.js';
import { reportPdf } from '../../server/pdf/reportPdf.js';
import { reportWorkbook } from '../../server/xlsx/exportCostWorkbook.js';
import { defaultLines, expectedBySplit, expectedDisclosure, expectedReconcile, expectedSummary, type ExpectedTable } from './expectedFigures.js';
import { fundedScenario, fundedScenarioInput } from './fundedScenario.js';
import { missingInOrder, pdfPngs, pdfText } from './pdfText.js';
import { expectPrinted, expectedTexts, fromCsv, fromSheet, fromView } from './printedTables.js';

function example(file: string): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(`${file} is invalid`);
  return parsed.value;
}

const cases: { name: string; scenario: () => Scenario }[] = [
  { name: 'police', scenario: () => example('examples/police.json') },
  { name: 'miscellaneous', scenario: () => example('examples/miscellaneous.json') },
  { name: 'funded', scenario: fundedScenario },
];

const context = { generatedAt: '2026-11-23T18:05:00.000Z', timeZone: 'America/Los_Angeles' };

function report(view: ReportView, result: CostingResult, scenario: Scenario, options: ReportOptions = {}): ReportDocument {
  const built = buildReport(view, result, scenario, { ...context, ...options });
  if (!built.ok) throw new Error(built.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return built.report;
}

function expectedFor(view: ReportView, result: CostingResult, scenario: Scenario): ExpectedTable[] {
  switch (view) {
    case 'summary':
      return expectedSummary(result);
    case 'disclosure':
      return expectedDisclosure(
        result,
        Math.max(
          0,
          result.proposals.findIndex((p) => p.side !== 'budget'),
        ),
        defaultLines(result),
      );
    case 'reconcile':
      return expectedReconcile(result, scenario, 0, 1);
    case 'by-fund':
      return expectedBySplit(result, 'fund');
    case 'by-department':
      return expectedBySplit(result, 'department');
  }
}

const views: ReportView[] = ['summary', 'disclosure', 'reconcile', 'by-fund', 'by-department'];

/** The 1.2 figures arrive with the engine's 1.2 costing (issue 7); until then these tests wait. */
export const engineReports12 = costScenario(fundedScenario()).positions !== undefined;

describe.skipIf(!engineReports12).each(cases)('reports of the $name costing print the engine\u2019s figures', ({ name, scenario: make }) => {
  const scenario = make();
  const result = costScenario(scenario);

  it.each(views)('%s: view model, CSV, terminal table, XLSX (recalculated) and PDF', async (view) => {
    const doc = report(view, result, scenario);
    const expected = expectedFor(view, result, scenario);
    const checked = expectPrinted(fromView(doc), expected, `${view} view`);
    expect(checked).toBeGreaterThan(5);
    expect(expectPrinted(fromCsv(reportCsv(doc), doc), expected, `${view} CSV`)).toBe(checked);

    const text = reportText(doc);
    for (const figure of expectedTexts(expected, doc)) expect(text).toContain(figure);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportWorkbook(doc, scenario, context)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(expectPrinted(fromSheet(sheet, doc), expected, `${view} XLSX`)).toBe(checked);

    const pdf = await reportPdf(doc, scenario, context);
    const read = await pdfText(pdf);
    // Each table's figures in reading order (the summary sets tables side by side, so tables interleave).
    for (const table of expected) expect(missingInOrder(read.pages.flat(), expectedTexts([table], doc)), table.id).toEqual([]);
    await pdfPngs(pdf, `${name}-${view}`);
  });

  it('the council summary fits one landscape page, with the chart of fiscal years only', async () => {
    const doc = report('summary', result, scenario);
    const pdf = await pdfText(await reportPdf(doc, scenario, context));
    expect(pdf.pages.length).toBe(1);
    expect(pdf.sizes[0]!.width).toBeGreaterThan(pdf.sizes[0]!.height);
    expect(doc.chart!.categories).toEqual(result.fiscalYears);
    expect(doc.chart!.categories).not.toContain('Term total');
    doc.chart!.series.forEach((s, i) => expect(s.values).toEqual(result.fiscalYears.map((fy) => result.proposals[i]!.increase[fy]!.total)));
    // Header, footer and page number on the page; the footer's left text never reaches its right one.
    const items = pdf.pages[0]!;
    expect(items).toContain('Page 1 of 1');
    expect(items.some((t) => t.startsWith(`${scenario.unit.name} (${scenario.unit.id})`))).toBe(true);
  });
});

describe.skipIf(!engineReports12)('disclosure', () => {
  const scenario = fundedScenario();
  const result = costScenario(scenario);

  it('whole dollars: Total compensation is the sum of the rounded lines, within a dollar a line of the rounded total', () => {
    const doc = report('disclosure', result, scenario);
    const table = doc.tables[0]!;
    const lines = table.rows.slice(0, 4);
    const total = table.rows[4]!;
    expect(total.label).toBe('Total compensation');
    table.columns.forEach((h, col) => {
      if (h.endsWith('%')) return;
      const added = lines.reduce((a, r) => a + Number(r.cells[col]!.value), 0);
      expect(Number(total.cells[col]!.value), h).toBe(added);
      expect(total.cells[col]!.formula).toEqual({ op: 'sum', refs: [0, 1, 2, 3].map((row) => ({ row, col })) });
    });
    // FY2027 cost: the exact increase total, rounded, differs from the sum of rounded lines by at most 4 × $0.50.
    const exact = Number(result.proposals[0]!.increase[result.fiscalYears[0]!]!.total);
    expect(Math.abs(Number(total.cells[1]!.value) - exact)).toBeLessThanOrEqual(2);
  });

  it('a retiree health roll-up assigned to health and welfare moves there; the mapping is printed; step and column leaves split roll-ups out', () => {
    const lines = defaultLines(result);
    lines.rollups['Retiree health'] = 'healthAndWelfare';
    lines.stepComponents = ['wages', 'pension', 'socialSecurity', 'medicare'];
    const doc = report('disclosure', result, scenario, { mapping: { rollups: { 'Retiree health': 'healthAndWelfare' } } });
    expectPrinted(fromView(doc), expectedDisclosure(result, 0, lines), 'mapped disclosure');
    const how = doc.tables.find((t) => t.id === 'mapping')!;
    expect(how.rows.find((r) => r.label === 'Health and welfare')!.cells[0]!.value).toBe('Health, Retiree health');
    expect(how.rows.find((r) => r.label === 'Statutory benefits')!.cells[0]!.value).toBe("Pension, Social Security, Medicare, Workers' comp");
    expect(how.rows.find((r) => r.label === 'Step and column counts')!.cells[0]!.value).toContain('roll-ups left out');
  });

  it('an unknown roll-up or proposal is refused, naming what exists', () => {
    const bad = buildReport('disclosure', result, scenario, { mapping: { rollups: { 'Retiree heath': 'healthAndWelfare' } } });
    expect(bad).toEqual({
      ok: false,
      issues: [
        {
          path: 'mapping.rollups.Retiree heath',
          message: 'no roll-up is named "Retiree heath": the costing\u2019s roll-ups are "Workers\' comp", "Retiree health"'.replace('\u2019', "'"),
        },
      ],
    });
    const none = buildReport('disclosure', result, scenario, { proposal: 'Mayor' });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.issues[0]!.message).toBe('no proposal is named "Mayor": the proposals are "POA proposal", "City offer", "2% budgeted"');
  });

  it('a costing stored before 1.2 is refused in words, not with a crash', () => {
    const old = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
    delete old.baselineByFund;
    const built = buildReport('summary', old as unknown as CostingResult, scenario);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.issues[0]!.message).toMatch(/made before the figures the reports print \(baselineByFund\)/);
  });
});

describe.skipIf(!engineReports12)('reconciliation', () => {
  const scenario = fundedScenario();
  const result = costScenario(scenario);

  it('matches provisions by type and label, shows what only one side has, and what each assumed', () => {
    const doc = report('reconcile', result, scenario, { proposal: 'City offer', against: 'POA proposal' });
    expectPrinted(fromView(doc), expectedReconcile(result, scenario, 1, 0), 'reconcile City vs POA');
    const rows = doc.tables[0]!.rows.map((r) => r.label);
    expect(rows).toContain('City offer: no such provision');
    expect(rows.some((l) => l.startsWith('City offer: General wage increase 3%'))).toBe(true);
    const assumed = doc.tables[1]!;
    expect(assumed.rows.find((r) => r.label === 'Retroactive pay')!.cells.map((c) => c!.value)).toEqual([
      'None: cost in the year earned',
      'Back pay paid Dec 15, 2026',
    ]);
  });

  it('needs two different proposals', () => {
    const same = buildReport('reconcile', result, scenario, { proposal: 'City offer', against: 'City offer' });
    expect(same.ok).toBe(false);
  });
});

describe.skipIf(!engineReports12)('report sheets', () => {
  it('print landscape with repeated title rows, header and footer, and a banner on a draft', () => {
    const scenario = fundedScenario();
    const result = costScenario(scenario);
    const ctx = { ...context, model: { title: 'FY27 settlement', version: 2, state: 'draft' } };
    const doc = report('summary', result, scenario, ctx);
    const sheet = reportSheet(doc, scenario, ctx);
    expect(doc.banner).toBe('DRAFT — not approved');
    expect(sheet.bannerAddress).toBe('A2');
    expect(sheet.print).toMatchObject({ landscape: true, titleRows: [1, 5], headerRight: 'FY27 settlement, version 2', footerLeft: 'Draft' });
    expect(sheet.chart!.dataAddress).toMatch(/^A\d+:D\d+$/);
  });

  it('every figure fits its column as printed (a total over $100 million too, not ########)', () => {
    const input = fundedScenarioInput() as { roster: { rows: { count?: number }[] } };
    for (const row of input.roster.rows) row.count = (row.count ?? 1) * 2000;
    const parsed = parseScenario(input);
    if (!parsed.ok) throw new Error('scaled scenario');
    const result = costScenario(parsed.value);
    expect(Number(result.baseline[Object.keys(result.baseline)[0]!]!.total)).toBeGreaterThan(100_000_000);
    for (const view of ['summary', 'disclosure', 'by-fund', 'by-department'] as const) {
      const doc = report(view, result, parsed.value, context);
      const sheet = reportSheet(doc, parsed.value, context);
      for (const table of doc.tables) {
        for (const row of table.rows) {
          row.cells.forEach((cell, ci) => {
            if (!cell || (cell.format ?? row.format) === 'text') return;
            // Excel's column width counts characters of the default font; 2 spare for the padding.
            expect(cellText(cell, row.format).length + 2, `${view} ${row.label} ${table.columns[ci]}`).toBeLessThanOrEqual(sheet.columnWidths[1 + ci]!);
          });
        }
      }
    }
  });

  it("chart data: each cell is a live reference to the table's figure for that proposal and fiscal year", () => {
    const scenario = fundedScenario();
    const result = costScenario(scenario);
    const sheet = reportSheet(report('summary', result, scenario, context), scenario, context);
    const cellAt = (address: string) => {
      const { column, row } = parseCellAddress(address);
      return sheet.cells[row - 1]![column];
    };
    const [top, bottom] = sheet.chart!.dataAddress.split(':').map(parseCellAddress) as [{ row: number; column: number }, { row: number; column: number }];
    const fys = Object.keys(result.baseline);
    expect(bottom.row - top.row).toBe(fys.length);
    expect(bottom.column).toBe(result.proposals.length);
    fys.forEach((fy, k) => {
      expect(sheet.cells[top.row + k]![0]).toBe(fy);
      result.proposals.forEach((p, i) => {
        const cell = sheet.cells[top.row + k]![1 + i];
        if (!isFormulaCell(cell)) throw new Error(`chart data ${fy}, ${p.name}: not a formula`);
        // The referenced cell holds the same figure: the proposal's increase total in that year.
        const source = cellAt(cell.formula);
        expect(isFormulaCell(source) ? source.result : source).toBe(Number(p.increase[fy]!.total));
        expect(cell.result).toBe(Number(p.increase[fy]!.total));
      });
    });
  });
});

describe('fund and department codes that look like numbers', () => {
  it('are listed in code-point order (§7), not in the numeric order a JavaScript object gives them', () => {
    const scenario = fundedScenario();
    const codes = ['100', '20', '9', 'A'];
    const rows = scenario.roster.rows.map((row, i) => ({ ...row, fund: codes[i % codes.length]!, department: codes[(i + 1) % codes.length]! }));
    const numeric: Scenario = {
      ...scenario,
      roster: { ...scenario.roster, rows },
      proposals: scenario.proposals.map((p) => ({ ...p, provisions: p.provisions.filter((x) => x.type !== 'flat') })),
    };
    const result = costScenario(numeric);
    expect(Object.keys(result.baselineByFund!)).toEqual(['9', '20', '100', 'A']);
    for (const view of ['by-fund', 'by-department'] as const) {
      const labels = report(view, result, numeric).tables[0]!.rows.map((r) => r.label);
      expect(labels, view).toEqual(['100', '20', '9', 'A', 'Total']);
    }
  });
});

describe('the footnote on pay periods', () => {
  it('gives each fiscal year its costed periods, says why they differ, and names a year outside the term', () => {
    const words = (periodsByFiscalYear: Record<string, number>) => periodsWords({ periodsByFiscalYear } as unknown as CostingResult);
    expect(words({ FY2027: 27, FY2028: 26, FY2029: 26 })).toBe(
      'Pay periods costed: FY2027 27, FY2028 26, FY2029 26. A year with more pay dates costs more periods of pay.',
    );
    expect(words({ FY2027: 26, FY2028: 26 })).toBe('Pay periods costed: FY2027 26, FY2028 26.');
    expect(words({ FY2027: 20, FY2028: 0 })).toBe('Pay periods costed: FY2027 20, FY2028 none (outside the term).');
  });
});
