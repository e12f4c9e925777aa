// A wider random-scenario generator than tests/engine/arbitraryScenario.ts, for the differential
// test: other fiscal-year starts and terms, every rate basis, more rate places than the schedule
// publishes, amount special pays of every `per`, special-pay provisions with amounts and new codes,
// pension `rate` overrides, health entries dated around provisions, rows at the top step with
// old step dates, pays high enough for the Social Security wage base to bind, lump sums near the
// end of the horizon, several freezes and added steps.
import fc from 'fast-check';
import type { ScenarioInput } from '../../shared/index.js';

type Input = ScenarioInput;
type Provision = NonNullable<Input['proposals']>[number]['provisions'][number];

const addDays = (from: string, days: number) => {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const dateIn = (from: string, days: number) => fc.integer({ min: 0, max: days - 1 }).map((n) => addDays(from, n));
const money = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((c) => (c / 100).toFixed(2));
const fraction = (min: number, max: number, places = 3) =>
  fc.integer({ min: min * 10 ** places, max: max * 10 ** places }).map((t) => (t / 10 ** places).toFixed(places));
const classesArb = fc.option(fc.subarray(['A', 'B', 'C'], { minLength: 1 }), { nil: undefined });
/** Dates that cluster on month ends and the 29th of February as well as anywhere. */
const edgyDate = (from: string, days: number) =>
  fc.oneof(dateIn(from, days), fc.constantFrom('2027-02-28', '2028-02-29', '2026-08-31', '2027-01-31', '2026-12-31', '2027-06-30', '2027-07-01', '2028-06-30'));

const rowArb = fc.record({
  class: fc.constantFrom('A', 'B', 'C'),
  step: fc.integer({ min: 1, max: 4 }),
  fte: fc.constantFrom('1', '0.5', '0.75', '0.3333', '0.8'),
  count: fc.integer({ min: 1, max: 4 }),
  hireDate: fc.option(fc.oneof(dateIn('1990-01-01', 13000), fc.constantFrom('2016-02-29', '2008-02-29', '2017-07-01', '2006-12-31')), { nil: undefined }),
  nextStepDate: fc.option(fc.oneof(dateIn('2025-06-01', 1000), fc.constantFrom('2027-01-31', '2026-08-31', '2027-02-28')), { nil: undefined }),
  pensionTier: fc.option(fc.constantFrom('p', 'q'), { nil: undefined }),
  socialSecurity: fc.boolean(),
  medicare: fc.boolean(),
  healthTier: fc.option(fc.constantFrom('h', 'k'), { nil: undefined }),
  overtimeHours: fc.constantFrom('0', '80', '150.5', '600', '33.33'),
  pays: fc.subarray(['X', 'Y', 'Z', 'W', 'V']),
  vacant: fc.boolean(),
});

const eff = edgyDate('2025-10-01', 1400);

const provisionArb: fc.Arbitrary<Provision> = fc.oneof(
  fc.record({ type: fc.constant('gwi' as const), percent: fc.oneof(fraction(0, 0.08), fraction(-0.05, 0.05, 4)), effective: eff, classes: classesArb }),
  fc.record({ type: fc.constant('flatIncrease' as const), amount: fc.oneof(money(0, 3), money(100, 3000)), effective: eff, classes: classesArb }),
  fc.record({ type: fc.constant('equity' as const), percent: fraction(0, 0.05, 4), effective: eff, classes: fc.subarray(['A', 'B', 'C'], { minLength: 1 }) }),
  fc.record({ type: fc.constant('addStep' as const), percent: fraction(0, 0.06, 4), effective: eff, classes: classesArb }),
  fc.record({
    type: fc.constant('stepFreeze' as const),
    effective: eff,
    months: fc.integer({ min: 1, max: 18 }),
    mode: fc.constantFrom('keep' as const, 'slide' as const),
    classes: classesArb,
  }),
  fc.record({ type: fc.constant('lumpSum' as const), amount: fc.oneof(money(0, 3000), fc.constant('333.335')), payDate: edgyDate('2026-01-01', 1100), prorateByFte: fc.boolean(), classes: classesArb }),
  fc.record({
    type: fc.constant('specialPay' as const),
    code: fc.constantFrom('X', 'Y', 'Z', 'NEW'),
    effective: eff,
    percent: fraction(0, 0.1, 4),
    pensionable: fc.option(fc.boolean(), { nil: undefined }),
    mode: fc.constantFrom('set' as const, 'add' as const),
    classes: classesArb,
  }),
  fc.record({
    type: fc.constant('specialPay' as const),
    code: fc.constantFrom('Y', 'W', 'V', 'NEW'),
    effective: eff,
    amount: money(0, 200),
    per: fc.constantFrom('hour' as const, 'period' as const, 'month' as const, 'year' as const),
    pensionable: fc.option(fc.boolean(), { nil: undefined }),
    mode: fc.constantFrom('set' as const, 'add' as const),
    classes: classesArb,
  }),
  fc.record({
    type: fc.constant('longevity' as const),
    effective: eff,
    bands: fc.constantFrom<{ years: number; percent: string }[]>([{ years: 5, percent: '0.02' }, { years: 15, percent: '0.05' }], [{ years: 0, percent: '0.01' }], []),
    classes: classesArb,
  }),
  fc.record({ type: fc.constant('health' as const), effective: eff, tier: fc.constantFrom('h', 'k'), monthly: money(500, 2500), classes: classesArb }),
  fc.record({ type: fc.constant('pensionRate' as const), effective: eff, tier: fc.constantFrom('p', 'q'), delta: fc.constantFrom('-0.01', '0.015', '-0.0333'), classes: classesArb }),
  fc.record({ type: fc.constant('pensionRate' as const), effective: eff, tier: fc.constantFrom('p', 'q'), rate: fc.constantFrom('0.1', '0.2125'), classes: classesArb }),
  fc.record({ type: fc.constant('overtimeHours' as const), effective: eff, hours: fc.constantFrom('0', '100', '240.25'), classes: classesArb }),
  fc.record({ type: fc.constant('flat' as const), amount: money(-5000, 50000), fiscalYears: fc.subarray(['FY2026', 'FY2027', 'FY2028', 'FY2029', 'FY2030'], { minLength: 1 }) }),
);

/** One or two proposals, with or without a side; provisions with or without labels. */
const proposalArb = fc.record(
  {
    name: fc.constantFrom('P', 'Q'),
    side: fc.constantFrom('union' as const, 'management' as const),
    provisions: fc.array(fc.tuple(provisionArb, fc.option(fc.constantFrom('year 1', 'a label'), { nil: undefined })), { maxLength: 6 }).map((list) =>
      list.map(([p, label]) => (label === undefined ? p : { ...p, label })),
    ),
  },
  { requiredKeys: ['name', 'provisions'] },
);

const calendarArb = fc.oneof(
  fc.record({
    fiscalYearStartMonth: fc.oneof(fc.constantFrom(7, 1, 10), fc.integer({ min: 1, max: 12 })),
    payFrequency: fc.constantFrom('biweekly' as const, 'weekly' as const),
    firstPeriodStart: dateIn('2020-01-01', 3000),
    payLagDays: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 366 })),
    fiscalYearBy: fc.constantFrom('payDate' as const, 'periodEnd' as const),
    effectiveRule: fc.constantFrom('periodStart' as const, 'periodContaining' as const),
  }),
  fc.record({
    fiscalYearStartMonth: fc.oneof(fc.constantFrom(7, 1, 10), fc.integer({ min: 1, max: 12 })),
    payFrequency: fc.constantFrom('semimonthly' as const, 'monthly' as const),
    payLagDays: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 366 })),
    fiscalYearBy: fc.constantFrom('payDate' as const, 'periodEnd' as const),
    effectiveRule: fc.constantFrom('periodStart' as const, 'periodContaining' as const),
  }),
);

const termArb = fc.oneof(
  fc.constantFrom(
    { start: '2026-07-01', end: '2028-06-30' },
    { start: '2026-07-01', end: '2027-06-30' },
    { start: '2026-10-15', end: '2029-03-31' },
    { start: '2027-01-01', end: '2027-12-31' },
  ),
  fc.tuple(dateIn('2025-09-01', 700), fc.integer({ min: 0, max: 1100 })).map(([start, days]) => ({ start, end: addDays(start, days) })),
);

const basisArb = fc.record({
  rateBasis: fc.constantFrom('hourly' as const, 'annual' as const, 'monthly' as const, 'biweekly' as const),
  hoursPerYear: fc.constantFrom(2080, 2184, 2912),
  ratePlaces: fc.constantFrom(2, 0, 4, 1, 3, 6),
  scale: fc.constantFrom(1, 3), // 3: pay high enough for the Social Security wage base to bind
});

const hourlySteps = { A: ['41.1', '43.2537', '45.40', '47.71'], B: ['30.00', '31.555'], C: ['25.125'] } as const;

export const wideScenarioArb = fc
  .tuple(
    calendarArb,
    termArb,
    basisArb,
    fc.array(rowArb, { minLength: 1, maxLength: 5 }),
    fc.array(proposalArb, { minLength: 1, maxLength: 2 }),
    fc.oneof(fc.constantFrom('2026-05-31', '2025-12-31'), dateIn('2025-06-01', 600)),
    fc.record({ stepMonths: fc.constantFrom([12, 6, 18], [1, 24, 3]), overtimeMultiplier: fc.constantFrom('1.5', '2', '1.25'), medicareRate: fc.constantFrom('0.0145', '0.0235') }),
  )
  .map(([calendar, term, basis, rows, proposals, extractDate, misc]): Input => {
    const toBasis = (hourly: string): string => {
      const h = Number(hourly) * basis.scale;
      const factor = { hourly: 1, annual: basis.hoursPerYear, monthly: basis.hoursPerYear / 12, biweekly: basis.hoursPerYear / 26 }[basis.rateBasis];
      return (h * factor).toFixed(basis.rateBasis === 'hourly' ? 4 : 3);
    };
    const classes = (['A', 'B', 'C'] as const).map((code, i) => ({ code, title: code, stepMonths: misc.stepMonths[i]!, steps: hourlySteps[code].map(toBasis) }));
    const top = { A: 4, B: 2, C: 1 } as const;
    return {
      format: 'bargaining-costing/scenario@1',
      unit: { id: 'U', name: 'Unit' },
      calendar,
      term,
      schedule: { id: 'S', effective: '2025-07-01', rateBasis: basis.rateBasis, hoursPerYear: basis.hoursPerYear, ratePlaces: basis.ratePlaces, classes },
      roster: {
        extractDate,
        rows: rows.map((r, i) => {
          const step = Math.min(r.step, top[r.class]);
          // A step date on or before the extract date is only valid for a row at the top or vacant.
          const stale = r.nextStepDate !== undefined && r.nextStepDate <= extractDate && step < top[r.class] && !r.vacant;
          return { ...r, id: `R${i}`, step, nextStepDate: stale ? undefined : r.nextStepDate };
        }),
      },
      assumptions: {
        id: 'AS',
        pension: {
          p: [{ from: '2020-01-01', rate: '0.1325' }, { from: '2027-07-01', rate: '0.1410' }],
          q: [{ from: '2027-03-15', rate: '0.0815' }, { from: '2019-01-01', rate: '0.0790' }],
        },
        socialSecurity: { rate: '0.062', wageBase: Object.fromEntries([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031].map((y) => [String(y), String(150000 + (y - 2018) * 6000)])) },
        medicareRate: misc.medicareRate,
        otherRollups: [{ name: 'WC', rate: '0.031', on: 'taxable' }, { name: 'DC', rate: '0.0125', on: 'pensionable' }],
        health: { h: [{ from: '2020-01-01', monthly: '1500.00' }, { from: '2027-01-01', monthly: '1620.55' }], k: [{ from: '2026-09-16', monthly: '777.77' }, { from: '2010-01-01', monthly: '701.01' }] },
        specialPays: {
          X: { percent: '0.05', pensionable: true },
          Y: { amount: '1.25', per: 'hour' },
          Z: { amount: '100.00', per: 'month', pensionable: true },
          W: { amount: '1234.56', per: 'year' },
          V: { amount: '33.33', per: 'period', pensionable: true },
        },
        longevity: [{ years: 10, percent: '0.025' }, { years: 20, percent: '0.05' }],
        overtimeMultiplier: misc.overtimeMultiplier,
      },
      proposals,
    };
  });

/**
 * The wide scenarios with odd numbers everywhere rounding can bite: any hours per year, FTEs and
 * overtime hours with up to 4 places, odd amount pays, odd rates with 4 places — so exact ties at
 * half a cent and non-terminating divisions (by H, by P) are common.
 */
export const roundingScenarioArb = fc
  .tuple(
    wideScenarioArb,
    fc.integer({ min: 1, max: 8784 }),
    fc.array(fc.tuple(fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 1, max: 99999 })), { minLength: 5, maxLength: 5 }),
    fc.array(fc.integer({ min: 1, max: 999999 }), { minLength: 6, maxLength: 6 }),
  )
  .map(([input, hoursPerYear, perRow, rates]) => {
    const odd = (n: number, places: number) => (n / 10 ** places).toFixed(places);
    input.schedule.hoursPerYear = hoursPerYear;
    input.schedule.classes = input.schedule.classes.map((c, i) => ({ ...c, steps: c.steps.map((_, j) => odd(rates[(i + j) % 6]! * (input.schedule.rateBasis === 'hourly' ? 1 : 97), 4)) }));
    input.roster.rows = input.roster.rows.map((r, i) => ({ ...r, fte: odd(perRow[i]![0], 4), overtimeHours: odd(perRow[i]![1], 2) }));
    const [a, b, c] = perRow[0]!;
    input.assumptions.specialPays = {
      X: { percent: odd(a, 5), pensionable: true },
      Y: { amount: odd(b, 3), per: 'hour' },
      Z: { amount: odd(c, 3), per: 'month', pensionable: true },
      W: { amount: odd(a * 7, 2), per: 'year' },
      V: { amount: odd(b, 4), per: 'period', pensionable: true },
    };
    return input;
  });
