// The add-in writes the Summary (native clustered column chart over the fiscal years only) and the
// Disclosure sheets with live formulas and print settings, through addin/excel on a fake Excel.
import { afterEach, describe, expect, it } from 'vitest';
import { writeReportSheets } from '../../addin/excel/reportSheets.js';
import { costScenario } from '../../shared/index.js';
import { costingReportSheets } from '../../shared/reports/reportSheet.js';
import { FakeExcel, type FakeSheet } from '../addin/fakeExcel.js';
import { strictDouble, uninstallOffice } from '../addin/strictDouble.js';
import { fundedScenario } from './fundedScenario.js';

const engineReports12 = costScenario(fundedScenario()).positions !== undefined;

/** The page layout a sheet was given (the fake Excel has none of its own). */
function withPageLayout(sheet: FakeSheet) {
  const printed = { orientation: '', zoom: {} as object, titleRows: '', headers: {} as Record<string, string>, breaks: [] as string[] };
  Object.assign(sheet, {
    pageLayout: {
      set orientation(v: string) {
        printed.orientation = v;
      },
      set zoom(v: object) {
        printed.zoom = v;
      },
      setPrintTitleRows: (rows: string) => (printed.titleRows = rows),
      headersFooters: { defaultForAllPages: printed.headers },
    },
    horizontalPageBreaks: { removePageBreaks: () => (printed.breaks = []), add: (at: string) => printed.breaks.push(at) },
  });
  return printed;
}

describe.skipIf(!engineReports12)('the add-in\u2019s Summary and Disclosure sheets', () => {
  it('live formulas, a native chart of the fiscal years, landscape one page wide with title rows, header and footer', async () => {
    const scenario = fundedScenario();
    const result = costScenario(scenario);
    const excel = new FakeExcel();
    const summary = withPageLayout(excel.addSheet('Summary'));
    const disclosure = withPageLayout(excel.addSheet('Disclosure'));
    const { sheets, issues } = costingReportSheets(result, scenario, { model: { title: 'FY27', state: 'draft' }, timeZone: 'UTC' });
    expect(issues).toEqual([]);
    await writeReportSheets(excel.context, sheets);

    const chart = excel.charts.find((c) => c.sheet === 'Summary')!;
    expect(chart).toMatchObject({ type: 'ColumnClustered', seriesBy: 'Columns', source: sheets[0]!.chart!.dataAddress });
    // Header row plus one row per fiscal year: never a term-total category.
    const [from, to] = chart.source.split(':').map((a) => Number(a.replace(/^[A-Z]+/, '')));
    expect(to! - from!).toBe(result.fiscalYears.length);
    const cells = excel.sheets.get('Summary')!.cells;
    expect([...cells.values()].filter((v) => typeof v === 'string' && v.startsWith('=SUM(')).length).toBeGreaterThan(5);
    expect([...excel.sheets.get('Disclosure')!.cells.values()].some((v) => typeof v === 'string' && v.startsWith('=ROUND('))).toBe(true);

    for (const printed of [summary, disclosure]) {
      expect(printed.orientation).toBe('Landscape');
      // The council summary is one page; the disclosure runs down as long as it needs.
      expect(printed.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: printed === summary ? 1 : 0 });
      expect(printed.titleRows).toMatch(/^\$1:\$\d+$/);
      expect(printed.headers).toMatchObject({ rightHeader: 'FY27', rightFooter: 'Page &P of &N', centerFooter: '', centerHeader: '', leftFooter: 'Draft' });
      // Short enough that the left and right sections never meet.
      expect(printed.headers.leftHeader).toMatch(/^Police Officers Association \(POA\) \u2014 (Council summary|Public disclosure)/);
      expect(printed.headers.leftHeader!.length).toBeLessThanOrEqual(70);
    }
  });

  it('against the strict double, which checks print settings as Excel does (ExcelApi 1.9): the same layout, page breaks where the grid asks', async () => {
    const scenario = fundedScenario();
    const result = costScenario(scenario);
    const { sheets } = costingReportSheets(result, scenario, { model: { title: 'FY27', state: 'draft' }, timeZone: 'UTC' });
    const excel = strictDouble({ installOffice: true });
    await excel.Excel.run((context) => writeReportSheets(context, sheets));
    for (const grid of sheets) {
      const printed = excel.pageLayout(grid.name)!;
      expect(printed.orientation).toBe(grid.print.landscape ? 'Landscape' : 'Portrait');
      expect(printed.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: grid.print.onePage ? 1 : 0 });
      expect(printed.titleRows).toBe(`$${grid.print.titleRows[0]}:$${grid.print.titleRows[1]}`);
      expect(printed.headers).toMatchObject({ rightHeader: 'FY27', rightFooter: 'Page &P of &N', leftFooter: 'Draft' });
      expect(printed.pageBreaks).toEqual(grid.print.pageBreaksBefore.filter((row) => row > 1));
    }
    // An Excel before 1.9 gets the same sheets without print settings, not a failed write.
    const older = strictDouble({ installOffice: true });
    older.supportSets({ ExcelApi: '1.8' });
    await older.Excel.run((context) => writeReportSheets(context, sheets));
    expect(older.pageLayout('Summary')).toMatchObject({ orientation: 'Portrait', titleRows: null, pageBreaks: [] });
    expect(older.cell('Summary', 'A1')).toBe(excel.cell('Summary', 'A1'));
  });
});

afterEach(() => uninstallOffice());
