import type { SheetGrid, SheetValues } from '../../../shared/workbook/grid.js';
import type { ScheduleStamp } from '../../excel/scheduleStamp.js';
import type { ColumnChartSpec } from '../../excel/chart.js';
import type { CostingDigest } from '../../functions/costingDigest.js';
import type { CostingResult } from '../../../shared/result.js';
import type { Scenario } from '../../../shared/schemas/scenario.js';
import type { RosterSource } from '../roster/rosterSource.js';

/** A pulled schedule as a table: header plus one row per class. */
export interface ScheduleTable {
  sheetName: string;
  tableName: string;
  header: string[];
  rows: (string | number)[][];
  /** A number format per column. */
  columnFormats: string[];
}

export interface SheetWriteOptions {
  /** Protect the sheets once written (an approved model is read-only). */
  protect?: boolean;
  /** The sheet to show afterwards. */
  activate?: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Everything the task pane asks of the workbook. `officeWorkbook.ts` implements it over
 * `addin/excel/`; the pane's components see only this interface.
 */
export interface WorkbookPort {
  writeScheduleTable(table: ScheduleTable, stamp: ScheduleStamp): Promise<void>;
  readScheduleStamp(unitId: string): Promise<ScheduleStamp | undefined>;
  /** Which of these sheets exist. */
  existingSheets(names: readonly string[]): Promise<Set<string>>;
  writeSheets(grids: readonly SheetGrid[], options?: SheetWriteOptions): Promise<void>;
  readSheets(names: readonly string[]): Promise<SheetValues[]>;
  selectCell(sheetName: string, address: string): Promise<void>;
  /** Replaces the whole Roster sheet (never a paste over old rows) and records where the rows came from. */
  replaceRoster(grid: SheetGrid, source: RosterSource): Promise<void>;
  /** Records where the Roster's rows came from (after Start costing workbook writes the server's roster). */
  saveRosterSource(source: RosterSource): Promise<void>;
  readRosterSource(): Promise<RosterSource | undefined>;
  /** Writes the Costing sheet, its chart, and the digest BARGAIN.COST reads. */
  writeCosting(grid: SheetGrid, chart: ColumnChartSpec | null, digest: CostingDigest, onProgress?: (done: number, total: number) => void): Promise<void>;
  /** Writes the Summary (with a native chart) and Disclosure sheets, keeping the roll-up lines the analyst set on the Disclosure sheet. */
  writeReportSheets(result: CostingResult, scenario: Scenario): Promise<void>;
}
