import { isCostingDigest, type CostingDigest } from '../functions/costingDigest.js';
import { loadWorkbookSetting, saveWorkbookSetting, settingKeys } from './workbookSettings.js';

/** Keeps the latest costing's digest in the workbook (it survives a reload, for =BARGAIN.COST). One sync. */
export async function saveLatestCosting(context: Excel.RequestContext, digest: CostingDigest): Promise<void> {
  await saveWorkbookSetting(context, settingKeys.latestCosting, digest);
}

/** The digest saved by the last costing of this workbook, or undefined when it was never costed. One sync. */
export async function loadLatestCosting(context: Excel.RequestContext): Promise<CostingDigest | undefined> {
  const value = await loadWorkbookSetting(context, settingKeys.latestCosting);
  if (value === undefined) return undefined;
  if (!isCostingDigest(value)) throw new Error('the latest costing saved in this workbook is in a format this add-in does not read; cost the workbook again');
  return value;
}
