import { randomUUID } from 'node:crypto';
import { invalidInput } from '../http/problem.js';
import type { Role, Store, UserRecord } from '../store/store.js';
import { recordAudit, type SystemActor } from './auditTrail.js';
import type { Principal } from './principal.js';

export interface NewUser {
  id?: string | undefined;
  name: string;
  role: Role;
  unitIds: string[];
}

/** Adds a user; every unit named must exist. */
export async function addUser(store: Store, actor: Principal | SystemActor, now: Date, input: NewUser): Promise<UserRecord> {
  const user: UserRecord = {
    id: input.id ?? randomUUID(),
    name: input.name,
    role: input.role,
    unitIds: [...new Set(input.unitIds)].sort(),
    createdAt: now.toISOString(),
  };
  await store.transaction(async (tx) => {
    const known = new Set((await tx.listUnits(user.unitIds)).map((u) => u.id));
    const missing = user.unitIds.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
    if (missing.length > 0) {
      throw invalidInput(`unknown unit(s): ${missing.map((m) => m.id).join(', ')}`, missing.map((m) => ({ path: `units[${m.i}]`, message: `no unit ${m.id}` })));
    }
    await tx.createUser(user);
    await recordAudit(tx, actor, now, {
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      unitId: null,
      detail: { name: user.name, role: user.role, units: user.unitIds },
    });
  });
  return user;
}
