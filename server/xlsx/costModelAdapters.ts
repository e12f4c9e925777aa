/**
 * The server's two hooks into server/xlsx, in the shapes of server/services/workbookFiles.ts:
 *   readScheduleFile(format, content, options)  — a ScheduleFileReader (CSV or XLSX upload)
 *   writeCostModelWorkbook(view)                — a WorkbookWriter (GET …/workbook.xlsx)
 * Wire them in server/services/xlsxAdapters.ts.
 */
import { parseScenario } from '../../shared/scenario.js';
import { CostingInputError, formatIssue } from '../../shared/issues.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import type { CostingResult } from '../../shared/result.js';
import { costScenario } from '../../shared/engine/costScenario.js';
import type { ScheduleFileReader, WorkbookWriter } from '../services/workbookFiles.js';
import { exportCostWorkbook, type CostWorkbookModel } from './exportCostWorkbook.js';
import { parseScheduleCsv, parseScheduleXlsx } from './scheduleImport.js';
import { xmlSafe } from './xmlSafeText.js';

export const readScheduleFile: ScheduleFileReader = async (format, content, options) => {
  return format === 'csv' ? parseScheduleCsv(content.toString('utf8'), options) : parseScheduleXlsx(content, options);
};

/**
 * `names` maps user ids to display names, so the workbook shows "Approved by Morgan Reyes", not a
 * login id; an id without a name prints as itself.
 */
export const writeCostModelWorkbook = async (stored: Parameters<WorkbookWriter>[0], names: Readonly<Record<string, string>> = {}): Promise<Buffer> => {
  const view = xmlSafe(stored);
  const parsed = parseScenario(view.scenario);
  if (!parsed.ok)
    throw new Error(`cost model ${view.id} holds a scenario that no longer validates: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const costed = view.result ? { result: view.result } : costDraft(parsed.value);
  const model: CostWorkbookModel = {
    scenario: parsed.value,
    result: costed.result,
    title: view.title,
    version: view.modelVersion,
    state: view.state,
    ...(costed.notCosted ? { notCostedReason: costed.notCosted } : {}),
  };
  if (view.approval) {
    model.approval = {
      approver: names[view.approval.approvedBy] ?? view.approval.approvedBy,
      approvedAt: view.approval.approvedAt,
      contentHash: view.approval.contentHash,
      ...(view.approval.comment !== null ? { comment: view.approval.comment } : {}),
    };
  }
  if (view.returned)
    model.returned = { by: names[view.returned.returnedBy] ?? view.returned.returnedBy, at: view.returned.returnedAt, comment: view.returned.comment };
  return exportCostWorkbook(model);
};

/** A draft has no stored result yet: the shared engine costs it for the export (pure, no I/O). */
function costDraft(scenario: Scenario): { result: CostingResult | null; notCosted?: string } {
  try {
    return { result: costScenario(scenario) };
  } catch (error) {
    if (error instanceof CostingInputError) return { result: null, notCosted: error.issues.map(formatIssue).join('; ') };
    throw error;
  }
}
