import fc from 'fast-check';
import type { ScenarioInput } from '../../shared/index.js';

type Input = ScenarioInput;
type Provision = NonNullable<Input['proposals']>[number]['provisions'][number];

const day = (from: string, days: number) => (offset: number) => {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + Math.floor(offset % days));
  return d.toISOString().slice(0, 10);
};
const dateIn = (from: string, days: number) => fc.integer({ min: 0, max: days - 1 }).map(day(from, days));
const money = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((c) => (c / 100).toFixed(2));
const fraction = (maxThousandths: number) => fc.integer({ min: 0, max: maxThousandths }).map((t) => (t / 1000).toFixed(3));

/** Class C has the most steps a class may have (99, COSTING.md §1), rates with up to 10 places. */
const classes = [
  { code: 'A', title: 'A', stepMonths: 12, steps: ['41.10', '43.25', '45.40'] },
  { code: 'B', title: 'B', stepMonths: 6, steps: ['30.00', '31.55'] },
  { code: 'C', title: 'C', stepMonths: 3, steps: Array.from({ length: 99 }, (_, i) => `${20 + i}.${String(1234567891 + i * 7).padStart(10, '0')}`) },
];
const topStep = { A: 3, B: 2, C: 99 } as const;

const fundArb = fc.option(
  fc.oneof(
    fc.constantFrom('GF', 'GRANT'),
    fc
      .constantFrom(
        [
          { fund: 'GF', share: '0.3333' },
          { fund: 'GRANT', share: '0.3333' },
          { fund: 'SPECIAL', share: '0.3334' },
        ],
        [
          { fund: 'GRANT', share: '0.1234567891' },
          { fund: 'GF', share: '0.8765432109' },
        ],
      )
      .map((parts) => parts.map((x) => ({ ...x }))),
  ),
  { nil: undefined },
);
const departmentArb = fc.option(fc.constantFrom('POL', 'FIRE'), { nil: undefined });

export const rowArb = fc.record({
  class: fc.constantFrom('A', 'B', 'C'),
  step: fc.integer({ min: 1, max: 99 }),
  fte: fc.constantFrom('1', '0.5', '0.75', '0.1234567891', '1.25', '0'),
  count: fc.integer({ min: 1, max: 3 }),
  hireDate: fc.option(dateIn('1995-01-01', 11000), { nil: undefined }),
  nextStepDate: fc.option(dateIn('2026-06-01', 700), { nil: undefined }),
  pensionTier: fc.option(fc.constant('p'), { nil: undefined }),
  socialSecurity: fc.boolean(),
  medicare: fc.boolean(),
  healthTier: fc.option(fc.constant('h'), { nil: undefined }),
  overtimeHours: fc.constantFrom('0', '80', '150.5'),
  pays: fc.subarray(['X', 'Y']),
  vacant: fc.boolean(),
  fund: fundArb,
  department: departmentArb,
});

const effective = dateIn('2026-03-01', 900);
const classesArb = fc.option(fc.subarray(['A', 'B', 'C'], { minLength: 1 }), { nil: undefined });

export const provisionArb: fc.Arbitrary<Provision> = fc.oneof(
  fc.record({ type: fc.constant('gwi' as const), percent: fraction(60), effective, classes: classesArb }),
  fc.record({ type: fc.constant('flatIncrease' as const), amount: money(0, 3), effective, classes: classesArb }),
  fc.record({ type: fc.constant('equity' as const), percent: fraction(50), effective, classes: fc.subarray(['A', 'B'], { minLength: 1 }) }),
  fc.record({ type: fc.constant('addStep' as const), percent: fraction(50), effective, classes: classesArb }),
  fc.record({
    type: fc.constant('stepFreeze' as const),
    effective,
    months: fc.integer({ min: 1, max: 14 }),
    mode: fc.constantFrom('keep' as const, 'slide' as const),
    classes: classesArb,
  }),
  fc.record({ type: fc.constant('lumpSum' as const), amount: money(0, 2000), payDate: effective, prorateByFte: fc.boolean(), classes: classesArb }),
  fc.record({
    type: fc.constant('specialPay' as const),
    code: fc.constant('X'),
    effective,
    percent: fraction(40),
    mode: fc.constantFrom('set' as const, 'add' as const),
    classes: classesArb,
  }),
  fc.record({
    type: fc.constant('longevity' as const),
    effective,
    bands: fc
      .constant([
        { years: 5, percent: '0.02' },
        { years: 15, percent: '0.05' },
      ])
      .map((b) => b.map((band) => ({ ...band }))),
    classes: classesArb,
  }),
  fc.record({ type: fc.constant('health' as const), effective, tier: fc.constant('h'), monthly: money(500, 2500), classes: classesArb }),
  fc.record({ type: fc.constant('pensionRate' as const), effective, tier: fc.constant('p'), delta: fc.constantFrom('-0.01', '0.015'), classes: classesArb }),
  fc.record({ type: fc.constant('overtimeHours' as const), effective, hours: fc.constantFrom('0', '100', '240'), classes: classesArb }),
  fc.record({
    type: fc.constant('flat' as const),
    amount: money(-5000, 50000),
    fiscalYears: fc.subarray(['FY2027', 'FY2028'], { minLength: 1 }),
    fund: fundArb,
    department: departmentArb,
  }),
  // COSTING.md 1.2
  fc.record({
    type: fc.constant('lumpSum' as const),
    percent: fc.constantFrom('0.035', '0.0123456789'),
    payDate: effective,
    pensionable: fc.boolean(),
    classes: classesArb,
  }),
  fc.record({
    type: fc.constant('lumpSum' as const),
    days: fc.constantFrom('2', '1.5'),
    daysPerYear: fc.option(fc.constant('185'), { nil: undefined }),
    payDate: effective,
    classes: classesArb,
  }),
  fc.record({
    type: fc.constant('setRate' as const),
    class: fc.constantFrom('A', 'C'),
    step: fc.integer({ min: 1, max: 2 }),
    amount: money(30, 50),
    effective,
  }),
  fc.record({
    type: fc.constant('minimumRate' as const),
    amount: fc.constantFrom('31.00', '43.3333333333'),
    rateBasis: fc.constant('hourly' as const),
    effective,
    classes: classesArb,
  }),
  fc.record({ type: fc.constant('dropSteps' as const), classes: fc.constant<string[]>(['C']), count: fc.integer({ min: 1, max: 50 }), effective }),
  fc.record({ type: fc.constant('rollupRate' as const), name: fc.constantFrom('WC', 'DC'), delta: fc.constantFrom('-0.005', '0.01'), effective }),
);

export const calendarArb = fc.oneof(
  fc.record({
    payFrequency: fc.constantFrom('biweekly' as const, 'weekly' as const),
    firstPeriodStart: dateIn('2026-01-01', 14),
    payLagDays: fc.integer({ min: 0, max: 10 }),
    fiscalYearBy: fc.constantFrom('payDate' as const, 'periodEnd' as const),
    effectiveRule: fc.constantFrom('periodStart' as const, 'periodContaining' as const),
  }),
  fc.record({
    payFrequency: fc.constantFrom('semimonthly' as const, 'monthly' as const),
    payLagDays: fc.integer({ min: 0, max: 10 }),
    fiscalYearBy: fc.constantFrom('payDate' as const, 'periodEnd' as const),
    effectiveRule: fc.constantFrom('periodStart' as const, 'periodContaining' as const),
  }),
);

export function scenarioFrom(
  calendar: Input['calendar'],
  rateBasis: 'hourly' | 'annual',
  rows: Omit<Input['roster']['rows'][number], 'id'>[],
  provisions: Provision[],
  retroPayDate?: string,
): Input {
  return {
    format: 'bargaining-costing/scenario@1',
    unit: { id: 'U', name: 'Unit' },
    calendar: { fiscalYearStartMonth: 7, ...calendar },
    term: { start: '2026-07-01', end: '2028-06-30' },
    schedule: {
      id: 'S',
      effective: '2025-07-01',
      rateBasis,
      hoursPerYear: 2080,
      ratePlaces: 2,
      // Annual: × 2080, exactly (decimal strings, no float).
      classes: rateBasis === 'hourly' ? classes : classes.map((c) => ({ ...c, steps: c.steps.map((s) => annual(s)) })),
    },
    roster: {
      extractDate: '2026-05-31',
      rows: rows.map((r, i) => ({ ...r, id: `R${i}`, step: Math.min(r.step, topStep[r.class as 'A' | 'B' | 'C']) })),
    },
    assumptions: {
      id: 'AS',
      pension: {
        p: [
          { from: '2020-01-01', rate: '0.1325' },
          { from: '2027-07-01', rate: '0.1410' },
        ],
      },
      socialSecurity: { rate: '0.062', wageBase: { '2025': '176100', '2026': '184500', '2027': '190800', '2028': '197400', '2029': '204000' } },
      medicareRate: '0.0145',
      otherRollups: [
        { name: 'WC', rate: '0.031', on: 'taxable' },
        { name: 'DC', rate: '0.01', on: 'pensionable' },
      ],
      health: {
        h: [
          { from: '2020-01-01', monthly: '1500.00' },
          { from: '2027-01-01', monthly: '1620.00' },
        ],
      },
      specialPays: { X: { percent: '0.05', pensionable: true }, Y: { amount: '1.25', per: 'hour' } },
      longevity: [
        { years: 10, percent: '0.025' },
        { years: 20, percent: '0.05' },
      ],
      overtimeMultiplier: '1.5',
    },
    proposals: [{ name: 'P', ...(retroPayDate !== undefined ? { retroPayDate } : {}), provisions }],
  };
}

/** An hourly rate × 2080 as a decimal string, digit by digit. */
function annual(hourly: string): string {
  const [whole, frac = ''] = hourly.split('.');
  const scaled = BigInt(`${whole}${frac}`) * 2080n;
  const text = scaled.toString().padStart(frac.length + 1, '0');
  return frac.length === 0 ? text : `${text.slice(0, -frac.length)}.${text.slice(-frac.length)}`;
}

/** A retro pay date inside the horizon's pay dates (FY2027 and FY2028), or none. */
export const retroPayDateArb = fc.option(dateIn('2026-07-20', 640), { nil: undefined });

export const scenarioArb = fc
  .tuple(
    calendarArb,
    fc.constantFrom('hourly' as const, 'annual' as const),
    fc.array(rowArb, { minLength: 1, maxLength: 6 }),
    fc.array(provisionArb, { maxLength: 5 }),
    retroPayDateArb,
  )
  .map(([calendar, basis, rows, provisions, retro]) => scenarioFrom(calendar, basis, rows, provisions, retro));
