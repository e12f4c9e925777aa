import { z } from 'zod';
import { fiscalYearName, fiscalYearOfDay } from '../calendar.js';
import { isValidIsoDate, parseDay } from '../dates.js';
import { longevityBandSchema, longevityBands } from '../provisions/longevity.js';
import { rateBases } from '../provisions/minimumRate.js';
import { provisionSchema } from '../provisions/registry.js';
import { amountPers, payShapeIssues } from '../provisions/specialPay.js';
import { namesOrNone, tierWithoutRates } from '../validation/issueList.js';
import { departmentCode, fundSchema } from './funds.js';
import {
  MAX_FISCAL_YEARS,
  MAX_PROPOSALS,
  MAX_PROVISIONS,
  MAX_STEPS,
  bool,
  choice,
  classCodes,
  code,
  codeRecord,
  decimalString,
  fte,
  freeText,
  int,
  isoDate,
  nonNegativeDecimal,
  percent,
  positiveDecimal,
  rate,
  requiredField,
} from './primitives.js';

export { amountPers, type AmountPer } from '../provisions/specialPay.js';
export { longevityBandSchema } from '../provisions/longevity.js';
export { rateBases } from '../provisions/minimumRate.js';
export { provisionSchema, provisionTypes, type Provision, type ProvisionType, type ProvisionOf } from '../provisions/registry.js';
export { UNASSIGNED } from './funds.js';

export const SCENARIO_FORMAT = 'bargaining-costing/scenario@1';

export const payFrequencies = ['biweekly', 'weekly', 'semimonthly', 'monthly'] as const;
export type PayFrequency = (typeof payFrequencies)[number];
export type RateBasis = (typeof rateBases)[number];
export const fiscalYearBases = ['payDate', 'periodEnd'] as const;
export const effectiveRules = ['periodStart', 'periodContaining'] as const;
export const termCostings = ['fiscalYears', 'term'] as const;
export const rollupBases = ['pensionable', 'taxable'] as const;
export const proposalSides = ['union', 'management', 'joint', 'other', 'budget'] as const;

export const calendarSchema = z
  .strictObject(
    {
      fiscalYearStartMonth: int(1, 12).default(7),
      payFrequency: choice(payFrequencies).default('biweekly'),
      firstPeriodStart: isoDate.optional(),
      payLagDays: int(0, 366).default(0),
      fiscalYearBy: choice(fiscalYearBases).default('payDate'),
      effectiveRule: choice(effectiveRules).default('periodStart'),
    },
    { error: requiredField },
  )
  .superRefine((cal, ctx) => {
    if ((cal.payFrequency === 'weekly' || cal.payFrequency === 'biweekly') && !cal.firstPeriodStart) {
      ctx.addIssue({ code: 'custom', path: ['firstPeriodStart'], message: `is required for ${cal.payFrequency} pay (the first day of any pay period)` });
    }
  });

export const termSchema = z
  .strictObject({ start: isoDate, end: isoDate, costs: choice(termCostings).default('fiscalYears') }, { error: requiredField })
  .superRefine((term, ctx) => {
    if (isValidIsoDate(term.start) && isValidIsoDate(term.end) && parseDay(term.end) < parseDay(term.start))
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must not be before term.start' });
  });

export const classSchema = z.strictObject({
  code,
  title: freeText(0, 200).default(''),
  stepMonths: int(1, 120).default(12),
  steps: z
    .array(positiveDecimal, { error: requiredField })
    .min(1, { error: 'a class needs at least one step' })
    .max(MAX_STEPS, { error: `a class has at most ${MAX_STEPS} steps` }),
});

export const scheduleSchema = z
  .strictObject(
    {
      id: code,
      effective: isoDate,
      rateBasis: choice(rateBases).default('hourly'),
      hoursPerYear: int(1, 8784).default(2080),
      ratePlaces: int(0, 10).default(2),
      classes: z.array(classSchema, { error: requiredField }).min(1, { error: 'a schedule needs at least one class' }),
    },
    { error: requiredField },
  )
  .superRefine((schedule, ctx) => {
    const seen = new Set<string>();
    schedule.classes.forEach((c, i) => {
      if (seen.has(c.code)) ctx.addIssue({ code: 'custom', path: ['classes', i, 'code'], message: `class ${c.code} is listed twice` });
      seen.add(c.code);
    });
  });

export const rosterRowSchema = z.strictObject({
  id: code,
  class: code,
  step: int(1, MAX_STEPS),
  fte: fte.default('1'),
  count: int(1).default(1),
  hireDate: isoDate.optional(),
  nextStepDate: isoDate.optional(),
  pensionTier: code.optional(),
  socialSecurity: bool().default(false),
  medicare: bool().default(true),
  healthTier: code.optional(),
  overtimeHours: nonNegativeDecimal.default('0'),
  pays: z.array(code).default([]),
  vacant: bool().default(false),
  fund: fundSchema.optional(),
  department: departmentCode.optional(),
});

export const rosterSchema = z.strictObject(
  {
    extractDate: isoDate,
    rows: z.array(rosterRowSchema, { error: requiredField }),
  },
  { error: requiredField },
);

const datedRate = z.strictObject({ from: isoDate, rate });
const datedMonthly = z.strictObject({ from: isoDate, monthly: nonNegativeDecimal });

export const specialPayDefinitionSchema = z
  .strictObject({
    percent: percent.optional(),
    amount: decimalString.optional(),
    per: choice(amountPers).optional(),
    pensionable: bool().default(false),
  })
  .superRefine((def, ctx) => payShapeIssues(def, ctx));

/** A roll-up (§4): a rate, or dated rates; optional class and pension-tier filters. */
export const rollupSchema = z
  .strictObject({
    name: freeText(1, 100),
    rate: rate.optional(),
    rates: z.array(datedRate).min(1, { error: 'list at least one dated rate' }).optional(),
    on: choice(rollupBases).default('pensionable'),
    classes: classCodes('list at least one class, or leave classes out for every class').optional(),
    pensionTiers: z.array(code).min(1, { error: 'list at least one pension tier, or leave pensionTiers out for every row' }).optional(),
  })
  .superRefine((r, ctx) => {
    if ((r.rate === undefined) === (r.rates === undefined)) ctx.addIssue({ code: 'custom', path: ['rate'], message: 'give exactly one of rate or rates' });
  });

export const assumptionsSchema = z.strictObject(
  {
    id: code,
    pension: codeRecord(z.array(datedRate).min(1)).default({}),
    socialSecurity: z
      .strictObject({
        rate: rate.default('0.062'),
        wageBase: z.record(z.string().regex(/^\d{4}$/, { error: 'must be a calendar year such as "2027"' }), positiveDecimal).default({}),
      })
      .default({ rate: '0.062', wageBase: {} }),
    medicareRate: rate.default('0.0145'),
    otherRollups: z.array(rollupSchema).default([]),
    health: codeRecord(z.array(datedMonthly).min(1)).default({}),
    specialPays: codeRecord(specialPayDefinitionSchema).default({}),
    longevity: longevityBands.default([]),
    overtimeMultiplier: positiveDecimal.default('1.5'),
  },
  { error: requiredField },
);

export const proposalSchema = z.strictObject({
  name: freeText(1, 200),
  side: choice(proposalSides).optional(),
  retroPayDate: isoDate.optional(),
  provisions: z.array(provisionSchema, { error: requiredField }).max(MAX_PROVISIONS, { error: `a proposal has at most ${MAX_PROVISIONS} provisions` }),
});

const scenarioObject = z.strictObject({
  format: z.literal(SCENARIO_FORMAT, { error: (issue) => (issue.input === undefined ? 'is required' : `must be "${SCENARIO_FORMAT}"`) }),
  unit: z.strictObject({ id: code, name: freeText(0, 200).default('') }, { error: requiredField }),
  calendar: calendarSchema,
  term: termSchema,
  schedule: scheduleSchema,
  roster: rosterSchema,
  assumptions: assumptionsSchema,
  proposals: z
    .array(proposalSchema)
    .max(MAX_PROPOSALS, { error: `a scenario has at most ${MAX_PROPOSALS} proposals` })
    .default([]),
});

export const scenarioSchema = scenarioObject.superRefine(crossReferenceIssues);

/** Checks that need more than one part of the document: classes, steps, pay codes, roster ids, names. */
function crossReferenceIssues(s: z.output<typeof scenarioObject>, ctx: z.RefinementCtx): void {
  const classSteps = new Map(s.schedule.classes.map((c) => [c.code, c.steps.length]));
  const classList = () => namesOrNone(classSteps.keys());
  const payList = () => namesOrNone(Object.keys(s.assumptions.specialPays));
  // A tier named in a filter or a provision must have rates: no row can be in a tier without them
  // (§4), so a tier without any is a misspelling that would silently cost nothing.
  const unknownTier = (what: 'pension' | 'health', tier: string) =>
    tierWithoutRates(what, tier, Object.keys(what === 'pension' ? s.assumptions.pension : s.assumptions.health));
  const unknownClass = (c: string) => `class \`${c}\` is not in the schedule (classes: ${classList()})`;
  const ids = new Map<string, number>();
  const extractDay = isValidIsoDate(s.roster.extractDate) ? parseDay(s.roster.extractDate) : null;
  s.roster.rows.forEach((row, i) => {
    const path = ['roster', 'rows', i];
    const first = ids.get(row.id);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `roster id ${row.id} is used twice (also rows[${first}])` });
    else ids.set(row.id, i);
    const steps = classSteps.get(row.class);
    if (steps === undefined) {
      // An empty code is already refused ("must not be empty"); saying it is not in the schedule adds nothing.
      if (row.class !== '') ctx.addIssue({ code: 'custom', path: [...path, 'class'], message: unknownClass(row.class) });
    } else if (row.step > steps) {
      ctx.addIssue({ code: 'custom', path: [...path, 'step'], message: `step ${row.step} does not exist in class ${row.class} (${steps} steps)` });
    }
    row.pays.forEach((p, j) => {
      if (row.pays.indexOf(p) !== j) ctx.addIssue({ code: 'custom', path: [...path, 'pays', j], message: `special pay ${p} is listed twice` });
      else if (!Object.hasOwn(s.assumptions.specialPays, p)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'pays', j],
          message: `special pay \`${p}\` is not defined in assumptions.specialPays (pays defined: ${payList()})`,
        });
      }
    });
    const stale = row.nextStepDate !== undefined && extractDay !== null && isValidIsoDate(row.nextStepDate) && parseDay(row.nextStepDate) <= extractDay;
    if (stale && steps !== undefined && !row.vacant && row.step < steps) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'nextStepDate'],
        message: `step date ${row.nextStepDate} is on or before the extract date ${s.roster.extractDate} for a row below the top step: the payroll extract is stale`,
      });
    }
  });

  if (isValidIsoDate(s.term.start) && isValidIsoDate(s.term.end)) {
    const startMonth = s.calendar.fiscalYearStartMonth;
    const first = fiscalYearOfDay(parseDay(s.term.start), startMonth);
    const last = fiscalYearOfDay(parseDay(s.term.end), startMonth);
    if (last - first + 1 > MAX_FISCAL_YEARS) {
      ctx.addIssue({
        code: 'custom',
        path: ['term', 'end'],
        message: `the term spans ${last - first + 1} fiscal years (${fiscalYearName(first)}–${fiscalYearName(last)}): a costing covers at most ${MAX_FISCAL_YEARS}`,
      });
    }
  }

  const rollupNames = new Map<string, number>();
  s.assumptions.otherRollups.forEach((r, i) => {
    const path = ['assumptions', 'otherRollups', i];
    const first = rollupNames.get(r.name);
    if (first !== undefined)
      ctx.addIssue({ code: 'custom', path: [...path, 'name'], message: `roll-up ${r.name} is listed twice (also otherRollups[${first}]): names are unique` });
    else rollupNames.set(r.name, i);
    r.pensionTiers?.forEach((tier, k) => {
      if (!Object.hasOwn(s.assumptions.pension, tier))
        ctx.addIssue({ code: 'custom', path: [...path, 'pensionTiers', k], message: unknownTier('pension', tier) });
    });
    r.classes?.forEach((c, k) => {
      if (!classSteps.has(c)) ctx.addIssue({ code: 'custom', path: [...path, 'classes', k], message: unknownClass(c) });
    });
  });

  let budget: number | null = null;
  s.proposals.forEach((proposal, i) => {
    if (proposal.side === 'budget') {
      if (budget !== null)
        ctx.addIssue({
          code: 'custom',
          path: ['proposals', i, 'side'],
          message: `proposals[${budget}] is already the budget: at most one proposal has side "budget"`,
        });
      else budget = i;
    }
    proposal.provisions.forEach((provision, j) => {
      const path = ['proposals', i, 'provisions', j];
      if ('classes' in provision && provision.classes) {
        provision.classes.forEach((c, k) => {
          if (!classSteps.has(c)) ctx.addIssue({ code: 'custom', path: [...path, 'classes', k], message: unknownClass(c) });
        });
      }
      if (provision.type === 'setRate' && !classSteps.has(provision.class)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'class'], message: unknownClass(provision.class) });
      }
      if (provision.type === 'pensionRate' && !Object.hasOwn(s.assumptions.pension, provision.tier))
        ctx.addIssue({ code: 'custom', path: [...path, 'tier'], message: unknownTier('pension', provision.tier) });
      if (provision.type === 'health' && !Object.hasOwn(s.assumptions.health, provision.tier))
        ctx.addIssue({ code: 'custom', path: [...path, 'tier'], message: unknownTier('health', provision.tier) });
      if (provision.type === 'rollupRate' && !rollupNames.has(provision.name)) {
        const names = [...rollupNames.keys()];
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'name'],
          message: `roll-up \`${provision.name}\` is not in assumptions.otherRollups; ${names.length === 0 ? 'there are none' : `roll-ups: ${namesOrNone(names)}`}`,
        });
      }
    });
  });
}

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Calendar = Scenario['calendar'];
export type Term = Scenario['term'];
export type Schedule = Scenario['schedule'];
export type ScheduleClass = Schedule['classes'][number];
export type RosterRow = Scenario['roster']['rows'][number];
export type Assumptions = Scenario['assumptions'];
export type Rollup = Assumptions['otherRollups'][number];
export type Proposal = Scenario['proposals'][number];
export type SpecialPayDefinition = z.output<typeof specialPayDefinitionSchema>;
export type LongevityBand = z.output<typeof longevityBandSchema>;
