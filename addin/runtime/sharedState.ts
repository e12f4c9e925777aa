import type { CostingDigest } from '../functions/costingDigest.js';
import type { RateSchedule } from '../functions/rateLookup.js';

/** A schedule version the runtime holds, as GET /units/:id/schedules/current answered it. */
export interface CachedSchedule {
  unitId: string;
  version: number;
  effective: string;
  schedule: RateSchedule;
  etag?: string;
  /** Date.now() of the last answer from the server (200 or 304). */
  checkedAt: number;
}

/**
 * State the task pane and the custom functions share in the add-in's one shared runtime.
 * It hangs off globalThis (not a module variable) so the pane's bundle and the functions' bundle,
 * loaded on the same page, see one copy.
 */
export interface SharedRuntimeState {
  latestCosting: CostingDigest | undefined;
  schedules: Map<string, CachedSchedule>;
  inFlight: Map<string, Promise<CachedSchedule>>;
}

const KEY = Symbol.for('bargaining-costing.shared-runtime');

export function sharedState(): SharedRuntimeState {
  const holder = globalThis as unknown as Record<symbol, SharedRuntimeState | undefined>;
  let state = holder[KEY];
  if (!state) {
    state = { latestCosting: undefined, schedules: new Map(), inFlight: new Map() };
    holder[KEY] = state;
  }
  return state;
}

/** The pane calls this after costing (and saves the digest in the workbook with `saveLatestCosting`). */
export function publishLatestCosting(digest: CostingDigest): void {
  sharedState().latestCosting = digest;
}

/** Cache key of a unit's schedule on a date ("" = today). */
export function scheduleKey(unitId: string, asOf: string | undefined): string {
  return `${unitId.toUpperCase()}|${asOf ?? ''}`;
}

/** The pane calls this after pulling a schedule, so BARGAIN.RATE answers at once without a request. */
export function rememberSchedule(entry: Omit<CachedSchedule, 'checkedAt'>, asOf?: string): void {
  sharedState().schedules.set(scheduleKey(entry.unitId, asOf), { ...entry, checkedAt: Date.now() });
}

/** Forget cached schedules (after sign-out or a change of server). */
export function forgetSchedules(): void {
  sharedState().schedules.clear();
}
