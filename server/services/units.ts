import type { Store, UnitProfile, UnitRecord } from '../store/store.js';
import { recordAudit, type SystemActor } from './auditTrail.js';
import type { Principal } from './principal.js';

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
