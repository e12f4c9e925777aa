/**
 * exportCostWorkbook(model) → Promise<Buffer> — the audit-ready workbook of a cost model in the
 * shared layout: the Costing sheet (totals as live formulas over the component cells, approval
 * block) and the input sheets Schedule, Roster, Assumptions and Proposals as Excel tables.
 * When the model is approved every sheet is protected (no password: it guards against accidental
 * edits; the approved record itself lives on the server, identified by its content hash).
 */
import ExcelJS from 'exceljs';
import type { Scenario } from '../../shared/schemas/scenario.js';
import type { CostingResult } from '../../shared/result.js';
import { costingSheet, type CostingApproval } from '../../shared/workbook/costingSheet.js';
import { scenarioToSheets } from '../../shared/workbook/scenarioToSheets.js';
import { SHEET } from '../../shared/workbook/layout.js';
import { addSheetGrid } from './sheetGridWriter.js';

export interface CostWorkbookModel {
  scenario: Scenario;
  /** The server's costing of the scenario; null writes a Costing sheet that says it is not costed yet. */
  result: CostingResult | null;
  /** The cost model's title. */
  title?: string;
  /** draft | submitted | approved | returned … shown on the Costing sheet. */
  state?: string;
  /** Present for an approved model: shown on the Costing sheet, and every sheet is protected. */
  approval?: CostingApproval;
  /** Why `result` is null (a draft the engine cannot cost yet), shown on the Costing sheet. */
  notCostedReason?: string;
  /** ISO date-time the export was produced (defaults to now). */
  generatedAt?: string;
}

const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  autoFilter: true,
  sort: false,
};

export async function exportCostWorkbook(model: CostWorkbookModel): Promise<Buffer> {
  const generatedAt = model.generatedAt ?? new Date().toISOString();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bargaining Costing';
  workbook.created = new Date(generatedAt);
  workbook.modified = new Date(generatedAt);
  workbook.title = model.title ?? `Costing ${model.scenario.unit.id}`;
  if (model.approval) workbook.keywords = `approved sha256:${model.approval.contentHash}`;

  const sheets: ExcelJS.Worksheet[] = [];
  if (model.result) {
    const options = {
      generatedAt,
      ...(model.title !== undefined ? { title: model.state ? `${model.title} (${model.state})` : model.title } : {}),
      ...(model.approval ? { approval: model.approval } : {}),
    };
    const costing = addSheetGrid(workbook, costingSheet(model.result, model.scenario, options));
    if (model.approval) costing.properties.tabColor = { argb: 'FF548235' };
    sheets.push(costing);
  } else {
    const costing = workbook.addWorksheet(SHEET.costing);
    costing.getCell('A1').value = `Not costed yet${model.state ? ` (state: ${model.state})` : ''}: the server costs a model when it is submitted.`;
    if (model.notCostedReason) costing.getCell('A2').value = `It cannot be costed as it stands: ${model.notCostedReason}`;
    sheets.push(costing);
  }
  for (const grid of scenarioToSheets(model.scenario)) sheets.push(addSheetGrid(workbook, grid));

  const footer = printFooter(model);
  for (const sheet of sheets) {
    sheet.pageSetup = { ...sheet.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    sheet.headerFooter = { ...sheet.headerFooter, oddFooter: footer };
  }
  if (model.approval) for (const sheet of sheets) await sheet.protect('', PROTECTION);
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data);
}

/** "&" starts a code in Excel header/footer text; a literal one is written "&&". */
function footerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** Printed pages carry the unit, the model, its state or approval hash, and page numbers. */
function printFooter(model: CostWorkbookModel): string {
  const left = footerText(`${model.scenario.unit.id}${model.title ? `: ${model.title}` : ''}`);
  const centre = footerText(model.approval ? `Approved by ${model.approval.approver}, sha256 ${model.approval.contentHash}` : model.state ? `State: ${model.state}` : '');
  return `&L${left}&C${centre}&RPage &P of &N`;
}
