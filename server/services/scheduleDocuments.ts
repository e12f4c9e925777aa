import type { ScheduleVersionHead, Store } from '../store/store.js';
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
