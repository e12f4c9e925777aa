import type { Store, UnitProfile, UnitRecord } from '../store/store.js';
import { recordAudit, type SystemActor } from './auditTrail.js';
import { forbidden, notFound } from './domainErrors.js';
import type { ExpiringCache } from './expiringCache.js';
import { inScope, scopeFilter, type Principal } from './principal.js';

/** The units a caller may see. */
export async function unitsInScope(store: Store, principal: Principal): Promise<UnitRecord[]> {
  return store.listUnits(scopeFilter(principal));
}

/** A unit the caller has in scope; units are kept in `cache` (every unit-scoped request looks its unit up). */
export async function unitForPrincipal(store: Store, cache: ExpiringCache<UnitRecord>, principal: Principal, id: string, nowMs: number): Promise<UnitRecord> {
  if (!inScope(principal, id)) throw forbidden(`unit ${id} is not in your scope`);
  let unit = cache.get(id, nowMs);
  if (!unit) {
    unit = await store.getUnit(id);
    if (unit) cache.set(id, unit, nowMs);
  }
  if (!unit) throw notFound(`no unit ${id}`);
  return unit;
}

/** Adds a bargaining unit, with the calendar, term, roster and assumptions its template starts from. */
export async function addUnit(
  store: Store,
  actor: Principal | SystemActor,
  now: Date,
  input: { id: string; name: string; profile?: UnitProfile | undefined },
): Promise<UnitRecord> {
  const unit: UnitRecord = { id: input.id, name: input.name, createdAt: now.toISOString() };
  await store.transaction(async (tx) => {
    await tx.createUnit(unit);
    if (input.profile) await tx.setUnitProfile(unit.id, input.profile, unit.createdAt);
    await recordAudit(tx, actor, now, {
      action: 'unit.created',
      entityType: 'unit',
      entityId: unit.id,
      unitId: unit.id,
      detail: { name: unit.name, profile: input.profile !== undefined },
    });
  });
  return unit;
}
