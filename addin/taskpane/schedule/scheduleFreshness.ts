import type { ScheduleStamp } from '../../excel/scheduleStamp.js';
import type { Conditional, ScheduleVersion } from '../api/types.js';

export type Freshness = { kind: 'unknown' } | { kind: 'current' } | { kind: 'newer'; pulled: ScheduleVersion; etag: string | null };

export interface FreshnessSources {
  /** The stamp in the workbook (one Excel request). */
  readStamp: (unitId: string) => Promise<ScheduleStamp | undefined>;
  /** The server's schedule in force, conditional on the ETag the workbook holds. */
  currentSchedule: (unitId: string, etag: string | null) => Promise<Conditional<ScheduleVersion>>;
}

/**
 * Whether the server has a newer schedule than the one in the workbook. The workbook's stamp is
 * read once per unit and then kept (a pull records the new one), so the periodic check asks only
 * the server and never reaches into Excel while the analyst is typing in a cell.
 */
export class ScheduleFreshness {
  private readonly stamps = new Map<string, ScheduleStamp | undefined>();

  constructor(private readonly sources: FreshnessSources) {}

  /** The pane pulled or refreshed a schedule: this is what the workbook now holds. */
  remember(stamp: ScheduleStamp): void {
    this.stamps.set(stamp.unitId, stamp);
  }

  async stampOf(unitId: string): Promise<ScheduleStamp | undefined> {
    if (!this.stamps.has(unitId)) this.stamps.set(unitId, await this.sources.readStamp(unitId));
    return this.stamps.get(unitId);
  }

  async check(unitId: string): Promise<{ stamp: ScheduleStamp | undefined; freshness: Freshness }> {
    const stamp = await this.stampOf(unitId);
    if (!stamp) return { stamp, freshness: { kind: 'unknown' } };
    const answer = await this.sources.currentSchedule(unitId, stamp.etag ?? null);
    if (!answer.modified || answer.value.version === stamp.version) return { stamp, freshness: { kind: 'current' } };
    return { stamp, freshness: { kind: 'newer', pulled: answer.value, etag: answer.etag } };
  }
}
