/**
 * costingSheet(result, scenario, options) → the Costing sheet: per fiscal year the baseline and
 * each proposal by component, the increase, percent of base, value of 1%, lift; per provision;
 * per class; and an optional approval block. Every total is a live formula (SUM, differences)
 * over the component cells, with the engine's figure as the cached result, so a recalculation
 * gives the engine's figures to the cent. Both writers (Office.js `range.formulas`, ExcelJS) write
 * exactly these cells.
 *
 * Layout: column A holds labels, then one column per fiscal year, then "Term total" (and, in an
 * Increase block, "Ongoing annual (lift)"). Blocks follow each other down the sheet, one empty row
 * apart: title, approval, summary, baseline, then per proposal: proposal, increase, by provision,
 * by class.
 */
import { Decimal } from '../money.js';
import type { Scenario } from '../schemas/scenario.js';
import { describeProvision } from '../provisions/registry.js';
import { bannerWords, proposalWords } from '../reports/reportContext.js';
import { dateTimeText, EXCEL_FORMAT } from '../reports/reportFormat.js';
import { componentNames, type CostingResult, type Components, type ComponentOrTotal, type ByFiscalYear, type ClassComponents } from '../result.js';
import { GridBuilder, cellAddress, type Cell, type SheetGrid } from './grid.js';
import { COMPONENT_LABELS, NUMBER_FORMAT, SHEET } from './layout.js';

export interface CostingApproval {
  /** The approver's name ("Morgan Reyes"), not their login id. */
  approver: string;
  /** ISO date-time. */
  approvedAt: string;
  /** sha256 of the canonical inputs and result. */
  contentHash: string;
  comment?: string;
}

/** A model returned for changes: by whom (a name), when (ISO), and the manager's comment. */
export interface CostingReturn {
  by: string;
  at: string;
  comment: string;
}

export interface CostingSheetOptions {
  approval?: CostingApproval;
  returned?: CostingReturn;
  /** The cost model's title, shown under the sheet title. */
  title?: string;
  version?: number;
  /** draft | submitted | approved | returned: anything but approved shows a banner. */
  state?: string;
  /** ISO date-time the sheet was produced. */
  generatedAt?: string;
  /** IANA time zone that times print in (default UTC). */
  timeZone?: string;
}

type FyAddresses = Record<string, string>;

/** Where the figures are, for charts and lookups (BARGAIN.COST): A1 addresses on the Costing sheet. */
export interface CostingCellMap {
  fiscalYears: string[];
  /** The summary table of increase totals (rows: proposals; columns: fiscal years), header included. */
  summaryRange: string;
  baseline: Record<ComponentOrTotal, FyAddresses>;
  proposals: {
    name: string;
    byFiscalYear: Record<ComponentOrTotal, FyAddresses>;
    increase: Record<ComponentOrTotal, FyAddresses>;
    percentOfBase: FyAddresses;
    valueOfOnePercent: FyAddresses;
    lift: string;
    compoundedWageIncrease: string;
  }[];
}

export interface CostingSheet extends SheetGrid {
  map: CostingCellMap;
  /** Rows repeated at the top of each printed page (1-based, inclusive): the title and the column headings. */
  titleRows: [number, number];
  /** 1-based rows that start a printed page: each proposal's blocks. */
  pageBreaksBefore: number[];
  /** The banner of a model that is not approved. */
  bannerAddress?: string;
}

// Money as money ($, separators, negatives in parentheses) and percents with 2 decimals, as every report prints them.
const MONEY = EXCEL_FORMAT.money;
const PERCENT = EXCEL_FORMAT.percent;
const money = (s: string) => Number(s);
const sumOf = (values: string[]) => values.reduce((a, v) => a.plus(v), new Decimal(0));
const num = (d: InstanceType<typeof Decimal>) => Number(d.toFixed(2));

class CostingWriter {
  readonly g = new GridBuilder();
  row = 0;
  readonly fys: string[];
  /** Column of each fiscal year, of the term total, of the lift. */
  readonly fyCol: Record<string, number> = {};
  readonly totalCol: number;
  readonly liftCol: number;

  constructor(fiscalYears: string[]) {
    this.fys = fiscalYears;
    fiscalYears.forEach((fy, i) => (this.fyCol[fy] = 1 + i));
    this.totalCol = 1 + fiscalYears.length;
    this.liftCol = this.totalCol + 1;
  }

  at(col: number, row0: number): string {
    return cellAddress(col, row0 + 1);
  }

  text(col: number, value: string, style?: 'title' | 'caption' | 'header' | 'total' | 'note'): void {
    this.g.set(this.row, col, value, null, style);
  }

  caption(text: string): void {
    this.text(0, text, 'caption');
    this.row++;
  }

  header(first: string, extra: string[] = []): void {
    this.text(0, first, 'header');
    this.fys.forEach((fy) => this.text(this.fyCol[fy]!, fy, 'header'));
    this.text(this.totalCol, 'Term total', 'header');
    extra.forEach((h, i) => this.text(this.liftCol + i, h, 'header'));
    this.row++;
  }

  blank(): void {
    this.row++;
  }

  /** A row of per-FY cells plus a term-total SUM across them; returns the addresses by FY. */
  fyRow(label: string, cells: Record<string, Cell>, termResult: number | null, format: string, style?: 'total'): FyAddresses {
    const out: FyAddresses = {};
    this.text(0, label, style);
    for (const fy of this.fys) {
      this.g.set(this.row, this.fyCol[fy]!, cells[fy] ?? null, format, style);
      out[fy] = this.at(this.fyCol[fy]!, this.row);
    }
    if (termResult !== null && this.fys.length) {
      const first = this.at(1, this.row);
      const last = this.at(this.totalCol - 1, this.row);
      this.g.set(this.row, this.totalCol, { formula: `SUM(${first}:${last})`, result: termResult }, format, style);
    }
    this.row++;
    return out;
  }

  /** Component rows with values from `data`, then a Total row summing them per column. */
  componentValues(data: ByFiscalYear<Components>): Record<ComponentOrTotal, FyAddresses> {
    const out = {} as Record<ComponentOrTotal, FyAddresses>;
    const firstRow = this.row;
    for (const c of componentNames) {
      const cells: Record<string, Cell> = {};
      for (const fy of this.fys) cells[fy] = money(data[fy]![c]);
      out[c] = this.fyRow(COMPONENT_LABELS[c], cells, num(sumOf(this.fys.map((fy) => data[fy]![c]))), MONEY);
    }
    out.total = this.totalRow(firstRow, (fy) => data[fy]!.total, num(sumOf(this.fys.map((fy) => data[fy]!.total))));
    return out;
  }

  totalRow(firstRow: number, fyTotal: (fy: string) => string, termTotal: number, lift?: number): FyAddresses {
    const lastRow = this.row - 1;
    const cells: Record<string, Cell> = {};
    for (const fy of this.fys) {
      const col = this.fyCol[fy]!;
      cells[fy] = { formula: `SUM(${this.at(col, firstRow)}:${this.at(col, lastRow)})`, result: money(fyTotal(fy)) };
    }
    const liftRow = this.row;
    const out = this.fyRow('Total', cells, termTotal, MONEY, 'total');
    if (lift !== undefined) {
      this.g.set(liftRow, this.liftCol, { formula: `SUM(${this.at(this.liftCol, firstRow)}:${this.at(this.liftCol, lastRow)})`, result: lift }, MONEY, 'total');
    }
    return out;
  }
}

export function costingSheet(result: CostingResult, scenario: Scenario, options: CostingSheetOptions = {}): CostingSheet {
  const w = new CostingWriter(result.fiscalYears);
  const fys = result.fiscalYears;
  const snap = result.snapshot;

  const zone = options.timeZone ?? 'UTC';
  w.text(0, `Costing: ${scenario.unit.name ? `${scenario.unit.name} (${scenario.unit.id})` : scenario.unit.id}`, 'title');
  w.row++;
  let bannerAddress: string | undefined;
  const banner = options.state ? bannerWords({ model: { title: options.title ?? '', state: options.state } }) : undefined;
  if (banner) {
    bannerAddress = w.at(0, w.row);
    w.text(0, banner);
    w.row++;
  }
  if (options.title) {
    w.text(
      0,
      `${options.title}${options.version !== undefined ? `, version ${options.version}` : ''}${options.state ? ` (${options.state[0]!.toUpperCase()}${options.state.slice(1)})` : ''}`,
      'note',
    );
    w.row++;
  }
  w.text(
    0,
    `Schedule ${snap.scheduleId} effective ${snap.scheduleEffective}; roster extract ${snap.rosterExtractDate}; assumptions ${snap.assumptionsId}; term ${scenario.term.start} to ${scenario.term.end}`,
    'note',
  );
  w.row++;
  w.text(
    0,
    `Dollars. Totals, increases and percentages are formulas over the component cells.${options.generatedAt ? ` Produced ${dateTimeText(options.generatedAt, zone)}.` : ''}`,
    'note',
  );
  w.row++;
  // The column headings, repeated at the top of every printed page with the title above.
  w.header('Figures by fiscal year', ['Ongoing annual cost (lift)']);
  const titleRows: [number, number] = [1, w.row];
  const pageBreaksBefore: number[] = [];
  w.blank();

  if (options.approval) {
    const a = options.approval;
    w.caption('Approval');
    const line = (label: string, value: string) => {
      w.text(0, label);
      w.text(1, value);
      w.row++;
    };
    line('State', 'Approved');
    line('Approved by', a.approver);
    line('Approved at', dateTimeText(a.approvedAt, zone));
    if (a.comment !== undefined) line('Comment', a.comment);
    line('Content hash (sha256)', a.contentHash);
    w.blank();
  } else if (options.returned) {
    const r = options.returned;
    w.caption('Returned for changes');
    const line = (label: string, value: string) => {
      w.text(0, label);
      w.text(1, value);
      w.row++;
    };
    line('Returned by', r.by);
    line('Returned at', dateTimeText(r.at, zone));
    line('Manager\u2019s comment', r.comment);
    w.blank();
  }

  // The summary refers to the Increase totals below; reserve its rows and fill them at the end.
  w.caption('Increase over baseline by fiscal year');
  const summaryHeaderRow = w.row;
  w.header('Proposal');
  const summaryFirstRow = w.row;
  w.row += result.proposals.length;
  // Fiscal years only: a chart of this range never shows the term total as one more bar.
  const summaryRange = `${w.at(0, summaryHeaderRow)}:${w.at(w.totalCol - 1, Math.max(summaryHeaderRow, summaryFirstRow + result.proposals.length - 1))}`;
  w.blank();

  w.caption('Baseline (status quo)');
  w.header('Component');
  const periods: Record<string, Cell> = {};
  for (const fy of fys) periods[fy] = result.periodsByFiscalYear[fy] ?? null;
  w.fyRow(
    'Pay periods',
    periods,
    fys.reduce((a, fy) => a + (result.periodsByFiscalYear[fy] ?? 0), 0),
    NUMBER_FORMAT.integer,
  );
  const baseline = w.componentValues(result.baseline);
  const firstFy = fys[0];
  const baseTotalAbs = firstFy ? baseline.total[firstFy]!.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2') : undefined;
  w.blank();

  const proposals: CostingCellMap['proposals'] = [];
  result.proposals.forEach((p, pi) => {
    const name = proposalWords(p);
    pageBreaksBefore.push(w.row + 1);
    w.caption(`Proposal: ${name}`);
    w.header('Component');
    const byFiscalYear = w.componentValues(p.byFiscalYear);
    w.blank();

    w.caption(`Increase: ${name} minus baseline`);
    w.header('Component', ['Ongoing annual cost (lift)']);
    const increase = {} as Record<ComponentOrTotal, FyAddresses>;
    const firstRow = w.row;
    for (const c of componentNames) {
      const cells: Record<string, Cell> = {};
      for (const fy of fys) cells[fy] = { formula: `${byFiscalYear[c][fy]}-${baseline[c][fy]}`, result: money(p.increase[fy]![c]) };
      w.g.set(w.row, w.liftCol, money(p.ongoingAnnualIncreaseByComponent[c]), MONEY);
      increase[c] = w.fyRow(COMPONENT_LABELS[c], cells, money(p.increaseTotal[c]), MONEY);
    }
    const liftRow = w.row;
    increase.total = w.totalRow(firstRow, (fy) => p.increase[fy]!.total, money(p.increaseTotal.total), money(p.ongoingAnnualIncrease));
    const lift = w.at(w.liftCol, liftRow);

    const pct: Record<string, Cell> = {};
    for (const fy of fys) {
      const value = p.percentOfBase[fy];
      pct[fy] = {
        formula: `IF(${baseTotalAbs}=0,"",ROUND(${increase.total[fy]}/${baseTotalAbs},6))`,
        result: value === null || value === undefined ? '' : Number(value),
      };
    }
    const percentOfBase = w.fyRow(`Percent of base (${firstFy ?? ''} baseline total)`, pct, null, PERCENT);
    const v1: Record<string, Cell> = {};
    for (const fy of fys) v1[fy] = money(p.valueOfOnePercent[fy] ?? '0');
    const valueOfOnePercent = w.fyRow('Value of 1% more', v1, null, MONEY);
    w.text(0, 'Compounded wage increase (GWIs in the term)');
    w.g.set(w.row, 1, Number(p.compoundedWageIncrease), PERCENT);
    const compoundedWageIncrease = w.at(1, w.row);
    w.row++;
    w.blank();

    pageBreaksBefore.push(w.row + 1);
    w.caption(`By provision: ${name}`);
    w.header('Provision (applied in order)');
    const provFirst = w.row;
    for (const charge of p.byProvision) {
      const cells: Record<string, Cell> = {};
      for (const fy of fys) cells[fy] = money(charge.byFiscalYear[fy] ?? '0');
      const provision = scenario.proposals[pi]?.provisions[charge.index - 1];
      const words = provision ? describeProvision(provision) : charge.type;
      w.fyRow(`${words}${charge.label ? ` \u2014 ${charge.label}` : ''}`, cells, money(charge.total), MONEY);
    }
    if (p.byProvision.length)
      w.totalRow(provFirst, (fy) => sumOf(p.byProvision.map((c) => c.byFiscalYear[fy] ?? '0')).toFixed(2), num(sumOf(p.byProvision.map((c) => c.total))));
    else {
      w.text(0, 'No provisions', 'note');
      w.row++;
    }
    w.blank();

    w.caption(`By class: ${name} (flat amounts belong to no class)`);
    w.header('Class');
    const classes = [...new Set([...Object.keys(result.baselineByClass), ...Object.keys(p.byClass)])];
    const classTitle = (code: string) => {
      const title = scenario.schedule.classes.find((c) => c.code === code)?.title;
      return title ? `${title} (${code})` : code;
    };
    for (const code of classes) {
      const base = result.baselineByClass[code];
      const prop = p.byClass[code];
      const total = (d: ByFiscalYear<ClassComponents> | undefined, fy: string) => d?.[fy]?.total ?? '0.00';
      const bCells: Record<string, Cell> = {};
      const pCells: Record<string, Cell> = {};
      for (const fy of fys) {
        bCells[fy] = money(total(base, fy));
        pCells[fy] = money(total(prop, fy));
      }
      const b = w.fyRow(`${classTitle(code)}: status quo`, bCells, num(sumOf(fys.map((fy) => total(base, fy)))), MONEY);
      const q = w.fyRow(`${classTitle(code)}: proposal`, pCells, num(sumOf(fys.map((fy) => total(prop, fy)))), MONEY);
      const inc: Record<string, Cell> = {};
      for (const fy of fys) inc[fy] = { formula: `${q[fy]}-${b[fy]}`, result: num(new Decimal(total(prop, fy)).minus(total(base, fy))) };
      w.fyRow(
        `${classTitle(code)}: increase`,
        inc,
        num(sumOf(fys.map((fy) => total(prop, fy))).minus(sumOf(fys.map((fy) => total(base, fy))))),
        MONEY,
        'total',
      );
    }
    w.blank();

    // Fill this proposal's summary row.
    const sRow = summaryFirstRow + pi;
    w.g.set(sRow, 0, name);
    for (const fy of fys) w.g.set(sRow, w.fyCol[fy]!, { formula: increase.total[fy]!, result: money(p.increase[fy]!.total) }, MONEY);
    if (fys.length) w.g.set(sRow, w.totalCol, { formula: `SUM(${w.at(1, sRow)}:${w.at(w.totalCol - 1, sRow)})`, result: money(p.increaseTotal.total) }, MONEY);

    proposals.push({ name: p.name, byFiscalYear, increase, percentOfBase, valueOfOnePercent, lift, compoundedWageIncrease });
  });

  const { cells, formats } = w.g.finish();
  // Each column as wide as its longest heading or figure label (the notes in column A may run over).
  const columnWidths = Array.from({ length: w.g.width }, (_, i) =>
    i === 0
      ? Math.min(70, Math.max(44, ...cells.map((r, ri) => (typeof r[0] === 'string' && !w.g.styles[`${ri}:0`]?.match(/title|note/) ? r[0].length + 2 : 0))))
      : Math.max(15, ...cells.map((r, ri) => (typeof r[i] === 'string' && w.g.styles[`${ri}:${i}`] === 'header' ? r[i].length + 2 : 0))),
  );
  return {
    name: SHEET.costing,
    cells,
    formats,
    styles: w.g.styles,
    tables: [],
    columnWidths,
    freeze: { rows: 0, columns: 1 },
    map: { fiscalYears: fys, summaryRange, baseline, proposals },
    titleRows,
    pageBreaksBefore,
    ...(bannerAddress ? { bannerAddress } : {}),
  };
}
