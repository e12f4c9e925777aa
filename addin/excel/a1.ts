import type { CellPosition } from './cells.js';

/** Column letters for a zero-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 0 || column > 16383) throw new Error(`column index ${column} is outside Excel's A…XFD`);
  let n = column + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "B3" for {row: 2, column: 1}. */
export function cellAddress(position: CellPosition): string {
  return `${columnLetters(position.column)}${position.row + 1}`;
}

/** "A1:C10" for a block of the given size at a position. */
export function blockAddress(position: CellPosition, rows: number, columns: number): string {
  if (rows < 1 || columns < 1) throw new Error(`a range needs at least one row and one column (got ${rows}×${columns})`);
  const end = { row: position.row + rows - 1, column: position.column + columns - 1 };
  return `${cellAddress(position)}:${cellAddress(end)}`;
}

/** Parses "B3" (or "$B$3") into a zero-based position. */
export function parseCellAddress(address: string): CellPosition {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) throw new Error(`"${address}" is not a single-cell address like B3`);
  const letters = match[1]!.toUpperCase();
  let column = 0;
  for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** Quotes a sheet name for use in a formula or reference: 'Costing (FY27)'!A1. */
export function sheetReference(sheetName: string, address: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${address}`;
}
