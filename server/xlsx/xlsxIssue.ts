/**
 * Problems in an uploaded workbook or CSV, in the server's `InputIssue` shape ({path, message})
 * so they go straight into a problem+json `errors` list, with the cell's sheet/row/column too.
 */
import type { InputIssue } from '../../shared/issues.js';
import type { WorkbookIssue } from '../../shared/workbook/workbookIssues.js';
import { XlsxRejectedError } from './zipGuard.js';
import { WorksheetTooLargeError } from './worksheetValues.js';

export interface XlsxIssue extends InputIssue {
  sheet?: string;
  row?: number;
  column?: string;
  header?: string;
}

export function toXlsxIssue(issue: WorkbookIssue): XlsxIssue {
  return { path: `${issue.cell} (${issue.header})`, message: issue.message, sheet: issue.sheet, row: issue.row, column: issue.column, header: issue.header };
}

/** A problem with the file as a whole; anything but a known rejection is rethrown, never hidden. */
export function fileIssue(error: unknown): XlsxIssue {
  if (error instanceof XlsxRejectedError || error instanceof WorksheetTooLargeError) return { path: '(file)', message: error.message };
  throw error;
}
