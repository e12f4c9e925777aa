import { sheetReference } from './a1.js';
import { excelStep } from './officeError.js';
import { loadWorkbookSetting, saveWorkbookSetting, settingKeys } from './workbookSettings.js';

/** Which schedule version a table in the workbook holds. */
export interface ScheduleStamp {
  unitId: string;
  scheduleId: string;
  version: number;
  effective: string;
  /** The ETag the server sent with it, for a conditional refresh. */
  etag?: string;
  tableName: string;
  sheetName: string;
  /** ISO timestamp of the pull. */
  pulledAt: string;
}

/** Workbook-level name of a unit's stamp cell: BC_Schedule_POA. */
export function stampName(unitId: string): string {
  return `BC_Schedule_${unitId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/**
 * Stamps a pulled schedule: writes "Schedule <id> · version <n> · effective <date>" into
 * `titleAddress` (a title cell above the table), names that cell `BC_Schedule_<unit>` so formulas
 * and people can find it, and records the stamp in the workbook settings, where the pane reads it
 * back to ask the server for a newer version. Two syncs.
 */
export async function stampSchedule(context: Excel.RequestContext, stamp: ScheduleStamp, titleAddress: string): Promise<void> {
  await excelStep(`stamp the schedule table ${stamp.tableName} with version ${stamp.version}`, async () => {
    const sheet = context.workbook.worksheets.getItem(stamp.sheetName);
    const title = sheet.getRange(titleAddress);
    title.values = [[`Schedule ${stamp.scheduleId} · version ${stamp.version} · effective ${stamp.effective}`]];
    title.format.font.bold = true;
    const name = stampName(stamp.unitId);
    const existing = context.workbook.names.getItemOrNullObject(name);
    existing.load('isNullObject');
    await context.sync();
    if (!existing.isNullObject) existing.delete();
    context.workbook.names.add(name, `=${sheetReference(stamp.sheetName, titleAddress)}`, `schedule version ${stamp.version}, effective ${stamp.effective}`);
    await context.sync();
  });
  await saveWorkbookSetting(context, settingKeys.schedulePrefix + stamp.unitId, stamp);
}

/** The stamp of the unit's schedule in this workbook, or undefined when none was pulled. One sync. */
export async function readScheduleStamp(context: Excel.RequestContext, unitId: string): Promise<ScheduleStamp | undefined> {
  const value = await loadWorkbookSetting(context, settingKeys.schedulePrefix + unitId);
  if (value === undefined) return undefined;
  if (!isScheduleStamp(value)) throw new Error(`the workbook's schedule stamp for ${unitId} is damaged; pull the schedule again`);
  return value;
}

function isScheduleStamp(value: unknown): value is ScheduleStamp {
  const v = value as Partial<ScheduleStamp>;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof v.unitId === 'string' &&
    typeof v.scheduleId === 'string' &&
    typeof v.version === 'number' &&
    typeof v.effective === 'string' &&
    typeof v.tableName === 'string' &&
    typeof v.sheetName === 'string' &&
    typeof v.pulledAt === 'string'
  );
}
