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
  /** The one read of the costing saved in the workbook, shared by every BARGAIN.COST cell. */
  savedCostingRead: Promise<CostingDigest | undefined> | undefined;
  schedules: Map<string, CachedSchedule>;
  inFlight: Map<string, Promise<CachedSchedule>>;
  /** Streaming cells waiting for a new costing or a newer schedule of a unit. */
  costingWatchers: Set<(digest: CostingDigest) => void>;
  scheduleWatchers: Set<(unitId: string) => void>;
}

const KEY = Symbol.for('bargaining-costing.shared-runtime');

export function sharedState(): SharedRuntimeState {
  const holder = globalThis as unknown as Record<symbol, SharedRuntimeState | undefined>;
  let state = holder[KEY];
  if (!state) {
    state = {
      latestCosting: undefined,
      savedCostingRead: undefined,
      schedules: new Map(),
      inFlight: new Map(),
      costingWatchers: new Set(),
      scheduleWatchers: new Set(),
    };
    holder[KEY] = state;
  }
  return state;
}

/** The pane calls this after costing (and saves the digest in the workbook with `saveLatestCosting`): every BARGAIN.COST cell updates. */
export function publishLatestCosting(digest: CostingDigest): void {
  const state = sharedState();
  state.latestCosting = digest;
  for (const watcher of [...state.costingWatchers]) watcher(digest);
}

/** Calls `watcher` with every costing published from now on; returns the function that stops it. */
export function watchCostings(watcher: (digest: CostingDigest) => void): () => void {
  const watchers = sharedState().costingWatchers;
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

/** Cache key of a unit's schedule on a date ("" = today). */
export function scheduleKey(unitId: string, asOf: string | undefined): string {
  return `${unitId.toUpperCase()}|${asOf ?? ''}`;
}

/**
 * The pane calls this after pulling a schedule, so BARGAIN.RATE answers at once without a request,
 * and every BARGAIN.RATE cell of that unit updates (cells on another date ask the server again).
 */
export function rememberSchedule(entry: Omit<CachedSchedule, 'checkedAt'>, asOf?: string): void {
  const state = sharedState();
  const prefix = scheduleKey(entry.unitId, '');
  for (const key of [...state.schedules.keys()]) if (key.startsWith(prefix)) state.schedules.delete(key);
  state.schedules.set(scheduleKey(entry.unitId, asOf), { ...entry, checkedAt: Date.now() });
  for (const watcher of [...state.scheduleWatchers]) watcher(entry.unitId);
}

/** Calls `watcher` with the unit id of every schedule pulled from now on; returns the function that stops it. */
export function watchSchedules(watcher: (unitId: string) => void): () => void {
  const watchers = sharedState().scheduleWatchers;
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

/** Forget cached schedules (after sign-out or a change of server). */
export function forgetSchedules(): void {
  sharedState().schedules.clear();
}
