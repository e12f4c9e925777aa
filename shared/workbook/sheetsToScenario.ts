/**
 * sheetsToScenario(sheets) → the scenario document (COSTING.md §9) read from the input sheets of
 * the workbook layout, validated by the shared zod schemas; or every problem, each named by
 * sheet, row and column (`Roster!D14 (Step): step 9 does not exist in class PO (5 steps)`).
 *
 * `sheets` are values as read by either reader (Office.js `range.values`, ExcelJS cell values),
 * with number formats where known — they give decimals read from number cells their places.
 */
import type { z } from 'zod';
import { formatPath } from '../issues.js';
import {
  SCENARIO_FORMAT,
  amountPers,
  payFrequencies,
  provisionTypes,
  rateBases,
  scenarioSchema,
  type Scenario,
} from '../schemas/scenario.js';
import type { SheetValues } from './grid.js';
import { readCell, type ReadOptions } from './cellConversion.js';
import {
  HEALTH_RATES,
  INPUT_SHEETS,
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
  STEP_HEADER_PATTERN,
  WAGE_BASES,
  type ColumnKind,
  type SettingsLayout,
  type TableLayout,
} from './layout.js';
import { findSheet, findTable, headerLocation, tableRows, type FoundTable, type TableRow } from './tableReader.js';
import { CellMap, issueAt, type CellLocation, type WorkbookIssue } from './workbookIssues.js';

export type SheetsToScenarioResult = { ok: true; scenario: Scenario } | { ok: false; issues: WorkbookIssue[] };

/** Allowed words of the enum columns and settings, matched case-insensitively. */
const CHOICES: Record<string, readonly string[]> = {
  'Rate basis': rateBases,
  'Pay frequency': payFrequencies,
  'Fiscal year by': ['payDate', 'periodEnd'],
  'Effective rule': ['periodStart', 'periodContaining'],
  On: ['pensionable', 'taxable'],
  Per: amountPers,
  Side: ['union', 'management', 'joint', 'other'],
  Type: provisionTypes,
  Mode: ['keep', 'slide', 'set', 'add'],
};

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
  value(row: TableRow, header: string, kind: ColumnKind, path: readonly (string | number)[], options: ReadOptions = {}): unknown {
    const at = row.at(header);
    this.map.set(path, at);
    const read = readCell(kind, row.cell(header), {
      format: row.format(header),
      defaultPlaces: kind === 'stepRate' ? this.ratePlaces : DEFAULT_PLACES[kind],
      ...(CHOICES[header] ? { choices: CHOICES[header] } : {}),
      ...options,
    });
    if (!read.ok) {
      this.problem(at, read.reason, path);
      return undefined;
    }
    return read.value;
  }

  field(target: Json, key: string, row: TableRow, header: string, kind: ColumnKind, path: readonly (string | number)[]): void {
    const value = this.value(row, header, kind, path);
    if (value !== undefined) target[key] = value;
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
      const read = readCell(s.kind, row.cell('Value'), { format: row.format('Value'), defaultPlaces: DEFAULT_PLACES[s.kind], ...(CHOICES[s.label] ? { choices: CHOICES[s.label] } : {}) });
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
    if (typeof places === 'number' && places >= 0 && places <= 6) this.ratePlaces = places;
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
      if (s.n !== i + 1) this.problem({ sheet: table.sheet.name, row: table.headerRow, column: s.column, header: s.header }, `step columns must be numbered Step 1, Step 2, … without gaps (expected Step ${i + 1})`);
    });
    const classes: Json[] = [];
    tableRows(table).forEach((row, i) => {
      const path = [...base, i];
      const c: Json = {};
      this.map.set(path, row.at('Class'));
      this.field(c, 'code', row, 'Class', 'code', [...path, 'code']);
      this.field(c, 'title', row, 'Title', 'text', [...path, 'title']);
      this.field(c, 'stepMonths', row, 'Step months', 'integer', [...path, 'stepMonths']);
      const rates: unknown[] = [];
      let gap: { header: string } | undefined;
      for (const s of steps) {
        const header = s.header;
        (table.columns).set(header, s.column);
        const at = row.at(header);
        const v = this.value(row, header, 'stepRate', [...path, 'steps', rates.length]);
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
    const fields: [string, string, ColumnKind][] = [
      ['id', 'ID', 'code'],
      ['class', 'Class', 'code'],
      ['step', 'Step', 'integer'],
      ['fte', 'FTE', 'decimal'],
      ['count', 'Count', 'integer'],
      ['hireDate', 'Hire date', 'date'],
      ['nextStepDate', 'Next step date', 'date'],
      ['pensionTier', 'Pension tier', 'code'],
      ['socialSecurity', 'Social Security', 'boolean'],
      ['medicare', 'Medicare', 'boolean'],
      ['healthTier', 'Health tier', 'code'],
      ['overtimeHours', 'Overtime hours', 'decimal'],
      ['pays', 'Special pays', 'list'],
      ['vacant', 'Vacant', 'boolean'],
    ];
    const rows: Json[] = [];
    tableRows(table).forEach((row, i) => {
      const path = [...base, i];
      this.map.set(path, row.at('ID'));
      const r: Json = {};
      for (const [key, header, kind] of fields) this.field(r, key, row, header, kind, [...path, key]);
      if (Array.isArray(r.pays) && r.pays.length === 0) delete r.pays;
      rows.push(r);
    });
    put(this.doc, base, rows);
  }

  /** Rows of a table grouped into a record by their first column (a tier or code). */
  datedRecord(layout: TableLayout, base: readonly string[], valueHeader: string, valueKey: string, valueKind: ColumnKind): void {
    const table = this.table(layout);
    if (!table) return;
    this.map.set(base, headerLocation(table));
    const keyHeader = layout.columns[0]!.header;
    const record: Record<string, Json[]> = {};
    for (const row of tableRows(table)) {
      const key = this.value(row, keyHeader, 'code', [...base, '(key)']);
      if (typeof key !== 'string') {
        if (key === undefined && !this.hasProblemAt(row.at(keyHeader))) this.problem(row.at(keyHeader), `is required (the ${keyHeader.toLowerCase()} this row is for)`);
        continue;
      }
      const list = (record[key] ??= []);
      const path = [...base, key, list.length];
      this.map.setIfAbsent([...base, key], row.at(keyHeader));
      this.map.set(path, row.at(keyHeader));
      const entry: Json = {};
      this.field(entry, 'from', row, 'From', 'date', [...path, 'from']);
      this.field(entry, valueKey, row, valueHeader, valueKind, [...path, valueKey]);
      list.push(entry);
    }
    if (Object.keys(record).length) put(this.doc, base, record);
  }

  assumptionTables(): void {
    this.datedRecord(PENSION_RATES, ['assumptions', 'pension'], 'Rate', 'rate', 'rate');
    this.datedRecord(HEALTH_RATES, ['assumptions', 'health'], 'Monthly', 'monthly', 'money');

    const wage = this.table(WAGE_BASES);
    if (wage) {
      const base = ['assumptions', 'socialSecurity', 'wageBase'];
      this.map.set(base, headerLocation(wage));
      const bases: Json = {};
      for (const row of tableRows(wage)) {
        const year = this.value(row, 'Calendar year', 'integer', [...base, '(year)']);
        if (typeof year !== 'number') {
          if (year === undefined && !this.hasProblemAt(row.at('Calendar year'))) this.problem(row.at('Calendar year'), 'is required (a calendar year such as 2027)');
          continue;
        }
        const key = String(year);
        if (key in bases) this.problem(row.at('Calendar year'), `calendar year ${key} is listed twice`);
        this.map.set([...base, key], row.at('Wage base'));
        const amount = this.value(row, 'Wage base', 'money', [...base, key]);
        bases[key] = amount;
      }
      if (Object.keys(bases).length) put(this.doc, base, bases);
    }

    const rollups = this.table(OTHER_ROLLUPS);
    if (rollups) {
      const base = ['assumptions', 'otherRollups'];
      this.map.set(base, headerLocation(rollups));
      const list: Json[] = [];
      tableRows(rollups).forEach((row, i) => {
        const path = [...base, i];
        this.map.set(path, row.at('Name'));
        const r: Json = {};
        this.field(r, 'name', row, 'Name', 'text', [...path, 'name']);
        this.field(r, 'rate', row, 'Rate', 'rate', [...path, 'rate']);
        this.field(r, 'on', row, 'On', 'enum', [...path, 'on']);
        list.push(r);
      });
      if (list.length) put(this.doc, base, list);
    }

    const pays = this.table(SPECIAL_PAYS);
    if (pays) {
      const base = ['assumptions', 'specialPays'];
      this.map.set(base, headerLocation(pays));
      const record: Json = {};
      for (const row of tableRows(pays)) {
        const code = this.value(row, 'Code', 'code', [...base, '(code)']);
        if (typeof code !== 'string') {
          if (code === undefined && !this.hasProblemAt(row.at('Code'))) this.problem(row.at('Code'), 'is required (the pay code)');
          continue;
        }
        if (code in record) this.problem(row.at('Code'), `special pay ${code} is listed twice`);
        const path = [...base, code];
        this.map.set(path, row.at('Code'));
        const p: Json = {};
        this.field(p, 'percent', row, 'Percent', 'rate', [...path, 'percent']);
        this.field(p, 'amount', row, 'Amount', 'money', [...path, 'amount']);
        this.field(p, 'per', row, 'Per', 'enum', [...path, 'per']);
        this.field(p, 'pensionable', row, 'Pensionable', 'boolean', [...path, 'pensionable']);
        record[code] = p;
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
        this.map.set(path, row.at('Years'));
        const b: Json = {};
        this.field(b, 'years', row, 'Years', 'integer', [...path, 'years']);
        this.field(b, 'percent', row, 'Percent', 'rate', [...path, 'percent']);
        bands.push(b);
      });
      if (bands.length) put(this.doc, base, bands);
    }
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
        const p: Json = {};
        this.field(p, 'name', row, 'Proposal', 'text', [...path, 'name']);
        this.field(p, 'side', row, 'Side', 'enum', [...path, 'side']);
        const provisions: Json[] = [];
        p.provisions = provisions;
        this.map.set([...path, 'provisions'], row.at('Proposal'));
        if (typeof p.name === 'string') {
          if (byName.has(p.name)) this.problem(row.at('Proposal'), `proposal "${p.name}" is listed twice: names must be unique in a workbook`, [...path, 'name']);
          else byName.set(p.name, { index, provisions });
        }
        proposals.push(p);
      });
    }
    if (provisionsTable) {
      for (const row of tableRows(provisionsTable)) {
        const name = this.value(row, 'Proposal', 'text', ['(provision proposal)']);
        const owner = typeof name === 'string' ? byName.get(name) : undefined;
        if (!owner) {
          if (!this.hasProblemAt(row.at('Proposal'))) {
            this.problem(row.at('Proposal'), name === undefined ? 'is required: the proposal this provision belongs to' : `proposal "${typeof name === 'string' ? name : JSON.stringify(name)}" is not in the ${PROPOSAL_LIST.caption.split(' (')[0]} list`);
          }
          continue;
        }
        const path = ['proposals', owner.index, 'provisions', owner.provisions.length];
        this.map.set(path, row.at('Type'));
        const provision: Json = {};
        this.field(provision, 'type', row, 'Type', 'enum', [...path, 'type']);
        for (const [field, header] of Object.entries(PROVISION_FIELD_COLUMNS)) {
          const kind = PROVISION_ROWS.columns.find((c) => c.header === header)!.kind;
          this.field(provision, field, row, header, kind, [...path, field]);
        }
        owner.provisions.push(provision);
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
        out.push(issueAt(at, `does not apply here (${key} is not a field of this ${path.includes('provisions') ? 'provision type' : 'table'}): leave the cell empty`, formatPath([...path, key])));
      }
      continue;
    }
    const at = reader.map.locate(path);
    if (reader.hasProblemAt(at) && issue.code === 'invalid_type') continue;
    out.push(issueAt(at, zodMessage(issue), formatPath(path)));
  }
  return out;
}

export function sheetsToScenario(sheets: readonly SheetValues[]): SheetsToScenarioResult {
  const reader = new WorkbookReader(sheets);
  reader.read();
  const parsed = scenarioSchema.safeParse(reader.doc, { reportInput: true });
  const issues = [...reader.issues, ...(parsed.success ? [] : schemaIssues(reader, parsed.error))];
  if (issues.length) return { ok: false, issues: dedupe(issues) };
  if (!parsed.success) throw new Error('unreachable: schema failed without issues');
  return { ok: true, scenario: parsed.data };
}

/** One issue per cell and reason, in reading order: sheet (layout order), row, column. */
function dedupe(issues: WorkbookIssue[]): WorkbookIssue[] {
  const seen = new Set<string>();
  const sheetOrder = (name: string) => {
    const i = INPUT_SHEETS.findIndex((s) => s.toLowerCase() === name.toLowerCase());
    return i < 0 ? INPUT_SHEETS.length : i;
  };
  const columnNumber = (letters: string) => Array.from(letters).reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return issues
    .filter((i) => {
      const key = `${i.cell}\u0000${i.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => sheetOrder(a.issue.sheet) - sheetOrder(b.issue.sheet) || a.issue.row - b.issue.row || columnNumber(a.issue.column) - columnNumber(b.issue.column) || a.index - b.index)
    .map((x) => x.issue);
}
