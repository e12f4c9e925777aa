import { describe, expect, it } from 'vitest';
import { cost, increase, monthlyScenario } from './scenarioBuilder.js';

// Hand-computed cases, one per provision type of COSTING.md §6. The builder pays monthly with
// monthly schedule rates, so a period's base pay is the rate × FTE; FY2027 = July 2026 … June 2027.
describe('provisions, by hand', () => {
  it('gwi: 3% from January on 5,000.00 is 150.00 a month for six months', () => {
    const r = cost(monthlyScenario({ provisions: [{ type: 'gwi', percent: '0.03', effective: '2027-01-01' }] }));
    expect(increase(r, 'FY2027', 'wages')).toBe('900.00');
    expect(r.proposals[0]!.byProvision).toEqual([{ index: 1, type: 'gwi', byFiscalYear: { FY2027: '900.00' }, total: '900.00' }]);
  });

  it('gwi compounds on the published, re-rounded rate', () => {
    // 5,000 × 1.015 = 5,075.00; × 1.0155 = 5,153.6625 → 5,153.66 (published); both from July.
    const r = cost(
      monthlyScenario({
        provisions: [
          { type: 'gwi', percent: '0.015', effective: '2026-07-01' },
          { type: 'gwi', percent: '0.0155', effective: '2026-07-01' },
        ],
      }),
    );
    expect(increase(r, 'FY2027', 'wages')).toBe('1843.92'); // 12 × 153.66
    expect(r.proposals[0]!.byProvision.map((c) => c.total)).toEqual(['900.00', '943.92']);
  });

  it('flatIncrease adds an amount in the schedule basis to every affected cell', () => {
    const r = cost(monthlyScenario({ provisions: [{ type: 'flatIncrease', amount: '100.005', effective: '2027-01-01' }] }));
    expect(increase(r, 'FY2027', 'wages')).toBe('600.06'); // 5,100.005 → 5,100.01, six months
  });

  it('equity raises only the named classes', () => {
    const r = cost(
      monthlyScenario({
        rows: [{ class: 'A' }, { class: 'B' }],
        provisions: [{ type: 'equity', percent: '0.05', effective: '2026-07-01', classes: ['B'] }],
      }),
    );
    expect(increase(r, 'FY2027', 'wages')).toBe('2400.00'); // 4,000 × 5% × 12
    expect(r.proposals[0]!.increaseByClass.A!.FY2027!.total).toBe('0.00');
    expect(r.proposals[0]!.increaseByClass.B!.FY2027!.total).toBe('2400.00');
  });

  it('addStep: a row at the old top moves to the new step on its next step date', () => {
    // New step 4 = 5,512.50 × 1.05 = 5,788.125 → 5,788.13. Step date Oct 15 → the November period.
    const r = cost(
      monthlyScenario({
        rows: [{ step: 3, nextStepDate: '2026-10-15' }],
        provisions: [{ type: 'addStep', percent: '0.05', effective: '2026-07-01' }],
      }),
    );
    expect(increase(r, 'FY2027', 'wages')).toBe('2205.04'); // 8 × 275.63
    expect(r.proposals[0]!.ongoingAnnualIncrease).toBe('3307.56'); // 12 × 275.63
  });

  it('step movement is the baseline: a step date moves the row one step at the next period start', () => {
    const r = cost(monthlyScenario({ rows: [{ step: 1, nextStepDate: '2026-09-10' }] }));
    // July–September at 5,000, October–June at 5,250.
    expect(r.baseline.FY2027!.wages).toBe('62250.00');
  });

  it('rows alike in class, step, vacancy and step date share one step path; rows differing in any move on their own', () => {
    // Step date Sep 10 → the October period: July–September at the old step, October–June at the next.
    // R1, R2: A step 1 → 3 × 5,000 + 9 × 5,250 = 62,250.00 each (one shared path).
    // R3: A step 2 → 3 × 5,250 + 9 × 5,512.50 = 65,362.50.  R4: vacant, no movement → 12 × 5,000 = 60,000.00.
    // R5: B step 1 → 3 × 4,000 + 9 × 4,200 = 49,800.00.
    const date = '2026-09-10';
    const r = cost(
      monthlyScenario({
        rows: [
          { step: 1, nextStepDate: date },
          { step: 1, nextStepDate: date },
          { step: 2, nextStepDate: date },
          { step: 1, nextStepDate: date, vacant: true },
          { class: 'B', step: 1, nextStepDate: date },
        ],
      }),
    );
    expect(r.baselineByClass.A!.FY2027!.wages).toBe('249862.50'); // 2 × 62,250 + 65,362.50 + 60,000
    expect(r.baselineByClass.B!.FY2027!.wages).toBe('49800.00');
  });

  it('stepFreeze keep: a step date falling due in the freeze is used up without a step', () => {
    const r = cost(
      monthlyScenario({
        rows: [{ step: 1, nextStepDate: '2026-09-10' }],
        provisions: [{ type: 'stepFreeze', effective: '2026-07-01', months: 6, mode: 'keep' }],
      }),
    );
    expect(increase(r, 'FY2027', 'wages')).toBe('-2250.00');
  });

  it('stepFreeze slide: the date moves later by the freeze months', () => {
    // Sep 10 falls due (October) in [Jul 1, Jan 1): slides to Mar 10 → the April period.
    const r = cost(
      monthlyScenario({
        rows: [{ step: 1, nextStepDate: '2026-09-10' }],
        provisions: [{ type: 'stepFreeze', effective: '2026-07-01', months: 6, mode: 'slide' }],
      }),
    );
    expect(increase(r, 'FY2027', 'wages')).toBe('-1500.00'); // 6 months at step 1 instead of step 2
  });

  it('stepFreeze slide never lands earlier than the freeze end', () => {
    // Biweekly from 2026-07-04. Freeze [2026-08-20, 2026-09-20). Step date 2026-08-06 falls due at the
    // period starting 2026-08-15? No: 2026-08-15 is before the freeze; use 2026-08-16 → period 2026-08-29
    // (in the freeze). Slid by one month: 2026-09-16 < freeze end 2026-09-20 → 2026-09-20 → period 2026-09-26.
    const r = cost(
      monthlyScenario({
        calendar: { payFrequency: 'biweekly', firstPeriodStart: '2026-07-04', fiscalYearBy: 'periodEnd' },
        schedule: { rateBasis: 'biweekly', classes: [{ code: 'A', title: 'A', steps: ['2000.00', '2100.00'] }] },
        rows: [{ step: 1, nextStepDate: '2026-08-16' }],
        provisions: [{ type: 'stepFreeze', effective: '2026-08-20', months: 1, mode: 'slide' }],
      }),
    );
    // Baseline moves at 2026-08-29; the proposal at 2026-09-26 (the 2026-09-12 period would be the
    // answer without the freeze-end floor): two periods at step 1 instead of step 2.
    expect(increase(r, 'FY2027', 'wages')).toBe('-200.00');
  });

  it('lumpSum: prorated by FTE, in the first period paid on or after its date, none for vacancies', () => {
    const r = cost(
      monthlyScenario({
        rows: [{ fte: '0.5' }, { vacant: true }, { class: 'B' }],
        provisions: [{ type: 'lumpSum', amount: '1000.00', payDate: '2026-12-15', prorateByFte: true, classes: ['A'] }],
      }),
    );
    expect(increase(r, 'FY2027', 'lumpSums')).toBe('500.00');
    expect(increase(r, 'FY2027')).toBe('500.00');
    expect(r.proposals[0]!.ongoingAnnualIncrease).toBe('0.00');
  });

  it('specialPay set, add, and granting a code to a class', () => {
    const base = {
      rows: [{ pays: ['EDU'] }, {}, { class: 'B' }],
      assumptions: { specialPays: { EDU: { percent: '0.02' } } },
    };
    const set = cost(monthlyScenario({ ...base, provisions: [{ type: 'specialPay', code: 'EDU', effective: '2026-07-01', percent: '0.03', mode: 'set' }] }));
    expect(increase(set, 'FY2027', 'specialPays')).toBe('600.00'); // 1% of 5,000 × 12, only the row with EDU
    const add = cost(monthlyScenario({ ...base, provisions: [{ type: 'specialPay', code: 'EDU', effective: '2026-07-01', percent: '0.01', mode: 'add' }] }));
    expect(increase(add, 'FY2027', 'specialPays')).toBe('600.00');
    const grant = cost(
      monthlyScenario({ ...base, provisions: [{ type: 'specialPay', code: 'EDU', effective: '2026-07-01', percent: '0.02', classes: ['B'] }] }),
    );
    expect(increase(grant, 'FY2027', 'specialPays')).toBe('960.00'); // class B row gains 2% of 4,000 × 12
  });

  it('longevity provision replaces the bands; longevity is pensionable', () => {
    const r = cost(
      monthlyScenario({
        rows: [{ hireDate: '2016-03-15', pensionTier: 'p' }],
        assumptions: { longevity: [{ years: 10, percent: '0.02' }], pension: { p: [{ from: '2020-01-01', rate: '0.10' }] } },
        provisions: [{ type: 'longevity', effective: '2026-07-01', bands: [{ years: 10, percent: '0.04' }] }],
      }),
    );
    // Ten years on 2026-03-15: 2% (100.00) in the baseline, 4% (200.00) in the proposal, all year.
    expect(r.baseline.FY2027!.longevity).toBe('1200.00');
    expect(increase(r, 'FY2027', 'longevity')).toBe('1200.00');
    expect(increase(r, 'FY2027', 'pension')).toBe('120.00');
  });

  it('longevity band reached mid-horizon, by calendar anniversary at the period start', () => {
    const r = cost(monthlyScenario({ rows: [{ hireDate: '2016-12-02' }], assumptions: { longevity: [{ years: 10, percent: '0.02' }] } }));
    // Ten years on 2026-12-02 → first period starting on or after it is January: 6 months × 100.00.
    expect(r.baseline.FY2027!.longevity).toBe('600.00');
  });

  it('health provision overrides the tier contribution from its date', () => {
    const r = cost(
      monthlyScenario({
        rows: [{ healthTier: 'family' }],
        assumptions: {
          health: {
            family: [
              { from: '2026-01-01', monthly: '2000.00' },
              { from: '2027-03-01', monthly: '2100.00' },
            ],
          },
        },
        provisions: [{ type: 'health', tier: 'family', monthly: '2200.00', effective: '2027-01-01' }],
      }),
    );
    expect(r.baseline.FY2027!.health).toBe('24400.00'); // 8 × 2,000 + 4 × 2,100
    expect(increase(r, 'FY2027', 'health')).toBe('800.00'); // Jan–Feb +200, Mar–Jun +100
  });

  it('pensionRate: rate overrides, deltas accumulate (an employee pick-up)', () => {
    const assumptions = { pension: { classic: [{ from: '2025-07-01', rate: '0.20' }] } };
    const rows = [{ pensionTier: 'classic' }];
    const pickUp = cost(
      monthlyScenario({
        rows,
        assumptions,
        provisions: [
          { type: 'pensionRate', tier: 'classic', delta: '-0.03', effective: '2026-07-01' },
          { type: 'pensionRate', tier: 'classic', delta: '-0.01', effective: '2027-01-01' },
        ],
      }),
    );
    expect(increase(pickUp, 'FY2027', 'pension')).toBe('-2100.00'); // 6 × 150 + 6 × 200
    const override = cost(
      monthlyScenario({ rows, assumptions, provisions: [{ type: 'pensionRate', tier: 'classic', rate: '0.25', effective: '2027-01-01' }] }),
    );
    expect(increase(override, 'FY2027', 'pension')).toBe('1500.00');
  });

  it('overtimeHours: at the regular rate, not pensionable, with Medicare on top', () => {
    // Hourly equivalent 12 × 5,000 / 2,080 = 28.846153…; 120 h/yr: round₂(120/12 × 1.5 × 28.846153…) = 432.69.
    const r = cost(
      monthlyScenario({
        rows: [{ medicare: true, pensionTier: 'p' }],
        assumptions: { pension: { p: [{ from: '2020-01-01', rate: '0.10' }] } },
        provisions: [{ type: 'overtimeHours', hours: '120', effective: '2026-07-01' }],
      }),
    );
    expect(increase(r, 'FY2027', 'overtime')).toBe('5192.28');
    expect(increase(r, 'FY2027', 'pension')).toBe('0.00');
    expect(increase(r, 'FY2027', 'medicare')).toBe('75.24'); // 12 × (78.77 − 72.50)
  });

  it('flat: a fixed amount in the named fiscal years', () => {
    const r = cost(
      monthlyScenario({
        term: { start: '2026-07-01', end: '2028-06-30' },
        provisions: [{ type: 'flat', amount: '25000.00', fiscalYears: ['FY2028', 'FY2031'], label: 'UAL' }],
      }),
    );
    expect(increase(r, 'FY2027')).toBe('0.00');
    expect(increase(r, 'FY2028', 'flat')).toBe('25000.00');
    expect(r.proposals[0]!.byProvision[0]).toEqual({
      index: 1,
      type: 'flat',
      label: 'UAL',
      byFiscalYear: { FY2027: '0.00', FY2028: '25000.00' },
      total: '25000.00',
    });
    expect(r.proposals[0]!.ongoingAnnualIncrease).toBe('0.00');
    // §9: the per-class detail leaves `flat` out — no key, not a zero; the unit's total still has it.
    for (const block of [r.baselineByClass.A!.FY2028!, r.proposals[0]!.byClass.A!.FY2028!, r.proposals[0]!.increaseByClass.A!.FY2028!]) {
      expect(Object.keys(block)).not.toContain('flat');
      expect(Object.keys(block).at(-1)).toBe('total');
    }
    expect(r.proposals[0]!.increaseByClass.A!.FY2028!.total).toBe('0.00');
  });

  it('value of 1%: every cell in that fiscal year × 1.01, unrounded', () => {
    const r = cost(monthlyScenario({ rows: [{ pensionTier: 'p' }], assumptions: { pension: { p: [{ from: '2020-01-01', rate: '0.10' }] } } }));
    expect(r.proposals[0]!.valueOfOnePercent.FY2027).toBe('660.00'); // 12 × (50.00 + 5.00)
  });

  it('a code granted to a class starts from its current definition, as earlier provisions changed it', () => {
    const r = cost(
      monthlyScenario({
        rows: [{ pays: ['BIL'] }, { class: 'B' }],
        assumptions: { specialPays: { BIL: { amount: '100.00', per: 'month' } } },
        provisions: [
          { type: 'specialPay', code: 'BIL', effective: '2026-07-01', amount: '150.00', per: 'month', mode: 'set' },
          { type: 'specialPay', code: 'BIL', effective: '2027-01-01', amount: '0.00', per: 'month', mode: 'add', classes: ['B'] },
        ],
      }),
    );
    // The A row: +50.00 × 12. The B row gains BIL at 150.00 from January: 150.00 × 6.
    expect(r.proposals[0]!.byProvision.map((c) => c.total)).toEqual(['600.00', '900.00']);
  });
});
