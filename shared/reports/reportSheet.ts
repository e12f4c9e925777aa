/**
 * reportSheet(report, context) → a worksheet of the shared grid form (shared/workbook/grid.ts) that
 * both writers put into a workbook — ExcelJS on the server, Office.js in the add-in — plus how it
 * prints (orientation, one page wide, repeated title rows, header and footer) and where its chart's
 * data is. Every computed cell of the view model becomes a live formula over the cells it is made
 * from, with the view model's value as its cached result.
 */
import type { InputIssue } from '../issues.js';
import type { CostingResult } from '../result.js';
import type { Scenario } from '../schemas/scenario.js';
import { buildReport, type ReportOptions } from './index.js';
import { cellAddress, GridBuilder, type Cell, type SheetGrid } from '../workbook/grid.js';
import { pageTexts, type ReportContext } from './reportContext.js';
import { cellText, EXCEL_FORMAT } from './reportFormat.js';
import type { CellRef, ReportCell, ReportDocument, ReportFormula, ReportTable, ReportView } from './reportDocument.js';

export const REPORT_SHEET: Record<ReportView, string> = {
  summary: 'Summary',
  disclosure: 'Disclosure',
  reconcile: 'Reconciliation',
  'by-fund': 'By fund',
  'by-department': 'By department',
};

export interface ReportPrint {
  landscape: boolean;
  /** Rows repeated at the top of every printed page, 1-based, inclusive. */
  titleRows: [number, number];
  headerLeft: string;
  headerRight: string;
  footerLeft: string;
  /** 1-based rows before which a new page starts (each table after the first that would split). */
  pageBreaksBefore: number[];
  /** Print on one page tall as well as wide (the council summary is one page). */
  onePage?: boolean;
}

export interface ReportSheetChart {
  title: string;
  /** The chart's data block: fiscal years down, one column per series, header row included. */
  dataAddress: string;
  /** Where the chart sits. */
  topLeft: string;
  bottomRight: string;
  /** Zero-based anchor and size in columns/rows, for writers that place an image. */
  anchor: { col: number; row: number; cols: number; rows: number };
}

export interface ReportSheet extends SheetGrid {
  print: ReportPrint;
  /** The banner cell (a draft or returned model), to be shown in bold red. */
  bannerAddress?: string;
  chart?: ReportSheetChart;
  /** Where each table's cells are: table id → row → column → A1 address. */
  addresses: Record<string, (string | null)[][]>;
}

const LABEL_WIDTH_MAX = 60;
const CHART_ROWS = 16;

export function reportSheet(report: ReportDocument, scenario: Scenario, ctx: ReportContext = {}): ReportSheet {
  const g = new GridBuilder();
  let row = 0;
  const addresses: ReportSheet['addresses'] = {};
  const width = Math.max(2, ...report.tables.map((t) => t.columns.length + 1));

  g.set(row++, 0, `${report.title}: ${report.unit}`, null, 'title');
  let bannerAddress: string | undefined;
  if (report.banner) {
    bannerAddress = cellAddress(0, row + 1);
    g.set(row++, 0, report.banner);
  }
  for (const line of report.lines) g.set(row++, 0, line, null, 'note');
  const titleRows: [number, number] = [1, row];
  row++;

  const labelWidth = Math.min(
    LABEL_WIDTH_MAX,
    Math.max(24, ...report.tables.flatMap((t) => [t.labelHeader.length, ...t.rows.map((r) => r.label.length + (r.style === 'group' ? 0 : 2))])),
  );
  const columnWidths = [labelWidth];
  const pageBreaksBefore: number[] = [];

  let chartRow: number | undefined;
  report.tables.forEach((table, ti) => {
    if (ti > 0 && table.rows.length > 12) pageBreaksBefore.push(row + 1);
    row = writeTable(g, table, row, addresses, columnWidths);
    if (ti === 0 && report.chart) {
      chartRow = row;
      row += CHART_ROWS + 1;
    }
  });

  let chart: ReportSheetChart | undefined;
  if (report.chart && report.chart.series.length) {
    const c = report.chart;
    // The chart's data: live references to the figures in the table, fiscal years down.
    const dataTop = row;
    g.set(row, 0, 'Fiscal year (chart data)', null, 'header');
    c.series.forEach((s, i) => g.set(row, 1 + i, s.name, null, 'header'));
    row++;
    c.categories.forEach((fy, k) => {
      g.set(row, 0, fy);
      c.series.forEach((s, i) => {
        const source = addresses[s.source.table]?.[s.source.row]?.[s.source.cols[k]!];
        g.set(row, 1 + i, source ? { formula: source, result: Number(s.values[k]) } : Number(s.values[k]), EXCEL_FORMAT.money);
      });
      row++;
    });
    const top = chartRow ?? row + 1;
    const cols = Math.max(6, Math.min(width, 10));
    chart = {
      title: c.title,
      dataAddress: `${cellAddress(0, dataTop + 1)}:${cellAddress(c.series.length, row)}`,
      topLeft: cellAddress(0, top + 1),
      bottomRight: cellAddress(cols, top + CHART_ROWS),
      anchor: { col: 0, row: top, cols, rows: CHART_ROWS },
    };
  }

  row++;
  for (const note of report.notes) g.set(row++, 0, note, null, 'note');

  const { cells, formats } = g.finish();
  while (columnWidths.length < g.width) columnWidths.push(14);
  const texts = pageTexts(scenario, ctx, report.title);
  return {
    name: REPORT_SHEET[report.view],
    cells,
    formats,
    styles: g.styles,
    tables: [],
    columnWidths,
    freeze: { rows: 0, columns: 0 },
    print: { landscape: report.landscape, titleRows, ...texts, pageBreaksBefore, ...(report.view === 'summary' ? { onePage: true } : {}) },
    ...(bannerAddress ? { bannerAddress } : {}),
    ...(chart ? { chart } : {}),
    addresses,
  };
}

/** Writes one table from `row` (0-based); returns the next free row. */
function writeTable(g: GridBuilder, table: ReportTable, start: number, addresses: ReportSheet['addresses'], widths: number[]): number {
  let row = start;
  g.set(row++, 0, table.caption, null, 'caption');
  g.set(row, 0, table.labelHeader, null, 'header');
  table.columns.forEach((h, i) => {
    g.set(row, 1 + i, h, null, 'header');
    widths[1 + i] = Math.max(widths[1 + i] ?? 0, 13, h.length + 2);
  });
  row++;
  const first = row;
  const at = (ref: CellRef) => cellAddress(1 + ref.col, first + ref.row + 1);
  addresses[table.id] = table.rows.map((r, ri) => r.cells.map((c, ci) => (c ? at({ row: ri, col: ci }) : null)));
  table.rows.forEach((r, ri) => {
    const style = r.style === 'total' ? 'total' : r.style === 'group' ? 'caption' : r.style === 'memo' ? 'note' : undefined;
    g.set(first + ri, 0, r.label, null, style === 'caption' ? 'total' : style);
    r.cells.forEach((cell, ci) => {
      if (!cell) return;
      const format = EXCEL_FORMAT[cell.format ?? r.format];
      g.set(first + ri, 1 + ci, sheetCell(cell, r.format, at), format, style === 'caption' ? undefined : style);
      if ((cell.format ?? r.format) === 'text') widths[1 + ci] = Math.max(widths[1 + ci] ?? 0, Math.min(60, cell.value.length + 2));
      // Wide enough for the figure as printed: "$140,181,178.30" in a 13-wide column shows as ######## in Excel.
      else widths[1 + ci] = Math.max(widths[1 + ci] ?? 0, cellText(cell, r.format).length + 3);
    });
  });
  row = first + table.rows.length;
  if (table.note) g.set(row++, 0, table.note, null, 'note');
  return row + 1;
}

function sheetCell(cell: ReportCell, rowFormat: string, at: (ref: CellRef) => string): Cell {
  const format = cell.format ?? rowFormat;
  if (format === 'text') return cell.value;
  const result = cell.value === '' ? '' : Number(cell.value);
  if (!cell.formula) return result === '' ? null : result;
  return { formula: formulaText(cell.formula, at), result };
}

export function formulaText(f: ReportFormula, at: (ref: CellRef) => string): string {
  switch (f.op) {
    case 'sum':
      return `SUM(${rangeList(f.refs, at)})`;
    case 'difference':
      return `${at(f.left)}-${at(f.right)}`;
    case 'ratio':
      return `IF(${at(f.denominator)}=0,"",${at(f.numerator)}/${at(f.denominator)})`;
    case 'roundDollars':
      // To the cent first: the figures are cents, but their sum in binary floating point can fall a
      // hair below a half dollar (301373.4999…) and round the wrong way.
      return `ROUND(ROUND(${f.amounts.map((a, i) => (i > 0 && !a.startsWith('-') ? `+${a}` : a)).join('') || '0'},2),0)`;
  }
}

/** "B5:D5" for a contiguous run along a row or a column, else "B5,B9,B12". */
function rangeList(refs: CellRef[], at: (ref: CellRef) => string): string {
  if (refs.length === 0) return '0';
  const sameRow = refs.every((r, i) => r.row === refs[0]!.row && r.col === refs[0]!.col + i);
  const sameCol = refs.every((r, i) => r.col === refs[0]!.col && r.row === refs[0]!.row + i);
  if (refs.length > 1 && (sameRow || sameCol)) return `${at(refs[0]!)}:${at(refs[refs.length - 1]!)}`;
  return refs.map(at).join(',');
}

/**
 * The report sheets the add-in writes next to the Costing sheet after *Cost proposals*: the
 * council summary (with its chart) and the disclosure. A view that cannot be built (a roll-up the
 * mapping names that the costing lacks) is left out, with its issues.
 */
export function costingReportSheets(
  result: CostingResult,
  scenario: Scenario,
  options: ReportOptions,
  views: readonly ReportView[] = ['summary', 'disclosure'],
): { sheets: ReportSheet[]; issues: InputIssue[] } {
  const sheets: ReportSheet[] = [];
  const issues: InputIssue[] = [];
  for (const view of views) {
    const built = buildReport(view, result, scenario, options);
    if (built.ok) sheets.push(reportSheet(built.report, scenario, options));
    else issues.push(...built.issues);
  }
  return { sheets, issues };
}
