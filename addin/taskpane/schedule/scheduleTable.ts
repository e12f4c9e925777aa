import type { ScheduleStamp } from '../../excel/scheduleStamp.js';
import type { ScheduleVersion } from '../api/types.js';
import type { ScheduleTable } from '../workbook/workbookPort.js';

/** Sheet "Rates POA", table "Rates_POA": one row per class, one column per step. */
export function scheduleTableFor(pulled: ScheduleVersion): ScheduleTable {
  const safe = pulled.unitId.replace(/[^A-Za-z0-9_]/g, '_');
  const steps = Math.max(...pulled.schedule.classes.map((c) => c.steps.length));
  const places = pulled.schedule.ratePlaces;
  const rateFormat = places === 0 ? '#,##0' : `#,##0.${'0'.repeat(places)}`;
  return {
    sheetName: `Rates ${pulled.unitId}`.slice(0, 31),
    tableName: `Rates_${safe}`,
    header: ['Class', 'Title', 'Step months', ...Array.from({ length: steps }, (_, i) => `Step ${i + 1}`)],
    rows: pulled.schedule.classes.map((c) => [
      c.code,
      c.title,
      c.stepMonths,
      ...Array.from({ length: steps }, (_, i) => (c.steps[i] === undefined ? '' : Number(c.steps[i]))),
    ]),
    columnFormats: ['@', '@', '0', ...Array.from({ length: steps }, () => rateFormat)],
  };
}

export function stampFor(pulled: ScheduleVersion, table: ScheduleTable, etag: string | null, now: Date = new Date()): ScheduleStamp {
  return {
    unitId: pulled.unitId,
    scheduleId: pulled.schedule.id,
    version: pulled.version,
    effective: pulled.effective,
    ...(etag ? { etag } : {}),
    tableName: table.tableName,
    sheetName: table.sheetName,
    pulledAt: now.toISOString(),
  };
}
