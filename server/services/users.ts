import { randomUUID } from 'node:crypto';
import { conflict, invalidInput, notFound } from './domainErrors.js';
import type { Role, Store, UserRecord } from '../store/store.js';
import { recordAudit, type SystemActor } from './auditTrail.js';
import type { Principal } from './principal.js';
import type { PrincipalCache } from './principalCache.js';

export interface NewUser {
  id?: string | undefined;
  name: string;
  role: Role;
  unitIds: string[];
}

async function checkUnitsExist(store: Store, unitIds: string[]): Promise<void> {
  const known = new Set((await store.listUnits(unitIds)).map((u) => u.id));
  const missing = unitIds.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
  if (missing.length > 0) {
    throw invalidInput(
      `unknown unit(s): ${missing.map((m) => m.id).join(', ')}`,
      missing.map((m) => ({ path: `units[${m.i}]`, message: `no unit ${m.id}` })),
    );
  }
}

/**
 * Changes a user's role and/or units, audited. `principals`, when given (the server), forgets the
 * user at once on this instance, so a demotion is not served from the cache.
 */
export async function changeUser(
  store: Store,
  actor: Principal | SystemActor,
  now: Date,
  id: string,
  change: { role?: Role | undefined; unitIds?: string[] | undefined },
  principals?: PrincipalCache,
): Promise<UserRecord> {
  const changed = await store.transaction(async (tx) => {
    const user = await tx.getUser(id);
    if (!user) throw notFound(`no user ${id}`);
    const unitIds = change.unitIds ? [...new Set(change.unitIds)].sort() : user.unitIds;
    if (change.unitIds) await checkUnitsExist(tx, unitIds);
    const role = change.role ?? user.role;
    // Without an administrator nobody can add users, issue tokens or import schedules over the API.
    if (user.role === 'admin' && role !== 'admin' && !(await tx.listUsers()).some((u) => u.role === 'admin' && u.id !== id))
      throw conflict(`${id} is the last administrator: make another user admin first, so someone can still manage users, tokens and schedules`);
    await tx.updateUser(id, { role, unitIds });
    await recordAudit(tx, actor, now, {
      action: 'user.changed',
      entityType: 'user',
      entityId: id,
      unitId: null,
      detail: { from: { role: user.role, units: user.unitIds }, to: { role, units: unitIds } },
    });
    return { ...user, role, unitIds };
  });
  principals?.forgetUser(id);
  return changed;
}

export async function listUsers(store: Store): Promise<UserRecord[]> {
  return store.listUsers();
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
    await checkUnitsExist(tx, user.unitIds);
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

/** A user's display name for printed approvals ("Morgan Reyes", not a login id); the id when unknown. */
export async function userDisplayName(store: Store, userId: string | null): Promise<string> {
  if (!userId) return '';
  return (await store.getUser(userId))?.name ?? userId;
}
