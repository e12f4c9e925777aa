/**
 * Sheets as plain 2-D grids of cells — the form both writers (Office.js in the add-in, ExcelJS on
 * the server) and both readers hand to and take from `shared/workbook/`. Row 0 of `cells` is
 * Excel row 1, column 0 is column A.
 */

/** A constant cell. Text is always text (see `textSafety.ts`), never a formula. */
export type CellValue = string | number | boolean | null;

/** A formula cell: `formula` without the leading "=", and the value the engine expects it to show. */
export interface FormulaCell {
  formula: string;
  result: number | string;
}

export type Cell = CellValue | FormulaCell;

/** An Excel table (ListObject) over part of a sheet: header row plus data rows. */
export interface TableSpec {
  name: string;
  /** 1-based Excel row of the header row. */
  headerRow: number;
  /** 0-based column index of the first column. */
  firstColumn: number;
  headers: string[];
  /** Number of data rows below the header (0 is allowed: Excel keeps one empty row). */
  rowCount: number;
}

/** How a cell should look; writers map these to fonts/fills. */
export type CellStyle = 'title' | 'caption' | 'header' | 'total' | 'note';

export interface SheetGrid {
  name: string;
  cells: Cell[][];
  /** Number formats, same shape as `cells`; null means General. */
  formats: (string | null)[][];
  /** Sparse styles: key `${row0}:${col0}`. */
  styles: Record<string, CellStyle>;
  tables: TableSpec[];
  /** Column widths in characters, by column index. */
  columnWidths: number[];
  /** Rows and columns frozen at the top-left. */
  freeze: { rows: number; columns: number };
}

/** What a reader hands back: values plus, where it can, each cell's number format. */
export interface SheetValues {
  name: string;
  /** Values as read: strings, numbers, booleans, null/undefined/'' for empty, Date from ExcelJS. */
  cells: unknown[][];
  /** Number formats where the reader knows them (ExcelJS `numFmt`, Office.js `numberFormat`). */
  formats?: (string | null | undefined)[][];
}

// A1 addresses: the one set of helpers for the add-in, the server and the layout.

/** Excel's last column, XFD (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3). */
export const LAST_COLUMN_INDEX = 16383;

/** Column index (0-based) → letters: 0 → A, 26 → AA, 16383 → XFD. */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > LAST_COLUMN_INDEX) throw new RangeError(`column index ${index} is outside Excel's A…XFD`);
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters → column index (0-based): A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`"${letters}" is not a column like B or AA`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n - 1 > LAST_COLUMN_INDEX) throw new RangeError(`column ${letters} is outside Excel's A…XFD`);
  return n - 1;
}

/** A1 address from a 0-based column and a 1-based row. */
export function cellAddress(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

/** "B3" or "$B$3" → 0-based column and 1-based row. */
export function parseCellAddress(address: string): { column: number; row: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) throw new RangeError(`"${address}" is not a single-cell address like B3`);
  return { column: columnIndex(match[1]!), row: Number(match[2]) };
}

/** "A1:C10": a block of `rows` × `columns` cells whose top-left cell is at 0-based column, 1-based row. */
export function rangeAddress(column: number, row: number, rows: number, columns: number): string {
  if (rows < 1 || columns < 1) throw new RangeError(`a range needs at least one row and one column (got ${rows}×${columns})`);
  return `${cellAddress(column, row)}:${cellAddress(column + columns - 1, row + rows - 1)}`;
}

/** Quotes a sheet name for use in a formula or address when it needs it. */
export function sheetReference(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function isFormulaCell(cell: unknown): cell is FormulaCell {
  return typeof cell === 'object' && cell !== null && typeof (cell as FormulaCell).formula === 'string';
}

/** A grid builder that grows as cells are set; used by the sheet writers in this folder. */
export class GridBuilder {
  readonly cells: Cell[][] = [];
  readonly formats: (string | null)[][] = [];
  readonly styles: Record<string, CellStyle> = {};
  width = 0;

  set(row0: number, col0: number, value: Cell, format: string | null = null, style?: CellStyle): void {
    while (this.cells.length <= row0) {
      this.cells.push([]);
      this.formats.push([]);
    }
    this.cells[row0]![col0] = value;
    this.formats[row0]![col0] = format;
    if (style) this.styles[`${row0}:${col0}`] = style;
    this.width = Math.max(this.width, col0 + 1);
  }

  style(row0: number, col0: number, style: CellStyle): void {
    this.styles[`${row0}:${col0}`] = style;
  }

  /** Rectangular copies: every row padded with null to the widest row. */
  finish(): { cells: Cell[][]; formats: (string | null)[][] } {
    const pad = <T>(rows: T[][], fill: T) => rows.map((r) => Array.from({ length: this.width }, (_, i) => (r[i] === undefined ? fill : r[i]!)));
    return { cells: pad(this.cells, null as Cell), formats: pad(this.formats, null as string | null) };
  }
}
