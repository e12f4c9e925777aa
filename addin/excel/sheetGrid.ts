import type { CellStyle, SheetGrid, TableSpec as GridTable } from '../../shared/workbook/grid.js';
import { officeFormulas } from '../../shared/workbook/officeFormulas.js';
import { blockAddress } from './a1.js';
import { writeBlock, type BlockWriteReport } from './blockWrite.js';
import { checkSheetName } from './sheets.js';
import { excelStep } from './officeError.js';

export interface SheetGridWriteOptions {
  /** Clear the sheet (cells, formats, charts) before writing; default true. */
  clear?: boolean;
  maxRequestBytes?: number;
  onProgress?: (rowsWritten: number, totalRows: number) => void;
}

export interface SheetGridWriteReport extends BlockWriteReport {
  sheetName: string;
  /** Table name → its address including the header row. */
  tables: Record<string, string>;
}

/** The address of a grid table, header row included. */
export function gridTableAddress(table: GridTable): string {
  return blockAddress({ row: table.headerRow - 1, column: table.firstColumn }, table.rowCount + 1, table.headers.length);
}

/**
 * Writes a whole sheet from `shared/workbook/`'s grid: values and formulas with their number
 * formats as chunked 2-D blocks (one sync per chunk, each suspending calculation until its sync),
 * THEN the tables over the written cells, the cell styles, column widths and frozen panes. Tables
 * of the same names elsewhere in the workbook are turned back into ranges and cleared first.
 * Syncs: 1 (prepare; 2 when the sheet exists) + chunks + 1 (tables and styles).
 */
export async function writeSheetGrid(context: Excel.RequestContext, grid: SheetGrid, options: SheetGridWriteOptions = {}): Promise<SheetGridWriteReport> {
  checkSheetName(grid.name);
  // shared/workbook's Office.js form: "=…" formulas, text with a leading apostrophe (text stays text) except in Text cells.
  const block = officeFormulas(grid);
  const sheet = await excelStep(`prepare the sheet "${grid.name}"`, async () => {
    const existingSheet = context.workbook.worksheets.getItemOrNullObject(grid.name);
    existingSheet.load('isNullObject');
    const existingTables = grid.tables.map((t) => context.workbook.tables.getItemOrNullObject(t.name));
    existingTables.forEach((t) => t.load('isNullObject'));
    await context.sync();
    existingTables.forEach((t) => {
      if (!t.isNullObject) t.convertToRange().clear('All');
    });
    if (existingSheet.isNullObject) return context.workbook.worksheets.add(grid.name);
    if (options.clear !== false) {
      // Tables and charts left on the sheet would block the new tables or show old figures:
      // turn the tables back into ranges, delete the charts, then clear every cell.
      existingSheet.charts.load('items/name');
      existingSheet.tables.load('items/name');
      await context.sync();
      existingSheet.tables.items.forEach((table) => table.convertToRange());
      existingSheet.charts.items.forEach((chart) => chart.delete());
      existingSheet.getRange().clear('All');
    }
    return existingSheet;
  });
  const report = await writeBlock(context, sheet, { row: 0, column: 0 }, block, {
    mode: 'formulas',
    cellFormats: grid.formats,
    ...(options.maxRequestBytes !== undefined ? { maxRequestBytes: options.maxRequestBytes } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const tables: Record<string, string> = {};
  await excelStep(`create the tables and formats of "${grid.name}"`, async () => {
    for (const table of grid.tables) {
      const address = gridTableAddress(table);
      const added = sheet.tables.add(address, true);
      added.name = table.name;
      added.style = 'TableStyleMedium2';
      tables[table.name] = address;
    }
    for (const [key, style] of Object.entries(grid.styles)) {
      const [row, column] = key.split(':').map(Number);
      if (row === undefined || column === undefined || !Number.isInteger(row) || !Number.isInteger(column)) {
        throw new Error(`style key "${key}" is not "row:column"`);
      }
      // A table's header row takes the table style's colours (white on dark blue): a pale fill there would leave white text on pale blue.
      if (style === 'header' && grid.tables.some((t) => t.headerRow - 1 === row && column >= t.firstColumn && column < t.firstColumn + t.headers.length))
        continue;
      applyCellStyle(sheet.getRangeByIndexes(row, column, 1, 1).format, style);
    }
    grid.columnWidths.forEach((chars, column) => {
      if (chars > 0) sheet.getRangeByIndexes(0, column, 1, 1).getEntireColumn().format.columnWidth = columnWidthPoints(chars);
    });
    if (grid.freeze.rows > 0 || grid.freeze.columns > 0) {
      sheet.freezePanes.unfreeze();
      if (grid.freeze.rows > 0 && grid.freeze.columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, grid.freeze.rows, grid.freeze.columns));
      else if (grid.freeze.rows > 0) sheet.freezePanes.freezeRows(grid.freeze.rows);
      else sheet.freezePanes.freezeColumns(grid.freeze.columns);
    }
    await context.sync();
  });
  return { ...report, sheetName: grid.name, tables };
}

/**
 * Excel's width of a column of `chars` characters, in points — what `format.columnWidth` takes
 * (https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-columnwidth-member).
 * A character of the default font (Calibri 11) is 7 pixels plus 5 pixels of padding; a pixel is
 * 3/4 of a point at 96 dpi.
 */
export function columnWidthPoints(chars: number): number {
  return ((chars * 7 + 5) * 3) / 4;
}

/** The look of each grid style: plain fonts and fills that read well in light and dark Office themes. */
export function applyCellStyle(format: Excel.RangeFormat, style: CellStyle): void {
  switch (style) {
    case 'title':
      format.font.bold = true;
      format.font.size = 14;
      return;
    case 'caption':
      format.font.italic = true;
      format.font.color = '#595959';
      return;
    case 'header':
      format.font.bold = true;
      format.fill.color = '#DDEBF7';
      format.font.color = '#1F1F1F';
      return;
    case 'total':
      format.font.bold = true;
      format.borders.getItem('EdgeTop').style = 'Continuous';
      return;
    case 'note':
      format.font.italic = true;
      format.font.size = 9;
      return;
  }
}
