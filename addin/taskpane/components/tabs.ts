import type { Role } from '../api/types.js';

export type TabId = 'connect' | 'schedule' | 'workbook' | 'proposals' | 'cost' | 'approvals' | 'approved';

/**
 * The tabs a role sees, short enough to sit on one row of a 320 px pane; before signing in, only
 * Sign in. The account (who you are, sign out) opens from the pane's header once signed in.
 * Submitting for approval sits under Cost, where the costing it submits is.
 */
export function tabsFor(role: Role | null): { id: TabId; label: string }[] {
  if (role === null) return [{ id: 'connect', label: 'Sign in' }];
  const schedule = { id: 'schedule' as const, label: 'Schedule' };
  const approved = { id: 'approved' as const, label: 'Approved' };
  const costing = [
    { id: 'workbook' as const, label: 'Workbook' },
    { id: 'proposals' as const, label: 'Proposals' },
    { id: 'cost' as const, label: 'Cost' },
  ];
  const approvals = { id: 'approvals' as const, label: 'Approvals' };
  switch (role) {
    case 'analyst':
    case 'negotiator':
      return [schedule, ...costing, approved];
    case 'manager':
      return [schedule, approvals, approved];
    case 'admin':
      return [schedule, ...costing, approvals, approved];
  }
}
