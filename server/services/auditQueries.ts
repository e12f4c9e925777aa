import type { AuditEventRecord, Store } from '../store/store.js';
import { forbidden } from './domainErrors.js';
import { inScope, scopeFilter, type Principal } from './principal.js';

/** Audit events after a cursor, in order, of one unit or every unit in the caller's scope. */
export async function auditEventsFor(
  store: Store,
  principal: Principal,
  query: { unitId?: string | undefined; afterSeq?: number | undefined; limit: number },
): Promise<AuditEventRecord[]> {
  if (query.unitId && !inScope(principal, query.unitId)) throw forbidden(`unit ${query.unitId} is not in your scope`);
  const unitIds = query.unitId ? [query.unitId] : scopeFilter(principal);
  return store.listAudit({ ...(unitIds ? { unitIds } : {}), ...(query.afterSeq !== undefined ? { afterSeq: query.afterSeq } : {}), limit: query.limit });
}
