/**
 * addSheetGrid(workbook, grid) — writes one shared-layout grid (shared/workbook) into an ExcelJS
 * workbook: values, live formulas with their cached results, number formats, styles, Excel
 * tables, column widths and frozen panes. Text is always written as a plain string value, which
 * ExcelJS never turns into a formula (see shared/workbook/textSafety.ts).
 */
import type ExcelJS from 'exceljs';
import { cellAddress, isFormulaCell, type CellStyle, type SheetGrid } from '../../shared/workbook/grid.js';
import { exceljsText } from '../../shared/workbook/textSafety.js';

const STYLE: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 14 } },
  caption: { font: { bold: true, size: 12, color: { argb: 'FF1F4E79' } } },
  header: { font: { bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }, border: { bottom: { style: 'thin' } } },
  total: { font: { bold: true }, border: { top: { style: 'thin' } } },
  note: { font: { italic: true, color: { argb: 'FF595959' } } },
};

export function addSheetGrid(workbook: ExcelJS.Workbook, grid: SheetGrid): ExcelJS.Worksheet {
  const views: Partial<ExcelJS.WorksheetView>[] =
    grid.freeze.rows || grid.freeze.columns ? [{ state: 'frozen', xSplit: grid.freeze.columns, ySplit: grid.freeze.rows }] : [];
  const sheet = workbook.addWorksheet(grid.name, { views });

  // Tables first: ExcelJS writes a table's cells itself; the typed cells below then overwrite them.
  for (const table of grid.tables) {
    const rows = Array.from({ length: Math.max(1, table.rowCount) }, (_, r) =>
      table.headers.map((_, c) => {
        const cell = grid.cells[table.headerRow + r]?.[table.firstColumn + c] ?? null;
        return isFormulaCell(cell) ? cell.result : cell;
      }),
    );
    sheet.addTable({
      name: table.name,
      ref: cellAddress(table.firstColumn, table.headerRow),
      headerRow: true,
      totalsRow: false,
      style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: table.headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  }

  grid.cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      const format = grid.formats[r]?.[c] ?? null;
      const style = grid.styles[`${r}:${c}`];
      if (cell === null && format === null && !style) return;
      const target = sheet.getCell(r + 1, c + 1);
      if (isFormulaCell(cell)) target.value = { formula: cell.formula, result: cell.result };
      else if (typeof cell === 'string') target.value = exceljsText(cell);
      else target.value = cell;
      if (format) target.numFmt = format;
      if (style) Object.assign(target, STYLE[style]);
    });
  });

  grid.columnWidths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  return sheet;
}
