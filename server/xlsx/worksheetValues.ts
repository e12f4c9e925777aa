/**
 * worksheetValues(sheet) → the shared layout's `SheetValues` (values and number formats) of an
 * ExcelJS worksheet. A formula cell reads as its cached result; rich text and hyperlinks as their
 * text; an error value as its code ("#N/A"); dates as Date.
 */
import type ExcelJS from 'exceljs';
import type { SheetValues } from '../../shared/workbook/grid.js';

export interface WorksheetLimits {
  maxRows: number;
  maxColumns: number;
}

export const DEFAULT_WORKSHEET_LIMITS: WorksheetLimits = { maxRows: 200_000, maxColumns: 500 };

export class WorksheetTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorksheetTooLargeError';
  }
}

export function plainCellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : plainCellValue(result);
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return plainCellValue(value.text);
  if ('error' in value) return String(value.error);
  if ('text' in value) return String((value as { text: unknown }).text);
  return null;
}

export function worksheetValues(sheet: ExcelJS.Worksheet, limits: WorksheetLimits = DEFAULT_WORKSHEET_LIMITS): SheetValues {
  const rowCount = sheet.actualRowCount === 0 ? 0 : sheet.rowCount;
  const columnCount = sheet.columnCount;
  if (rowCount > limits.maxRows) throw new WorksheetTooLargeError(`sheet ${sheet.name} has ${rowCount} rows (limit ${limits.maxRows})`);
  if (columnCount > limits.maxColumns) throw new WorksheetTooLargeError(`sheet ${sheet.name} has ${columnCount} columns (limit ${limits.maxColumns})`);
  const cells: unknown[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const values: unknown[] = [];
    const rowFormats: (string | null)[] = [];
    for (let c = 1; c <= columnCount; c++) {
      const cell = row.getCell(c);
      values.push(plainCellValue(cell.value));
      rowFormats.push(cell.numFmt ?? null);
    }
    cells.push(values);
    formats.push(rowFormats);
  }
  return { name: sheet.name, cells, formats };
}
