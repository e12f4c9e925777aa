/**
 * Salary schedule import from the HR system's export.
 *   parseScheduleCsv(text, settings?)            → ScheduleImportResult
 *   parseScheduleXlsx(buffer, settings?)         → Promise<ScheduleImportResult>
 * The file holds the classes and step rates (wide: Class | Title | Step 1 | Step 2 …, or long:
 * Class | Step | Rate; see shared/workbook/scheduleCells.ts); `settings` (id, effective,
 * rateBasis, hoursPerYear, ratePlaces) come from the import request and win over a Setting/Value
 * table in the file. The result is the `schedule` part of a scenario (COSTING.md §9), validated,
 * or issues naming the cell: `CSV!C4 (Step 2)`, `Schedule!G3 (Step 1)`.
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is refused, in CSV and
 * XLSX alike. An XLSX that is not a zip, or a zip bomb, is refused before ExcelJS reads it.
 * An XLSX is read from its "Schedule" sheet when it has one, else from its first sheet.
 */
import type { Schedule } from '../../shared/schemas/scenario.js';
import { scheduleFromCells, type ScheduleSettings } from '../../shared/workbook/scheduleCells.js';
import { SHEET } from '../../shared/workbook/layout.js';
import { csvRows, CsvFormatError } from './csvRows.js';
import { loadWorkbook } from './loadWorkbook.js';
import { worksheetValues } from './worksheetValues.js';
import { fileIssue, toXlsxIssue, type XlsxIssue } from './xlsxIssue.js';

export type { ScheduleSettings };
export type ScheduleImportResult = { ok: true; schedule: Schedule } | { ok: false; issues: XlsxIssue[] };

/** The sheet name CSV problems are reported under: `CSV!B7 (Title)`. */
export const CSV_SHEET = 'CSV';

export function parseScheduleCsv(text: string, settings: ScheduleSettings = {}): ScheduleImportResult {
  let rows: string[][];
  try {
    rows = csvRows(text);
  } catch (error) {
    if (error instanceof CsvFormatError) return { ok: false, issues: [{ path: '(file)', message: `not a readable CSV file: ${error.message}` }] };
    throw error;
  }
  const read = scheduleFromCells({ name: CSV_SHEET, cells: rows }, settings, { rejectFormulaText: true });
  return read.ok ? read : { ok: false, issues: read.issues.map(toXlsxIssue) };
}

export async function parseScheduleXlsx(buffer: Buffer, settings: ScheduleSettings = {}): Promise<ScheduleImportResult> {
  let values;
  try {
    const workbook = await loadWorkbook(buffer);
    const sheet = workbook.worksheets.find((s) => s.name.trim().toLowerCase() === SHEET.schedule.toLowerCase()) ?? workbook.worksheets[0];
    if (!sheet) return { ok: false, issues: [{ path: '(file)', message: 'the workbook has no sheets' }] };
    values = worksheetValues(sheet);
  } catch (error) {
    return { ok: false, issues: [fileIssue(error)] };
  }
  const read = scheduleFromCells(values, settings, { rejectFormulaText: true });
  return read.ok ? read : { ok: false, issues: read.issues.map(toXlsxIssue) };
}
