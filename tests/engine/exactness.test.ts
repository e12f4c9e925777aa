import { describe, expect, it } from 'vitest';
import { applyRate, exactRate } from '../../shared/engine/exactRate.js';
import { centsOf, fixed, times } from '../../shared/engine/fixedPoint.js';
import { cost, monthlyScenario } from './scenarioBuilder.js';

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
