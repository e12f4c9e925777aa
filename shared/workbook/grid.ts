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

/** Column index (0-based) → letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`not a column index: ${index}`);
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 address from a 0-based column and a 1-based row. */
export function cellAddress(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
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
