import { addMonths, type Day } from '../dates.js';
import type { CostingContext, RowContext } from './costingContext.js';
import type { StepRegime } from './variantPlan.js';

/** A row's steps over the horizon: the step at period 0, then each change. */
export interface StepPath {
  initialStep: number;
  /** Costed period indices (ascending) at which the step changes… */
  changeAt: number[];
  /** …and the step from then on. */
  stepAfter: number[];
}

const MAX_STEP_DATES = 2000;

/**
 * Step movement (COSTING.md §5, §6 stepFreeze/addStep): step dates nextStepDate + k × stepMonths;
 * each moves the row up one step at the first period starting on or after it, unless the row is at
 * the class's top step then; either way the date is used up. Freezes keep or slide dates that fall
 * due in them; rows at the old top move to an added step on their next step date.
 */
export function stepPath(ctx: CostingContext, rc: RowContext, regime: StepRegime): StepPath {
  const row = rc.row;
  const path: StepPath = { initialStep: row.step, changeAt: [], stepAfter: [] };
  const timeline = ctx.timeline;
  const calendar = timeline.calendar;
  const firstStart = timeline.start[0]!;
  const lastStart = timeline.start[timeline.length - 1]!;
  let step = row.step;

  const record = (periodStart: Day) => {
    const index = periodStart <= firstStart ? 0 : timeline.indexOfPeriodStarting(periodStart);
    if (index === 0) {
      path.initialStep = step;
    } else if (path.changeAt.length > 0 && path.changeAt[path.changeAt.length - 1] === index) {
      path.stepAfter[path.stepAfter.length - 1] = step;
    } else {
      path.changeAt.push(index);
      path.stepAfter.push(step);
    }
  };

  // Dropped bottom steps renumber the row from the period their date selects (§5), before any step due then.
  const drops = regime.drops
    .map((d) => ({
      start: (timeline.effectiveRule === 'periodStart' ? calendar.periodStartingOnOrAfter(d.date) : calendar.periodContaining(d.date)).start,
      count: d.count,
    }))
    .filter((d) => d.start <= lastStart);
  let nextDrop = 0;
  let dropped = 0;
  const dropUpTo = (periodStart: Day) => {
    while (nextDrop < drops.length && drops[nextDrop]!.start <= periodStart) {
      const d = drops[nextDrop++]!;
      dropped += d.count;
      step = Math.max(1, step - d.count);
      record(d.start);
    }
  };

  if (!row.vacant && rc.nextStepDay !== null) {
    const cls = ctx.scenario.schedule.classes[rc.classIndex]!;
    const baseSteps = cls.steps.length;
    const nextStep = rc.nextStepDay;
    const slideOffset: (number | null)[] = regime.freezes.map(() => null);

    for (let k = 0; k < MAX_STEP_DATES; k++) {
      let date: Day | null = addMonths(nextStep, k * cls.stepMonths);
      if (date <= ctx.extractDate) continue; // used up before the extract (validated for rows below the top)
      regime.freezes.forEach((freeze, f) => {
        if (date === null) return;
        if (slideOffset[f] !== null) {
          date = Math.max(addMonths(date, freeze.months), freeze.end);
          return;
        }
        const due = calendar.periodStartingOnOrAfter(date).start;
        if (due >= freeze.start && due < freeze.end) {
          if (freeze.mode === 'keep') {
            date = null;
          } else {
            slideOffset[f] = freeze.months;
            date = Math.max(addMonths(date, freeze.months), freeze.end);
          }
        }
      });
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- assigned inside the callback above, which TypeScript's narrowing does not see
      if (date === null) continue;
      const trigger = calendar.periodStartingOnOrAfter(date);
      if (trigger.start > lastStart) break;
      // The no-step costing of §7: no movement takes effect in the horizon's first period or later.
      if (regime.noStep && trigger.start >= firstStart) break;
      dropUpTo(trigger.start);
      const topStep = baseSteps + regime.addStepDates.filter((d) => timeline.applies(d, trigger.start, trigger.end)).length - dropped;
      if (step >= topStep) continue;
      step += 1;
      record(trigger.start);
    }
  }
  dropUpTo(lastStart);
  return path;
}
