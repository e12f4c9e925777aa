import { excelApiSupported } from './apiSupport.js';
import { excelStep } from './officeError.js';

export interface ColumnChartSpec {
  sheetName: string;
  /** The data block including its header row and its category column, e.g. "A20:D23". */
  dataAddress: string;
  /** `Columns`: each column after the first is a series (a proposal), rows are categories (fiscal years). */
  seriesBy?: 'Columns' | 'Rows';
  title: string;
  /** Name of the chart, to find and replace it on the next costing. */
  name: string;
  /** Where the chart sits: top-left and bottom-right cells, e.g. "F2" and "N20". */
  topLeft: string;
  bottomRight: string;
  /** Number format of the value axis, "#,##0" by default. */
  valueFormat?: string;
}

/**
 * Adds a clustered column chart (the increase per fiscal year per proposal), replacing a chart
 * of the same name on that sheet. One sync (two when an old chart is replaced).
 */
export async function addColumnChart(context: Excel.RequestContext, spec: ColumnChartSpec): Promise<void> {
  await excelStep(`add the chart "${spec.title}" on "${spec.sheetName}"`, async () => {
    const sheet = context.workbook.worksheets.getItem(spec.sheetName);
    const old = sheet.charts.getItemOrNullObject(spec.name);
    old.load('isNullObject');
    await context.sync();
    if (!old.isNullObject) old.delete();
    const chart = sheet.charts.add('ColumnClustered', sheet.getRange(spec.dataAddress), spec.seriesBy ?? 'Columns');
    chart.name = spec.name;
    chart.title.text = spec.title;
    chart.legend.position = 'Bottom';
    // ChartAxis.numberFormat is ExcelApi 1.8, newer than the manifest's minimum: older Excel keeps its own axis format.
    if (excelApiSupported('1.8')) chart.axes.valueAxis.numberFormat = spec.valueFormat ?? '#,##0';
    chart.setPosition(spec.topLeft, spec.bottomRight);
    await context.sync();
  });
}
