/**
 * Whether a costing of a scenario could pass the 2⁵³ integer cents the engine counts in (about
 * $90 trillion). When it cannot, a costing never takes the decimal path (costBeyondIntegerCents),
 * so never meets that path's work bound, and `validate` need not cost it to know that `cost` will
 * not refuse it. When it might, `validate` costs it and reports what `cost` would.
 *
 * The bound is an upper bound on the sum of the absolute values of every amount a costing adds up,
 * built from the largest inputs: each class's top rate raised by every provision of a proposal in
 * the order that raises it most (floors and set rates first, then flat increases, then percents:
 * max(x, s) + a then × (1 + p) is at least any other order), every special pay and the largest
 * longevity band on top, overtime at that rate, every one-time payment, employer rates with every
 * delta added, for each roster row's count over the costing's fiscal years, with slack for
 * 27-period years, the value-of-1% costings, retro pay and the differences of two totals. It is far
 * above any real scenario's (a 350,000-row state payroll stays twentyfold below 2⁵³ cents), and
 * only inputs near the bounds of COSTING.md §1 reach it.
 */
import { Timeline } from '../engine/timeline.js';
import { Decimal } from '../money.js';
import type { Scenario } from '../schemas/scenario.js';
import type { Provision } from '../provisions/registry.js';

/**
 * The most work costed one employee and one period at a time in decimals (costBeyondIntegerCents):
 * roster rows × costed periods × the costings a report makes (the baseline with and without step
 * movement, each proposal's provision prefixes, value of 1% a fiscal year, no-step). The reference
 * takes about 50–70 µs a unit on a 2-core machine (the examples: 230 rows × 78 periods × 27
 * costings in 24 s), so this is 10–15 s at most.
 */
export const MAX_WORK_BEYOND_INTEGER_CENTS = 200_000;

export function workBeyondIntegerCents(scenario: Scenario, timeline = new Timeline(scenario)): number {
  const F = timeline.fiscalYears.length;
  const costings = 2 + F + scenario.proposals.reduce((sum, p) => sum + p.provisions.length + F + 2, 0);
  return scenario.roster.rows.length * timeline.length * costings;
}

/**
 * Whether `costScenario` could refuse this checked scenario for its size: its amounts might pass
 * integer cents (`mayPassIntegerCents`) and the decimal costing would need more work than it may
 * do. `validate` then costs it to say what `cost` would; otherwise it need not load the engine.
 */
export function mayBeRefusedBeyondIntegerCents(scenario: Scenario): boolean {
  const timeline = new Timeline(scenario);
  if (workBeyondIntegerCents(scenario, timeline) <= MAX_WORK_BEYOND_INTEGER_CENTS) return false;
  return mayPassIntegerCents(scenario, timeline.fiscalYears.length);
}

const LIMIT_CENTS = new Decimal(2).pow(53);
/** Hours in the longest calendar year: the most a per-hour amount or a rate conversion multiplies by. */
const MAX_HOURS = 8784;

export function mayPassIntegerCents(scenario: Scenario, fiscalYears: number): boolean {
  const d = (text: string | undefined) => (text === undefined ? ZERO : new Decimal(text).abs());
  const { schedule, assumptions } = scenario;
  const hours = new Decimal(schedule.hoursPerYear);
  const annualFactor = { hourly: hours, annual: ONE, monthly: new Decimal(12), biweekly: new Decimal(27) }[schedule.rateBasis];
  const provisions: Provision[] = scenario.proposals.flatMap((p) => p.provisions);

  // The highest rate any costing gives each class, in the schedule's basis.
  const raised = (rate: Decimal, list: readonly Provision[]): Decimal => {
    let r = rate;
    for (const p of list) {
      if (p.type === 'setRate') r = Decimal.max(r, d(p.amount));
      if (p.type === 'minimumRate') r = Decimal.max(r, d(p.amount).times(p.rateBasis === undefined || p.rateBasis === schedule.rateBasis ? 1 : MAX_HOURS));
    }
    for (const p of list) if (p.type === 'flatIncrease') r = r.plus(d(p.amount));
    for (const p of list) if (p.type === 'gwi' || p.type === 'equity' || p.type === 'addStep') r = r.times(ONE.plus(d(p.percent)));
    // Each provision rounds to the schedule's places: at most one unit up each.
    return r.plus(list.length);
  };
  const topRate = new Map<string, Decimal>();
  for (const cls of schedule.classes) {
    const top = Decimal.max(...cls.steps.map((s) => new Decimal(s)));
    const highest = Decimal.max(top, ...scenario.proposals.map((p) => raised(top, p.provisions)));
    topRate.set(cls.code, highest.times('1.01')); // the value-of-1% costings
  }

  // Special pays and longevity on top of base pay: every percent and amount, anywhere.
  const pays = [
    ...Object.values(assumptions.specialPays),
    ...provisions.flatMap((p) => (p.type === 'specialPay' ? [p as { percent?: string; amount?: string; per?: string }] : [])),
  ];
  const payPercents = pays.reduce((sum, p) => sum.plus(d(p.percent)), ZERO);
  const bands = [...assumptions.longevity, ...provisions.flatMap((p) => (p.type === 'longevity' ? p.bands : []))];
  const longevityPercent = bands.reduce((max, b) => Decimal.max(max, d(b.percent)), ZERO);
  const overtimeHours = provisions.reduce((max, p) => (p.type === 'overtimeHours' ? Decimal.max(max, d(p.hours)) : max), ZERO);
  const payAmountHours = (extra: Decimal) =>
    pays.reduce((sum, p) => sum.plus(d(p.amount).times(p.per === 'period' ? 53 : p.per === 'month' ? 12 : p.per === 'year' ? 1 : extra.plus(MAX_HOURS))), ZERO);
  const multiplier = d(assumptions.overtimeMultiplier);

  // Employer rates with every override and delta: pension, roll-ups, Social Security, Medicare.
  const maxRate = (entries: readonly { rate: string }[]) => entries.reduce((max, e) => Decimal.max(max, d(e.rate)), ZERO);
  const changes = (type: 'pensionRate' | 'rollupRate') => provisions.reduce((sum, p) => (p.type === type ? sum.plus(d(p.rate)).plus(d(p.delta)) : sum), ZERO);
  const pension = Object.values(assumptions.pension)
    .reduce((max, list) => Decimal.max(max, maxRate(list)), ZERO)
    .plus(changes('pensionRate'));
  const rollups = assumptions.otherRollups
    .reduce((sum, r) => sum.plus(r.rate !== undefined ? d(r.rate) : maxRate(r.rates ?? [])), ZERO)
    .plus(changes('rollupRate'));
  const employerFactor = ONE.plus(pension).plus(rollups).plus(d(assumptions.socialSecurity.rate)).plus(d(assumptions.medicareRate));
  const monthly = [
    ...Object.values(assumptions.health).flatMap((list) => list.map((e) => d(e.monthly))),
    ...provisions.flatMap((p) => (p.type === 'health' ? [d(p.monthly)] : [])),
  ].reduce((max, m) => Decimal.max(max, m), ZERO);

  const lumpSums = provisions.filter((p) => p.type === 'lumpSum');
  const years = new Decimal(fiscalYears).times('1.1'); // 27 biweekly or 53 weekly periods in a year
  // Rows grouped by what their bound depends on, their counts added up (a roster has few such groups).
  const counts = new Map<string, { cls: string; overtime: string; count: bigint }>();
  for (const row of scenario.roster.rows) {
    const key = `${row.class}\u0000${row.overtimeHours}`;
    const group = counts.get(key);
    if (group === undefined) counts.set(key, { cls: row.class, overtime: row.overtimeHours, count: BigInt(row.count) });
    else group.count += BigInt(row.count);
  }
  let total = ZERO;
  for (const { cls, overtime, count } of counts.values()) {
    const rowOvertime = Decimal.max(d(overtime), overtimeHours);
    const base = (topRate.get(cls) ?? ZERO).times(annualFactor);
    const regular = base.times(ONE.plus(payPercents).plus(longevityPercent)).plus(payAmountHours(rowOvertime));
    const yearly = regular.plus(regular.dividedBy(hours).times(rowOvertime).times(multiplier));
    const oneTime = lumpSums.reduce(
      (sum, p) =>
        sum
          .plus(d(p.amount))
          .plus(d(p.percent).times(yearly))
          .plus(
            d(p.days)
              .dividedBy(p.daysPerYear ?? '1')
              .times(yearly),
          ),
      ZERO,
    );
    const perEmployee = yearly.times(years).plus(oneTime).times(employerFactor).plus(monthly.times(12).times(years));
    total = total.plus(perEmployee.times(count.toString()));
  }
  const flats = provisions.reduce((sum, p) => (p.type === 'flat' ? sum.plus(d(p.amount).times(p.fiscalYears.length)) : sum), ZERO);
  // Retro pay moves amounts in time (× 2); an increase is the difference of two totals (× 2).
  const bound = total.times(2).plus(flats).times(2).times(100);
  return bound.gte(LIMIT_CENTS);
}

const ZERO = new Decimal(0);
const ONE = new Decimal(1);
