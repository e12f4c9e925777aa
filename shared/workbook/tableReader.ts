/**
 * Finds the tables of `layout.ts` in sheets as read (values only) and walks their data rows.
 * A table is found by its first two headers, anywhere in the first rows of its sheet.
 */
import type { SheetValues } from './grid.js';
import { HEADER_SEARCH_ROWS, type TableLayout } from './layout.js';
import { isEmptyCell } from './cellConversion.js';
import type { CellLocation } from './workbookIssues.js';

export interface FoundTable {
  layout: TableLayout;
  sheet: SheetValues;
  /** 1-based Excel row of the header row. */
  headerRow: number;
  firstColumn: number;
  /** Header (as the layout spells it, or as found for extra columns) → 0-based column index. */
  columns: Map<string, number>;
  /** Every header found in the run, in order, as written in the sheet. */
  found: { header: string; column: number }[];
}

export interface TableRow {
  /** 1-based Excel row. */
  row: number;
  cell(header: string): unknown;
  format(header: string): string | null | undefined;
  at(header: string): CellLocation;
}

const norm = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase().replace(/\s+/g, ' ') : '');

export function findSheet(sheets: readonly SheetValues[], name: string): SheetValues | undefined {
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.trim().toLowerCase() === name.toLowerCase());
}

export function findTable(sheet: SheetValues, layout: TableLayout): FoundTable | undefined {
  const [h1, h2] = layout.columns.map((c) => c.header.toLowerCase());
  const rows = Math.min(sheet.cells.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < rows; r++) {
    const cells = sheet.cells[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      if (norm(cells[c]) !== h1 || norm(cells[c + 1]) !== h2) continue;
      const found: { header: string; column: number }[] = [];
      for (let k = c; k < cells.length && !isEmptyCell(cells[k]); k++) found.push({ header: String(cells[k]).trim(), column: k });
      const columns = new Map<string, number>();
      for (const f of found) {
        const spec = layout.columns.find((s) => s.header.toLowerCase() === norm(f.header));
        const key = spec ? spec.header : f.header;
        if (!columns.has(key)) columns.set(key, f.column);
      }
      return { layout, sheet, headerRow: r + 1, firstColumn: c, columns, found };
    }
  }
  return undefined;
}

/** The data rows of a table: every non-empty row below the header, to the end of the sheet. */
export function tableRows(table: FoundTable): TableRow[] {
  const out: TableRow[] = [];
  const columnIndexes = table.found.map((f) => f.column);
  const last = table.found.length ? table.found[table.found.length - 1]!.column : table.firstColumn;
  for (let r = table.headerRow; r < table.sheet.cells.length; r++) {
    const cells = table.sheet.cells[r] ?? [];
    if (columnIndexes.every((c) => isEmptyCell(cells[c]))) continue;
    const excelRow = r + 1;
    const formats = table.sheet.formats?.[r];
    out.push({
      row: excelRow,
      cell: (header) => {
        const c = table.columns.get(header);
        return c === undefined ? undefined : cells[c];
      },
      format: (header) => {
        const c = table.columns.get(header);
        return c === undefined ? undefined : formats?.[c];
      },
      at: (header) => ({ sheet: table.sheet.name, row: excelRow, column: table.columns.get(header) ?? last + 1, header }),
    });
  }
  return out;
}

/** Where a table's header cell is (for problems with the table as a whole). */
export function headerLocation(table: FoundTable, header?: string): CellLocation {
  const h = header ?? table.layout.columns[0]!.header;
  return { sheet: table.sheet.name, row: table.headerRow, column: table.columns.get(h) ?? table.firstColumn, header: h };
}
