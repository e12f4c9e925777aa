import { describe, expect, it } from 'vitest';
import { cost, increase, monthlyScenario } from './scenarioBuilder.js';

describe('Social Security (COSTING.md §4)', () => {
  const scenario = (provisions: NonNullable<Parameters<typeof monthlyScenario>[0]>['provisions'] = []) =>
    monthlyScenario({
      schedule: { rateBasis: 'annual', classes: [{ code: 'A', title: 'A', steps: ['240000.00'] }] },
      rows: [{ socialSecurity: true }],
      assumptions: { socialSecurity: { rate: '0.062', wageBase: { '2026': '176100', '2027': '184500' } } },
      provisions,
    });

  it('counts the year-to-date before the horizon and crosses the cap mid-year', () => {
    // YTD at July 2026 = 6 × 20,000. Jul 1,240.00; Aug 1,240.00; Sep 10,918.20 − 9,920.00 = 998.20;
    // Oct–Dec nothing; Jan–Jun 2027 6 × 1,240.00 under the 2027 base.
    expect(cost(scenario()).baseline.FY2027!.socialSecurity).toBe('10918.20');
  });

  it('a raise takes the proposal to the cap sooner; the prior YTD stays at the baseline pay', () => {
    const r = cost(scenario([{ type: 'gwi', percent: '0.10', effective: '2026-07-01' }]));
    // 2026: YTD 120,000 (baseline) → capped in September again: 3,478.20 either way. 2027: 6 × 1,364 vs 6 × 1,240.
    expect(increase(r, 'FY2027', 'socialSecurity')).toBe('744.00');
    // Lift: a full year of 264,000 against the 2027 base 184,500: capped on both sides.
    expect(r.proposals[0]!.ongoingAnnualIncreaseByComponent.socialSecurity).toBe('0.00');
  });

  it('a wage base with fractions of a cent caps the tax at round₂(rate × the exact base)', () => {
    // §1: any input inside the bounds costs exactly. 500.00 a month, rate 0.9, base 1,000.005 in 2026 and 2027.
    const r = cost(
      monthlyScenario({
        schedule: { rateBasis: 'annual', classes: [{ code: 'A', title: 'A', steps: ['6000.00'] }] },
        rows: [{ socialSecurity: true }],
        assumptions: { socialSecurity: { rate: '0.9', wageBase: { '2026': '1000.005', '2027': '1000.005' } } },
      }),
    );
    // 2026: YTD before July 6 × 500 = 3,000 ≥ base: July–December pay nothing.
    // 2027: Jan round₂(0.9 × 500) = 450.00; Feb round₂(0.9 × 1,000) − 450.00 = 450.00;
    // Mar round₂(0.9 × min(1,000.005, 1,500)) − 900.00 = round₂(900.0045) − 900.00 = 0.00. FY2027: 900.00
    // (rounding the base to 1,000.01 first would give 900.01, more than rate × base).
    expect(r.baseline.FY2027!.socialSecurity).toBe('900.00');
    // A full year at the last period: round₂(0.9 × min(1,000.005, 12 × 500)) = 900.00.
    expect(r.baselineAnnualAtLastPeriod.socialSecurity).toBe('900.00');
  });

  it('a missing wage base for a calendar year touched is an error naming the row', () => {
    expect(() =>
      cost(
        monthlyScenario({
          rows: [{ socialSecurity: true }],
          assumptions: { socialSecurity: { rate: '0.062', wageBase: { '2026': '176100' } } },
        }),
      ),
    ).toThrow(/no Social Security wage base for 2027, needed from the period paid 2027-01-31 by row R1/);
  });
});
