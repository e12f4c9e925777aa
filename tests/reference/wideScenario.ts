// Wider random-scenario generators than tests/engine/arbitraryScenario.ts, for the differential
// test: other fiscal-year starts and terms, every rate basis, more rate places than the schedule
// publishes, amount special pays of every `per`, special-pay provisions with amounts and new codes,
// pension `rate` overrides, health entries dated around provisions, rows at the top step with
// old step dates, pays high enough for the Social Security wage base to bind, lump sums near the
// end of the horizon, several freezes and added steps — and every field of COSTING.md 1.2: funds
// (codes and splits) and departments, dated and filtered roll-ups, lump sums by percent and days,
// pensionable lump sums, retro pay dates, budget proposals, `term` costing, setRate, minimumRate,
// dropSteps, rollupRate, flat amounts by fund. Variants push the 1.2 bounds: 10-place decimals,
// up to 99 steps, 10 fiscal years, 200 provisions.
import fc from 'fast-check';
import type { FundSpec, RefProvision, RefRow, RefScenario } from '../../shared/reference/referenceCosting.js';

type Input = RefScenario & { format: string };
type Provision = RefProvision;
type ProposalDoc = NonNullable<Input['proposals']>[number];

const addDays = (from: string, days: number) => {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const dateIn = (from: string, days: number) => fc.integer({ min: 0, max: days - 1 }).map((n) => addDays(from, n));
const money = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((c) => (c / 100).toFixed(2));
const fraction = (min: number, max: number, places = 3) =>
  fc.integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) }).map((t) => (t / 10 ** places).toFixed(places));
/** A decimal with exactly `places` places in [min, max), built from integers so no float rounding creeps in. */
const tenPlaces = (min: number, max: number) =>
  fc.tuple(fc.integer({ min, max: max - 1 }), fc.integer({ min: 0, max: 9_999_999_999 })).map(([i, f]) => `${i}.${String(f).padStart(10, '0')}`);
const classesArb = fc.option(fc.subarray(['A', 'B', 'C'], { minLength: 1 }), { nil: undefined });
/** Dates that cluster on month ends and the 29th of February as well as anywhere. */
const edgyDate = (from: string, days: number) =>
  fc.oneof(dateIn(from, days), fc.constantFrom('2027-02-28', '2028-02-29', '2026-08-31', '2027-01-31', '2026-12-31', '2027-06-30', '2027-07-01', '2028-06-30'));

/** Fund codes whose code-point order differs from a locale's ("Zoo" < "aux" < "Ä"-less). */
const fundCode = fc.constantFrom('GF', 'GRANT', 'Zoo', 'aux', 'SPECIAL');
const fundArb = fc.option(
  fc.oneof(
    fundCode as fc.Arbitrary<FundSpec>,
    fc.constantFrom<FundSpec>(
      [
        { fund: 'GF', share: '0.6' },
        { fund: 'GRANT', share: '0.4' },
      ],
      [
        { fund: 'GF', share: '0.3333' },
        { fund: 'aux', share: '0.3333' },
        { fund: 'SPECIAL', share: '0.3334' },
      ],
      [
        { fund: 'Zoo', share: '0.1234567891' },
        { fund: 'GF', share: '0.8765432109' },
      ],
      [{ fund: 'GRANT', share: '1' }],
    ),
  ),
  { nil: undefined },
);
const departmentArb = fc.option(fc.constantFrom('POL', 'FIRE', 'admin'), { nil: undefined });

const rowArb = fc.record({
  class: fc.constantFrom('A', 'B', 'C'),
  step: fc.integer({ min: 1, max: 99 }),
  fte: fc.constantFrom('1', '0.5', '0.75', '0.3333', '0.8', '0.1234567891', '1.5', '0', '2.0000000001'),
  count: fc.integer({ min: 1, max: 4 }),
  hireDate: fc.option(fc.oneof(dateIn('1990-01-01', 13000), fc.constantFrom('2016-02-29', '2008-02-29', '2017-07-01', '2006-12-31')), { nil: undefined }),
  nextStepDate: fc.option(fc.oneof(dateIn('2025-06-01', 1000), fc.constantFrom('2027-01-31', '2026-08-31', '2027-02-28')), { nil: undefined }),
  pensionTier: fc.option(fc.constantFrom('p', 'q'), { nil: undefined }),
  socialSecurity: fc.boolean(),
  medicare: fc.boolean(),
  healthTier: fc.option(fc.constantFrom('h', 'k'), { nil: undefined }),
  overtimeHours: fc.constantFrom('0', '80', '150.5', '600', '33.33', '12.3456789012'),
  pays: fc.subarray(['X', 'Y', 'Z', 'W', 'V']),
  vacant: fc.boolean(),
  fund: fundArb,
  department: departmentArb,
});

const eff = edgyDate('2025-10-01', 1400);

/** Amounts of setRate/minimumRate are drawn as hourly rates and converted to the schedule's basis later. */
const provisionArb: fc.Arbitrary<Provision> = fc.oneof(
  fc.record({
    type: fc.constant('gwi' as const),
    percent: fc.oneof(fraction(0, 0.08), fraction(-0.05, 0.05, 4), fraction(0, 0.05, 10)),
    effective: eff,
    classes: classesArb,
  }),
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
  fc.record({
    type: fc.constant('lumpSum' as const),
    amount: fc.oneof(money(0, 3000), fc.constant('333.335'), money(-500, 0)),
    payDate: edgyDate('2026-01-01', 1100),
    prorateByFte: fc.boolean(),
    pensionable: fc.option(fc.boolean(), { nil: undefined }),
    classes: classesArb,
  }),
  fc.record({
    type: fc.constant('lumpSum' as const),
    percent: fc.oneof(fraction(0, 0.05, 4), fraction(0, 0.035, 10)),
    payDate: edgyDate('2026-01-01', 1100),
    pensionable: fc.option(fc.boolean(), { nil: undefined }),
    classes: classesArb,
  }),
  fc.record({
    type: fc.constant('lumpSum' as const),
    days: fc.constantFrom('2', '1.5', '0.3333333333', '10'),
    daysPerYear: fc.option(fc.constantFrom('185', '260', '365.25'), { nil: undefined }),
    payDate: edgyDate('2026-01-01', 1100),
    pensionable: fc.option(fc.boolean(), { nil: undefined }),
    classes: classesArb,
  }),
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
    bands: fc.constantFrom<{ years: number; percent: string }[]>(
      [
        { years: 5, percent: '0.02' },
        { years: 15, percent: '0.05' },
      ],
      [{ years: 0, percent: '0.01' }],
      [],
    ),
    classes: classesArb,
  }),
  fc.record({ type: fc.constant('health' as const), effective: eff, tier: fc.constantFrom('h', 'k'), monthly: money(500, 2500), classes: classesArb }),
  fc.record({
    type: fc.constant('pensionRate' as const),
    effective: eff,
    tier: fc.constantFrom('p', 'q'),
    delta: fc.constantFrom('-0.01', '0.015', '-0.0333'),
    classes: classesArb,
  }),
  fc.record({
    type: fc.constant('pensionRate' as const),
    effective: eff,
    tier: fc.constantFrom('p', 'q'),
    rate: fc.constantFrom('0.1', '0.2125'),
    classes: classesArb,
  }),
  fc.record({ type: fc.constant('overtimeHours' as const), effective: eff, hours: fc.constantFrom('0', '100', '240.25'), classes: classesArb }),
  fc.record({
    type: fc.constant('flat' as const),
    amount: money(-5000, 50000),
    fiscalYears: fc.subarray(['FY2026', 'FY2027', 'FY2028', 'FY2029', 'FY2030'], { minLength: 1 }),
    fund: fundArb,
    department: departmentArb,
  }),
  fc.record({
    type: fc.constant('setRate' as const),
    class: fc.constantFrom('A', 'B', 'C'),
    step: fc.integer({ min: 1, max: 3 }),
    amount: fraction(20, 60, 4),
    effective: eff,
  }),
  fc.record({
    type: fc.constant('minimumRate' as const),
    amount: fc.oneof(fraction(28, 46, 2), tenPlaces(28, 46)),
    rateBasis: fc.option(fc.constant('hourly' as const), { nil: undefined }),
    effective: eff,
    classes: classesArb,
  }),
  fc.record({
    type: fc.constant('dropSteps' as const),
    classes: fc.constantFrom<string[]>(['A'], ['A', 'B'], ['B']),
    count: fc.constantFrom(1, 1, 2),
    effective: eff,
  }),
  fc.record({
    type: fc.constant('rollupRate' as const),
    name: fc.constantFrom('WC', 'DC', 'STRS', 'PERS'),
    effective: eff,
    rate: fc.constantFrom('0.05', '0.2'),
  }),
  fc.record({
    type: fc.constant('rollupRate' as const),
    name: fc.constantFrom('WC', 'DC', 'STRS', 'PERS'),
    effective: eff,
    delta: fc.constantFrom('-0.01', '0.0125'),
    classes: classesArb,
  }),
);

const labelled = (arb: fc.Arbitrary<Provision>, maxLength: number, minLength = 0) =>
  fc
    .array(fc.tuple(arb, fc.option(fc.constantFrom('year 1', 'a label'), { nil: undefined })), { minLength, maxLength })
    .map((list) => list.map(([p, label]) => (label === undefined ? p : { ...p, label })));

/** A proposal, with or without a side (a budget one among them) and a retro pay date. */
const proposalArb = (maxProvisions: number, minProvisions = 0): fc.Arbitrary<ProposalDoc> =>
  fc.record(
    {
      name: fc.constantFrom('P', 'Q'),
      side: fc.constantFrom('union' as const, 'management' as const, 'budget' as const),
      retroPayDate: edgyDate('2026-06-01', 500),
      provisions: labelled(provisionArb, maxProvisions, minProvisions),
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

const costsArb = fc.option(fc.constantFrom('fiscalYears' as const, 'term' as const), { nil: undefined });
const termArb = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(
        { start: '2026-07-01', end: '2028-06-30' },
        { start: '2026-07-01', end: '2027-06-30' },
        { start: '2026-10-15', end: '2029-03-31' },
        { start: '2027-01-01', end: '2027-12-31' },
      ),
      fc.tuple(dateIn('2025-09-01', 700), fc.integer({ min: 0, max: 1100 })).map(([start, days]) => ({ start, end: addDays(start, days) })),
    ),
    costsArb,
  )
  .map(([term, costs]) => (costs === undefined ? term : { ...term, costs }));

const basisArb = fc.record({
  rateBasis: fc.constantFrom('hourly' as const, 'annual' as const, 'monthly' as const, 'biweekly' as const),
  hoursPerYear: fc.constantFrom(2080, 2184, 2912),
  ratePlaces: fc.constantFrom(2, 0, 4, 1, 3, 6),
  scale: fc.constantFrom(1, 3), // 3: pay high enough for the Social Security wage base to bind
});

const hourlySteps = { A: ['41.1', '43.2537', '45.40', '47.71'], B: ['30.00', '31.555'], C: ['25.125'] } as const;

type Options = { term?: fc.Arbitrary<Input['term']>; rows?: fc.Arbitrary<Omit<RefRow, 'id'>[]>; proposals?: fc.Arbitrary<ProposalDoc[]> };

function scenarioArb(options: Options = {}): fc.Arbitrary<Input> {
  return fc
    .tuple(
      calendarArb,
      options.term ?? termArb,
      basisArb,
      options.rows ?? fc.array(rowArb, { minLength: 1, maxLength: 5 }),
      options.proposals ?? fc.array(proposalArb(6), { minLength: 1, maxLength: 2 }),
      fc.oneof(fc.constantFrom('2026-05-31', '2025-12-31'), dateIn('2025-06-01', 600)),
      fc.record({
        stepMonths: fc.constantFrom([12, 6, 18], [1, 24, 3]),
        overtimeMultiplier: fc.constantFrom('1.5', '2', '1.25'),
        medicareRate: fc.constantFrom('0.0145', '0.0235'),
        lateRollup: fc.boolean(),
        rowsWithoutFund: fc.boolean(),
      }),
    )
    .map(([calendar, term, basis, rows, proposalsDrawn, extractDate, misc]): Input => {
      const factor = { hourly: 1, annual: basis.hoursPerYear, monthly: basis.hoursPerYear / 12, biweekly: basis.hoursPerYear / 26 }[basis.rateBasis];
      const toBasis = (hourly: string): string => (Number(hourly) * basis.scale * factor).toFixed(basis.rateBasis === 'hourly' ? 4 : 3);
      const classes = (['A', 'B', 'C'] as const).map((code, i) => ({
        code,
        title: code,
        stepMonths: misc.stepMonths[i]!,
        steps: hourlySteps[code].map(toBasis),
      }));
      const top = { A: 4, B: 2, C: 1 } as const;
      let budgetSeen = false;
      const proposals = proposalsDrawn.map((p) => {
        // At most one budget proposal (§7): later ones become management's.
        const side = p.side === 'budget' && budgetSeen ? 'management' : p.side;
        if (side === 'budget') budgetSeen = true;
        const provisions = p.provisions.map((prov): Provision => {
          if (prov.type === 'setRate') return { ...prov, amount: toBasis(prov.amount) };
          if (prov.type === 'minimumRate' && prov.rateBasis === undefined) return { ...prov, amount: (Number(prov.amount) * basis.scale * factor).toFixed(6) };
          if (prov.type === 'minimumRate') return { ...prov, amount: (Number(prov.amount) * basis.scale).toFixed(10) };
          return prov;
        });
        return { ...p, ...(side !== undefined ? { side } : {}), provisions };
      });
      return {
        format: 'bargaining-costing/scenario@1',
        unit: { id: 'U', name: 'Unit' },
        calendar,
        term,
        schedule: { id: 'S', effective: '2025-07-01', rateBasis: basis.rateBasis, hoursPerYear: basis.hoursPerYear, ratePlaces: basis.ratePlaces, classes },
        roster: {
          extractDate,
          rows: rows.map((r, i) => {
            const step = Math.min(r.step, top[r.class as 'A' | 'B' | 'C']);
            // A step date on or before the extract date is only valid for a row at the top or vacant.
            const stale = r.nextStepDate !== undefined && r.nextStepDate <= extractDate && step < top[r.class as 'A' | 'B' | 'C'] && !r.vacant;
            const row: RefRow = { ...r, id: `R${i}`, step, nextStepDate: stale ? undefined : r.nextStepDate };
            if (misc.rowsWithoutFund) delete row.fund;
            return row;
          }),
        },
        assumptions: {
          id: 'AS',
          pension: {
            p: [
              { from: '2020-01-01', rate: '0.1325' },
              { from: '2027-07-01', rate: '0.1410' },
            ],
            q: [
              { from: '2027-03-15', rate: '0.0815' },
              { from: '2019-01-01', rate: '0.0790' },
            ],
          },
          socialSecurity: {
            rate: '0.062',
            wageBase: Object.fromEntries(Array.from({ length: 22 }, (_, k) => 2018 + k).map((y) => [String(y), String(150000 + (y - 2018) * 6000)])),
          },
          medicareRate: misc.medicareRate,
          otherRollups: [
            { name: 'WC', rate: '0.031', on: 'taxable' as const },
            { name: 'DC', rate: '0.0125', on: 'pensionable' as const },
            {
              name: 'STRS',
              classes: ['A'],
              rates: [
                { from: '2019-01-01', rate: '0.1910' },
                { from: '2027-01-01', rate: '0.2110' },
              ],
            },
            {
              name: 'PERS',
              pensionTiers: ['p'],
              on: 'taxable' as const,
              rates: [
                { from: '2027-07-01', rate: '0.2681' },
                { from: '2015-07-01', rate: '0.2590' },
              ],
            },
            // Sometimes a roll-up with no rate in effect early on: class C rows make both sides refuse.
            ...(misc.lateRollup ? [{ name: 'LATE', classes: ['C', 'B'], pensionTiers: ['q'], rates: [{ from: '2027-03-01', rate: '0.01' }] }] : []),
          ],
          health: {
            h: [
              { from: '2020-01-01', monthly: '1500.00' },
              { from: '2027-01-01', monthly: '1620.55' },
            ],
            k: [
              { from: '2026-09-16', monthly: '777.77' },
              { from: '2010-01-01', monthly: '701.01' },
            ],
          },
          specialPays: {
            X: { percent: '0.05', pensionable: true },
            Y: { amount: '1.25', per: 'hour' },
            Z: { amount: '100.00', per: 'month', pensionable: true },
            W: { amount: '1234.56', per: 'year' },
            V: { amount: '33.33', per: 'period', pensionable: true },
          },
          longevity: [
            { years: 10, percent: '0.025' },
            { years: 20, percent: '0.05' },
          ],
          overtimeMultiplier: misc.overtimeMultiplier,
        },
        proposals,
      };
    });
}

export const wideScenarioArb = scenarioArb();

/**
 * The wide scenarios with odd numbers everywhere rounding can bite: any hours per year, FTEs,
 * rates and overtime hours with up to 10 places, odd amount pays — so exact ties at half a cent
 * and non-terminating divisions (by H, by P, by days per year) are common.
 */
export const roundingScenarioArb = fc
  .tuple(
    wideScenarioArb,
    fc.integer({ min: 1, max: 8784 }),
    fc.array(
      fc.tuple(
        fc.integer({ min: 1, max: 10000 }),
        fc.integer({ min: 0, max: 99999 }),
        fc.integer({ min: 1, max: 99999 }),
        fc.integer({ min: 1, max: 9_999_999_999 }),
      ),
      { minLength: 5, maxLength: 5 },
    ),
    fc.array(fc.integer({ min: 1, max: 999999 }), { minLength: 6, maxLength: 6 }),
    fc.array(fc.integer({ min: 0, max: 9_999_999_999 }), { minLength: 6, maxLength: 6 }),
  )
  .map(([input, hoursPerYear, perRow, rates, tails]) => {
    const odd = (n: number, places: number) => (n / 10 ** places).toFixed(places);
    /** n/10⁴ followed by 6 more digits: 10 places, exactly. */
    const tenPlace = (n: number, tail: number) => `${odd(n, 4)}${String(tail % 1_000_000).padStart(6, '0')}`;
    input.schedule.hoursPerYear = hoursPerYear;
    input.schedule.classes = input.schedule.classes.map((c, i) => ({
      ...c,
      steps: c.steps.map((_, j) => tenPlace(rates[(i + j) % 6]! * (input.schedule.rateBasis === 'hourly' ? 1 : 97), tails[(i + j) % 6]!)),
    }));
    input.roster.rows = input.roster.rows.map((r, i) => ({
      ...r,
      fte: perRow[i]![3] === 9_999_999_999 ? '1' : `0.${String(perRow[i]![3]).padStart(10, '0')}`,
      overtimeHours: odd(perRow[i]![1], 2),
    }));
    const [a, b, c] = perRow[0]!;
    input.assumptions.specialPays = {
      X: { percent: odd(a, 5), pensionable: true },
      Y: { amount: odd(b, 3), per: 'hour' },
      Z: { amount: odd(c, 3), per: 'month', pensionable: true },
      W: { amount: odd(a * 7, 2), per: 'year' },
      V: { amount: tenPlace(b, tails[0]!), per: 'period', pensionable: true },
    };
    return input;
  });

/** Long horizons: a July fiscal year and terms of 1 to 10 fiscal years; few rows, few provisions. */
export const longTermScenarioArb = scenarioArb({
  term: fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 300 }), costsArb).map(([years, shorten, costs]) => ({
    start: '2026-07-01',
    end: addDays(`${2027 + years}-06-30`, -shorten),
    ...(costs !== undefined ? { costs } : {}),
  })),
  rows: fc.array(rowArb, { minLength: 1, maxLength: 2 }),
  proposals: fc.array(proposalArb(4), { minLength: 1, maxLength: 1 }),
}).map((input) => ({ ...input, calendar: { ...input.calendar, fiscalYearStartMonth: 7 } }));

/** Many provisions (up to 200) on one row over one fiscal year: the naive reference stays affordable. */
export const manyProvisionsScenarioArb = scenarioArb({
  term: fc.constant({ start: '2026-07-01', end: '2027-06-30' }),
  rows: fc.array(rowArb, { minLength: 1, maxLength: 1 }),
  proposals: fc.integer({ min: 100, max: 200 }).chain((n) => fc.array(proposalArb(n, n), { minLength: 1, maxLength: 1 })),
}).map((input) => ({
  ...input,
  calendar: { fiscalYearStartMonth: 7, payFrequency: 'monthly' as const },
  // Without the provisions most likely to make a long list refused (a step count out of bounds, a
  // special pay added to one of another kind), so that the 200 are costed.
  proposals: (input.proposals ?? []).map(({ retroPayDate: _, ...p }) => ({
    ...p,
    provisions: p.provisions.filter(
      (x) => x.type !== 'dropSteps' && x.type !== 'setRate' && x.type !== 'addStep' && !(x.type === 'specialPay' && x.mode === 'add'),
    ),
  })),
}));

/** Up to 99 steps with 10-place rates; rows anywhere on them (steps above 255 no longer exist). */
export const manyStepsScenarioArb = fc
  .tuple(
    wideScenarioArb,
    fc.integer({ min: 60, max: 99 }),
    fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 5, maxLength: 5 }),
    fc.integer({ min: 0, max: 9_999_999_999 }),
  )
  .map(([input, steps, rowSteps, tail]) => {
    const first = input.schedule.classes[0]!;
    const base = Number(first.steps[0]);
    first.steps = Array.from(
      { length: steps },
      (_, i) => `${Math.floor(base * (1 + i / 100))}.${String((tail + i * 7919) % 10_000_000_000).padStart(10, '0')}`,
    );
    input.roster.rows = input.roster.rows.map((r, i) =>
      r.class === 'A'
        ? {
            ...r,
            step: Math.min(rowSteps[i]!, steps),
            nextStepDate: r.vacant || r.nextStepDate === undefined || r.nextStepDate > input.roster.extractDate ? r.nextStepDate : undefined,
          }
        : r,
    );
    return input;
  });

/**
 * A wide scenario with one input just outside a bound of COSTING.md §1, and the path that names it:
 * both sides must refuse it there.
 */
export const outOfBoundsScenarioArb = fc
  .tuple(wideScenarioArb, fc.integer({ min: 0, max: 11 }), fc.constantFrom('1', '3', '-1', '1.0000000001'))
  .map(([input, which, percent]): { input: Input; path: string } => {
    const provisions = input.proposals![0]!.provisions;
    const at = `proposals[0].provisions[${provisions.length}]`;
    switch (which) {
      case 0:
        provisions.push({ type: 'gwi', percent, effective: '2026-07-01' });
        return { input, path: `${at}.percent` };
      case 1:
        provisions.push({ type: 'lumpSum', percent, payDate: '2026-12-01' });
        return { input, path: `${at}.percent` };
      case 2:
        input.assumptions.specialPays!.X = { percent, pensionable: true };
        return { input, path: 'assumptions.specialPays.X.percent' };
      case 3:
        input.assumptions.longevity = [{ years: 10, percent }];
        return { input, path: 'assumptions.longevity[0].percent' };
      case 4:
        input.roster.rows[0]!.fte = '0.12345678901';
        return { input, path: 'roster.rows[0].fte' };
      case 5:
        provisions.push({ type: 'flat', amount: percent.startsWith('-') ? '-1000000000000' : '1000000000000.00', fiscalYears: ['FY2027'] });
        return { input, path: `${at}.amount` };
      case 6:
        input.term = { start: '2026-07-01', end: '2037-06-30' };
        input.calendar.fiscalYearStartMonth = 7;
        return { input, path: 'term.end' };
      case 7:
        input.schedule.classes[0]!.steps = Array.from({ length: 100 }, (_, i) => `${100 + i}.00`);
        return { input, path: 'schedule.classes[0].steps' };
      case 8:
        input.proposals![0]!.provisions = Array.from({ length: 201 }, () => ({ type: 'flat' as const, amount: '1.00', fiscalYears: ['FY2027'] }));
        return { input, path: 'proposals[0].provisions' };
      case 9:
        input.proposals = Array.from({ length: 21 }, (_, i) => ({ name: `P${i}`, provisions: [] }));
        return { input, path: 'proposals' };
      case 10:
        input.roster.rows[0]!.overtimeHours = '12.12345678901';
        return { input, path: 'roster.rows[0].overtimeHours' };
      default:
        input.assumptions.socialSecurity!.wageBase!['2027'] = '1000000000000';
        return { input, path: 'assumptions.socialSecurity.wageBase["2027"]' };
    }
  });
