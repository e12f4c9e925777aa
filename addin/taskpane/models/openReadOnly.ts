import { formatIssue } from '../../../shared/issues.js';
import { parseScenario } from '../../../shared/scenario.js';
import { costingSheet } from '../../../shared/workbook/costingSheet.js';
import { scenarioToSheets } from '../../../shared/workbook/scenarioToSheets.js';
import { personName, type CostModel } from '../api/types.js';
import type { WorkbookPort } from '../workbook/workbookPort.js';
import { approvedCopyOf } from './approvedSheets.js';

/**
 * Opens a cost model — approved, or submitted and under review — into new protected sheets: the
 * server's figures and inputs, read-only, beside the analyst's own. A copy already in the workbook
 * is shown rather than written again. Returns what the pane tells the user.
 */
export async function openModelReadOnly(model: CostModel, workbook: WorkbookPort): Promise<string> {
  if (!model.result) throw new Error(`Could not open “${model.title}”: the server holds no costing for it.`);
  const parsed = parseScenario(model.scenario);
  if (!parsed.ok) throw new Error(`Could not open “${model.title}”: its scenario does not read: ${parsed.issues.map(formatIssue).join('; ')}`);
  const costing = costingSheet(model.result, parsed.value, {
    title: model.title,
    ...(model.approval
      ? {
          approval: {
            approver: personName(model, model.approval.approvedBy),
            approvedAt: model.approval.approvedAt,
            contentHash: model.approval.contentHash,
            ...(model.approval.comment ? { comment: model.approval.comment } : {}),
          },
        }
      : {}),
  });
  const grids = approvedCopyOf([costing, ...scenarioToSheets(parsed.value)], model.id);
  const names = grids.map((g) => `“${g.name}”`).join(', ');
  const present = await workbook.existingSheets(grids.map((g) => g.name));
  if (present.size > 0) {
    // The copy is protected and never changes: show the one already here.
    await workbook.selectCell(grids[0]!.name, 'A1');
    return `${model.title} is already in this workbook: sheets ${names}.`;
  }
  await workbook.writeSheets(grids, { protect: true, activate: grids[0]!.name });
  return `${model.title}: sheets ${names} (read-only).`;
}
