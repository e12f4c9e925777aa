/**
 * The workbook contract (ARCHITECTURE.md principle 3): sheet names, Excel table names and column
 * headers of the costing workbook. The add-in (Office.js) and the server/CLI (ExcelJS) both read
 * and write exactly this layout.
 *
 * Every input table has a caption in its first row and its header row in row 2; data starts in
 * row 3. Tables on one sheet sit side by side, one empty column apart, so each can grow down
 * independently. Readers find a table by its first two headers anywhere in the first
 * `HEADER_SEARCH_ROWS` rows, so a moved table still reads.
 *
 * Cell conventions (see `cellConversion.ts`):
 * - ids, codes, names and enums are text (number format "@");
 * - dates are ISO text "YYYY-MM-DD" (unambiguous in every locale); readers also accept Excel
 *   date serials and Date values;
 * - decimals (money, rates, FTE, hours) are numbers when the double prints back to the same
 *   value (≤ 15 significant digits), with a number format that shows the places of the decimal
 *   string; otherwise text. A number read back becomes a decimal string padded to the places of
 *   its number format (or the column's default places when the format is unknown);
 * - rates are fractions shown as percentages ("0.0325" → 3.25% with format "0.00%");
 * - booleans are TRUE/FALSE (readers also accept yes/no, y/n, 1/0);
 * - lists (classes, pay codes, fiscal years) are comma-separated text; longevity bands in a
 *   provision are "years:percent; years:percent".
 */

import { provisionCatalog } from '../provisions/registry.js';
import type { FieldKind } from '../schemas/primitives.js';
import {
  amountPers,
  effectiveRules,
  fiscalYearBases,
  payFrequencies,
  proposalSides,
  provisionTypes,
  rateBases,
  rollupBases,
  termCostings,
} from '../schemas/scenario.js';

export const SHEET = {
  schedule: 'Schedule',
  roster: 'Roster',
  assumptions: 'Assumptions',
  proposals: 'Proposals',
  costing: 'Costing',
} as const;
export type SheetName = (typeof SHEET)[keyof typeof SHEET];

export const INPUT_SHEETS = [SHEET.schedule, SHEET.roster, SHEET.assumptions, SHEET.proposals] as const;

/** Caption row, header row, first data row (1-based Excel rows). */
export const CAPTION_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;
export const HEADER_SEARCH_ROWS = 20;

/** How a column's cells are written and read. */
export type ColumnKind =
  | 'text' // free text (titles, labels, names)
  | 'code' // an id or code: text, trimmed
  | 'enum' // one of a fixed set of words
  | 'integer'
  | 'decimal' // a decimal such as FTE or hours: number, shortest form
  | 'money' // a decimal shown with 2 places by default
  | 'rate' // a fraction shown as a percentage
  | 'stepRate' // a schedule rate, default places = the schedule's ratePlaces
  | 'date'
  | 'boolean'
  | 'list' // comma-separated codes
  | 'fiscalYears' // comma-separated FY names
  | 'bands' // "years:percent; …"
  | 'fund'; // a fund code, or a split "GF:0.6, GRANT:0.4"

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  width: number;
  /** The JSON field this column holds in the table's records (COSTING.md §9); none for a key column read by its table. */
  field?: string;
  /** The words an `enum` column takes, from the scenario schemas; matched case-insensitively. */
  choices?: readonly string[];
}

export interface TableLayout {
  /** Excel table name (workbook-unique, no spaces). */
  name: string;
  sheet: SheetName;
  caption: string;
  /** 0-based column index of the table's first column in the layout the writers produce. */
  firstColumn: number;
  columns: ColumnSpec[];
}

/** One setting of a key/value table: its label in column "Setting", its value in "Value". */
export interface SettingSpec {
  label: string;
  kind: ColumnKind;
  /** Where the value goes in the scenario document (COSTING.md §9). */
  path: readonly string[];
  choices?: readonly string[];
}

/** A key/value table: column "Setting" holds the labels below, column "Value" their values. */
export interface SettingsLayout extends TableLayout {
  settings: SettingSpec[];
}

const col = (header: string, kind: ColumnKind, width = 12, field?: string, choices?: readonly string[]): ColumnSpec => ({
  header,
  kind,
  width,
  ...(field === undefined ? {} : { field }),
  ...(choices === undefined ? {} : { choices }),
});
const settingsColumns = [col('Setting', 'text', 24), col('Value', 'text', 22)];

// ── Schedule sheet ──────────────────────────────────────────────────────────────────────────

export const SCHEDULE_SETTINGS: SettingsLayout = {
  name: 'ScheduleSettings',
  sheet: SHEET.schedule,
  caption: 'Salary schedule',
  firstColumn: 0,
  columns: settingsColumns,
  settings: [
    { label: 'Schedule ID', kind: 'code', path: ['schedule', 'id'] },
    { label: 'Effective', kind: 'date', path: ['schedule', 'effective'] },
    { label: 'Rate basis', kind: 'enum', path: ['schedule', 'rateBasis'], choices: rateBases },
    { label: 'Hours per year', kind: 'integer', path: ['schedule', 'hoursPerYear'] },
    { label: 'Rate places', kind: 'integer', path: ['schedule', 'ratePlaces'] },
  ],
};

/** Step columns are "Step 1" … "Step N" (N = the most steps of any class); more can be added. */
export const STEP_HEADER = (n: number): string => `Step ${n}`;
export const STEP_HEADER_PATTERN = /^step\s*(\d+)$/i;

export const SCHEDULE_CLASSES: TableLayout = {
  name: 'ScheduleClasses',
  sheet: SHEET.schedule,
  caption: 'Classes and step rates',
  firstColumn: 3,
  columns: [col('Class', 'code', 10, 'code'), col('Title', 'text', 28, 'title'), col('Step months', 'integer', 12, 'stepMonths')],
};

// ── Roster sheet ────────────────────────────────────────────────────────────────────────────

export const ROSTER_ROWS: TableLayout = {
  name: 'RosterRows',
  sheet: SHEET.roster,
  caption: 'Roster (payroll extract)',
  firstColumn: 0,
  columns: [
    col('ID', 'code', 12, 'id'),
    col('Class', 'code', 10, 'class'),
    col('Step', 'integer', 7, 'step'),
    col('FTE', 'decimal', 7, 'fte'),
    col('Count', 'integer', 7, 'count'),
    col('Hire date', 'date', 12, 'hireDate'),
    col('Next step date', 'date', 14, 'nextStepDate'),
    col('Pension tier', 'code', 12, 'pensionTier'),
    col('Social Security', 'boolean', 9, 'socialSecurity'),
    col('Medicare', 'boolean', 9, 'medicare'),
    col('Health tier', 'code', 12, 'healthTier'),
    col('Overtime hours', 'decimal', 10, 'overtimeHours'),
    col('Special pays', 'list', 18, 'pays'),
    col('Vacant', 'boolean', 8, 'vacant'),
    col('Fund', 'fund', 16, 'fund'),
    col('Department', 'code', 12, 'department'),
  ],
};

export const ROSTER_SETTINGS: SettingsLayout = {
  name: 'RosterSettings',
  sheet: SHEET.roster,
  caption: 'Extract',
  firstColumn: ROSTER_ROWS.columns.length + 1,
  columns: settingsColumns,
  settings: [{ label: 'Extract date', kind: 'date', path: ['roster', 'extractDate'] }],
};

// ── Assumptions sheet ───────────────────────────────────────────────────────────────────────

export const SCENARIO_SETTINGS: SettingsLayout = {
  name: 'ScenarioSettings',
  sheet: SHEET.assumptions,
  caption: 'Unit, term, calendar and rates',
  firstColumn: 0,
  columns: settingsColumns,
  settings: [
    { label: 'Unit ID', kind: 'code', path: ['unit', 'id'] },
    { label: 'Unit name', kind: 'text', path: ['unit', 'name'] },
    { label: 'Term start', kind: 'date', path: ['term', 'start'] },
    { label: 'Term end', kind: 'date', path: ['term', 'end'] },
    { label: 'Fiscal year start month', kind: 'integer', path: ['calendar', 'fiscalYearStartMonth'] },
    { label: 'Pay frequency', kind: 'enum', path: ['calendar', 'payFrequency'], choices: payFrequencies },
    { label: 'First period start', kind: 'date', path: ['calendar', 'firstPeriodStart'] },
    { label: 'Pay lag days', kind: 'integer', path: ['calendar', 'payLagDays'] },
    { label: 'Fiscal year by', kind: 'enum', path: ['calendar', 'fiscalYearBy'], choices: fiscalYearBases },
    { label: 'Effective rule', kind: 'enum', path: ['calendar', 'effectiveRule'], choices: effectiveRules },
    { label: 'Assumptions ID', kind: 'code', path: ['assumptions', 'id'] },
    { label: 'Social Security rate', kind: 'rate', path: ['assumptions', 'socialSecurity', 'rate'] },
    { label: 'Medicare rate', kind: 'rate', path: ['assumptions', 'medicareRate'] },
    { label: 'Overtime multiplier', kind: 'decimal', path: ['assumptions', 'overtimeMultiplier'] },
    { label: 'Term costs', kind: 'enum', path: ['term', 'costs'], choices: termCostings },
  ],
};

/** Dated rates by tier: the first column is the tier (the record's key), one row per entry. */
export const PENSION_RATES: TableLayout = {
  name: 'PensionRates',
  sheet: SHEET.assumptions,
  caption: 'Pension employer rates',
  firstColumn: 3,
  columns: [col('Pension tier', 'code'), col('From', 'date', 12, 'from'), col('Rate', 'rate', 10, 'rate')],
};

export const HEALTH_RATES: TableLayout = {
  name: 'HealthRates',
  sheet: SHEET.assumptions,
  caption: 'Health employer contribution',
  firstColumn: 7,
  columns: [col('Health tier', 'code'), col('From', 'date', 12, 'from'), col('Monthly', 'money', 12, 'monthly')],
};

/** Calendar year (the record's key) → wage base. */
export const WAGE_BASES: TableLayout = {
  name: 'WageBases',
  sheet: SHEET.assumptions,
  caption: 'Social Security wage base',
  firstColumn: 11,
  columns: [col('Calendar year', 'integer', 10), col('Wage base', 'money', 12)],
};

/**
 * A roll-up with one `rate` is one row with From empty; one with dated `rates` is one row per
 * entry, all with its name and a From date, `on` and the filters on its first row (COSTING.md §4).
 */
export const OTHER_ROLLUPS: TableLayout = {
  name: 'OtherRollups',
  sheet: SHEET.assumptions,
  caption: 'Other roll-ups',
  firstColumn: 14,
  columns: [
    col('Name', 'text', 20, 'name'),
    col('Rate', 'rate', 10),
    col('On', 'enum', 12, 'on', rollupBases),
    col('From', 'date', 12),
    col('Classes', 'list', 14, 'classes'),
    col('Pension tiers', 'list', 14, 'pensionTiers'),
  ],
};

/** Pay code (the record's key) → definition. */
export const SPECIAL_PAYS: TableLayout = {
  name: 'SpecialPays',
  sheet: SHEET.assumptions,
  caption: 'Special pays',
  firstColumn: 21,
  columns: [
    col('Code', 'code'),
    col('Percent', 'rate', 10, 'percent'),
    col('Amount', 'money', 10, 'amount'),
    col('Per', 'enum', 8, 'per', amountPers),
    col('Pensionable', 'boolean', 11, 'pensionable'),
  ],
};

export const LONGEVITY_BANDS: TableLayout = {
  name: 'LongevityBands',
  sheet: SHEET.assumptions,
  caption: 'Longevity',
  firstColumn: 27,
  columns: [col('Years', 'integer', 8, 'years'), col('Percent', 'rate', 10, 'percent')],
};

// ── Proposals sheet ─────────────────────────────────────────────────────────────────────────

export const PROPOSAL_LIST: TableLayout = {
  name: 'ProposalList',
  sheet: SHEET.proposals,
  caption: 'Proposals (names must be unique)',
  firstColumn: 0,
  columns: [col('Proposal', 'text', 24, 'name'), col('Side', 'enum', 12, 'side', proposalSides), col('Retro pay date', 'date', 12, 'retroPayDate')],
};

/**
 * The Proposals sheet's column of each provision field, in the order the sheet shows them: the
 * 1.1 columns first, so a 1.1 workbook still reads. Which fields exist, and their kinds and
 * choices, come from the provision registry; this says only how the sheet names and shows them.
 * `kind` overrides the registry's where the sheet knows more (money shows 2 places).
 */
const PROVISION_COLUMNS: Record<string, { header: string; width: number; kind?: ColumnKind }> = {
  label: { header: 'Label', width: 22 },
  effective: { header: 'Effective', width: 12 },
  payDate: { header: 'Pay date', width: 12 },
  classes: { header: 'Classes', width: 14 },
  percent: { header: 'Percent', width: 10 },
  amount: { header: 'Amount', width: 11, kind: 'money' },
  per: { header: 'Per', width: 8 },
  code: { header: 'Code', width: 10, kind: 'code' },
  pensionable: { header: 'Pensionable', width: 11 },
  mode: { header: 'Mode', width: 8 },
  months: { header: 'Months', width: 8 },
  tier: { header: 'Tier', width: 10, kind: 'code' },
  rate: { header: 'Rate', width: 10 },
  delta: { header: 'Delta', width: 10 },
  hours: { header: 'Hours', width: 8 },
  monthly: { header: 'Monthly', width: 11, kind: 'money' },
  bands: { header: 'Bands', width: 18, kind: 'bands' },
  prorateByFte: { header: 'Prorate by FTE', width: 10 },
  fiscalYears: { header: 'Fiscal years', width: 16 },
  // 1.2
  days: { header: 'Days', width: 8 },
  daysPerYear: { header: 'Days per year', width: 10 },
  class: { header: 'Class', width: 10, kind: 'code' },
  step: { header: 'Step', width: 7 },
  count: { header: 'Count', width: 7 },
  rateBasis: { header: 'Rate basis', width: 10 },
  name: { header: 'Roll-up', width: 18 },
  fund: { header: 'Fund', width: 16, kind: 'fund' },
  department: { header: 'Department', width: 12, kind: 'code' },
};

const KIND_OF_FIELD: Record<FieldKind, ColumnKind> = {
  percent: 'rate',
  decimal: 'decimal',
  date: 'date',
  int: 'integer',
  choice: 'enum',
  classes: 'list',
  text: 'text',
  boolean: 'boolean',
  fiscalYears: 'fiscalYears',
};

/** Every provision field of every type, one column each (a field shared by types shares its column). */
function provisionFieldColumns(): ColumnSpec[] {
  const fields = new Map<string, { kind: FieldKind; choices: Set<string> }>();
  for (const { type, fields: list } of provisionCatalog) {
    for (const field of list) {
      if (!(field.name in PROVISION_COLUMNS))
        throw new Error(`provision field ${type}.${field.name} has no column in the Proposals sheet: add it to PROVISION_COLUMNS`);
      const seen = fields.get(field.name) ?? { kind: field.kind, choices: new Set<string>() };
      for (const c of field.choices ?? []) seen.choices.add(c);
      fields.set(field.name, seen);
    }
  }
  return Object.entries(PROVISION_COLUMNS)
    .filter(([field]) => fields.has(field))
    .map(([field, column]) => {
      const found = fields.get(field)!;
      return col(column.header, column.kind ?? KIND_OF_FIELD[found.kind], column.width, field, found.choices.size ? [...found.choices] : undefined);
    });
}

/**
 * One row per provision, in the order they apply within their proposal. Columns that a
 * provision type does not use stay empty. "Proposal" names the owner; every other column is a
 * provision field.
 */
export const PROVISION_ROWS: TableLayout = {
  name: 'ProvisionRows',
  sheet: SHEET.proposals,
  caption: 'Provisions (in order, per proposal)',
  firstColumn: 4,
  columns: [col('Proposal', 'text', 20), col('Type', 'enum', 13, 'type', provisionTypes), ...provisionFieldColumns()],
};

/** Every input table, by sheet, in layout order. */
export const INPUT_TABLES: readonly TableLayout[] = [
  SCHEDULE_SETTINGS,
  SCHEDULE_CLASSES,
  ROSTER_ROWS,
  ROSTER_SETTINGS,
  SCENARIO_SETTINGS,
  PENSION_RATES,
  HEALTH_RATES,
  WAGE_BASES,
  OTHER_ROLLUPS,
  SPECIAL_PAYS,
  LONGEVITY_BANDS,
  PROPOSAL_LIST,
  PROVISION_ROWS,
];

/** The columns of a table that hold a field of its records (key and owner columns left out). */
export function fieldColumns(layout: TableLayout): (ColumnSpec & { field: string })[] {
  return layout.columns.filter((c): c is ColumnSpec & { field: string } => c.field !== undefined);
}

// ── Costing sheet (output) ──────────────────────────────────────────────────────────────────

/** Row labels of the Costing sheet's component rows, in COSTING.md §7 order. */
export const COMPONENT_LABELS = {
  wages: 'Wages',
  specialPays: 'Special pays',
  longevity: 'Longevity',
  overtime: 'Overtime',
  lumpSums: 'Lump sums',
  pension: 'Pension',
  socialSecurity: 'Social Security',
  medicare: 'Medicare',
  otherRollups: 'Other roll-ups',
  health: 'Health',
  flat: 'Flat amounts',
} as const;

export const NUMBER_FORMAT = {
  text: '@',
  money: '#,##0.00',
  integer: '0',
  ratio: '0.0000%',
} as const;
