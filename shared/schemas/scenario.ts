import { z } from 'zod';
import { Decimal } from '../money.js';
import { isValidIsoDate, parseDay } from '../dates.js';
import {
  code,
  decimalString,
  fteFraction,
  int,
  isoDate,
  nonNegativeDecimal,
  percentChange,
  positiveDecimal,
  unitFraction,
} from './primitives.js';

export const SCENARIO_FORMAT = 'bargaining-costing/scenario@1';

export const payFrequencies = ['biweekly', 'weekly', 'semimonthly', 'monthly'] as const;
export type PayFrequency = (typeof payFrequencies)[number];
export const rateBases = ['hourly', 'annual', 'monthly', 'biweekly'] as const;
export type RateBasis = (typeof rateBases)[number];

export const calendarSchema = z
  .strictObject({
    fiscalYearStartMonth: int(1, 12).default(7),
    payFrequency: z.enum(payFrequencies).default('biweekly'),
    firstPeriodStart: isoDate.optional(),
    payLagDays: int(0, 366).default(0),
    fiscalYearBy: z.enum(['payDate', 'periodEnd']).default('payDate'),
    effectiveRule: z.enum(['periodStart', 'periodContaining']).default('periodStart'),
  })
  .superRefine((cal, ctx) => {
    if ((cal.payFrequency === 'weekly' || cal.payFrequency === 'biweekly') && !cal.firstPeriodStart) {
      ctx.addIssue({ code: 'custom', path: ['firstPeriodStart'], message: `is required for ${cal.payFrequency} pay (the first day of any pay period)` });
    }
  });

export const termSchema = z
  .strictObject({ start: isoDate, end: isoDate })
  .superRefine((term, ctx) => {
    if (isValidIsoDate(term.start) && isValidIsoDate(term.end) && parseDay(term.end) < parseDay(term.start)) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must not be before term.start' });
  });

export const classSchema = z.strictObject({
  code,
  title: z.string().max(200).default(''),
  stepMonths: int(1, 120).default(12),
  steps: z.array(positiveDecimal).min(1, { message: 'a class needs at least one step' }).max(60),
});

export const scheduleSchema = z
  .strictObject({
    id: code,
    effective: isoDate,
    rateBasis: z.enum(rateBases).default('hourly'),
    hoursPerYear: int(1, 8784).default(2080),
    ratePlaces: int(0, 6).default(2),
    classes: z.array(classSchema).min(1, { message: 'a schedule needs at least one class' }),
  })
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
  step: int(1),
  fte: fteFraction.default('1'),
  count: int(1).default(1),
  hireDate: isoDate.optional(),
  nextStepDate: isoDate.optional(),
  pensionTier: code.optional(),
  socialSecurity: z.boolean().default(false),
  medicare: z.boolean().default(true),
  healthTier: code.optional(),
  overtimeHours: nonNegativeDecimal.default('0'),
  pays: z.array(code).default([]),
  vacant: z.boolean().default(false),
});

export const rosterSchema = z.strictObject({
  extractDate: isoDate,
  rows: z.array(rosterRowSchema),
});

const datedRate = z.strictObject({ from: isoDate, rate: unitFraction });
const datedMonthly = z.strictObject({ from: isoDate, monthly: nonNegativeDecimal });

export const amountPers = ['hour', 'period', 'month', 'year'] as const;
export type AmountPer = (typeof amountPers)[number];

export const specialPayDefinitionSchema = z
  .strictObject({
    percent: decimalString.optional(),
    amount: decimalString.optional(),
    per: z.enum(amountPers).optional(),
    pensionable: z.boolean().default(false),
  })
  .superRefine((def, ctx) => payShapeIssues(def, ctx));

function payShapeIssues(def: { percent?: string | undefined; amount?: string | undefined; per?: string | undefined }, ctx: z.RefinementCtx) {
  if (def.percent !== undefined && def.amount !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['amount'], message: 'give either percent or amount with per, not both' });
  } else if (def.percent === undefined && def.amount === undefined) {
    ctx.addIssue({ code: 'custom', path: ['percent'], message: 'give percent, or amount with per' });
  } else if (def.amount !== undefined && def.per === undefined) {
    ctx.addIssue({ code: 'custom', path: ['per'], message: 'an amount needs per: hour, period, month or year' });
  } else if (def.percent !== undefined && def.per !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['per'], message: 'per goes with amount, not with percent' });
  }
}

export const longevityBandSchema = z.strictObject({ years: int(0, 80), percent: decimalString });
const longevityBands = z.array(longevityBandSchema).superRefine((bands, ctx) => {
  const seen = new Set<number>();
  bands.forEach((b, i) => {
    if (seen.has(b.years)) ctx.addIssue({ code: 'custom', path: [i, 'years'], message: `two bands at ${b.years} years` });
    seen.add(b.years);
  });
});

export const assumptionsSchema = z.strictObject({
  id: code,
  pension: z.record(code, z.array(datedRate).min(1)).default({}),
  socialSecurity: z
    .strictObject({
      rate: unitFraction.default('0.062'),
      wageBase: z.record(z.string().regex(/^\d{4}$/, { message: 'must be a calendar year such as "2027"' }), positiveDecimal).default({}),
    })
    .default({ rate: '0.062', wageBase: {} }),
  medicareRate: unitFraction.default('0.0145'),
  otherRollups: z
    .array(z.strictObject({ name: z.string().min(1).max(100), rate: unitFraction, on: z.enum(['pensionable', 'taxable']).default('pensionable') }))
    .default([]),
  health: z.record(code, z.array(datedMonthly).min(1)).default({}),
  specialPays: z.record(code, specialPayDefinitionSchema).default({}),
  longevity: longevityBands.default([]),
  overtimeMultiplier: positiveDecimal.default('1.5'),
});

const label = z.string().max(200).optional();
const classes = z.array(code).min(1, { message: 'list at least one class, or leave classes out for all classes' }).optional();

const gwi = z.strictObject({ type: z.literal('gwi'), percent: percentChange, effective: isoDate, classes, label });
const flatIncrease = z.strictObject({ type: z.literal('flatIncrease'), amount: decimalString, effective: isoDate, classes, label });
const equity = z.strictObject({
  type: z.literal('equity'),
  percent: percentChange,
  effective: isoDate,
  classes: z.array(code).min(1, { message: 'equity needs the classes it applies to' }),
  label,
});
const addStep = z.strictObject({ type: z.literal('addStep'), percent: percentChange, effective: isoDate, classes, label });
const stepFreeze = z.strictObject({
  type: z.literal('stepFreeze'),
  effective: isoDate,
  months: int(1, 120),
  mode: z.enum(['keep', 'slide']).default('keep'),
  classes,
  label,
});
const lumpSum = z.strictObject({
  type: z.literal('lumpSum'),
  amount: decimalString,
  payDate: isoDate,
  prorateByFte: z.boolean().default(false),
  classes,
  label,
});
const specialPay = z
  .strictObject({
    type: z.literal('specialPay'),
    code,
    effective: isoDate,
    percent: decimalString.optional(),
    amount: decimalString.optional(),
    per: z.enum(amountPers).optional(),
    pensionable: z.boolean().optional(),
    mode: z.enum(['set', 'add']).default('set'),
    classes,
    label,
  })
  .superRefine((def, ctx) => payShapeIssues(def, ctx));
const longevity = z.strictObject({ type: z.literal('longevity'), effective: isoDate, bands: longevityBands, classes, label });
const health = z.strictObject({ type: z.literal('health'), effective: isoDate, tier: code, monthly: nonNegativeDecimal, classes, label });
const pensionRate = z
  .strictObject({
    type: z.literal('pensionRate'),
    effective: isoDate,
    tier: code,
    rate: unitFraction.optional(),
    delta: decimalString.optional(),
    classes,
    label,
  })
  .superRefine((p, ctx) => {
    if ((p.rate === undefined) === (p.delta === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['rate'], message: 'give exactly one of rate or delta' });
    }
  });
const overtimeHours = z.strictObject({ type: z.literal('overtimeHours'), effective: isoDate, hours: nonNegativeDecimal, classes, label });
const fiscalYearName = z
  .union([int(1900, 9999), z.string().regex(/^FY\d{4}$/, { message: 'must name a fiscal year such as "FY2027"' })])
  .transform((fy) => (typeof fy === 'number' ? `FY${fy}` : fy));
const flat = z.strictObject({
  type: z.literal('flat'),
  amount: decimalString,
  fiscalYears: z.array(fiscalYearName).min(1, { message: 'name at least one fiscal year' }),
  label,
});

export const provisionSchema = z.discriminatedUnion('type', [
  gwi,
  flatIncrease,
  equity,
  addStep,
  stepFreeze,
  lumpSum,
  specialPay,
  longevity,
  health,
  pensionRate,
  overtimeHours,
  flat,
]);

export const provisionTypes = [
  'gwi',
  'flatIncrease',
  'equity',
  'addStep',
  'stepFreeze',
  'lumpSum',
  'specialPay',
  'longevity',
  'health',
  'pensionRate',
  'overtimeHours',
  'flat',
] as const;

export const proposalSchema = z.strictObject({
  name: z.string().min(1, { message: 'must not be empty' }).max(200),
  side: z.enum(['union', 'management', 'joint', 'other']).optional(),
  provisions: z.array(provisionSchema).max(200),
});

const scenarioObject = z.strictObject({
  format: z.literal(SCENARIO_FORMAT, { error: `must be "${SCENARIO_FORMAT}"` }),
  unit: z.strictObject({ id: code, name: z.string().max(200).default('') }),
  calendar: calendarSchema,
  term: termSchema,
  schedule: scheduleSchema,
  roster: rosterSchema,
  assumptions: assumptionsSchema,
  proposals: z.array(proposalSchema).max(50).default([]),
});

export const scenarioSchema = scenarioObject.superRefine(crossReferenceIssues);

/** Checks that need more than one part of the document: classes, steps, pay codes, roster ids. */
function crossReferenceIssues(s: z.output<typeof scenarioObject>, ctx: z.RefinementCtx): void {
  const classSteps = new Map(s.schedule.classes.map((c) => [c.code, c.steps.length]));
  const ids = new Map<string, number>();
  s.roster.rows.forEach((row, i) => {
    const path = ['roster', 'rows', i];
    const first = ids.get(row.id);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `roster id ${row.id} is used twice (also rows[${first}])` });
    else ids.set(row.id, i);
    const steps = classSteps.get(row.class);
    if (steps === undefined) {
      ctx.addIssue({ code: 'custom', path: [...path, 'class'], message: `class ${row.class} is not in the schedule` });
    } else if (row.step > steps) {
      ctx.addIssue({ code: 'custom', path: [...path, 'step'], message: `step ${row.step} does not exist in class ${row.class} (${steps} steps)` });
    }
    row.pays.forEach((p, j) => {
      if (row.pays.indexOf(p) !== j) ctx.addIssue({ code: 'custom', path: [...path, 'pays', j], message: `special pay ${p} is listed twice` });
      else if (!(p in s.assumptions.specialPays)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'pays', j], message: `special pay ${p} is not defined in assumptions.specialPays` });
      }
    });
    const stale =
      row.nextStepDate !== undefined && isValidIsoDate(row.nextStepDate) && isValidIsoDate(s.roster.extractDate) && parseDay(row.nextStepDate) <= parseDay(s.roster.extractDate);
    if (stale && steps !== undefined && !row.vacant && row.step < steps) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'nextStepDate'],
        message: `step date ${row.nextStepDate} is on or before the extract date ${s.roster.extractDate} for a row below the top step: the payroll extract is stale`,
      });
    }
  });
  s.proposals.forEach((proposal, i) => {
    proposal.provisions.forEach((provision, j) => {
      if ('classes' in provision && provision.classes) {
        provision.classes.forEach((c, k) => {
          if (!classSteps.has(c)) ctx.addIssue({ code: 'custom', path: ['proposals', i, 'provisions', j, 'classes', k], message: `class ${c} is not in the schedule` });
        });
      }
    });
  });
  s.assumptions.longevity.forEach((band, i) => {
    if (new Decimal(band.percent).lt(0)) ctx.addIssue({ code: 'custom', path: ['assumptions', 'longevity', i, 'percent'], message: 'must not be negative' });
  });
}

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Calendar = Scenario['calendar'];
export type Schedule = Scenario['schedule'];
export type ScheduleClass = Schedule['classes'][number];
export type RosterRow = Scenario['roster']['rows'][number];
export type Assumptions = Scenario['assumptions'];
export type Proposal = Scenario['proposals'][number];
export type Provision = z.output<typeof provisionSchema>;
export type ProvisionType = Provision['type'];
export type SpecialPayDefinition = z.output<typeof specialPayDefinitionSchema>;
export type LongevityBand = z.output<typeof longevityBandSchema>;
