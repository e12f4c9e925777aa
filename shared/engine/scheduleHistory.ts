import { Decimal, roundTo } from '../money.js';
import type { Schedule } from '../schemas/scenario.js';
import { affectsClass, type ListedProvision } from './provisionOrder.js';

export const SCHEDULE_PROVISION_TYPES = new Set(['gwi', 'equity', 'flatIncrease', 'addStep']);

/**
 * The published schedule after each schedule-changing provision, in date order (COSTING.md §1,
 * §6): every changed cell re-rounded to `ratePlaces`, the next change compounding on it.
 */
export class ScheduleHistory {
  /** snapshots[m][classIndex] = rates after the first m schedule provisions. */
  readonly snapshots: Decimal[][][];
  /** keys[m][classIndex]: equal keys mean equal rates (the provisions that touched the class). */
  readonly keys: string[][];
  readonly changes: ListedProvision[];

  /**
   * `known` holds the snapshots other variants of the same costing already built, by the changes
   * that made them: provision prefixes and value-of-1% variants share most of their history.
   */
  constructor(schedule: Schedule, ordered: readonly ListedProvision[], proposalKey: string, known: Map<string, Decimal[][]> = new Map()) {
    this.changes = ordered.filter((lp) => SCHEDULE_PROVISION_TYPES.has(lp.provision.type));
    let key = 'schedule';
    let snapshot = known.get(key);
    if (snapshot === undefined) {
      snapshot = schedule.classes.map((c) => c.steps.map((s) => new Decimal(s)));
      known.set(key, snapshot);
    }
    this.snapshots = [snapshot];
    this.keys = [schedule.classes.map(() => '')];
    const touched: number[][] = schedule.classes.map(() => []);
    for (const change of this.changes) {
      const previous: Decimal[][] = snapshot;
      key += `|${proposalKey}:${change.listedIndex}`;
      snapshot = known.get(key);
      if (snapshot === undefined) {
        snapshot = schedule.classes.map((c, ci) =>
          affectsClass(change.provision, c.code) ? applyScheduleChange(previous[ci]!, change, schedule.ratePlaces) : previous[ci]!,
        );
        known.set(key, snapshot);
      }
      schedule.classes.forEach((c, ci) => {
        if (affectsClass(change.provision, c.code)) touched[ci]!.push(change.listedIndex);
      });
      this.snapshots.push(snapshot);
      this.keys.push(touched.map((t) => (t.length === 0 ? '' : `${proposalKey}:${t.join(',')}`)));
    }
  }
}

function applyScheduleChange(rates: Decimal[], change: ListedProvision, places: number): Decimal[] {
  const p = change.provision;
  switch (p.type) {
    case 'gwi':
    case 'equity': {
      const factor = new Decimal(1).plus(p.percent);
      return rates.map((r) => roundTo(r.times(factor), places));
    }
    case 'flatIncrease':
      return rates.map((r) => roundTo(r.plus(p.amount), places));
    case 'addStep': {
      const top = rates[rates.length - 1]!;
      return [...rates, roundTo(top.times(new Decimal(1).plus(p.percent)), places)];
    }
    default:
      return rates;
  }
}
