import { describe, expect, it } from 'vitest';
import { Decimal, hourlyEquivalentRounded } from './workedCheckSupport.js';
import { cost, monthlyScenario } from './scenarioBuilder.js';

// COSTING.md §8: the published guides' own figures.
describe('COSTING.md §8 worked checks', () => {
  it('$1,000,000 payroll, 3% a year for 3 years: increments 30,000 / 60,900 / 92,727; 17.15% roll-up within per-period rounding', () => {
    const result = cost(
      monthlyScenario({
        term: { start: '2026-07-01', end: '2029-06-30' },
        schedule: { rateBasis: 'annual', classes: [{ code: 'A', title: 'Payroll', steps: ['1000000.00'] }] },
        rows: [{ pensionTier: 'all' }],
        assumptions: { pension: { all: [{ from: '2020-01-01', rate: '0.1715' }] } },
        provisions: [
          { type: 'gwi', percent: '0.03', effective: '2026-07-01' },
          { type: 'gwi', percent: '0.03', effective: '2027-07-01' },
          { type: 'gwi', percent: '0.03', effective: '2028-07-01' },
        ],
      }),
    );
    const p = result.proposals[0]!;
    expect(['FY2027', 'FY2028', 'FY2029'].map((fy) => p.increase[fy]!.wages)).toEqual(['30000.00', '60900.00', '92727.00']);
    expect(p.increaseTotal.wages).toBe('183627.00');
    // Monthly: round₂(85,833.33 × .1715) − round₂(83,333.33 × .1715) = 428.75 a month, and so on.
    const rollup = ['FY2027', 'FY2028', 'FY2029'].map((fy) => p.increase[fy]!.pension);
    expect(rollup).toEqual(['5145.00', '10444.32', '15902.64']);
    const guide = ['5145.00', '10444.35', '15902.68'];
    rollup.forEach((value, i) => expect(new Decimal(value).minus(guide[i]!).abs().lte('0.12')).toBe(true));
    expect(p.compoundedWageIncrease).toBe('0.092727');
  });

  it('120 members at $13.50/h, 2,080 h: 5%/2%/2% costs 10,830,144 and 2%/2%/5% 10,625,472 for the same final rate', () => {
    const scenario = (raises: string[]) =>
      monthlyScenario({
        calendar: { payFrequency: 'biweekly', firstPeriodStart: '2026-07-01', fiscalYearBy: 'periodEnd', effectiveRule: 'periodContaining' },
        term: { start: '2026-07-01', end: '2029-06-30' },
        schedule: { rateBasis: 'hourly', classes: [{ code: 'A', title: 'Members', steps: ['13.50'] }] },
        rows: [{ count: 120 }],
        provisions: raises.map((percent, i) => ({ type: 'gwi' as const, percent, effective: `${2026 + i}-07-01` })),
      });
    const front = cost(scenario(['0.05', '0.02', '0.02']));
    expect(front.periodsByFiscalYear).toEqual({ FY2027: 26, FY2028: 26, FY2029: 26 });
    const wages = (r: typeof front) => ['FY2027', 'FY2028', 'FY2029'].map((fy) => r.proposals[0]!.byFiscalYear[fy]!.wages);
    expect(wages(front)).toEqual(['3539328.00', '3609216.00', '3681600.00']);
    expect(front.proposals[0]!.byFiscalYear.FY2029!.total).toBe('3681600.00');
    const back = cost(scenario(['0.02', '0.02', '0.05']));
    const sum = (values: string[]) => values.reduce((a, v) => a.plus(v), new Decimal(0)).toFixed(2);
    expect(sum(wages(front))).toBe('10830144.00');
    expect(sum(wages(back))).toBe('10625472.00');
    expect(wages(back)[2]).toBe(wages(front)[2]);
  });

  it('3% on January 1 and 2% on July 1: the in-year raise is 4.03%, the lift 5.06%', () => {
    const result = cost(
      monthlyScenario({
        calendar: { fiscalYearStartMonth: 1 },
        term: { start: '2027-01-01', end: '2027-12-31' },
        schedule: { rateBasis: 'annual', classes: [{ code: 'A', title: 'A', steps: ['120000.00'] }] },
        provisions: [
          { type: 'gwi', percent: '0.03', effective: '2027-01-01' },
          { type: 'gwi', percent: '0.02', effective: '2027-07-01' },
        ],
      }),
    );
    const p = result.proposals[0]!;
    expect(result.fiscalYears).toEqual(['FY2027']);
    expect(p.percentOfBase.FY2027).toBe('0.040300');
    expect(p.ongoingAnnualIncrease).toBe('6072.00');
    expect(new Decimal(p.ongoingAnnualIncrease).dividedBy(result.baseline.FY2027!.total).toFixed(4)).toBe('0.0506');
    expect(p.compoundedWageIncrease).toBe('0.050600');
  });

  it('GS-13 step 1: $42.66/h (2,087-hour divisor on $89,033), 80 h a period: 3,412.80; 26 pay dates 88,732.80, 27 pay dates 92,145.60', () => {
    expect(hourlyEquivalentRounded('89033', 2087)).toBe('42.66');
    const result = cost(
      monthlyScenario({
        // Pay dates every other Thursday from 2026-07-01: 27 of them fall in FY2027.
        calendar: { payFrequency: 'biweekly', firstPeriodStart: '2026-06-18', payLagDays: 0, fiscalYearBy: 'payDate' },
        term: { start: '2026-07-01', end: '2028-06-30' },
        schedule: { rateBasis: 'hourly', classes: [{ code: 'GS13', title: 'GS-13', steps: ['42.66'] }] },
        rows: [{ class: 'GS13' }],
      }),
    );
    expect(result.periodsByFiscalYear).toEqual({ FY2027: 27, FY2028: 26 });
    expect(result.baseline.FY2027!.wages).toBe('92145.60');
    expect(result.baseline.FY2028!.wages).toBe('88732.80');
  });

  it('FLSA regular rate: $8/h with a $1 differential: $8.50 regular rate, 8 OT hours cost $102.00, the week $442.00', () => {
    // 48 hours: 40 straight + 8 overtime. The differential on 24 of the 48 hours is $24, of which $20
    // belongs to the 40 straight-time hours: a $20-a-week pay, so the regular rate is 8 + 20/40 = 8.50.
    const result = cost(
      monthlyScenario({
        calendar: { fiscalYearStartMonth: 1, payFrequency: 'weekly', firstPeriodStart: '2027-01-04' },
        term: { start: '2027-01-01', end: '2027-12-31' },
        schedule: { rateBasis: 'hourly', hoursPerYear: 2080, classes: [{ code: 'A', title: 'A', steps: ['8.00'] }] },
        rows: [{ pays: ['DIFF'], overtimeHours: '416' }],
        assumptions: { specialPays: { DIFF: { amount: '20.00', per: 'period' } } },
      }),
    );
    const fy = result.baseline.FY2027!;
    const periods = result.periodsByFiscalYear.FY2027!;
    expect(periods).toBe(52);
    expect(fy.overtime).toBe(new Decimal('102.00').times(periods).toFixed(2));
    const week = new Decimal(fy.wages).plus(fy.specialPays).plus(fy.overtime).dividedBy(periods);
    expect(week.toFixed(2)).toBe('442.00');
  });

  it('Social Security 2025: 6.2% up to $176,100 is at most $10,918.20 per employee; Medicare uncapped', () => {
    const result = cost(
      monthlyScenario({
        calendar: { fiscalYearStartMonth: 1 },
        term: { start: '2025-01-01', end: '2025-12-31' },
        schedule: { rateBasis: 'annual', classes: [{ code: 'A', title: 'A', steps: ['240000.00'] }] },
        rows: [{ socialSecurity: true, medicare: true, count: 3 }],
        assumptions: { socialSecurity: { rate: '0.062', wageBase: { '2025': '176100' } } },
      }),
    );
    expect(result.baseline.FY2025!.socialSecurity).toBe('32754.60'); // 3 × 10,918.20
    expect(result.baseline.FY2025!.medicare).toBe('10440.00'); // 3 × 0.0145 × 240,000
  });
});
