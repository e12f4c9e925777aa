import { scheduleSchema } from '../../../shared/schemas/scenario.js';
import { issueToken } from '../../../server/services/apiTokens.js';
import { systemActor } from '../../../server/services/auditTrail.js';
import { importScheduleVersion } from '../../../server/services/scheduleVersions.js';
import { addUnit } from '../../../server/services/units.js';
import { addUser } from '../../../server/services/users.js';
import type { Role, Store } from '../../../server/store/store.js';
import { sampleScenario, sampleSchedule } from './sampleScenario.js';

export const seedNow = new Date('2026-06-15T12:00:00Z');

export interface Seeded {
  /** tokens[role] is scoped to unit A; tokens[`${role}2`] is a second user of that role, also unit A. */
  tokens: Record<string, string>;
}

/**
 * Units A and B with a schedule and a template profile; one user of each role scoped to A
 * (admin: all), a second analyst and manager for A, and an analyst scoped to B.
 */
export async function seedBasics(store: Store): Promise<Seeded> {
  const actor = systemActor('test');
  for (const id of ['A', 'B']) {
    const s = sampleScenario(id);
    await addUnit(store, actor, seedNow, {
      id,
      name: `Unit ${id}`,
      profile: { calendar: s.calendar, term: s.term, roster: s.roster, assumptions: s.assumptions },
    });
    await importScheduleVersion(store, actor, seedNow, {
      unitId: id,
      schedule: scheduleSchema.parse(sampleSchedule(`${id}-2025-07`)),
      source: 'test',
      dryRun: false,
    });
  }
  const tokens: Record<string, string> = {};
  const users: [string, Role, string[]][] = [
    ['analyst', 'analyst', ['A']],
    ['analyst2', 'analyst', ['A']],
    ['negotiator', 'negotiator', ['A']],
    ['manager', 'manager', ['A']],
    ['manager2', 'manager', ['A']],
    ['admin', 'admin', []],
    ['analystB', 'analyst', ['B']],
    ['managerB', 'manager', ['B']],
  ];
  for (const [id, role, units] of users) {
    await addUser(store, actor, seedNow, { id, name: `User ${id}`, role, unitIds: units });
    tokens[id] = (await issueToken(store, id, 'test', seedNow)).token;
  }
  return { tokens };
}
