/**
 * Text that a spreadsheet could take for a formula (CSV/formula injection): anything starting with
 * "=", "+", "-", "@", or a tab/carriage return. The writers use these helpers:
 * - ExcelJS: write the string as a plain value (ExcelJS makes formulas only from `{formula}`
 *   objects), so no change is needed — `exceljsText` documents and enforces that.
 * - Office.js: `range.values`/`range.formulas` turn "=…" into a formula, so such text is written
 *   with a leading apostrophe, which Excel keeps as "text" and does not show.
 * - CSV: such text gets a leading apostrophe too (OWASP's advice for CSV files): a spreadsheet that
 *   opens the file shows it as text instead of running it. A plain number ("-1234.50") is a number.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The value to put in `range.values` / `range.formulas` for a text cell (Office.js). */
export function officeText(text: string): string {
  return looksLikeFormula(text) || text.startsWith("'") ? `'${text}` : text;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One CSV field: a plain number as it is; text never a formula, and quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  const safe = PLAIN_NUMBER.test(text) || !looksLikeFormula(text) ? text : `'${text}`;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The value to give ExcelJS for a text cell: the string itself, never a formula object. */
export function exceljsText(text: string): string {
  return text;
}
