/**
 * Problems found in a workbook, each named by its cell: `Roster!D14 (Step): step 9 does not exist
 * in class PO (5 steps)`. Scenario paths (`roster.rows[11].step`) are mapped back to cells through
 * a `CellMap` that the reader fills as it reads.
 */
import { cellAddress, sheetReference } from './grid.js';

export interface CellLocation {
  sheet: string;
  /** Excel 1-based row number. */
  row: number;
  /** 0-based column index. */
  column: number;
  header: string;
}

export interface WorkbookIssue {
  sheet: string;
  /** Excel 1-based row number. */
  row: number;
  /** Column letter, "D". */
  column: string;
  /** The column's header ("Step"), or the setting's label in a Setting/Value table. */
  header: string;
  /** "Roster!D14". */
  cell: string;
  message: string;
  /** The scenario path the problem is about, when there is one: "roster.rows[11].step". */
  path?: string;
}

export function issueAt(location: CellLocation, message: string, path?: string): WorkbookIssue {
  const address = cellAddress(location.column, location.row);
  const issue: WorkbookIssue = {
    sheet: location.sheet,
    row: location.row,
    column: address.replace(/\d+$/, ''),
    header: location.header,
    cell: `${sheetReference(location.sheet)}!${address}`,
    message,
  };
  if (path !== undefined) issue.path = path;
  return issue;
}

export function formatWorkbookIssue(issue: WorkbookIssue): string {
  return `${issue.cell} (${issue.header}): ${issue.message}`;
}

/** Map key of a path: its parts joined by a character no key contains in practice. */
const keyOf = (path: readonly PropertyKey[]) => path.map(String).join('\u0000');

/** Scenario path → the cell it was read from. Lookups fall back to the longest known prefix. */
export class CellMap {
  private readonly cells = new Map<string, CellLocation>();

  constructor(private readonly fallback: CellLocation) {}

  set(path: readonly PropertyKey[], location: CellLocation): void {
    this.cells.set(keyOf(path), location);
  }

  /** Only when the path has no cell yet (the first cell read for a group wins). */
  setIfAbsent(path: readonly PropertyKey[], location: CellLocation): void {
    const key = keyOf(path);
    if (!this.cells.has(key)) this.cells.set(key, location);
  }

  has(path: readonly PropertyKey[]): boolean {
    return this.cells.has(keyOf(path));
  }

  locate(path: readonly PropertyKey[]): CellLocation {
    for (let n = path.length; n >= 0; n--) {
      const found = this.cells.get(keyOf(path.slice(0, n)));
      if (found) return found;
    }
    return this.fallback;
  }
}
