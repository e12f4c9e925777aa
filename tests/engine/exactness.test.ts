import { describe, expect, it } from 'vitest';
import { applyRate, exactRate } from '../../shared/engine/exactRate.js';
import { centsOf, fixed, times } from '../../shared/engine/fixedPoint.js';
import { costIncrease } from '../../shared/engine/costScenario.js';
import { cost, monthlyScenario, parse } from './scenarioBuilder.js';

describe('exact arithmetic whatever the input', () => {
  it('fixed point reads 80 decimal places exactly, and rounds once to cents', () => {
    const long = `0.${'3'.repeat(80)}`;
    const f = fixed(long);
    expect(f.places).toBe(80);
    expect(f.n).toBe(BigInt('3'.repeat(80)));
    // 300 × 0.333… = 99.999… → 100.00
    expect(centsOf(times(f, fixed('300')))).toBe(10000);
    // round₂(0.333…(80) × 0.15) = round₂(0.0499…) = 0.05
    expect(applyRate(15, exactRate(long))).toBe(5);
  });

  it('every one of 99 steps costs its own rate (cache keys never collide)', () => {
    const steps = Array.from({ length: 99 }, (_, i) => `${1000 + i * 7}.00`);
    const rows = steps.map((_, i) => ({ step: i + 1, fte: i % 2 === 0 ? '1' : '0.5' }));
    const r = cost(monthlyScenario({ schedule: { classes: [{ code: 'A', title: 'A', steps }] }, rows }));
    // Σ 12 × rate × fte, computed independently in integer cents.
    const expected = steps.reduce((sum, s, i) => sum + 12 * Math.round((Number(s) * 100) / (i % 2 === 0 ? 1 : 2)), 0);
    expect(r.baseline.FY2027!.wages).toBe((expected / 100).toFixed(2));
  });
});

describe('amounts beyond the integer cents the engine counts in (§1: every input inside the bounds costs exactly)', () => {
  // The largest hourly rate §1 allows with two places, on one full-time row paid monthly.
  const atTheBound = (rows = 1) =>
    monthlyScenario({
      schedule: { rateBasis: 'hourly', classes: [{ code: 'A', title: 'A', steps: ['999999999999.99'] }] },
      rows: Array.from({ length: rows }, () => ({})),
      provisions: [{ type: 'gwi', percent: '0.03', effective: '2027-01-01' }],
    });

  it('costs an hourly rate at the 10¹² bound to the cent, far past 2⁵³ cents', () => {
    const r = cost(atTheBound());
    // A month: round₂(999,999,999,999.99 × 2080 / 12) = round₂(173,333,333,333,331.6) = 173,333,333,333,331.60;
    // FY2027 is 12 months: 2,079,999,999,999,979.20 (in cents 2.08 × 10¹⁷, past 2⁵³ ≈ 9.007 × 10¹⁵).
    expect(r.baseline.FY2027!.wages).toBe('2079999999999979.20');
    // 3% from January: the rate becomes round₂(999,999,999,999.99 × 1.03) = 1,029,999,999,999.99 (1,029,999,999,999.9897);
    // a month round₂(1,029,999,999,999.99 × 2080 / 12) = round₂(178,533,333,333,331.6) = 178,533,333,333,331.60;
    // six of them 1,071,199,999,999,989.60 against six old months 1,039,999,999,999,989.60: + 31,200,000,000,000.00.
    expect(r.proposals[0]!.increase.FY2027!.wages).toBe('31200000000000.00');
  });

  it("the what-if answer (costIncrease) gives the report's figures", () => {
    const input = atTheBound();
    const report = cost(input);
    const whatIf = costIncrease(parse(input));
    expect(whatIf.baseline).toEqual(report.baseline);
    expect(whatIf.proposals[0]!.increase).toEqual(report.proposals[0]!.increase);
    expect(whatIf.proposals[0]!.increaseTotal).toEqual(report.proposals[0]!.increaseTotal);
  });

  it('refuses, saying why and what to do, when the decimal costing would take too long', () => {
    // 2,000 rows × 12 periods × (2 + 1 + (1 + 1 + 2)) costings = 168,000 — within the bound; 3,000 rows are not.
    expect(() => cost(atTheBound(3000))).toThrow(
      /beyond the \$90 trillion .* at most 200,000 row-period-costings .* this scenario needs 252,000: cost fewer rows/,
    );
  });
});
