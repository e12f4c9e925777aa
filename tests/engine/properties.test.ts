import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CostingInputError, Decimal, componentNames, parseScenario, type ByFundOrDepartment, type CostingResult } from '../../shared/index.js';
import { provisionArb, retroPayDateArb, rowArb, scenarioArb, scenarioFrom } from './arbitraryScenario.js';
import { cost as costOrThrow } from './scenarioBuilder.js';

// Every property here compares the engine with something it does not compute the same way: the
// scenario costed again in pieces (one row at a time, one provision prefix per proposal, a 1% raise
// as a provision), or the rules of COSTING.md applied by hand to the engine's own parts (the fund
// split's remainder rule). Properties that held by construction (components summing to their
// total, byProvision telescoping, an empty proposal costing zero) were dropped for these.
const RUNS = { numRuns: 40 };
const sum = (values: string[]) => values.reduce((a, v) => a.plus(v), new Decimal(0)).toFixed(2);
const minus = (a: string, b: string) => new Decimal(a).minus(b).toFixed(2);
type Input = Parameters<typeof costOrThrow>[0];

/**
 * The engine's costing; a scenario the rules refuse (a 100th step added to the 99-step class, a
 * special pay added to one of another kind) is skipped — any other failure fails the property.
 */
function cost(input: Input): CostingResult {
  try {
    return costOrThrow(input);
  } catch (error) {
    fc.pre(!(error instanceof CostingInputError) && parseScenario(input).ok);
    throw error;
  }
}
type Provision = NonNullable<Input['proposals']>[number]['provisions'][number];

/** The fiscal years × components of one fund/department map summed over its keys. */
function acrossKeys(byKey: ByFundOrDepartment, fy: string, component: (typeof componentNames)[number] | 'total'): string {
  return sum(Object.values(byKey).map((y) => y[fy]![component]));
}

describe('costing invariants (fast-check)', () => {
  it('the unit costs what its rows cost one at a time (no row borrows another row’s pay)', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const whole = cost(input);
        const alone = input.roster.rows.map((row) => cost({ ...structuredClone(input), roster: { ...input.roster, rows: [structuredClone(row)] } }));
        const p = whole.proposals[0]!;
        for (const fy of whole.fiscalYears) {
          for (const c of componentNames) {
            if (c === 'flat') continue; // the flat amounts are the proposal's, in every one-row costing
            expect(sum(alone.map((r) => r.baseline[fy]![c]))).toBe(whole.baseline[fy]![c]);
            expect(sum(alone.map((r) => r.proposals[0]!.byFiscalYear[fy]![c]))).toBe(p.byFiscalYear[fy]![c]);
            expect(sum(alone.map((r) => r.baselineStepMovement![fy]![c]))).toBe(whole.baselineStepMovement![fy]![c]);
          }
          expect(sum(alone.map((r) => r.proposals[0]!.valueOfOnePercent[fy]!))).toBe(p.valueOfOnePercent[fy]);
          expect(sum(alone.map((r) => r.baselineValueOfOnePercent![fy]!))).toBe(whole.baselineValueOfOnePercent![fy]);
        }
        expect(sum(alone.map((r) => r.proposals[0]!.ongoingAnnualIncrease))).toBe(p.ongoingAnnualIncrease);
      }),
      { numRuns: 25 },
    );
  });

  it('provision k is charged what the first k provisions cost as a proposal of their own, minus the first k − 1', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const listed = input.proposals![0]!;
        const prefixes = Array.from({ length: listed.provisions.length + 1 }, (_, k) => ({
          ...listed,
          name: `first ${k}`,
          provisions: listed.provisions.slice(0, k),
        }));
        const r = cost({ ...input, proposals: [listed, ...prefixes] });
        const charges = r.proposals[0]!.byProvision;
        charges.forEach((charge, k) => {
          for (const fy of r.fiscalYears) {
            expect(charge.byFiscalYear[fy]).toBe(minus(r.proposals[k + 2]!.increase[fy]!.total, r.proposals[k + 1]!.increase[fy]!.total));
          }
          expect(charge.total).toBe(minus(r.proposals[k + 2]!.increaseTotal.total, r.proposals[k + 1]!.increaseTotal.total));
        });
        expect(r.proposals[1]!.increaseTotal.total).toBe('0.00'); // no provisions: the baseline exactly
      }),
      { numRuns: 25 },
    );
  });

  it('value of 1% is what a 1% raise from the last fiscal year’s first period costs in that year', () => {
    // Monthly pay, FY2028 = Jul 2027 … Jun 2028 (pay date = period end): a gwi of exactly 0.01 dated
    // 2027-07-01 multiplies every cell of every FY2028 period by 1.01. With 4 rate places it is not
    // re-rounded (the rates have 2), and without other cell changes it commutes with the proposal.
    const unchangedCells = (p: Provision) => !['gwi', 'equity', 'flatIncrease', 'addStep', 'setRate', 'minimumRate'].includes(p.type);
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 4 }), fc.array(provisionArb.filter(unchangedCells), { maxLength: 4 }), (rows, provisions) => {
        const input = scenarioFrom({ payFrequency: 'monthly' }, 'hourly', rows, provisions);
        input.schedule.ratePlaces = 4;
        input.schedule.classes = input.schedule.classes.filter((c) => c.code !== 'C');
        input.roster.rows = input.roster.rows.filter((row) => row.class !== 'C');
        input.proposals![0]!.provisions = provisions.filter((p) => !('classes' in p && p.classes?.includes('C')));
        fc.pre(input.roster.rows.length > 0);
        const onePercent: Provision = { type: 'gwi', percent: '0.01', effective: '2027-07-01' };
        const mine = input.proposals![0]!;
        const r = cost({
          ...input,
          proposals: [mine, { name: 'raised', provisions: [...mine.provisions, onePercent] }, { name: 'status quo + 1%', provisions: [onePercent] }],
        });
        const [p, raised, statusQuo] = r.proposals;
        expect(p!.valueOfOnePercent.FY2028).toBe(minus(raised!.byFiscalYear.FY2028!.total, p!.byFiscalYear.FY2028!.total));
        expect(r.baselineValueOfOnePercent!.FY2028).toBe(statusQuo!.increase.FY2028!.total);
      }),
      RUNS,
    );
  });

  it('retro pay only moves money in time: the same term total of wages, special pays, longevity and overtime', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        retroPayDateArb.filter((d) => d !== undefined),
        (input, retroPayDate) => {
          const earned = structuredClone(input);
          delete earned.proposals![0]!.retroPayDate;
          const paid = structuredClone(input);
          paid.proposals![0]!.retroPayDate = retroPayDate;
          const [e, p] = [cost(earned).proposals[0]!, cost(paid).proposals[0]!];
          for (const c of ['wages', 'specialPays', 'longevity', 'overtime', 'lumpSums', 'health', 'flat'] as const)
            expect(p.increaseTotal[c]).toBe(e.increaseTotal[c]);
          expect(p.valueOfOnePercent).toEqual(e.valueOfOnePercent); // priced in the year earned
          expect(p.ongoingAnnualIncrease).toBe(e.ongoingAnnualIncrease);
        },
      ),
      RUNS,
    );
  });

  it('a fund split adds up to the row, each fund but the last by round₂(amount × share), the last the rest', () => {
    const shareArb = fc.array(fc.integer({ min: 1, max: 9_999_999 }), { minLength: 1, maxLength: 4 }).map((weights) => {
      // Shares with up to 10 places that add up to exactly 1: each part weight / Σ, truncated, the last the rest.
      const total = weights.reduce((a, b) => a + b, 0);
      const parts = weights.slice(0, -1).map((w) => new Decimal(w).div(total).toDecimalPlaces(10, Decimal.ROUND_DOWN));
      const last = new Decimal(1).minus(parts.reduce((a, b) => a.plus(b), new Decimal(0)));
      return [...parts, last].map((share, i) => ({ fund: `F${i}`, share: share.toFixed() }));
    });
    fc.assert(
      fc.property(scenarioArb, shareArb, fc.integer({ min: 1, max: 5 }), (input, fund, count) => {
        fc.pre(fund.every((f) => new Decimal(f.share).gt(0)));
        input.roster.rows = [{ ...input.roster.rows[0]!, fund, count }];
        input.proposals![0]!.provisions = input.proposals![0]!.provisions.filter((p) => p.type !== 'flat');
        const r = cost(input);
        for (const [whole, byFund] of [
          [r.baseline, r.baselineByFund!],
          [r.proposals[0]!.byFiscalYear, r.proposals[0]!.byFund!],
        ] as const) {
          for (const fy of r.fiscalYears) {
            for (const c of componentNames) {
              const perEmployee = new Decimal(whole[fy]![c]).div(count);
              let rest = perEmployee;
              fund.forEach((f, i) => {
                const part = i === fund.length - 1 ? rest : perEmployee.times(f.share).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
                rest = rest.minus(part);
                expect(byFund[f.fund]![fy]![c]).toBe(part.times(count).toFixed(2));
              });
              expect(acrossKeys(byFund, fy, c)).toBe(whole[fy]![c]);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('per-fund and per-department totals add up to the fiscal-year totals, flat amounts included', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const r: CostingResult = cost(input);
        const p = r.proposals[0]!;
        for (const fy of r.fiscalYears) {
          for (const c of [...componentNames, 'total'] as const) {
            for (const byKey of [r.baselineByFund!, r.baselineByDepartment!]) expect(acrossKeys(byKey, fy, c)).toBe(r.baseline[fy]![c]);
            for (const byKey of [p.byFund!, p.byDepartment!]) expect(acrossKeys(byKey, fy, c)).toBe(p.byFiscalYear[fy]![c]);
            for (const byKey of [p.increaseByFund!, p.increaseByDepartment!]) expect(acrossKeys(byKey, fy, c)).toBe(p.increase[fy]![c]);
          }
        }
      }),
      RUNS,
    );
  });

  it('a row with count n costs the same as n copies of it', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 2, max: 4 }), (input, n) => {
        const rows = input.roster.rows;
        const counted = structuredClone(input);
        counted.roster.rows = [{ ...rows[0]!, count: n }];
        const copies = structuredClone(input);
        copies.roster.rows = Array.from({ length: n }, (_, i) => ({ ...rows[0]!, id: `C${i}`, count: 1 }));
        const [a, b] = [cost(counted), cost(copies)];
        // Positions are the same; everything costed is the same.
        expect(a).toEqual(b);
      }),
      RUNS,
    );
  });

  it('the result does not depend on roster order', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (input, seed) => {
        const shuffled = structuredClone(input);
        const rows = shuffled.roster.rows;
        for (let i = rows.length - 1; i > 0; i--) {
          const j = Math.abs(seed + i * 7919) % (i + 1);
          [rows[i], rows[j]] = [rows[j]!, rows[i]!];
        }
        expect(cost(shuffled)).toEqual(cost(input));
      }),
      RUNS,
    );
  });

  it('a larger raise never costs less', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 5 }),
        fc.array(provisionArb, { maxLength: 3 }),
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 1, max: 40 }),
        (rows, others, low, extra) => {
          const calendar = { payFrequency: 'biweekly' as const, firstPeriodStart: '2026-06-20', payLagDays: 6 };
          const raise = (thousandths: number) => ({ type: 'gwi' as const, percent: (thousandths / 1000).toFixed(3), effective: '2026-10-01' });
          const smaller = cost(scenarioFrom(calendar, 'hourly', rows, [...others, raise(low)])).proposals[0]!.increaseTotal.total;
          const larger = cost(scenarioFrom(calendar, 'hourly', rows, [...others, raise(low + extra)])).proposals[0]!.increaseTotal.total;
          expect(new Decimal(larger).gte(smaller)).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
