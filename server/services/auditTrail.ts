import type { NewAuditEvent, Store } from '../store/store.js';
import type { Principal } from './principal.js';

export interface AuditEntry {
  action: string;
  entityType: 'cost-model' | 'schedule' | 'unit' | 'user' | 'token';
  entityId: string;
  unitId: string | null;
  fromVersion?: number | null;
  toVersion?: number | null;
  detail?: Record<string, unknown>;
}

/** Appends one audit event: who, when, what, from which version. Call inside the change's transaction. */
export async function recordAudit(store: Store, actor: Principal | SystemActor, at: Date, entry: AuditEntry): Promise<void> {
  const event: NewAuditEvent = {
    at: at.toISOString(),
    actorId: actor.userId,
    actorName: actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    unitId: entry.unitId,
    fromVersion: entry.fromVersion ?? null,
    toVersion: entry.toVersion ?? null,
    detail: entry.detail ?? {},
  };
  await store.appendAudit(event);
}

/** The command line and the demo loader act as this. */
export interface SystemActor {
  userId: string;
  name: string;
}

export const systemActor = (what: string): SystemActor => ({ userId: `system:${what}`, name: what });
