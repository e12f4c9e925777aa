import { isCostingDigest, type CostingDigest } from '../functions/costingDigest.js';
import { loadWorkbookSetting, saveWorkbookSetting, settingKeys } from './workbookSettings.js';

/** Keeps the latest costing's digest in the workbook (it survives a reload, for =BARGAIN.COST). One sync. */
export async function saveLatestCosting(context: Excel.RequestContext, digest: CostingDigest): Promise<void> {
  await saveWorkbookSetting(context, settingKeys.latestCosting, digest);
}

/**
 * The digest saved in this workbook as the add-in's settings were when it opened, without a call
 * to Excel: Office loads the document's settings with the add-in — "The Settings object is
 * automatically loaded as part of the Document object"
 * (https://learn.microsoft.com/javascript/api/office/office.settings). Undefined when there is
 * none there (or no Office); the caller then reads the workbook once with `loadLatestCosting`.
 */
export function latestCostingInDocumentSettings(): CostingDigest | undefined {
  const settings = (globalThis as { Office?: { context?: { document?: { settings?: { get?: (name: string) => unknown } } } } }).Office?.context?.document
    ?.settings;
  if (!settings || typeof settings.get !== 'function') return undefined;
  const value = settings.get(settingKeys.latestCosting);
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    return isCostingDigest(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The digest saved by the last costing of this workbook, or undefined when it was never costed. One sync. */
export async function loadLatestCosting(context: Excel.RequestContext): Promise<CostingDigest | undefined> {
  const value = await loadWorkbookSetting(context, settingKeys.latestCosting);
  if (value === undefined) return undefined;
  if (!isCostingDigest(value)) throw new Error('the latest costing saved in this workbook is in a format this add-in does not read; cost the workbook again');
  return value;
}
