/**
 * writeReportSheets(context, sheets) — the Summary (council summary, with a native clustered
 * column chart of the increase per fiscal year) and Disclosure sheets next to the Costing sheet,
 * from shared/reports/reportSheet.ts grids: values and live formulas through `writeSheetGrid`, then
 * the banner, the chart, and how the sheet prints (landscape, one page wide, repeated title rows,
 * header and footer). Page layout needs ExcelApi 1.9; an older Excel writes the sheets without it.
 * Page layout API: https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayout
 * (zoom must be set as a whole object; a fit of 0 leaves that direction automatic).
 */
import type { ReportSheet } from '../../shared/reports/reportSheet.js';
import { excelApiSupported } from './apiSupport.js';
import { addColumnChart } from './chart.js';
import { excelStep } from './officeError.js';
import { writeSheetGrid } from './sheetGrid.js';

/** "&" starts a code in header/footer text; a literal one is written "&&". */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

export async function writeReportSheets(
  context: Excel.RequestContext,
  sheets: readonly ReportSheet[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const total = sheets.reduce((n, s) => n + s.cells.length, 0);
  let before = 0;
  for (const grid of sheets) {
    const offset = before;
    await writeSheetGrid(context, grid, onProgress ? { onProgress: (done: number) => onProgress(offset + done, total) } : {});
    before += grid.cells.length;
    await excelStep(`lay out the ${grid.name} sheet for printing`, async () => {
      const sheet = context.workbook.worksheets.getItem(grid.name);
      if (grid.bannerAddress) {
        const banner = sheet.getRange(grid.bannerAddress).format;
        banner.font.bold = true;
        banner.font.size = 13;
        banner.font.color = '#C00000';
        banner.fill.color = '#FCE4E4';
      }
      // `sheet.pageLayout` is checked too: Excel doubles in tests may claim 1.9 without a page layout.
      if (excelApiSupported('1.9') && sheet.pageLayout) {
        const layout = sheet.pageLayout;
        layout.orientation = grid.print.landscape ? 'Landscape' : 'Portrait';
        layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: grid.print.onePage ? 1 : 0 };
        layout.setPrintTitleRows(`$${grid.print.titleRows[0]}:$${grid.print.titleRows[1]}`);
        const pages = layout.headersFooters.defaultForAllPages;
        pages.leftHeader = headerText(grid.print.headerLeft);
        pages.centerHeader = '';
        pages.rightHeader = headerText(grid.print.headerRight);
        pages.leftFooter = headerText(grid.print.footerLeft);
        pages.centerFooter = '';
        pages.rightFooter = 'Page &P of &N';
        if (sheet.horizontalPageBreaks) {
          sheet.horizontalPageBreaks.removePageBreaks();
          for (const before of grid.print.pageBreaksBefore) if (before > 1) sheet.horizontalPageBreaks.add(`A${before}`);
        }
      }
      await context.sync();
    });
    if (grid.chart) {
      await addColumnChart(context, {
        sheetName: grid.name,
        dataAddress: grid.chart.dataAddress,
        seriesBy: 'Columns',
        title: grid.chart.title,
        name: 'SummaryIncreaseByFiscalYear',
        topLeft: grid.chart.topLeft,
        bottomRight: grid.chart.bottomRight,
        valueFormat: '"$"#,##0_);("$"#,##0)',
      });
    }
  }
}
