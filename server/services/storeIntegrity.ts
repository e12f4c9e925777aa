import { TamperedRecordError, type Store } from '../store/store.js';
import { auditEventHash, GENESIS_HASH } from './contentHash.js';
import { scheduleContentHash } from './scheduleVersions.js';
import { scheduleSchema } from '../../shared/schemas/scenario.js';

export interface IntegrityReport {
  auditEvents: number;
  /** The last event's hash: write it down (or keep it with a backup) to notice a cut-off tail later. */
  chainHead: string;
  approvedModels: number;
  scheduleVersions: number;
  /** Each problem found, in words that say which record and what is wrong. */
  problems: string[];
}

const PAGE = 1000;

/**
 * Checks everything that must never change: the audit chain link by link, every approved cost
 * model against its content hash and its approval event, every schedule version against its hash.
 */
export async function verifyStore(store: Store): Promise<IntegrityReport> {
  const problems: string[] = [];
  const approvalHashes = new Map<string, string[]>();

  let prev = GENESIS_HASH;
  let auditEvents = 0;
  for (let after = 0; ;) {
    const page = await store.auditChain(after, PAGE);
    for (const event of page) {
      const what = `audit event ${event.seq} (${event.action} ${event.entityType} ${event.entityId}, ${event.at})`;
      if (event.prevHash !== prev) {
        problems.push(
          `${what}: does not follow the event before it (prev_hash ${event.prevHash}, expected ${prev}): an event before it was removed, inserted or rewritten`,
        );
      }
      if (auditEventHash(event.prevHash, event) !== event.hash)
        problems.push(`${what}: its content no longer matches its hash ${event.hash}: it was changed after it was written`);
      if (event.action === 'cost-model.approved') {
        const hash = (JSON.parse(event.detailJson) as { contentHash?: unknown }).contentHash;
        approvalHashes.set(event.entityId, [...(approvalHashes.get(event.entityId) ?? []), String(hash)]);
      }
      prev = event.hash;
      after = event.seq;
      auditEvents += 1;
    }
    if (page.length < PAGE) break;
  }

  const approved = await store.listCostModels({ state: 'approved' });
  for (const summary of approved) {
    const what = `approved cost model ${summary.id} ("${summary.title}", unit ${summary.unitId})`;
    try {
      await store.getCostModel(summary.id);
    } catch (error) {
      if (!(error instanceof TamperedRecordError)) throw error;
      problems.push(`${what}: ${error.reason}`);
    }
    const recorded = approvalHashes.get(summary.id) ?? [];
    if (recorded.length !== 1) problems.push(`${what}: the audit log has ${recorded.length} approval events for it (expected 1)`);
    else if (recorded[0] !== summary.contentHash) {
      problems.push(`${what}: its content hash ${summary.contentHash ?? '(none)'} is not the one its approval recorded (${recorded[0] ?? ''})`);
    }
  }

  let scheduleVersions = 0;
  for (let after = 0; ;) {
    const page = await store.scheduleChangesSince(after, undefined, PAGE);
    for (const version of page) {
      const parsed = scheduleSchema.safeParse(JSON.parse(version.scheduleJson));
      if (!parsed.success || scheduleContentHash(parsed.data) !== version.contentHash) {
        problems.push(
          `schedule version ${version.unitId}/${version.version} (effective ${version.effective}): its schedule no longer matches its content hash ${version.contentHash}`,
        );
      }
      after = version.seq;
      scheduleVersions += 1;
    }
    if (page.length < PAGE) break;
  }

  return { auditEvents, chainHead: prev, approvedModels: approved.length, scheduleVersions, problems };
}
