import { formatDay } from '../dates.js';
import { CostingInputError } from '../issues.js';
import { Decimal } from '../money.js';
import { MAX_STEPS } from '../schemas/primitives.js';
import type { Schedule } from '../schemas/scenario.js';
import { provisionAffectsClass, provisionKind, type Provision } from '../provisions/registry.js';
import type { ListedProvision } from './provisionOrder.js';

/** Whether a provision changes the published schedule (its module has a schedule effect). */
export function changesSchedule(provision: Provision): boolean {
  return provisionKind(provision.type).schedule !== undefined;
}

/** One class's published rates and how many bottom steps have been dropped so far. */
export interface PublishedClass {
  rates: Decimal[];
  dropped: number;
}

/**
 * THE published-schedule rule (COSTING.md §1, §5, §6), used by costing and by settlement
 * publishing alike: the class as published after `change`, which the caller has checked affects it.
 * Each provision module says how it changes the rates; every changed cell is already re-rounded.
 */
export function publishChange(previous: PublishedClass, change: Provision, schedule: Schedule, classCode: string, path: string, date: string): PublishedClass {
  const effect = provisionKind(change.type).schedule!;
  const fail = (message: string, field?: string): never => {
    const named = message.includes(`class ${classCode}`) ? message : `${message} (class ${classCode})`;
    throw new CostingInputError([{ path: field === undefined ? path : `${path}.${field}`, message: named }]);
  };
  const settings = { ratePlaces: schedule.ratePlaces, rateBasis: schedule.rateBasis, hoursPerYear: schedule.hoursPerYear };
  const rates = effect.apply(previous.rates, change, settings, fail);
  if (rates.length > MAX_STEPS) fail(`on ${date} the class would have ${rates.length} steps: at most ${MAX_STEPS}`);
  const dropped = effect.stepsDropped ? effect.stepsDropped(change) : 0;
  return { rates, dropped: previous.dropped + dropped };
}

/**
 * The published schedule after each schedule-changing provision, in date order. Variants of one
 * costing share snapshots through `known` (keyed by the changes that made them).
 */
export class ScheduleHistory {
  /** snapshots[m][classIndex] = the classes after the first m schedule provisions. */
  readonly snapshots: PublishedClass[][];
  /** keys[m][classIndex]: equal keys mean equal rates (the provisions that touched the class). */
  readonly keys: string[][];
  readonly changes: ListedProvision[];

  constructor(
    schedule: Schedule,
    ordered: readonly ListedProvision[],
    /** A change's content key (Interner.provisionKey): equal keys, equal provisions. */
    keyOf: (change: ListedProvision) => string,
    pathOf: (listedIndex: number) => string,
    known: Map<string, PublishedClass[]> = new Map(),
  ) {
    this.changes = ordered.filter((lp) => changesSchedule(lp.provision));
    let key = 'schedule';
    let snapshot = known.get(key);
    if (snapshot === undefined) {
      snapshot = schedule.classes.map((c) => ({ rates: c.steps.map((s) => new Decimal(s)), dropped: 0 }));
      known.set(key, snapshot);
    }
    this.snapshots = [snapshot];
    this.keys = [schedule.classes.map(() => '')];
    const touched: string[][] = schedule.classes.map(() => []);
    for (const change of this.changes) {
      const previous: PublishedClass[] = snapshot;
      key += `|${keyOf(change)}`;
      snapshot = known.get(key);
      if (snapshot === undefined) {
        snapshot = schedule.classes.map((c, ci) =>
          provisionAffectsClass(change.provision, c.code)
            ? publishChange(previous[ci]!, change.provision, schedule, c.code, pathOf(change.listedIndex), formatDay(change.date))
            : previous[ci]!,
        );
        known.set(key, snapshot);
      }
      schedule.classes.forEach((c, ci) => {
        if (provisionAffectsClass(change.provision, c.code)) touched[ci]!.push(keyOf(change));
      });
      this.snapshots.push(snapshot);
      this.keys.push(touched.map((t) => t.join(',')));
    }
  }
}
