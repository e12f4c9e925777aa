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
  PROVISION_FIELD_COLUMNS,
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
  type ProvisionField,
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

  settings(layout: SettingsLayout, values: Record<string, unknown>): void {
    const rows = layout.settings.map((s) => [writeCell('text', s.label), writeCell(s.kind, values[s.label])]);
    this.table(layout, rows);
  }

  finish(name: string, freeze: { rows: number; columns: number }): SheetGrid {
    const { cells, formats } = this.grid.finish();
    const columnWidths = Array.from({ length: this.grid.width }, (_, i) => this.widths[i] ?? 3);
    return { name, cells, formats, styles: this.grid.styles, tables: this.tables, columnWidths, freeze };
  }
}

function row(columns: readonly ColumnSpec[], values: Record<string, unknown>): WrittenCell[] {
  return columns.map((c) => writeCell(c.kind, values[c.header]));
}

export function scheduleSheet(schedule: Scenario['schedule']): SheetGrid {
  const w = new SheetWriter();
  w.settings(SCHEDULE_SETTINGS, {
    'Schedule ID': schedule.id,
    Effective: schedule.effective,
    'Rate basis': schedule.rateBasis,
    'Hours per year': schedule.hoursPerYear,
    'Rate places': schedule.ratePlaces,
  });
  const maxSteps = Math.max(1, ...schedule.classes.map((c) => c.steps.length));
  const stepColumns: ColumnSpec[] = Array.from({ length: maxSteps }, (_, i) => ({ header: STEP_HEADER(i + 1), kind: 'stepRate', width: 10 }));
  const columns = [...SCHEDULE_CLASSES.columns, ...stepColumns];
  const rows = schedule.classes.map((c) => [
    writeCell('code', c.code),
    writeCell('text', c.title),
    writeCell('integer', c.stepMonths),
    ...stepColumns.map((_, i) => writeCell('stepRate', c.steps[i])),
  ]);
  w.table(SCHEDULE_CLASSES, rows, columns);
  return w.finish(SHEET.schedule, { rows: HEADER_ROW, columns: 0 });
}

export function rosterSheet(roster: Scenario['roster']): SheetGrid {
  const w = new SheetWriter();
  const rows = roster.rows.map((r) =>
    row(ROSTER_ROWS.columns, {
      ID: r.id,
      Class: r.class,
      Step: r.step,
      FTE: r.fte,
      Count: r.count,
      'Hire date': r.hireDate,
      'Next step date': r.nextStepDate,
      'Pension tier': r.pensionTier,
      'Social Security': r.socialSecurity,
      Medicare: r.medicare,
      'Health tier': r.healthTier,
      'Overtime hours': r.overtimeHours,
      'Special pays': r.pays,
      Vacant: r.vacant,
    }),
  );
  w.table(ROSTER_ROWS, rows);
  w.settings(ROSTER_SETTINGS, { 'Extract date': roster.extractDate });
  return w.finish(SHEET.roster, { rows: HEADER_ROW, columns: 1 });
}

export function assumptionsSheet(s: Scenario): SheetGrid {
  const w = new SheetWriter();
  const a = s.assumptions;
  w.settings(SCENARIO_SETTINGS, {
    'Unit ID': s.unit.id,
    'Unit name': s.unit.name,
    'Term start': s.term.start,
    'Term end': s.term.end,
    'Fiscal year start month': s.calendar.fiscalYearStartMonth,
    'Pay frequency': s.calendar.payFrequency,
    'First period start': s.calendar.firstPeriodStart,
    'Pay lag days': s.calendar.payLagDays,
    'Fiscal year by': s.calendar.fiscalYearBy,
    'Effective rule': s.calendar.effectiveRule,
    'Assumptions ID': a.id,
    'Social Security rate': a.socialSecurity.rate,
    'Medicare rate': a.medicareRate,
    'Overtime multiplier': a.overtimeMultiplier,
  });
  const pension = Object.entries(a.pension).flatMap(([tier, rates]) =>
    rates.map((r) => row(PENSION_RATES.columns, { 'Pension tier': tier, From: r.from, Rate: r.rate })),
  );
  w.table(PENSION_RATES, pension);
  const health = Object.entries(a.health).flatMap(([tier, rates]) =>
    rates.map((r) => row(HEALTH_RATES.columns, { 'Health tier': tier, From: r.from, Monthly: r.monthly })),
  );
  w.table(HEALTH_RATES, health);
  const wageBases = Object.entries(a.socialSecurity.wageBase).map(([year, base]) => row(WAGE_BASES.columns, { 'Calendar year': Number(year), 'Wage base': base }));
  w.table(WAGE_BASES, wageBases);
  w.table(OTHER_ROLLUPS, a.otherRollups.map((r) => row(OTHER_ROLLUPS.columns, { Name: r.name, Rate: r.rate, On: r.on })));
  const pays = Object.entries(a.specialPays).map(([code, p]) =>
    row(SPECIAL_PAYS.columns, { Code: code, Percent: p.percent, Amount: p.amount, Per: p.per, Pensionable: p.pensionable }),
  );
  w.table(SPECIAL_PAYS, pays);
  w.table(LONGEVITY_BANDS, a.longevity.map((b) => row(LONGEVITY_BANDS.columns, { Years: b.years, Percent: b.percent })));
  return w.finish(SHEET.assumptions, { rows: HEADER_ROW, columns: 0 });
}

export function provisionCells(proposalName: string, provision: Provision): WrittenCell[] {
  const values: Record<string, unknown> = { Proposal: proposalName, Type: provision.type };
  for (const [field, value] of Object.entries(provision)) {
    if (field === 'type') continue;
    const header = PROVISION_FIELD_COLUMNS[field as ProvisionField];
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a provision field added without a column is caught here
    if (header === undefined) throw new Error(`provision field ${field} has no column in the Proposals sheet`);
    values[header] = value;
  }
  return row(PROVISION_ROWS.columns, values);
}

export function proposalsSheet(proposals: Scenario['proposals']): SheetGrid {
  const w = new SheetWriter();
  w.table(PROPOSAL_LIST, proposals.map((p) => row(PROPOSAL_LIST.columns, { Proposal: p.name, Side: p.side })));
  w.table(PROVISION_ROWS, proposals.flatMap((p) => p.provisions.map((provision) => provisionCells(p.name, provision))));
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
