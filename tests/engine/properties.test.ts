import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, componentNames, type Components, type CostingResult } from '../../shared/index.js';
import { provisionArb, rowArb, scenarioArb, scenarioFrom } from './arbitraryScenario.js';
import { cost } from './scenarioBuilder.js';

const RUNS = { numRuns: 60 };
const sum = (values: string[]) => values.reduce((a, v) => a.plus(v), new Decimal(0)).toFixed(2);
const componentsSum = (c: Components) => sum(componentNames.map((n) => c[n]));

function everyComponents(r: CostingResult): Components[] {
  const out: Components[] = [...Object.values(r.baseline), ...Object.values(r.baselineByClass).flatMap((y) => Object.values(y))];
  for (const p of r.proposals) {
    out.push(...Object.values(p.byFiscalYear), ...Object.values(p.increase), p.increaseTotal, p.ongoingAnnualIncreaseByComponent);
    for (const byFy of [...Object.values(p.byClass), ...Object.values(p.increaseByClass)]) out.push(...Object.values(byFy));
  }
  return out;
}

describe('costing invariants (fast-check)', () => {
  it('components sum to totals, classes sum to the unit, increase = proposal − baseline', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const r = cost(input);
        for (const c of everyComponents(r)) expect(componentsSum(c)).toBe(c.total);
        const p = r.proposals[0]!;
        for (const fy of r.fiscalYears) {
          const classTotal = sum(Object.values(r.baselineByClass).map((y) => y[fy]!.total));
          expect(classTotal).toBe(r.baseline[fy]!.total); // no flat in the baseline
          const withoutFlat = new Decimal(p.byFiscalYear[fy]!.total).minus(p.byFiscalYear[fy]!.flat).toFixed(2);
          expect(sum(Object.values(p.byClass).map((y) => y[fy]!.total))).toBe(withoutFlat);
          expect(new Decimal(p.byFiscalYear[fy]!.total).minus(r.baseline[fy]!.total).toFixed(2)).toBe(p.increase[fy]!.total);
        }
        expect(sum(r.fiscalYears.map((fy) => p.increase[fy]!.total))).toBe(p.increaseTotal.total);
      }),
      RUNS,
    );
  });

  it('byProvision charges add up to the increase exactly, per fiscal year and in total', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const p = cost(input).proposals[0]!;
        for (const fy of Object.keys(p.increase)) expect(sum(p.byProvision.map((c) => c.byFiscalYear[fy]!))).toBe(p.increase[fy]!.total);
        expect(sum(p.byProvision.map((c) => c.total))).toBe(p.increaseTotal.total);
        p.byProvision.forEach((c) => expect(sum(Object.values(c.byFiscalYear))).toBe(c.total));
      }),
      RUNS,
    );
  });

  it('a proposal without provisions costs exactly zero', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        input.proposals![0]!.provisions = [];
        const p = cost(input).proposals[0]!;
        for (const c of [...Object.values(p.increase), p.increaseTotal, p.ongoingAnnualIncreaseByComponent]) {
          for (const n of [...componentNames, 'total'] as const) expect(c[n]).toBe('0.00');
        }
        expect(p.byProvision).toEqual([]);
        expect(p.compoundedWageIncrease).toBe('0.000000');
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
        expect(cost(counted)).toEqual(cost(copies));
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
