import type { Store } from '../store/store.js';

const MAX_DOCUMENTS = 1000;

/**
 * Stored schedule documents by (unit, version), kept once read. A version never changes (the
 * database refuses it), so a kept document is never stale, on any number of server instances.
 */
export class ScheduleDocuments {
  private readonly kept = new Map<string, string>();

  constructor(private readonly store: Store) {}

  async get(unitId: string, version: number): Promise<string> {
    const key = `${unitId}\u0000${version}`;
    const kept = this.kept.get(key);
    if (kept !== undefined) return kept;
    const json = await this.store.scheduleVersionJson(unitId, version);
    if (json === undefined) throw new Error(`schedule version ${unitId} v${version} vanished`);
    if (this.kept.size >= MAX_DOCUMENTS) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, json);
    return json;
  }
}
