import type { ScheduleVersionHead, ScheduleVersionRecord, Store } from '../store/store.js';
import { notFound } from './domainErrors.js';
import { scopeFilter, type Principal } from './principal.js';
import { scheduleInForceBody } from './scheduleVersions.js';

const MAX_DOCUMENTS = 1000;

/**
 * The response bodies of schedule pulls by (unit, version), kept once built. A version never
 * changes (the database refuses it), so a kept body is never stale, on any number of instances.
 */
export class ScheduleDocuments {
  private readonly kept = new Map<string, Buffer>();

  constructor(private readonly store: Store) {}

  async body(head: ScheduleVersionHead): Promise<Buffer> {
    const key = `${head.unitId}\u0000${head.version}`;
    const kept = this.kept.get(key);
    if (kept !== undefined) return kept;
    const json = await this.store.scheduleVersionJson(head.unitId, head.version);
    if (json === undefined) throw new Error(`schedule version ${head.unitId} v${head.version} vanished`);
    const body = Buffer.from(scheduleInForceBody({ ...head, scheduleJson: json }));
    if (this.kept.size >= MAX_DOCUMENTS) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, body);
    return body;
  }
}

/** The schedule version in force for a unit on a day (without its document). */
export async function scheduleHeadInForce(store: Store, unitId: string, asOf: string): Promise<ScheduleVersionHead> {
  const head = await store.scheduleHeadInForce(unitId, asOf);
  if (!head) throw notFound(`unit ${unitId} has no schedule in force on ${asOf}`);
  return head;
}

export async function unitScheduleVersions(store: Store, unitId: string): Promise<ScheduleVersionRecord[]> {
  return store.listScheduleVersions(unitId);
}

/** Schedule versions after a cursor in the caller's units; one more than `limit` says there are more. */
export async function scheduleChangesFor(store: Store, principal: Principal, since: number, limit: number): Promise<ScheduleVersionRecord[]> {
  return store.scheduleChangesSince(since, scopeFilter(principal), limit);
}
