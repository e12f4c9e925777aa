import type { Role } from '../store/store.js';

/** Who is calling: a user with a role and the bargaining units in scope. */
export interface Principal {
  userId: string;
  name: string;
  role: Role;
  /** 'all' for admins. */
  unitIds: string[] | 'all';
  via: 'token' | 'oidc';
}

export function inScope(principal: Principal, unitId: string): boolean {
  return principal.unitIds === 'all' || principal.unitIds.includes(unitId);
}

/** The unit filter for list queries: undefined = every unit. */
export function scopeFilter(principal: Principal): string[] | undefined {
  return principal.unitIds === 'all' ? undefined : principal.unitIds;
}
