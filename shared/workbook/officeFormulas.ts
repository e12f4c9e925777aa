/**
 * A grid as the 2-D array to give Office.js `range.formulas` (the add-in's writer):
 * formula cells become "=…", empty cells "", numbers and booleans stay, and every text cell is
 * written with a leading apostrophe so Excel keeps it as text — never a formula (text starting
 * with "=", "+", "-", "@"), never a date or number it guessed ("2026-07-01", "00123").
 * Set `range.numberFormat` from `grid.formats` before the formulas. Excel shows and returns the
 * text without the apostrophe — except in a cell formatted as Text ("@"), which takes input
 * literally and would show it: when `formats` are given, text in "@" cells is written as is.
 */
import { isFormulaCell, type SheetGrid } from './grid.js';

export function officeLiteralText(text: string): string {
  return `'${text}`;
}

export function officeFormulas(grid: Pick<SheetGrid, 'cells'> & { formats?: SheetGrid['formats'] }): (string | number | boolean)[][] {
  return grid.cells.map((row, r) =>
    row.map((cell, c) => {
      if (cell === null) return '';
      if (isFormulaCell(cell)) return `=${cell.formula}`;
      if (typeof cell === 'string') return cell === '' || grid.formats?.[r]?.[c] === '@' ? cell : officeLiteralText(cell);
      return cell;
    }),
  );
}
