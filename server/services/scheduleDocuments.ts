import type { ScheduleVersionHead, ScheduleVersionRecord, Store } from '../store/store.js';
import { notFound } from './domainErrors.js';
import { ExpiringCache } from './expiringCache.js';
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

/**
 * Which schedule version is in force for a unit on a day (without its document), remembered for
 * SCHEDULE_CACHE_SECONDS on this instance: a schedule pull, the hot path, then costs no query (the
 * query and its promises were a fifth of a pull's CPU). A version imported or published through this
 * instance is seen at once (`forgetAll`, called by those routes); one written through another
 * instance or the command line within SCHEDULE_CACHE_SECONDS.
 */
export class SchedulesInForce {
  private readonly heads: ExpiringCache<ScheduleVersionHead>;
  /** Bumped by forgetAll: a lookup that began before a write does not remember what it read. */
  private generation = 0;

  constructor(
    private readonly store: Store,
    ttlMs: number,
    private readonly clock: () => number,
  ) {
    this.heads = new ExpiringCache(ttlMs);
  }

  async head(unitId: string, asOf: string): Promise<ScheduleVersionHead> {
    const key = `${unitId}\u0000${asOf}`;
    const remembered = this.heads.get(key, this.clock());
    if (remembered !== undefined) return remembered;
    const generation = this.generation;
    const head = await this.store.scheduleHeadInForce(unitId, asOf);
    if (!head) throw notFound(`unit ${unitId} has no schedule in force on ${asOf}`);
    if (generation === this.generation) this.heads.set(key, head, this.clock());
    return head;
  }

  /** After a schedule version was written (or may have been): the next pulls ask the database. */
  forgetAll(): void {
    this.generation += 1;
    this.heads.clear();
  }
}

export async function unitScheduleVersions(store: Store, unitId: string): Promise<ScheduleVersionRecord[]> {
  return store.listScheduleVersions(unitId);
}

/** Schedule versions after a cursor in the caller's units; one more than `limit` says there are more. */
export async function scheduleChangesFor(store: Store, principal: Principal, since: number, limit: number): Promise<ScheduleVersionRecord[]> {
  return store.scheduleChangesSince(since, scopeFilter(principal), limit);
}
