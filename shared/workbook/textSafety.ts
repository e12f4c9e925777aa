/**
 * Text that a spreadsheet could take for a formula (CSV/formula injection): anything starting with
 * "=", "+", "-", "@", or a tab/carriage return. Both writers use these helpers:
 * - ExcelJS: write the string as a plain value (ExcelJS makes formulas only from `{formula}`
 *   objects), so no change is needed — `exceljsText` documents and enforces that.
 * - Office.js: `range.values`/`range.formulas` turn "=…" into a formula, so such text is written
 *   with a leading apostrophe, which Excel keeps as "text" and does not show.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The value to put in `range.values` / `range.formulas` for a text cell (Office.js). */
export function officeText(text: string): string {
  return looksLikeFormula(text) || text.startsWith("'") ? `'${text}` : text;
}

/** The value to give ExcelJS for a text cell: the string itself, never a formula object. */
export function exceljsText(text: string): string {
  return text;
}
