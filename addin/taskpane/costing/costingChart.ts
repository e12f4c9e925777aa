import type { ColumnChartSpec } from '../../excel/chart.js';
import { columnLetter } from '../../../shared/workbook/grid.js';
import type { CostingSheet } from '../../../shared/workbook/costingSheet.js';

/** The chart of the increase per fiscal year per proposal, placed to the right of the figures. */
export function costingChartFor(sheet: CostingSheet): ColumnChartSpec | null {
  if (!sheet.map.summaryRange || sheet.map.proposals.length === 0) return null;
  const width = Math.max(...sheet.cells.map((row) => row.length));
  const left = columnLetter(width + 1);
  const right = columnLetter(width + 9);
  return {
    sheetName: sheet.name,
    dataAddress: sheet.map.summaryRange,
    seriesBy: 'Rows',
    title: 'Increase over baseline by fiscal year',
    name: 'IncreaseByFiscalYear',
    topLeft: `${left}2`,
    bottomRight: `${right}20`,
  };
}
