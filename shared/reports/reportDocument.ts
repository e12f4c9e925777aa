/**
 * The view model every report is rendered from (ARCHITECTURE.md principle 8): a document of titled
 * tables whose cells are the engine's figures or formulas over other cells of the same table, plus
 * the chart's series and the footnotes. The command line (table, CSV), the server (PDF, XLSX) and
 * the add-in (Excel sheets, native chart) only render it, so a label or a figure is decided here once.
 */
import { Decimal } from '../money.js';
import type { ReportView } from './reportViews.js';

export { reportViews, type ReportView } from './reportViews.js';

/**
 * How a row's figures print. `money`: dollars and cents; `dollars`: whole dollars (the disclosure
 * form); `percent`: a fraction printed ×100 with 2 decimals; `count`: whole numbers; `fte`: up to 4
 * places without trailing zeros; `text`: as given.
 */
export type FigureFormat = 'money' | 'dollars' | 'percent' | 'count' | 'fte' | 'text';

/** A cell of the same table: its row index and its figure column (0 = the first column after the label). */
export interface CellRef {
  row: number;
  col: number;
}

/** How a computed cell is made from other cells; the sheets write these as live formulas. */
export type ReportFormula =
  | { op: 'sum'; refs: CellRef[] }
  | { op: 'difference'; left: CellRef; right: CellRef }
  /** numerator ÷ denominator, blank when the denominator is zero. */
  | { op: 'ratio'; numerator: CellRef; denominator: CellRef }
  /** Engine figures (cents) added and rounded half away from zero to whole dollars. */
  | { op: 'roundDollars'; amounts: string[] };

export interface ReportCell {
  /** A decimal string (money exact to the cent, ratios as computed), or text for `text` rows; '' is blank. */
  value: string;
  formula?: ReportFormula;
  /** Overrides the row's format for this cell. */
  format?: FigureFormat;
}

export type RowStyle = 'normal' | 'group' | 'total' | 'memo';

export interface ReportRow {
  label: string;
  format: FigureFormat;
  /** One per column; null is an empty cell. */
  cells: (ReportCell | null)[];
  style: RowStyle;
}

export interface ReportTable {
  id: string;
  caption: string;
  /** Header of the label column. */
  labelHeader: string;
  columns: string[];
  rows: ReportRow[];
  /** A line printed under the table (how it is rounded, what it counts). */
  note?: string;
}

/** A clustered bar chart: one series per proposal, one category per fiscal year (never the term total). */
export interface ReportChart {
  title: string;
  categories: string[];
  series: { name: string; values: string[]; source: { table: string; row: number; cols: number[] } }[];
}

export interface ReportDocument {
  view: ReportView;
  /** "Council summary" */
  title: string;
  /** The unit, in words: "Police Officers Association (POA)". */
  unit: string;
  /** Lines under the title (term, positions, model and state). */
  lines: string[];
  /** A banner for a draft or returned model ("DRAFT — not approved"); absent once approved. */
  banner?: string;
  tables: ReportTable[];
  chart?: ReportChart;
  /** Footnotes: the assumptions and snapshot, the approval. */
  notes: string[];
  /** Wider than a portrait page: print landscape. */
  landscape: boolean;
}

/** Builds one table, handing back row indices so later cells can refer to earlier ones. */
export class TableBuilder {
  readonly rows: ReportRow[] = [];

  constructor(
    readonly id: string,
    readonly caption: string,
    readonly labelHeader: string,
    readonly columns: string[],
  ) {}

  add(label: string, format: FigureFormat, cells: (ReportCell | null)[], style: RowStyle = 'normal'): number {
    this.rows.push({ label, format, cells, style });
    return this.rows.length - 1;
  }

  group(label: string): number {
    return this.add(label, 'text', [], 'group');
  }

  value(row: number, col: number): string {
    return this.rows[row]?.cells[col]?.value ?? '';
  }

  /** A SUM over the given cells, its value the exact sum of theirs. */
  sum(refs: CellRef[]): ReportCell {
    return { value: sumOf(refs.map((r) => this.value(r.row, r.col))), formula: { op: 'sum', refs } };
  }

  difference(left: CellRef, right: CellRef): ReportCell {
    return {
      value: new Decimal(this.value(left.row, left.col) || 0).minus(this.value(right.row, right.col) || 0).toFixed(),
      formula: { op: 'difference', left, right },
    };
  }

  ratio(numerator: CellRef, denominator: CellRef): ReportCell {
    const d = new Decimal(this.value(denominator.row, denominator.col) || 0);
    const value = d.isZero() ? '' : new Decimal(this.value(numerator.row, numerator.col) || 0).div(d).toFixed();
    return { value, formula: { op: 'ratio', numerator, denominator } };
  }

  table(note?: string): ReportTable {
    return { id: this.id, caption: this.caption, labelHeader: this.labelHeader, columns: this.columns, rows: this.rows, ...(note ? { note } : {}) };
  }
}

export function figure(value: string): ReportCell {
  return { value };
}

export function text(value: string): ReportCell {
  return { value };
}

/** Whole dollars from engine figures: their exact sum rounded half away from zero. */
export function roundDollars(amounts: string[]): ReportCell {
  return { value: new Decimal(sumOf(amounts)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0), formula: { op: 'roundDollars', amounts } };
}

export function sumOf(values: readonly string[]): string {
  return values.reduce((a, v) => a.plus(v === '' ? 0 : v), new Decimal(0)).toFixed();
}

/** The cells of a row, as refs, for a SUM across columns. */
export function rowRefs(row: number, cols: number[]): CellRef[] {
  return cols.map((col) => ({ row, col }));
}

/** One column's cells over several rows. */
export function columnRefs(rows: number[], col: number): CellRef[] {
  return rows.map((row) => ({ row, col }));
}
