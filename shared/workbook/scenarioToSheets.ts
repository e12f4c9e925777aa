/**
 * scenarioToSheets(scenario) → the four input sheets (Schedule, Roster, Assumptions, Proposals)
 * as grids of cells in the layout of `layout.ts`. Both writers (Office.js, ExcelJS) write these
 * grids as they are; `sheetsToScenario` reads them back to an equal scenario.
 */
import type { Scenario, Provision } from '../schemas/scenario.js';
import { GridBuilder, type CellValue, type SheetGrid, type TableSpec } from './grid.js';
import { writeCell, type WrittenCell } from './cellConversion.js';
import {
  CAPTION_ROW,
  HEADER_ROW,
  HEALTH_RATES,
  LONGEVITY_BANDS,
  OTHER_ROLLUPS,
  PENSION_RATES,
  PROPOSAL_LIST,
  PROVISION_ROWS,
  ROSTER_ROWS,
  ROSTER_SETTINGS,
  SCENARIO_SETTINGS,
  SCHEDULE_CLASSES,
  SCHEDULE_SETTINGS,
  SHEET,
  SPECIAL_PAYS,
  STEP_HEADER,
  WAGE_BASES,
  type ColumnSpec,
  type SettingsLayout,
  type TableLayout,
} from './layout.js';

class SheetWriter {
  readonly grid = new GridBuilder();
  readonly tables: TableSpec[] = [];
  readonly widths: number[] = [];

  /** Writes caption, header row and data rows of one table; `columns` may extend the layout's. */
  table(layout: TableLayout, rows: WrittenCell[][], columns: ColumnSpec[] = layout.columns): void {
    const first = layout.firstColumn;
    this.grid.set(CAPTION_ROW - 1, first, layout.caption, null, 'caption');
    columns.forEach((c, i) => {
      this.grid.set(HEADER_ROW - 1, first + i, c.header, null, 'header');
      this.widths[first + i] = Math.max(this.widths[first + i] ?? 0, c.width);
    });
    rows.forEach((cells, r) => {
      columns.forEach((_, i) => {
        const cell = cells[i] ?? { value: null, format: null };
        this.grid.set(HEADER_ROW + r, first + i, cell.value, cell.format);
      });
    });
    this.tables.push({ name: layout.name, headerRow: HEADER_ROW, firstColumn: first, headers: columns.map((c) => c.header), rowCount: rows.length });
  }

  /** A Setting/Value table, each value read at its setting's path of `document`. */
  settings(layout: SettingsLayout, document: object): void {
    const rows = layout.settings.map((s) => [writeCell('text', s.label), writeCell(s.kind, valueAt(document, s.path))]);
    this.table(layout, rows);
  }

  finish(name: string, freeze: { rows: number; columns: number }): SheetGrid {
    const { cells, formats } = this.grid.finish();
    const columnWidths = Array.from({ length: this.grid.width }, (_, i) => this.widths[i] ?? 3);
    return { name, cells, formats, styles: this.grid.styles, tables: this.tables, columnWidths, freeze };
  }
}

/**
 * One data row of a table: each field column from `record`; the table's one column without a
 * field (a tier, pay code or year that keys the record, or the proposal owning a provision) from `key`.
 */
function row(layout: TableLayout, record: object, key?: unknown): WrittenCell[] {
  const values = record as Record<string, unknown>;
  return layout.columns.map((c) => writeCell(c.kind, c.field === undefined ? key : values[c.field]));
}

/** The value at a path of the scenario document. */
function valueAt(document: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), document);
}

export function scheduleSheet(schedule: Scenario['schedule']): SheetGrid {
  const w = new SheetWriter();
  w.settings(SCHEDULE_SETTINGS, { schedule });
  const maxSteps = Math.max(1, ...schedule.classes.map((c) => c.steps.length));
  const stepColumns: ColumnSpec[] = Array.from({ length: maxSteps }, (_, i) => ({ header: STEP_HEADER(i + 1), kind: 'stepRate', width: 10 }));
  const rows = schedule.classes.map((c) => [...row(SCHEDULE_CLASSES, c), ...stepColumns.map((_, i) => writeCell('stepRate', c.steps[i]))]);
  w.table(SCHEDULE_CLASSES, rows, [...SCHEDULE_CLASSES.columns, ...stepColumns]);
  return w.finish(SHEET.schedule, { rows: HEADER_ROW, columns: 0 });
}

export function rosterSheet(roster: Scenario['roster']): SheetGrid {
  const w = new SheetWriter();
  w.table(
    ROSTER_ROWS,
    roster.rows.map((r) => row(ROSTER_ROWS, r)),
  );
  w.settings(ROSTER_SETTINGS, { roster });
  return w.finish(SHEET.roster, { rows: HEADER_ROW, columns: 1 });
}

/** The Roster sheet from rows keyed by the Roster table's headers (the add-in's Replace roster… builds them from a payroll extract). */
export function rosterSheetOfRows(rows: readonly Record<string, unknown>[], extractDate: string): SheetGrid {
  const w = new SheetWriter();
  w.table(
    ROSTER_ROWS,
    rows.map((values) => ROSTER_ROWS.columns.map((c) => writeCell(c.kind, values[c.header]))),
  );
  w.settings(ROSTER_SETTINGS, { roster: { extractDate } });
  return w.finish(SHEET.roster, { rows: HEADER_ROW, columns: 1 });
}

export function assumptionsSheet(s: Scenario): SheetGrid {
  const w = new SheetWriter();
  const a = s.assumptions;
  w.settings(SCENARIO_SETTINGS, s);
  const dated = <T extends object>(layout: TableLayout, byTier: Record<string, T[]>) =>
    Object.entries(byTier).flatMap(([tier, entries]) => entries.map((entry) => row(layout, entry, tier)));
  w.table(PENSION_RATES, dated(PENSION_RATES, a.pension));
  w.table(HEALTH_RATES, dated(HEALTH_RATES, a.health));
  const baseColumn = WAGE_BASES.columns[1]!;
  w.table(
    WAGE_BASES,
    Object.entries(a.socialSecurity.wageBase).map(([year, base]) => [writeCell(WAGE_BASES.columns[0]!.kind, Number(year)), writeCell(baseColumn.kind, base)]),
  );
  w.table(OTHER_ROLLUPS, a.otherRollups.flatMap(rollupRows));
  w.table(
    SPECIAL_PAYS,
    Object.entries(a.specialPays).map(([code, p]) => row(SPECIAL_PAYS, p, code)),
  );
  w.table(
    LONGEVITY_BANDS,
    a.longevity.map((b) => row(LONGEVITY_BANDS, b)),
  );
  return w.finish(SHEET.assumptions, { rows: HEADER_ROW, columns: 0 });
}

/** A roll-up's rows: one with its rate, or one per dated rate with `on` and the filters on the first (layout.ts). */
function rollupRows(rollup: Scenario['assumptions']['otherRollups'][number]): WrittenCell[][] {
  const cells = (rate: string | undefined, from: string | undefined, first: boolean) =>
    OTHER_ROLLUPS.columns.map((c) => {
      if (c.header === 'Rate') return writeCell(c.kind, rate);
      if (c.header === 'From') return writeCell(c.kind, from);
      return writeCell(c.kind, first || c.field === 'name' ? (rollup as Record<string, unknown>)[c.field!] : undefined);
    });
  if (rollup.rates === undefined) return [cells(rollup.rate, undefined, true)];
  return rollup.rates.map((entry, k) => cells(entry.rate, entry.from, k === 0));
}

export function provisionCells(proposalName: string, provision: Provision): WrittenCell[] {
  for (const field of Object.keys(provision)) {
    if (!PROVISION_ROWS.columns.some((c) => c.field === field)) throw new Error(`provision field ${field} has no column in the Proposals sheet`);
  }
  return row(PROVISION_ROWS, provision, proposalName);
}

export function proposalsSheet(proposals: Scenario['proposals']): SheetGrid {
  const w = new SheetWriter();
  w.table(
    PROPOSAL_LIST,
    proposals.map((p) => row(PROPOSAL_LIST, p)),
  );
  w.table(
    PROVISION_ROWS,
    proposals.flatMap((p) => p.provisions.map((provision) => provisionCells(p.name, provision))),
  );
  return w.finish(SHEET.proposals, { rows: HEADER_ROW, columns: 0 });
}

/** The four input sheets in workbook order. */
export function scenarioToSheets(scenario: Scenario): SheetGrid[] {
  return [scheduleSheet(scenario.schedule), rosterSheet(scenario.roster), assumptionsSheet(scenario), proposalsSheet(scenario.proposals)];
}

/** The grid's cells as plain values (what a reader would hand back), for tests and previews. */
export function gridValues(grid: SheetGrid): { name: string; cells: CellValue[][]; formats: (string | null)[][] } {
  return {
    name: grid.name,
    cells: grid.cells.map((r) => r.map((c) => (typeof c === 'object' && c !== null ? c.result : c))),
    formats: grid.formats,
  };
}
