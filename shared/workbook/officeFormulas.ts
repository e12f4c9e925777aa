/**
 * A grid as the 2-D array to give Office.js `range.formulas` (the add-in's writer):
 * formula cells become "=…", empty cells "", numbers and booleans stay, and every text cell is
 * written with a leading apostrophe so Excel keeps it as text — never a formula (text starting
 * with "=", "+", "-", "@"), never a date or number it guessed ("2026-07-01", "00123").
 * Set `range.numberFormat` from `grid.formats` before the formulas. Excel shows and returns the
 * text without the apostrophe.
 */
import { isFormulaCell, type SheetGrid } from './grid.js';

export function officeLiteralText(text: string): string {
  return `'${text}`;
}

export function officeFormulas(grid: Pick<SheetGrid, 'cells'>): (string | number | boolean)[][] {
  return grid.cells.map((row) =>
    row.map((cell) => {
      if (cell === null) return '';
      if (isFormulaCell(cell)) return `=${cell.formula}`;
      if (typeof cell === 'string') return cell === '' ? '' : officeLiteralText(cell);
      return cell;
    }),
  );
}
