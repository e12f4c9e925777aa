/**
 * Issue 9's defects 3, 4, 6, 7 and 9 (the code side), each against the strict double, which
 * reproduces what real Excel does (tests/browser/double/excelDouble.js cites the documentation).
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addColumnChart, writeSheetGrid, writeTable } from '../../addin/excel/index.js';
import { costingChartFor } from '../../addin/taskpane/costing/costingChart.js';
import { officeWorkbook } from '../../addin/taskpane/workbook/officeWorkbook.js';
import { digestCosting } from '../../addin/functions/costingDigest.js';
import { costScenario } from '../../shared/engine/costScenario.js';
import type { CostingResult } from '../../shared/result.js';
import { parseScenario } from '../../shared/scenario.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import { costingSheet } from '../../shared/workbook/costingSheet.js';
import type { SheetGrid } from '../../shared/workbook/grid.js';
import { scenarioToSheets } from '../../shared/workbook/scenarioToSheets.js';
import { strictDouble, uninstallOffice } from './strictDouble.js';

let scenario: Scenario;
let result: CostingResult;
beforeAll(() => {
  const parsed = parseScenario(JSON.parse(readFileSync(new URL('../../examples/police.json', import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error('examples/police.json does not parse');
  scenario = parsed.value;
  result = costScenario(scenario);
});
afterEach(() => uninstallOffice());

function grid(partial: Partial<SheetGrid> & Pick<SheetGrid, 'name' | 'cells' | 'formats'>): SheetGrid {
  return { tables: [], styles: {}, columnWidths: [], freeze: { rows: 0, columns: 0 }, ...partial };
}

describe('defect 3: text in Text-formatted cells', () => {
  it('is written as Excel stores it: no visible apostrophe in "@" cells, the apostrophe kept (and hidden) elsewhere', async () => {
    const excel = strictDouble({ installOffice: true });
    const sheet = grid({
      name: 'Roster',
      cells: [['00123', '00123', '=not a formula', '2026-07-01']],
      formats: [['@', null, '@', '@']],
    });
    await excel.Excel.run((context) => writeSheetGrid(context, sheet));
    expect(excel.block('Roster', 'A1:D1')).toEqual([['00123', '00123', '=not a formula', '2026-07-01']]);
  });

  it('writeTable keeps a Text column literal too, and still writes formula-like text as text elsewhere', async () => {
    const excel = strictDouble({ installOffice: true });
    await excel.Excel.run((context) =>
      writeTable(context, { sheetName: 'Sheet1', tableName: 'T', header: ['Code', 'Note'], rows: [['=A1', '+1 step']], columnFormats: ['@', undefined] }),
    );
    expect(excel.block('Sheet1', 'A2:B2')).toEqual([['=A1', '+1 step']]);
    expect(excel.formula('Sheet1', 'B2')).toBeNull();
  });
});

describe('defect 4: calculation and screen updating', () => {
  it('never touches the calculation mode; every request that writes cells suspends calculation; screen updating once per write', async () => {
    const excel = strictDouble({ installOffice: true });
    const rows = Array.from({ length: 3000 }, (_, i) => [`E${i}`, 'x'.repeat(200)]);
    const report = await excel.Excel.run((context) =>
      writeTable(context, { sheetName: 'Roster', tableName: 'Roster', header: ['Id', 'Text'], rows, maxRequestBytes: 200_000 }),
    );
    expect(report.chunks).toBeGreaterThan(2);
    const stats = excel.model.stats;
    expect(stats.calculationModeChanges).toBe(0);
    expect(excel.model.calculationMode).toBe('Automatic');
    expect(stats.writesWithoutSuspendedCalculation).toBe(0);
    expect(stats.suspendedCalculation).toBe(report.chunks);
    expect(stats.suspendedScreen).toBe(1);
  });

  it('an Excel without ExcelApi 1.8/1.9 (the manifest asks 1.7) writes a sheet and its chart without them', async () => {
    const excel = strictDouble({ installOffice: true });
    excel.supportSets({ ExcelApi: '1.7' });
    await excel.Excel.run(async (context) => {
      await writeSheetGrid(
        context,
        grid({
          name: 'Costing',
          cells: [
            ['FY', 'A'],
            ['FY2027', 1],
          ],
          formats: [
            [null, null],
            [null, null],
          ],
        }),
      );
      await addColumnChart(context, { sheetName: 'Costing', dataAddress: 'A1:B2', title: 't', name: 'c', topLeft: 'D1', bottomRight: 'H9' });
    });
    expect(excel.model.stats.suspendedScreen).toBe(0);
    expect(excel.summary().sheets.find((s) => s.name === 'Costing')!.charts).toHaveLength(1);
  });

  it('after costing, no workbook is recalculated in full (BARGAIN.COST cells stream the new figures)', async () => {
    const excel = strictDouble({ installOffice: true });
    const sheet = costingSheet(result, scenario, { generatedAt: '2026-12-01T00:00:00Z' });
    await officeWorkbook.writeCosting(sheet, costingChartFor(sheet), digestCosting(result, new Date('2026-12-01T00:00:00Z')));
    expect(excel.model.stats.fullCalculations).toBe(0);
    expect(excel.model.stats.calculationModeChanges).toBe(0);
  });
});

describe('defect 6: the costing chart', () => {
  it('plots the fiscal years only, never the term total', async () => {
    const excel = strictDouble({ installOffice: true });
    const sheet = costingSheet(result, scenario, { generatedAt: '2026-12-01T00:00:00Z' });
    const chart = costingChartFor(sheet)!;
    await officeWorkbook.writeCosting(sheet, chart, digestCosting(result, new Date('2026-12-01T00:00:00Z')));
    const plotted = excel.summary().sheets.find((s) => s.name === sheet.name)!.charts[0]!;
    const [from, to] = plotted.source.split(':');
    const header = excel.block(sheet.name, `${from}:${to!.replace(/\d+$/, from!.replace(/^[A-Z]+/, ''))}`)![0]!;
    // The header row of the plotted block: "Proposal" then exactly the costing's fiscal years.
    expect(header.slice(1)).toEqual(result.fiscalYears);
    expect(header).not.toContain('Term total');
  });
});

describe('defect 7: formatting', () => {
  it('column widths go to Excel in points: 10 characters are (10 × 7 + 5) px × 0.75 = 56.25 pt', async () => {
    const excel = strictDouble({ installOffice: true });
    await excel.Excel.run((context) => writeSheetGrid(context, grid({ name: 'S', cells: [['a']], formats: [[null]], columnWidths: [10] })));
    expect(excel.columnWidth('S', 'A')).toBe(56.25);
  });

  it('a table header keeps its table style (no pale fill under white text); headers outside tables are dark on pale', async () => {
    const excel = strictDouble({ installOffice: true });
    const [roster] = scenarioToSheets(scenario).filter((g) => g.tables.length > 0);
    await excel.Excel.run((context) => writeSheetGrid(context, roster!));
    const table = roster!.tables[0]!;
    const headerCell = `${String.fromCharCode(65 + table.firstColumn)}${table.headerRow}`;
    expect(excel.table(table.name)!.style).toBe('TableStyleMedium2');
    expect(excel.cellFormat(roster!.name, headerCell).style.fill).toBeUndefined();
    const excel2 = strictDouble({ installOffice: true });
    await excel2.Excel.run((context) => writeSheetGrid(context, grid({ name: 'S', cells: [['Head']], formats: [[null]], styles: { '0:0': 'header' } })));
    expect(excel2.cellFormat('S', 'A1').style).toMatchObject({ fill: '#DDEBF7', fontColor: '#1F1F1F', bold: true });
  });
});
