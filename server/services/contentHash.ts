import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('not representable in JSON');
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- typed string, but undefined for undefined
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The content hash of an approved cost model: sha256 of the canonical {scenario, result}, taken
 * through JSON so that it is exactly the hash of what is stored (a value with toJSON, an undefined
 * array element, hashes as its stored text reads back).
 */
export function costModelContentHash(scenario: unknown, result: unknown): string {
  return storedCostModelHash(JSON.stringify(scenario), JSON.stringify(result));
}

function storedCostModelHash(scenarioJson: string, resultJson: string): string {
  return sha256Hex(canonicalJson({ scenario: JSON.parse(scenarioJson) as unknown, result: JSON.parse(resultJson) as unknown }));
}

/** Whether a stored approved model still holds what was approved: its JSON texts hash to its content hash. */
export function storedCostModelIntact(record: { scenarioJson: string; resultJson: string | null; contentHash: string | null }): boolean {
  if (record.resultJson === null || record.contentHash === null) return false;
  try {
    return storedCostModelHash(record.scenarioJson, record.resultJson) === record.contentHash;
  } catch {
    return false;
  }
}

/** The `prev_hash` of the first audit event. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit event's fields as stored (the detail as its stored JSON text, hashed byte for byte). */
export interface ChainedAuditFields {
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  unitId: string | null;
  fromVersion: number | null;
  toVersion: number | null;
  detailJson: string;
}

/** The hash of an audit event chained to the hash of the event before it. */
export function auditEventHash(prevHash: string, event: ChainedAuditFields): string {
  const { at, actorId, actorName, action, entityType, entityId, unitId, fromVersion, toVersion, detailJson } = event;
  return sha256Hex(canonicalJson({ prevHash, at, actorId, actorName, action, entityType, entityId, unitId, fromVersion, toVersion, detailJson }));
}
