/**
 * exportCostWorkbook(model) → Promise<Buffer> — the audit-ready workbook of a cost model in the
 * shared layout: the report sheets (Summary with a picture of its chart, Disclosure,
 * Reconciliation when there are two proposals or more, By fund, By department), the Costing sheet
 * (totals as live formulas over the component cells, approval block) and the input sheets
 * Schedule, Roster, Assumptions and Proposals as Excel tables.
 *
 * Every sheet prints: landscape, repeated title rows, the unit and model in the page header and the
 * state and page numbers in the footer (left and right sections only, so they never overlap), one
 * page wide where that keeps the text readable, page breaks before each proposal's blocks.
 * When the model is approved every sheet is protected (no password: it guards against accidental
 * edits; the approved record itself lives on the server, identified by its content hash).
 */
import ExcelJS from 'exceljs';
import type { Scenario } from '../../shared/schemas/scenario.js';
import type { CostingResult } from '../../shared/result.js';
import { costingSheet, type CostingApproval, type CostingReturn } from '../../shared/workbook/costingSheet.js';
import { scenarioToSheets } from '../../shared/workbook/scenarioToSheets.js';
import { SHEET } from '../../shared/workbook/layout.js';
import { buildReport, type ReportOptions } from '../../shared/reports/index.js';
import { bannerWords, pageTexts, type ReportContext } from '../../shared/reports/reportContext.js';
import { REPORT_SHEET, reportSheet, type ReportPrint, type ReportSheet } from '../../shared/reports/reportSheet.js';
import type { ReportDocument, ReportView } from '../../shared/reports/reportDocument.js';
import { chartPng } from '../pdf/chartImage.js';
import { addSheetGrid } from './sheetGridWriter.js';

export interface CostWorkbookModel {
  scenario: Scenario;
  /** The server's costing of the scenario; null writes a Costing sheet that says it is not costed yet. */
  result: CostingResult | null;
  /** The cost model's title. */
  title?: string;
  /** The cost model's version (model version: 1, 2 … for successive approvals). */
  version?: number;
  /** draft | submitted | approved | returned … shown on the Costing sheet. */
  state?: string;
  /** Present for an approved model: shown on the Costing sheet, and every sheet is protected. `approver` is a name. */
  approval?: CostingApproval;
  /** Present for a returned model: who returned it and the manager's comment. */
  returned?: CostingReturn;
  /** Why `result` is null (a draft the engine cannot cost yet), shown on the Costing sheet. */
  notCostedReason?: string;
  /** ISO date-time the export was produced (defaults to now). */
  generatedAt?: string;
  /** IANA time zone that times print in (default UTC). */
  timeZone?: string;
  /** Options of the report sheets (the disclosure's proposal and line mapping, the reconciliation's two sides). */
  reports?: Pick<ReportOptions, 'proposal' | 'against' | 'mapping'>;
}

const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  autoFilter: true,
  sort: false,
};

/** A sheet whose columns add up to more than this many characters is not squeezed onto one page wide. */
const ONE_PAGE_WIDE_MAX_CHARS = 190;

/** The report context of a cost model: who approved or returned it, in words, and when. */
export function reportContextOf(model: CostWorkbookModel, generatedAt: string): ReportContext {
  return {
    ...(model.title !== undefined
      ? { model: { title: model.title, ...(model.version !== undefined ? { version: model.version } : {}), state: model.state ?? 'draft' } }
      : {}),
    ...(model.approval
      ? {
          approval: {
            approverName: model.approval.approver,
            approvedAt: model.approval.approvedAt,
            contentHash: model.approval.contentHash,
            ...(model.approval.comment ? { comment: model.approval.comment } : {}),
          },
        }
      : {}),
    ...(model.returned ? { returned: { byName: model.returned.by, at: model.returned.at, comment: model.returned.comment } } : {}),
    generatedAt,
    timeZone: model.timeZone ?? 'UTC',
  };
}

export async function exportCostWorkbook(model: CostWorkbookModel): Promise<Buffer> {
  const generatedAt = model.generatedAt ?? new Date().toISOString();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bargaining Costing';
  workbook.created = new Date(generatedAt);
  workbook.modified = new Date(generatedAt);
  workbook.title = model.title ?? `Costing ${model.scenario.unit.id}`;
  if (model.approval) workbook.keywords = `approved sha256:${model.approval.contentHash}`;
  const ctx = reportContextOf(model, generatedAt);

  const sheets: { sheet: ExcelJS.Worksheet; print: ReportPrint }[] = [];
  if (model.result) {
    for (const view of reportViewsFor(model.result)) {
      const built = buildReport(view, model.result, model.scenario, { ...ctx, ...model.reports });
      if (!built.ok) continue; // e.g. a mapping naming a roll-up this costing does not have: the other sheets still export
      sheets.push(await addReportSheet(workbook, reportSheet(built.report, model.scenario, ctx)));
    }
    const grid = costingSheet(model.result, model.scenario, {
      generatedAt,
      timeZone: ctx.timeZone ?? 'UTC',
      ...(model.title !== undefined ? { title: model.title } : {}),
      ...(model.version !== undefined ? { version: model.version } : {}),
      ...(model.state !== undefined ? { state: model.state } : {}),
      ...(model.approval ? { approval: model.approval } : {}),
      ...(model.returned ? { returned: model.returned } : {}),
    });
    const costing = addSheetGrid(workbook, grid);
    if (model.approval) costing.properties.tabColor = { argb: 'FF548235' };
    if (grid.bannerAddress) styleBanner(costing.getCell(grid.bannerAddress));
    const texts = pageTexts(model.scenario, ctx, 'Costing');
    sheets.push({ sheet: costing, print: { landscape: true, titleRows: grid.titleRows, ...texts, pageBreaksBefore: grid.pageBreaksBefore } });
  } else {
    const costing = workbook.addWorksheet(SHEET.costing);
    costing.getCell('A1').value = `Not costed yet${model.state ? ` (state: ${model.state})` : ''}: the server costs a model when it is submitted.`;
    if (model.notCostedReason) costing.getCell('A2').value = `It cannot be costed as it stands: ${model.notCostedReason}`;
    const banner = bannerWords(ctx);
    if (banner) {
      costing.getCell('A3').value = banner;
      styleBanner(costing.getCell('A3'));
    }
    sheets.push({ sheet: costing, print: { landscape: true, titleRows: [1, 1], ...pageTexts(model.scenario, ctx, 'Costing'), pageBreaksBefore: [] } });
  }
  for (const grid of scenarioToSheets(model.scenario)) {
    const sheet = addSheetGrid(workbook, grid);
    fitHeaders(sheet, 2);
    // Input tables have their caption in row 1 and their headings in row 2 (shared/workbook/layout.ts).
    sheets.push({ sheet, print: { landscape: true, titleRows: [1, 2], ...pageTexts(model.scenario, ctx, grid.name), pageBreaksBefore: [] } });
  }

  for (const { sheet, print } of sheets) applyPrint(sheet, print);
  if (model.approval) for (const { sheet } of sheets) await sheet.protect('', PROTECTION);
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data);
}

/** The report sheets a costing has: a reconciliation needs two proposals; funds and departments only when named. */
export function reportViewsFor(result: CostingResult): ReportView[] {
  const views: ReportView[] = ['summary', 'disclosure'];
  if (result.proposals.length >= 2) views.push('reconcile');
  views.push('by-fund', 'by-department');
  return views;
}

/** Writes a report sheet (and a picture of its chart) into the workbook. */
export async function addReportSheet(workbook: ExcelJS.Workbook, grid: ReportSheet): Promise<{ sheet: ExcelJS.Worksheet; print: ReportPrint }> {
  const sheet = addSheetGrid(workbook, grid);
  if (grid.bannerAddress) styleBanner(sheet.getCell(grid.bannerAddress));
  if (grid.chart) {
    const a = grid.chart.anchor;
    const widthPx = Math.round(grid.columnWidths.slice(a.col, a.col + a.cols).reduce((s, w) => s + w, 0) * 7);
    const heightPx = a.rows * 20;
    const png = await chartPng(reportChartOf(grid), widthPx, heightPx);
    if (png) {
      const image = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
      sheet.addImage(image, { tl: { col: a.col, row: a.row }, ext: { width: widthPx, height: heightPx }, editAs: 'oneCell' });
    }
  }
  return { sheet, print: grid.print };
}

/** The chart's series as the sheet holds them: its data block's cached values. */
function reportChartOf(grid: ReportSheet): Parameters<typeof chartPng>[0] {
  const chart = grid.chart!;
  const [from, to] = chart.dataAddress.split(':') as [string, string];
  const row0 = Number(from.replace(/^[A-Z]+/, '')) - 1;
  const row1 = Number(to.replace(/^[A-Z]+/, '')) - 1;
  const header = grid.cells[row0] ?? [];
  const categories = grid.cells.slice(row0 + 1, row1 + 1).map((r) => {
    const c = r[0];
    return typeof c === 'object' && c !== null ? JSON.stringify(c) : String(c);
  });
  const series = header.slice(1).flatMap((name, i) =>
    typeof name === 'string'
      ? [
          {
            name,
            values: grid.cells.slice(row0 + 1, row1 + 1).map((r) => {
              const c = r[1 + i];
              return String(typeof c === 'object' && c !== null ? c.result : c);
            }),
            source: { table: '', row: 0, cols: [] },
          },
        ]
      : [],
  );
  return { title: chart.title, categories, series };
}

function styleBanner(cell: ExcelJS.Cell): void {
  cell.font = { bold: true, size: 13, color: { argb: 'FFC00000' } };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4E4' } };
}

/** Widens a column to its heading (row `headerRow`), so no heading prints cut off. */
function fitHeaders(sheet: ExcelJS.Worksheet, headerRow: number): void {
  sheet.getRow(headerRow).eachCell((cell, col) => {
    const text = typeof cell.value === 'string' ? cell.value : '';
    const column = sheet.getColumn(col);
    if (text.length + 2 > (column.width ?? 9)) column.width = text.length + 2;
  });
}

/** "&" starts a code in Excel header/footer text; a literal one is written "&&". */
function footerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * Print setup: landscape; one page wide unless that would shrink the text below reading size (then
 * pages run across, with the first column repeated); title rows repeated on every page; header and
 * footer with left and right sections only. ExcelJS page setup:
 * https://github.com/exceljs/exceljs#page-setup and #headers-and-footers.
 */
function applyPrint(sheet: ExcelJS.Worksheet, print: ReportPrint): void {
  const totalWidth = sheet.columns.reduce((s, c) => s + (c.width ?? 9), 0);
  const oneWide = totalWidth <= ONE_PAGE_WIDE_MAX_CHARS;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: print.landscape ? 'landscape' : 'portrait',
    fitToPage: oneWide,
    ...(oneWide ? { fitToWidth: 1, fitToHeight: print.onePage ? 1 : 0 } : { scale: 85 }),
    printTitlesRow: `${print.titleRows[0]}:${print.titleRows[1]}`,
    ...(oneWide ? {} : { printTitlesColumn: 'A:A' }),
    horizontalCentered: false,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = {
    ...sheet.headerFooter,
    oddHeader: `&L${footerText(print.headerLeft)}&R${footerText(print.headerRight)}`,
    oddFooter: `&L${footerText(print.footerLeft)}&RPage &P of &N`,
  };
  for (const before of print.pageBreaksBefore) if (before > 1) sheet.getRow(before - 1).addPageBreak();
}

/** One report as a workbook of its own (the command line's `report … --format xlsx`). */
export async function reportWorkbook(report: ReportDocument, scenario: Scenario, ctx: ReportContext): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bargaining Costing';
  if (ctx.generatedAt) workbook.created = workbook.modified = new Date(ctx.generatedAt);
  workbook.title = `${report.title}: ${report.unit}`;
  const { sheet, print } = await addReportSheet(workbook, reportSheet(report, scenario, ctx));
  applyPrint(sheet, print);
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data);
}

/** The values of a workbook's Disclosure sheet (row-major, 0-based), or null when it has none. */
export async function disclosureSheetCells(buffer: Buffer): Promise<unknown[][] | null> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(REPORT_SHEET.disclosure);
  if (!sheet) return null;
  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= Math.max(2, sheet.columnCount); c++) {
      const v = sheet.getCell(r, c).value;
      row.push(typeof v === 'object' && v !== null && 'result' in v ? v.result : v);
    }
    rows.push(row);
  }
  return rows;
}
