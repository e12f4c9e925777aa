import type { Role } from '../api/types.js';

export type TabId = 'connect' | 'schedule' | 'workbook' | 'cost' | 'submit' | 'approvals' | 'approved';

/** The tabs a role sees; before connecting, only Connect. */
export function tabsFor(role: Role | null): { id: TabId; label: string }[] {
  const connect = { id: 'connect' as const, label: 'Connect' };
  if (role === null) return [connect];
  const schedule = { id: 'schedule' as const, label: 'Schedule' };
  const approved = { id: 'approved' as const, label: 'Approved' };
  const analyst = [
    { id: 'workbook' as const, label: 'Workbook' },
    { id: 'cost' as const, label: 'Cost' },
    { id: 'submit' as const, label: 'Submit' },
  ];
  const approvals = { id: 'approvals' as const, label: 'Approvals' };
  switch (role) {
    case 'analyst':
      return [connect, schedule, ...analyst, approved];
    case 'negotiator':
      return [connect, schedule, approved];
    case 'manager':
      return [connect, schedule, approvals, approved];
    case 'admin':
      return [connect, schedule, ...analyst, approvals, approved];
  }
}
