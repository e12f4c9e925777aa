/**
 * sheetsToScenario(sheets) → the scenario document (COSTING.md §9) read from the input sheets of
 * the workbook layout, validated by the shared zod schemas; or every problem, each named by
 * sheet, row and column (`Roster!D14 (Step): step 9 does not exist in class PO (5 steps)`).
 *
 * `sheets` are values as read by either reader (Office.js `range.values`, ExcelJS cell values),
 * with number formats where known — they give decimals read from number cells their places.
 */
import type { z } from 'zod';
import { formatPath, parsePath, type InputIssue } from '../issues.js';
import { checkParsedScenario } from '../scenario.js';
import { checkAroundSchemaIssues } from '../validation/aroundSchemaIssues.js';
import { SCENARIO_FORMAT, provisionTypes, scenarioSchema, type Scenario } from '../schemas/scenario.js';
import { columnIndex, type SheetValues } from './grid.js';
import { isEmptyCell, readCell, type ReadOptions } from './cellConversion.js';
import {
  HEALTH_RATES,
  INPUT_SHEETS,
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
  STEP_HEADER_PATTERN,
  WAGE_BASES,
  fieldColumns,
  type ColumnKind,
  type ColumnSpec,
  type SettingsLayout,
  type TableLayout,
} from './layout.js';
import { findSheet, findTable, headerLocation, tableRows, type FoundTable, type TableRow } from './tableReader.js';
import { CellMap, issueAt, type CellLocation, type WorkbookIssue } from './workbookIssues.js';

/** `warnings` (present when there are some): allowed but worth a look, such as a negative lump sum. */
export type SheetsToScenarioResult = { ok: true; scenario: Scenario; warnings?: WorkbookIssue[] } | { ok: false; issues: WorkbookIssue[] };

const DEFAULT_PLACES: Partial<Record<ColumnKind, number>> = { money: 2 };

type Json = Record<string, unknown>;

/** Sets a value at a path, creating objects on the way. */
function put(target: Json, path: readonly (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    if (node[key] === undefined) node[key] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

class WorkbookReader {
  readonly issues: WorkbookIssue[] = [];
  readonly cellsWithIssues = new Set<string>();
  readonly doc: Json = { format: SCENARIO_FORMAT };
  readonly map: CellMap;
  ratePlaces = 2;

  constructor(private readonly sheets: readonly SheetValues[]) {
    const first = sheets[0]?.name ?? SHEET.assumptions;
    this.map = new CellMap({ sheet: findSheet(sheets, SHEET.assumptions)?.name ?? first, row: 1, column: 0, header: '(sheet)' });
  }

  problem(location: CellLocation, message: string, path?: readonly PropertyKey[]): void {
    const key = `${location.sheet}!${location.row}:${location.column}`;
    this.cellsWithIssues.add(key);
    this.issues.push(issueAt(location, message, path ? formatPath(path) : undefined));
  }

  hasProblemAt(location: CellLocation): boolean {
    return this.cellsWithIssues.has(`${location.sheet}!${location.row}:${location.column}`);
  }

  table(layout: TableLayout): FoundTable | undefined {
    const sheet = findSheet(this.sheets, layout.sheet);
    if (!sheet) return undefined; // reported once per sheet in read()
    const table = findTable(sheet, layout);
    if (!table) {
      this.problem(
        { sheet: sheet.name, row: 2, column: layout.firstColumn, header: layout.columns[0]!.header },
        `table ${layout.name} not found: expected a header row starting "${layout.columns[0]!.header}", "${layout.columns[1]!.header}" in the first rows`,
      );
      return undefined;
    }
    return table;
  }

  /** Reads one cell; records where `path` came from; a bad cell is a problem, not a value. */
  value(row: TableRow, column: Pick<ColumnSpec, 'header' | 'kind' | 'choices'>, path: readonly (string | number)[], options: ReadOptions = {}): unknown {
    const at = row.at(column.header);
    this.map.set(path, at);
    const read = readCell(column.kind, row.cell(column.header), {
      format: row.format(column.header),
      defaultPlaces: column.kind === 'stepRate' ? this.ratePlaces : DEFAULT_PLACES[column.kind],
      ...(column.choices ? { choices: column.choices } : {}),
      ...options,
    });
    if (!read.ok) {
      this.problem(at, read.reason, path);
      return undefined;
    }
    return read.value;
  }

  /** Reads every field column of a table's row into a record at `path` (empty cells are left out). */
  record(row: TableRow, layout: TableLayout, path: readonly (string | number)[], columns = fieldColumns(layout)): Json {
    const record: Json = {};
    for (const column of columns) {
      const value = this.value(row, column, [...path, column.field]);
      if (value !== undefined) record[column.field] = value;
    }
    return record;
  }

  /** The value of a table's key column (a tier, a pay code, a year); an empty key is a problem. */
  key(row: TableRow, layout: TableLayout, kind: ColumnKind, what: string, path: readonly (string | number)[]): unknown {
    const column = layout.columns[0]!;
    const key = this.value(row, { header: column.header, kind }, path);
    if (key === undefined && !this.hasProblemAt(row.at(column.header))) this.problem(row.at(column.header), `is required (${what})`);
    return key;
  }

  settings(layout: SettingsLayout): void {
    const table = this.table(layout);
    if (!table) return;
    const byLabel = new Map<string, TableRow>();
    for (const row of tableRows(table)) {
      const label = row.cell('Setting');
      if (typeof label !== 'string') continue;
      byLabel.set(label.trim().toLowerCase(), row);
    }
    for (const s of layout.settings) {
      const row = byLabel.get(s.label.toLowerCase());
      if (!row) {
        this.map.set(s.path, { ...headerLocation(table, 'Value'), header: s.label });
        continue;
      }
      const at = { ...row.at('Value'), header: s.label };
      this.map.set(s.path, at);
      const read = readCell(s.kind, row.cell('Value'), {
        format: row.format('Value'),
        defaultPlaces: DEFAULT_PLACES[s.kind],
        ...(s.choices ? { choices: s.choices } : {}),
      });
      if (!read.ok) this.problem(at, read.reason, s.path);
      else if (read.value !== undefined) put(this.doc, s.path, read.value);
    }
  }

  read(): void {
    for (const name of INPUT_SHEETS) {
      if (!findSheet(this.sheets, name)) this.problem({ sheet: name, row: 1, column: 0, header: '(sheet)' }, `the workbook has no ${name} sheet`);
    }
    this.settings(SCENARIO_SETTINGS);
    this.settings(SCHEDULE_SETTINGS);
    this.settings(ROSTER_SETTINGS);
    const places = (this.doc.schedule as Json | undefined)?.ratePlaces;
    if (typeof places === 'number' && places >= 0 && places <= 10) this.ratePlaces = places;
    this.scheduleClasses();
    this.rosterRows();
    this.assumptionTables();
    this.proposals();
  }

  scheduleClasses(): void {
    const table = this.table(SCHEDULE_CLASSES);
    if (!table) return;
    const base = ['schedule', 'classes'] as const;
    this.map.set(base, headerLocation(table));
    const steps = table.found
      .map((f) => ({ ...f, n: Number(STEP_HEADER_PATTERN.exec(f.header)?.[1] ?? NaN) }))
      .filter((f) => Number.isInteger(f.n) && f.n >= 1)
      .sort((a, b) => a.n - b.n);
    steps.forEach((s, i) => {
      if (s.n !== i + 1)
        this.problem(
          { sheet: table.sheet.name, row: table.headerRow, column: s.column, header: s.header },
          `step columns must be numbered Step 1, Step 2, … without gaps (expected Step ${i + 1})`,
        );
    });
    const classes: Json[] = [];
    tableRows(table).forEach((row, i) => {
      const path = [...base, i];
      this.map.set(path, row.at(SCHEDULE_CLASSES.columns[0]!.header));
      const c = this.record(row, SCHEDULE_CLASSES, path);
      const rates: unknown[] = [];
      let gap: { header: string } | undefined;
      for (const s of steps) {
        const header = s.header;
        table.columns.set(header, s.column);
        const at = row.at(header);
        const v = this.value(row, { header, kind: 'stepRate' }, [...path, 'steps', rates.length]);
        if (v === undefined) {
          if (!this.hasProblemAt(at)) gap = { header };
          continue;
        }
        if (gap) this.problem(row.at(gap.header), 'a class has no step here but has a later step: steps must be consecutive from Step 1', [...path, 'steps']);
        gap = undefined;
        rates.push(v);
      }
      this.map.set([...path, 'steps'], steps.length ? row.at(steps[0]!.header) : row.at('Class'));
      c.steps = rates;
      classes.push(c);
    });
    put(this.doc, base, classes);
  }

  rosterRows(): void {
    const table = this.table(ROSTER_ROWS);
    if (!table) return;
    const base = ['roster', 'rows'] as const;
    this.map.set(base, headerLocation(table));
    const rows: Json[] = [];
    tableRows(table).forEach((row, i) => {
      const path = [...base, i];
      this.map.set(path, row.at(ROSTER_ROWS.columns[0]!.header));
      const r = this.record(row, ROSTER_ROWS, path);
      if (Array.isArray(r.pays) && r.pays.length === 0) delete r.pays;
      rows.push(r);
    });
    put(this.doc, base, rows);
  }

  /** Rows of a table grouped into a record of dated entries by their first column (a tier). */
  datedRecord(layout: TableLayout, base: readonly string[]): void {
    const table = this.table(layout);
    if (!table) return;
    this.map.set(base, headerLocation(table));
    const keyHeader = layout.columns[0]!.header;
    const record: Record<string, Json[]> = {};
    for (const row of tableRows(table)) {
      const key = this.key(row, layout, 'code', `the ${keyHeader.toLowerCase()} this row is for`, [...base, '(key)']);
      if (typeof key !== 'string') continue;
      const list = (record[key] ??= []);
      const path = [...base, key, list.length];
      this.map.setIfAbsent([...base, key], row.at(keyHeader));
      this.map.set(path, row.at(keyHeader));
      list.push(this.record(row, layout, path));
    }
    if (Object.keys(record).length) put(this.doc, base, record);
  }

  assumptionTables(): void {
    this.datedRecord(PENSION_RATES, ['assumptions', 'pension']);
    this.datedRecord(HEALTH_RATES, ['assumptions', 'health']);

    const wage = this.table(WAGE_BASES);
    if (wage) {
      const base = ['assumptions', 'socialSecurity', 'wageBase'];
      this.map.set(base, headerLocation(wage));
      const bases: Json = {};
      const [yearColumn, baseColumn] = WAGE_BASES.columns as [ColumnSpec, ColumnSpec];
      for (const row of tableRows(wage)) {
        const year = this.key(row, WAGE_BASES, yearColumn.kind, 'a calendar year such as 2027', [...base, '(year)']);
        if (typeof year !== 'number') continue;
        const key = String(year);
        if (key in bases) this.problem(row.at(yearColumn.header), `calendar year ${key} is listed twice`);
        bases[key] = this.value(row, baseColumn, [...base, key]);
      }
      if (Object.keys(bases).length) put(this.doc, base, bases);
    }

    this.rollups();

    const pays = this.table(SPECIAL_PAYS);
    if (pays) {
      const base = ['assumptions', 'specialPays'];
      this.map.set(base, headerLocation(pays));
      const record: Json = {};
      const codeHeader = SPECIAL_PAYS.columns[0]!.header;
      for (const row of tableRows(pays)) {
        const code = this.key(row, SPECIAL_PAYS, 'code', 'the pay code', [...base, '(code)']);
        if (typeof code !== 'string') continue;
        if (code in record) this.problem(row.at(codeHeader), `special pay ${code} is listed twice`);
        const path = [...base, code];
        this.map.set(path, row.at(codeHeader));
        record[code] = this.record(row, SPECIAL_PAYS, path);
      }
      if (Object.keys(record).length) put(this.doc, base, record);
    }

    const longevity = this.table(LONGEVITY_BANDS);
    if (longevity) {
      const base = ['assumptions', 'longevity'];
      this.map.set(base, headerLocation(longevity));
      const bands: Json[] = [];
      tableRows(longevity).forEach((row, i) => {
        const path = [...base, i];
        this.map.set(path, row.at(LONGEVITY_BANDS.columns[0]!.header));
        bands.push(this.record(row, LONGEVITY_BANDS, path));
      });
      if (bands.length) put(this.doc, base, bands);
    }
  }

  /** Roll-ups: rows with the same name are one roll-up's dated rates (layout.ts, OTHER_ROLLUPS). */
  rollups(): void {
    const table = this.table(OTHER_ROLLUPS);
    if (!table) return;
    const base = ['assumptions', 'otherRollups'];
    this.map.set(base, headerLocation(table));
    const [nameColumn, rateColumn, , fromColumn] = OTHER_ROLLUPS.columns as [ColumnSpec, ColumnSpec, ColumnSpec, ColumnSpec];
    const settings = fieldColumns(OTHER_ROLLUPS).filter((c) => c !== nameColumn);
    const list: Json[] = [];
    const byName = new Map<string, { rollup: Json; index: number; firstRow: number }>();
    for (const row of tableRows(table)) {
      const name = this.value(row, nameColumn, [...base, '(name)']);
      const known = typeof name === 'string' ? byName.get(name) : undefined;
      const index = known?.index ?? list.length;
      const path = [...base, index];
      const from = this.value(row, fromColumn, [...path, 'rates', '(from)']);
      if (known === undefined) {
        this.map.set(path, row.at(nameColumn.header));
        const rollup = this.record(row, OTHER_ROLLUPS, path, fieldColumns(OTHER_ROLLUPS));
        if (from === undefined) rollup.rate = this.value(row, rateColumn, [...path, 'rate']);
        else this.datedRollupRate(rollup, row, path, from, rateColumn, fromColumn);
        list.push(rollup);
        if (typeof name === 'string') byName.set(name, { rollup, index, firstRow: row.row });
        continue;
      }
      // A later row of the same roll-up: one more dated rate; its settings stay on the first row.
      if (from === undefined || !Array.isArray(known.rollup.rates)) {
        this.problem(
          row.at(fromColumn.header),
          `roll-up ${String(name)} is listed twice: give every row of a roll-up with dated rates a From date (names are unique)`,
          [...path, 'name'],
        );
        continue;
      }
      for (const column of settings) {
        if (!isEmptyCell(row.cell(column.header))) {
          this.problem(
            row.at(column.header),
            `give ${column.header} once, on the first row of roll-up ${String(name)} (row ${known.firstRow}); leave it empty on the rows of its later dated rates`,
          );
        }
      }
      this.datedRollupRate(known.rollup, row, path, from, rateColumn, fromColumn);
    }
    if (list.length) put(this.doc, base, list);
  }

  datedRollupRate(rollup: Json, row: TableRow, path: readonly (string | number)[], from: unknown, rateColumn: ColumnSpec, fromColumn: ColumnSpec): void {
    const rates = (rollup.rates ??= []) as Json[];
    const entryPath = [...path, 'rates', rates.length];
    this.map.set(entryPath, row.at(fromColumn.header));
    this.map.set([...entryPath, 'from'], row.at(fromColumn.header));
    rates.push({ from, rate: this.value(row, rateColumn, [...entryPath, 'rate']) });
  }

  proposals(): void {
    const list = this.table(PROPOSAL_LIST);
    const provisionsTable = this.table(PROVISION_ROWS);
    const proposals: Json[] = [];
    const byName = new Map<string, { index: number; provisions: Json[] }>();
    if (list) {
      this.map.set(['proposals'], headerLocation(list));
      tableRows(list).forEach((row) => {
        const index = proposals.length;
        const path = ['proposals', index];
        this.map.set(path, row.at('Proposal'));
        const p = this.record(row, PROPOSAL_LIST, path);
        const provisions: Json[] = [];
        p.provisions = provisions;
        this.map.set([...path, 'provisions'], row.at('Proposal'));
        if (typeof p.name === 'string') {
          if (byName.has(p.name))
            this.problem(row.at('Proposal'), `proposal "${p.name}" is listed twice: names must be unique in a workbook`, [...path, 'name']);
          else byName.set(p.name, { index, provisions });
        }
        proposals.push(p);
      });
    }
    if (provisionsTable) {
      for (const row of tableRows(provisionsTable)) {
        const name = this.value(row, PROVISION_ROWS.columns[0]!, ['(provision proposal)']);
        const owner = typeof name === 'string' ? byName.get(name) : undefined;
        if (!owner) {
          if (!this.hasProblemAt(row.at('Proposal'))) {
            this.problem(
              row.at('Proposal'),
              name === undefined
                ? 'is required: the proposal this provision belongs to'
                : `proposal "${typeof name === 'string' ? name : typeof name === 'number' || typeof name === 'boolean' ? String(name) : JSON.stringify(name)}" is not in the ${PROPOSAL_LIST.caption.split(' (')[0]} list`,
            );
          }
          continue;
        }
        const path = ['proposals', owner.index, 'provisions', owner.provisions.length];
        this.map.set(path, row.at('Type'));
        owner.provisions.push(this.record(row, PROVISION_ROWS, path));
      }
    }
    if (proposals.length) this.doc.proposals = proposals;
  }
}

function zodMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) return 'is required (the cell is empty)';
  if (issue.code === 'invalid_union' && issue.path[issue.path.length - 1] === 'type') return `must be one of ${provisionTypes.join(', ')}`;
  return issue.message;
}

/** Maps the schema's problems back to cells; a cell that already has a reading problem keeps only that one. */
function schemaIssues(reader: WorkbookReader, error: z.ZodError): WorkbookIssue[] {
  const out: WorkbookIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const at = reader.map.locate([...path, key]);
        out.push(
          issueAt(
            at,
            `does not apply here (${key} is not a field of this ${path.includes('provisions') ? 'provision type' : 'table'}): leave the cell empty`,
            formatPath([...path, key]),
          ),
        );
      }
      continue;
    }
    const at = reader.map.locate(path);
    if (reader.hasProblemAt(at) && issue.code === 'invalid_type') continue;
    out.push(issueAt(at, zodMessage(issue), formatPath(path)));
  }
  return out;
}

export interface SheetsToScenarioOptions {
  /**
   * `costing` (default): also every check a costing makes (`costingIssues`: tier rates in effect,
   * wage bases, steps…), so the workbook is refused exactly when a costing would refuse it;
   * `schema`: the scenario schema only (a format round-trip).
   */
  checks?: 'costing' | 'schema';
}

export function sheetsToScenario(sheets: readonly SheetValues[], options: SheetsToScenarioOptions = {}): SheetsToScenarioResult {
  const reader = new WorkbookReader(sheets);
  reader.read();
  const parsed = scenarioSchema.safeParse(reader.doc, { reportInput: true });
  const issues = [...reader.issues, ...(parsed.success ? [] : schemaIssues(reader, parsed.error))];
  const atCells = (list: readonly InputIssue[]) => list.map((i) => issueAt(reader.map.locate(parsePath(i.path)), i.message, i.path));
  if (issues.length) {
    if (options.checks === 'schema') return { ok: false, issues: dedupe(issues) };
    // The rows and provisions with a problem set aside, the rest is checked as a costing would.
    const around = checkAroundSchemaIssues(
      reader.doc,
      issues.map((i) => ({ path: i.path ?? '(document)', message: i.message })),
    );
    return { ok: false, issues: dedupe([...issues, ...atCells(around.beyond)]) };
  }
  if (!parsed.success) throw new Error('unreachable: schema failed without issues');
  if (options.checks === 'schema') return { ok: true, scenario: parsed.data };
  // What a costing would refuse is refused here too, each problem at its cell.
  const check = checkParsedScenario(parsed.data);
  if (!check.ok) return { ok: false, issues: dedupe(atCells(check.issues)) };
  return check.warnings.length ? { ok: true, scenario: parsed.data, warnings: dedupe(atCells(check.warnings)) } : { ok: true, scenario: parsed.data };
}

/** One issue per cell and reason, in reading order: sheet (layout order), row, column. */
function dedupe(issues: WorkbookIssue[]): WorkbookIssue[] {
  const seen = new Set<string>();
  const sheetOrder = (name: string) => {
    const i = INPUT_SHEETS.findIndex((s) => s.toLowerCase() === name.toLowerCase());
    return i < 0 ? INPUT_SHEETS.length : i;
  };
  return issues
    .filter((i) => {
      const key = `${i.cell}\u0000${i.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        sheetOrder(a.issue.sheet) - sheetOrder(b.issue.sheet) ||
        a.issue.row - b.issue.row ||
        columnIndex(a.issue.column) - columnIndex(b.issue.column) ||
        a.index - b.index,
    )
    .map((x) => x.issue);
}
