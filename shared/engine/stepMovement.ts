import { addMonths, type Day } from '../dates.js';
import type { CostingContext, RowContext } from './costingContext.js';
import type { StepRegime } from './variantPlan.js';

/** A row's steps over the horizon: the step at period 0, then each change. */
export interface StepPath {
  initialStep: number;
  /** Costed period indices (ascending) at which the step changes… */
  readonly changeAt: readonly number[];
  /** …and the step from then on. */
  readonly stepAfter: readonly number[];
}

const MAX_STEP_DATES = 2000;

/**
 * When a row's step dates move it (or would, below the top): the first days of the periods they
 * select, within the horizon, after freezes and the no-step rule, with the added top steps in
 * force in each. They depend only on the next step date, the class's step months and the regime's
 * freezes, so rows that share a next step date (a hiring cohort; 8,146 paths of a 10,000-row unit
 * share 365 dates) share them: `StepTriggers.of` finds them once per (regime, date, months).
 */
interface StepTriggerList {
  days: number[];
  addedSteps: number[];
}

const NO_TRIGGERS: StepTriggerList = { days: [], addedSteps: [] };

/** The trigger lists of one step regime, by next step date and step months. */
export class StepTriggers {
  private readonly lists = new Map<number, StepTriggerList>();

  constructor(readonly regime: StepRegime) {}

  of(ctx: CostingContext, nextStep: Day, stepMonths: number): StepTriggerList {
    // Step months are at most 120 (schemas/scenario.ts): the pair packs into one exact number.
    const key = nextStep * 1024 + stepMonths;
    let list = this.lists.get(key);
    if (list === undefined) {
      list = stepTriggers(ctx, this.regime, nextStep, stepMonths);
      this.lists.set(key, list);
    }
    return list;
  }
}

function stepTriggers(ctx: CostingContext, regime: StepRegime, nextStep: Day, stepMonths: number): StepTriggerList {
  const timeline = ctx.timeline;
  const calendar = timeline.calendar;
  const lastStart = timeline.start[timeline.length - 1]!;
  const freezes = regime.freezes;
  // Per freeze, whether a step date has slid in it (then every later date slides too).
  const slid = freezes.length === 0 ? NONE_SLID : new Uint8Array(freezes.length);
  const list: StepTriggerList = { days: [], addedSteps: [] };
  for (let k = 0; k < MAX_STEP_DATES; k++) {
    let date: Day | null = addMonths(nextStep, k * stepMonths);
    if (date <= ctx.extractDate) continue; // used up before the extract (validated for rows below the top)
    for (let f = 0; f < freezes.length && date !== null; f++) {
      const freeze = freezes[f]!;
      if (slid[f] === 1) {
        date = Math.max(addMonths(date, freeze.months), freeze.end);
        continue;
      }
      const due = calendar.startOnOrAfter(date);
      if (due >= freeze.start && due < freeze.end) {
        if (freeze.mode === 'keep') {
          date = null;
        } else {
          slid[f] = 1;
          date = Math.max(addMonths(date, freeze.months), freeze.end);
        }
      }
    }
    if (date === null) continue;
    const trigger = calendar.startOnOrAfter(date);
    if (trigger > lastStart) break;
    // The no-step costing of §7: no movement takes effect in the horizon's first period or later.
    if (regime.noStep && trigger >= timeline.start[0]!) break;
    list.days.push(trigger);
    list.addedSteps.push(addedStepsBy(ctx, regime, trigger));
  }
  return list.days.length === 0 ? NO_TRIGGERS : list;
}

/**
 * Step movement (COSTING.md §5, §6 stepFreeze/addStep): step dates nextStepDate + k × stepMonths;
 * each moves the row up one step at the first period starting on or after it, unless the row is at
 * the class's top step then; either way the date is used up. Freezes keep or slide dates that fall
 * due in them (StepTriggers); rows at the old top move to an added step on their next step date.
 */
export function stepPath(ctx: CostingContext, rc: RowContext, triggers: StepTriggers): StepPath {
  const row = rc.row;
  const regime = triggers.regime;
  const timeline = ctx.timeline;
  const lastStart = timeline.start[timeline.length - 1]!;
  const path = new PathBuilder(timeline, row.step, regime.drops.length === 0 ? NO_DROPS : dropStarts(ctx, regime, lastStart));

  if (!row.vacant && rc.nextStepDay !== null) {
    const cls = ctx.scenario.schedule.classes[rc.classIndex]!;
    const baseSteps = cls.steps.length;
    const list = triggers.of(ctx, rc.nextStepDay, cls.stepMonths);
    for (let t = 0; t < list.days.length; t++) {
      const trigger = list.days[t]!;
      path.dropUpTo(trigger);
      const topStep = baseSteps + list.addedSteps[t]! - path.dropped;
      if (path.step >= topStep) continue;
      path.step += 1;
      path.record(trigger);
    }
  }
  path.dropUpTo(lastStart);
  return path.finished();
}

/**
 * Paths with no change, one per step, shared: most rows' paths in a no-step costing, and those of
 * rows at the top step. A path is an object and two arrays per row and step regime (some 300 bytes
 * kept in the caches, which every young-generation collection copies), so sharing these matters at
 * 100,000 rows and more.
 */
const UNCHANGED: StepPath[] = [];
const NO_CHANGES: readonly number[] = [];

function unchangedPath(step: number): StepPath {
  let path = UNCHANGED[step];
  if (path === undefined) UNCHANGED[step] = path = { initialStep: step, changeAt: NO_CHANGES, stepAfter: NO_CHANGES };
  return path;
}

const NONE_SLID = new Uint8Array(0);
const NO_DROPS: readonly { start: Day; count: number }[] = [];

/** Dropped bottom steps by the first day of the period their date selects (§5), within the horizon. */
function dropStarts(ctx: CostingContext, regime: StepRegime, lastStart: Day): { start: Day; count: number }[] {
  const calendar = ctx.timeline.calendar;
  return regime.drops
    .map((d) => ({
      start: (ctx.timeline.effectiveRule === 'periodStart' ? calendar.periodStartingOnOrAfter(d.date) : calendar.periodContaining(d.date)).start,
      count: d.count,
    }))
    .filter((d) => d.start <= lastStart);
}

/** How many added top steps are in force in the period starting on `start`. */
function addedStepsBy(ctx: CostingContext, regime: StepRegime, start: Day): number {
  const dates = regime.addStepDates;
  if (dates.length === 0) return 0;
  const end = ctx.timeline.calendar.periodContaining(start).end;
  let added = 0;
  for (const d of dates) if (ctx.timeline.applies(d, start, end)) added++;
  return added;
}

/**
 * The changes of the path being built, reused by every build (stepPath does not nest): the path
 * kept gets arrays of its exact length, copied from these, instead of arrays grown by pushes.
 */
const building = { changeAt: [] as number[], stepAfter: [] as number[] };

/** A step path as it is built: the row's step now, the steps dropped so far, and the changes recorded. */
class PathBuilder {
  dropped = 0;
  private nextDrop = 0;
  private initialStep: number;
  private changes = 0;

  constructor(
    private readonly timeline: CostingContext['timeline'],
    public step: number,
    private readonly drops: readonly { start: Day; count: number }[],
  ) {
    this.initialStep = step;
  }

  /** The path built: a shared one when the step never changes. */
  finished(): StepPath {
    const n = this.changes;
    if (n === 0) return unchangedPath(this.initialStep);
    return { initialStep: this.initialStep, changeAt: building.changeAt.slice(0, n), stepAfter: building.stepAfter.slice(0, n) };
  }

  /** The row is at `step` from the period starting on `periodStart`. */
  record(periodStart: Day): void {
    const index = periodStart <= this.timeline.start[0]! ? 0 : this.timeline.indexOfPeriodStarting(periodStart);
    const n = this.changes;
    if (index === 0) {
      this.initialStep = this.step;
    } else if (n > 0 && building.changeAt[n - 1] === index) {
      building.stepAfter[n - 1] = this.step;
    } else {
      building.changeAt[n] = index;
      building.stepAfter[n] = this.step;
      this.changes = n + 1;
    }
  }

  /** Renumbers for the drops whose period starts on or before `periodStart` (before any step due then). */
  dropUpTo(periodStart: Day): void {
    while (this.nextDrop < this.drops.length && this.drops[this.nextDrop]!.start <= periodStart) {
      const d = this.drops[this.nextDrop++]!;
      this.dropped += d.count;
      this.step = Math.max(1, this.step - d.count);
      this.record(d.start);
    }
  }
}
