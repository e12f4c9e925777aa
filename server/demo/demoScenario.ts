import { addMonths, formatDay, parseDay } from '../../shared/dates.js';
import { Decimal, roundTo } from '../../shared/money.js';
import { SCENARIO_FORMAT, type ScenarioInput } from '../../shared/schemas/scenario.js';
import { demoExtractDate, demoTerm, type DemoUnit } from './demoCity.js';
import { seededRandom } from '../../shared/seededRandom.js';

type ScheduleInput = ScenarioInput['schedule'];
type RosterRowInput = ScenarioInput['roster']['rows'][number];

/** The unit's schedule effective on `effective`, `raise` above the demo's base rates. */
export function demoSchedule(unit: DemoUnit, effective: string, raise: string): ScheduleInput {
  const places = 2;
  return {
    id: `${unit.id}-${effective.slice(0, 7)}`,
    effective,
    rateBasis: unit.rateBasis,
    hoursPerYear: unit.hoursPerYear,
    ratePlaces: places,
    classes: unit.classes.map((c) => {
      const steps: string[] = [];
      let rate = roundTo(new Decimal(c.start).times(new Decimal(1).plus(raise)), places);
      for (let i = 0; i < c.steps; i++) {
        steps.push(rate.toFixed(places));
        rate = roundTo(rate.times(new Decimal(1).plus(c.stepIncrease)), places);
      }
      return { code: c.code, title: c.title, stepMonths: 12, steps };
    }),
  };
}

/** A payroll extract: realistic spreads of steps, service, tiers, pays and a few vacancies. */
export function demoRoster(unit: DemoUnit, seed: number): ScenarioInput['roster'] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const extract = parseDay(demoExtractDate);
  const rows: RosterRowInput[] = [];
  let n = 1000;
  for (const c of unit.classes) {
    for (let i = 0; i < c.rows; i++) {
      n += 1;
      const id = `${unit.id.slice(1, 2)}${n}`;
      const vacant = random() < 0.06;
      const step = 1 + Math.floor(Math.pow(random(), 0.6) * c.steps);
      if (vacant) {
        rows.push({
          id,
          class: c.code,
          step: 1,
          vacant: true,
          pensionTier: pick(Object.keys(unit.assumptions.pension ?? {})),
          healthTier: 'employee',
          medicare: true,
          socialSecurity: unit.socialSecurity,
        });
        continue;
      }
      const yearsOfService = step - 1 + Math.floor(random() * (step === c.steps ? 22 : 2));
      const hire = addMonths(extract, -(yearsOfService * 12 + 1 + Math.floor(random() * 11)));
      const tiers = Object.keys(unit.assumptions.pension ?? {});
      const pensionTier = hire < parseDay('2013-01-01') ? tiers[0]! : tiers[tiers.length - 1]!;
      const row: RosterRowInput = {
        id,
        class: c.code,
        step,
        fte: random() < 0.08 ? pick(['0.5', '0.75', '0.8']) : '1',
        hireDate: formatDay(hire),
        pensionTier,
        healthTier: pick(['employee', 'employee-plus-one', 'family', 'family']),
        socialSecurity: unit.socialSecurity,
        medicare: true,
        overtimeHours: String(Math.round(unit.overtimeHours[0] + random() * (unit.overtimeHours[1] - unit.overtimeHours[0]))),
        pays: Object.entries(unit.payShares)
          .filter(([, share]) => random() < share)
          .map(([code]) => code)
          .filter((code, _i, all) => !(code === 'POST_INT' && all.includes('POST_ADV'))),
      };
      if (step < c.steps) row.nextStepDate = formatDay(extract + 1 + Math.floor(random() * 364));
      rows.push(row);
    }
  }
  return { extractDate: demoExtractDate, rows };
}

export type DemoProposal = NonNullable<ScenarioInput['proposals']>[number];

export function demoScenario(unit: DemoUnit, schedule: ScheduleInput, roster: ScenarioInput['roster'], proposals: DemoProposal[]): ScenarioInput {
  return {
    format: SCENARIO_FORMAT,
    unit: { id: unit.id, name: unit.name },
    calendar: unit.calendar,
    term: demoTerm,
    schedule,
    roster,
    assumptions: unit.assumptions,
    proposals,
  };
}
