import { SCENARIO_FORMAT, type Schedule } from '../../shared/schemas/scenario.js';
import type { Store, UnitRecord } from '../store/store.js';
import { notFound } from './domainErrors.js';

/**
 * A scenario document to start a costing workbook: the unit's stored calendar, term, roster and
 * assumptions (or plain defaults), the schedule in force on `asOf`, and no proposals.
 */
export async function unitTemplate(store: Store, unit: UnitRecord, asOf: string): Promise<Record<string, unknown>> {
  const current = await store.scheduleInForce(unit.id, asOf);
  if (!current) throw notFound(`unit ${unit.id} has no schedule in force on ${asOf}`);
  const profile = await store.getUnitProfile(unit.id);
  const year = Number(asOf.slice(0, 4));
  return {
    format: SCENARIO_FORMAT,
    unit: { id: unit.id, name: unit.name },
    calendar: profile?.calendar ?? { fiscalYearStartMonth: 7, payFrequency: 'monthly', payLagDays: 0, fiscalYearBy: 'payDate', effectiveRule: 'periodStart' },
    term: profile?.term ?? { start: `${year}-07-01`, end: `${year + 3}-06-30` },
    schedule: JSON.parse(current.scheduleJson) as Schedule,
    roster: profile?.roster ?? { extractDate: asOf, rows: [] },
    assumptions: profile?.assumptions ?? { id: `${unit.id}-default` },
    proposals: [],
  };
}
