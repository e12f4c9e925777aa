import type { ServerConnection } from '../runtime/connection.js';
import { scheduleKey, sharedState, type CachedSchedule } from '../runtime/sharedState.js';
import { LookupError } from './lookupError.js';

/** How long a synced schedule is trusted before the server is asked again (with its ETag). */
export const SCHEDULE_FRESH_MS = 5 * 60 * 1000;

export interface ScheduleSourceDeps {
  connection: () => ServerConnection | undefined;
  fetch: typeof globalThis.fetch;
  now?: () => number;
}

/**
 * The schedule in force for a unit (on `asOf`, or today), from the shared runtime's cache;
 * stale or missing entries are fetched from the server (conditional GET with the ETag).
 * Many cells asking at once share one request.
 */
export async function scheduleFor(unitId: string, asOf: string | undefined, deps: ScheduleSourceDeps): Promise<CachedSchedule> {
  const unit = String(unitId ?? '').trim();
  if (!unit) throw new LookupError('invalidValue', 'Give a bargaining unit id, e.g. "POA".');
  const state = sharedState();
  const key = scheduleKey(unit, asOf);
  const now = deps.now ?? Date.now;
  const cached = state.schedules.get(key);
  if (cached && now() - cached.checkedAt < SCHEDULE_FRESH_MS) return cached;
  const pending = state.inFlight.get(key);
  if (pending) return pending;
  const request = fetchSchedule(unit, asOf, cached, deps).then(
    (entry) => {
      state.schedules.set(key, entry);
      state.inFlight.delete(key);
      return entry;
    },
    (error: unknown) => {
      state.inFlight.delete(key);
      throw error;
    },
  );
  state.inFlight.set(key, request);
  return request;
}

async function fetchSchedule(unit: string, asOf: string | undefined, cached: CachedSchedule | undefined, deps: ScheduleSourceDeps): Promise<CachedSchedule> {
  const connection = deps.connection();
  if (!connection) throw new LookupError('notAvailable', 'Not connected to the costing server: open the Bargaining Costing pane and connect.');
  const url = `${connection.baseUrl}/api/v1/units/${encodeURIComponent(unit)}/schedules/current${asOf ? `?asOf=${asOf}` : ''}`;
  const headers: Record<string, string> = { Authorization: `Bearer ${connection.token}`, Accept: 'application/json' };
  if (cached?.etag) headers['If-None-Match'] = cached.etag;
  let response: Response;
  try {
    response = await deps.fetch(url, { headers });
  } catch (error) {
    throw new LookupError('notAvailable', `Could not reach the costing server at ${connection.baseUrl}: ${(error as Error).message}`);
  }
  const now = (deps.now ?? Date.now)();
  if (response.status === 304 && cached) return { ...cached, checkedAt: now };
  if (response.status === 401) throw new LookupError('notAvailable', 'The costing server did not accept the saved token; connect again in the pane.');
  if (response.status === 403) throw new LookupError('invalidValue', `Unit ${unit} is not one of your bargaining units.`);
  if (response.status === 404) {
    throw new LookupError(
      'invalidValue',
      asOf ? `Unit ${unit} is unknown or has no schedule in force on ${asOf}.` : `Unit ${unit} is unknown or has no schedule in force.`,
    );
  }
  if (!response.ok) throw new LookupError('notAvailable', `The costing server answered ${response.status} for unit ${unit}'s schedule.`);
  const body = (await response.json()) as Partial<CachedSchedule>;
  if (typeof body.version !== 'number' || typeof body.effective !== 'string' || !body.schedule || !Array.isArray(body.schedule.classes)) {
    throw new LookupError('notAvailable', `The costing server's answer for unit ${unit}'s schedule is not a schedule.`);
  }
  const etag = response.headers.get('ETag');
  return {
    unitId: typeof body.unitId === 'string' ? body.unitId : unit,
    version: body.version,
    effective: body.effective,
    schedule: body.schedule,
    ...(etag ? { etag } : {}),
    checkedAt: now,
  };
}
