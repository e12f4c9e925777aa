/**
 * readScenarioWorkbook(buffer) → Promise<{ok: true, scenario} | {ok: false, issues}> — an analyst's
 * costing workbook (the shared layout: Schedule, Roster, Assumptions, Proposals sheets) read into
 * a validated scenario document, so the command line and the server can cost it. Every issue
 * names its cell (`path: "Roster!C4 (Step)"`, plus sheet/row/column/header). A file that is not
 * an XLSX, or a zip bomb, is one issue with path "(file)".
 */
import type { Scenario } from '../../shared/schemas/scenario.js';
import { INPUT_SHEETS } from '../../shared/workbook/layout.js';
import { sheetsToScenario } from '../../shared/workbook/sheetsToScenario.js';
import { loadWorkbook } from './loadWorkbook.js';
import { worksheetValues } from './worksheetValues.js';
import { fileIssue, toXlsxIssue, type XlsxIssue } from './xlsxIssue.js';

export type ReadScenarioWorkbookResult = { ok: true; scenario: Scenario; warnings?: XlsxIssue[] } | { ok: false; issues: XlsxIssue[] };

export async function readScenarioWorkbook(buffer: Buffer): Promise<ReadScenarioWorkbookResult> {
  let workbook;
  try {
    workbook = await loadWorkbook(buffer);
  } catch (error) {
    return { ok: false, issues: [fileIssue(error)] };
  }
  const wanted = new Set<string>(INPUT_SHEETS.map((n) => n.toLowerCase()));
  const sheets = [];
  try {
    for (const sheet of workbook.worksheets) if (wanted.has(sheet.name.trim().toLowerCase())) sheets.push(worksheetValues(sheet));
  } catch (error) {
    return { ok: false, issues: [fileIssue(error)] };
  }
  if (sheets.length === 0) {
    const found = workbook.worksheets.map((w) => w.name);
    return {
      ok: false,
      issues: [
        {
          path: '(file)',
          message: `not a costing workbook: it has none of the sheets ${INPUT_SHEETS.join(', ')}${found.length ? ` (it has ${found.join(', ')})` : ''}`,
        },
      ],
    };
  }
  const read = sheetsToScenario(sheets);
  if (!read.ok) return { ok: false, issues: read.issues.map(toXlsxIssue) };
  return read.warnings ? { ok: true, scenario: read.scenario, warnings: read.warnings.map(toXlsxIssue) } : { ok: true, scenario: read.scenario };
}
