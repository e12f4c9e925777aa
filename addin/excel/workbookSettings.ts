import { excelStep } from './officeError.js';

/** Settings keys the add-in keeps inside the workbook (they travel with the file). */
export const settingKeys = {
  latestCosting: 'bargaining-costing.latestCosting',
  schedulePrefix: 'bargaining-costing.schedule.',
  rosterSource: 'bargaining-costing.rosterSource',
} as const;

/**
 * Saves a JSON value in the workbook's settings (it is saved with the file). One sync.
 * Settings live in the document: keep values small (a digest, not a roster).
 */
export async function saveWorkbookSetting(context: Excel.RequestContext, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`the setting ${key} has no JSON form`);
  await excelStep(`save ${key} in the workbook`, async () => {
    context.workbook.settings.add(key, text);
    await context.sync();
  });
}

/** Reads a JSON setting saved by `saveWorkbookSetting`; undefined when the workbook has none. One sync. */
export async function loadWorkbookSetting(context: Excel.RequestContext, key: string): Promise<unknown> {
  const setting = context.workbook.settings.getItemOrNullObject(key);
  const value = await excelStep(`read ${key} from the workbook`, async () => {
    setting.load('isNullObject,value');
    await context.sync();
    return setting.isNullObject ? undefined : (setting.value as unknown);
  });
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    throw new Error(`the workbook's setting ${key} is not valid JSON (${(error as Error).message}); cost the workbook again to replace it`, { cause: error });
  }
}
