import Papa from 'papaparse';
import { readCell } from '../../../shared/workbook/cellConversion.js';
import { ROSTER_ROWS } from '../../../shared/workbook/layout.js';
import { rosterSheetOfRows } from '../../../shared/workbook/scenarioToSheets.js';
import type { SheetGrid } from '../../../shared/workbook/grid.js';

/** A payroll extract as read: its header row and its data rows (text, numbers or dates as given). */
export interface ExtractTable {
  header: string[];
  rows: unknown[][];
}

/** What an extract gives the Roster table: shown before anything is replaced. */
export interface RosterMatch {
  rows: number;
  /** Roster columns found in the extract, in the Roster's order. */
  matched: string[];
  /** Extract columns the Roster has no use for (left out). */
  ignored: string[];
  /** Roster columns the extract lacks (left empty). */
  missing: string[];
  /** Of those, the ones a roster cannot do without: nothing is replaced while any is missing. */
  missingRequired: string[];
  /** Cells that cannot be read, "row 7, FTE: …" (the extract's own row numbers, header = row 1). */
  problems: string[];
  /** The rows keyed by Roster header, ready for the sheet. */
  values: Record<string, unknown>[];
}

/** Without these a roster row means nothing. */
export const REQUIRED_ROSTER_COLUMNS = ['ID', 'Class', 'Step'] as const;

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Rows pasted from Excel (tab-separated, as Excel puts a block on the clipboard) or a CSV file's
 * text; the first non-empty row is the header. papaparse detects the delimiter.
 */
export function parseExtractText(text: string): ExtractTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new Error(`The extract has an unmatched quote on row ${(fatal.row ?? 0) + 1}; copy it from Excel again or save it as CSV.`);
  const [header, ...rows] = parsed.data;
  if (!header || header.every((h) => h.trim() === ''))
    throw new Error('The extract is empty: copy the payroll extract with its header row, then paste it here.');
  return { header: header.map((h) => h.trim()), rows };
}

/** An uploaded .csv/.txt or .xlsx extract (the first worksheet of a workbook). */
export async function readExtractFile(file: File): Promise<ExtractTable> {
  if (/\.xlsx$/i.test(file.name)) return readExtractWorkbook(await file.arrayBuffer());
  if (/\.(csv|txt|tsv)$/i.test(file.name)) return parseExtractText(await file.text());
  throw new Error(`"${file.name}" is neither a CSV nor an Excel workbook (.xlsx); save the extract as one of those.`);
}

async function readExtractWorkbook(data: ArrayBuffer): Promise<ExtractTable> {
  // ExcelJS only when a workbook is chosen: it is large, and most extracts are pasted.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('The workbook has no worksheet to read the extract from.');
  const grid: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(plainCell(row.getCell(c).value));
    grid.push(cells);
  });
  const [header, ...rows] = grid;
  if (!header) throw new Error(`The worksheet "${sheet.name}" is empty.`);
  return {
    header: header.map((h) =>
      (h === null || h === undefined ? '' : typeof h === 'string' ? h : typeof h === 'number' || typeof h === 'boolean' ? String(h) : JSON.stringify(h)).trim(),
    ),
    rows,
  };
}

/** ExcelJS cell values as a reader takes them: formulas by their result, rich text as text, dates as ISO dates. */
function plainCell(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown };
    if ('result' in v) return plainCell(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if (typeof v.text === 'string') return v.text;
  }
  return value;
}

/** Matches an extract's columns to the Roster table's by header (case, spaces and punctuation ignored) and reads every cell. */
export function matchRoster(extract: ExtractTable): RosterMatch {
  const byName = new Map(extract.header.map((h, i) => [normalise(h), i]));
  const columns = ROSTER_ROWS.columns.map((c) => ({ ...c, at: byName.get(normalise(c.header)) }));
  const known = new Set(ROSTER_ROWS.columns.map((c) => normalise(c.header)));
  const matched = columns.filter((c) => c.at !== undefined).map((c) => c.header);
  const missing = columns.filter((c) => c.at === undefined).map((c) => c.header);
  const problems: string[] = [];
  const values = extract.rows.map((row, r) => {
    const out: Record<string, unknown> = {};
    for (const c of columns) {
      if (c.at === undefined) continue;
      const read = readCell(c.kind, row[c.at] ?? '');
      if (read.ok) out[c.header] = read.value;
      else problems.push(`row ${r + 2}, ${c.header}: ${read.reason}`);
    }
    return out;
  });
  return {
    rows: extract.rows.length,
    matched,
    ignored: extract.header.filter((h) => h !== '' && !known.has(normalise(h))),
    missing,
    missingRequired: REQUIRED_ROSTER_COLUMNS.filter((h) => missing.includes(h)),
    problems,
    values,
  };
}

/** The new Roster sheet: the extract's rows only, nothing left of the template or an earlier extract. */
export function rosterGridFor(match: RosterMatch, extractDate: string): SheetGrid {
  if (match.missingRequired.length > 0)
    throw new Error(
      `The extract has no ${match.missingRequired.join(', ')} column; add ${match.missingRequired.length === 1 ? 'it' : 'them'} to its header row.`,
    );
  if (match.problems.length > 0) throw new Error(`${match.problems.length} cell(s) of the extract cannot be read, first: ${match.problems[0]}.`);
  return rosterSheetOfRows(match.values, extractDate);
}
