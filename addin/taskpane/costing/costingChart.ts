import type { ColumnChartSpec } from '../../excel/chart.js';
import { columnLetters, parseCellAddress } from '../../excel/a1.js';
import type { CostingSheet } from '../../../shared/workbook/costingSheet.js';

/**
 * The chart of the increase per fiscal year per proposal, placed to the right of the figures. It
 * plots the fiscal-year columns only: the summary's last column, the term total, is not a year.
 */
export function costingChartFor(sheet: CostingSheet): ColumnChartSpec | null {
  if (!sheet.map.summaryRange || sheet.map.proposals.length === 0 || sheet.map.fiscalYears.length === 0) return null;
  const [from, to] = sheet.map.summaryRange.split(':');
  if (!from || !to) throw new Error(`the Costing sheet's summary range "${sheet.map.summaryRange}" is not a block like A10:E13`);
  const start = parseCellAddress(from);
  const end = parseCellAddress(to);
  // Column `start` holds the proposal names; the fiscal years follow it, one column each.
  const lastYear = `${columnLetters(start.column + sheet.map.fiscalYears.length)}${end.row + 1}`;
  const width = Math.max(...sheet.cells.map((row) => row.length));
  const left = columnLetters(width + 1);
  const right = columnLetters(width + 9);
  return {
    sheetName: sheet.name,
    dataAddress: `${from}:${lastYear}`,
    seriesBy: 'Rows',
    title: 'Increase over baseline by fiscal year',
    name: 'IncreaseByFiscalYear',
    topLeft: `${left}2`,
    bottomRight: `${right}20`,
  };
}
