import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/scenario.js';
import { cost, monthlyScenario } from './scenarioBuilder.js';

const issuesOf = (input: unknown) => {
  const r = parseScenario(input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

// Hand computations for the 1.2 rules (COSTING.md). monthlyScenario: monthly pay on a monthly
// schedule (base pay = rate × FTE), FY2027 = Jul 2026 … Jun 2027, class A 5000 / 5250 / 5512.50.

describe('lump sums by percent and by days (§3)', () => {
  it('3.5% one-time on an annual schedule at FTE 0.5: round₂(0.035 × 60000 × 0.5) = 1050.00', () => {
    const r = cost(
      monthlyScenario({
        schedule: { rateBasis: 'annual', classes: [{ code: 'A', title: 'A', steps: ['60000.00'] }] },
        rows: [{ fte: '0.5' }],
        provisions: [{ type: 'lumpSum', percent: '0.035', payDate: '2026-12-15' }],
      }),
    );
    expect(r.proposals[0]!.increase.FY2027!.lumpSums).toBe('1050.00');
  });

  it('2 paid days at H = 2184: round₂(2 × 30 × 2184 / 260) = 504.00; pensionable puts it in the pension base', () => {
    const r = cost(
      monthlyScenario({
        schedule: { rateBasis: 'hourly', hoursPerYear: 2184, classes: [{ code: 'A', title: 'A', steps: ['30.00'] }] },
        rows: [{ pensionTier: 'p' }],
        assumptions: { pension: { p: [{ from: '2020-01-01', rate: '0.1' }] } },
        provisions: [{ type: 'lumpSum', days: '2', payDate: '2026-12-15', pensionable: true }],
      }),
    );
    expect(r.proposals[0]!.increase.FY2027!.lumpSums).toBe('504.00');
    expect(r.proposals[0]!.increase.FY2027!.pension).toBe('50.40'); // 0.1 × 504.00
  });
});

describe('retroactive pay (§3)', () => {
  const gwi = { type: 'gwi' as const, percent: '0.03', effective: '2026-07-01' };
  it('within a fiscal year: Jul–Sep paid at 5000, 3 × 150 = 450 paid with October; the year is unchanged', () => {
    const input = monthlyScenario({ provisions: [gwi] });
    input.proposals![0]!.retroPayDate = '2026-10-15';
    const r = cost(input);
    const p = r.proposals[0]!;
    expect(p.byFiscalYear.FY2027!.wages).toBe('61800.00'); // 3 × 5000 + (5150 + 450) + 8 × 5150
    expect(p.increase.FY2027!.wages).toBe('1800.00');
    expect(p.valueOfOnePercent.FY2027).toBe('618.00'); // ignores retro: 12 × 51.50
  });

  it('across a fiscal-year end: Jan–Jun 2027 owed 6 × 150 = 900, paid in July 2027 (FY2028)', () => {
    const input = monthlyScenario({ term: { start: '2026-07-01', end: '2028-06-30' }, provisions: [{ ...gwi, effective: '2027-01-01' }] });
    input.proposals![0]!.retroPayDate = '2027-07-15';
    const p = cost(input).proposals[0]!;
    expect(p.increase.FY2027!.wages).toBe('0.00');
    expect(p.increase.FY2028!.wages).toBe('2700.00'); // 900 + 12 × 150
    expect(p.increaseTotal.wages).toBe('2700.00'); // same as without retro: 6 × 150 + 12 × 150
  });

  it('across a calendar year: the retro lands in 2027, whose wage base is reached in January', () => {
    const input = monthlyScenario({
      rows: [{ socialSecurity: true }],
      assumptions: { socialSecurity: { rate: '0.062', wageBase: { '2026': '1000000', '2027': '8000' } } },
      provisions: [{ type: 'gwi', percent: '0.1', effective: '2026-07-01' }],
    });
    const withoutRetro = cost(input).proposals[0]!;
    // 2026: 6 × round₂(0.062 × 5500) = 2046 vs baseline 6 × 310 = 1860; 2027 capped: 0.062 × 8000 = 496 both.
    expect(withoutRetro.increase.FY2027!.socialSecurity).toBe('186.00');
    input.proposals![0]!.retroPayDate = '2027-01-15';
    const p = cost(input).proposals[0]!;
    // Jul–Dec paid 5000 (SS 1860 as baseline); January pays 5500 + 6 × 500 = 8500, above the 8000 base: 496.
    expect(p.byFiscalYear.FY2027!.socialSecurity).toBe('2356.00');
    expect(p.increase.FY2027!.socialSecurity).toBe('0.00');
    expect(p.increase.FY2027!.wages).toBe('6000.00');
  });

  it('a retro date after the horizon is an error naming the field', () => {
    const input = monthlyScenario({ provisions: [gwi] });
    input.proposals![0]!.retroPayDate = '2027-07-15';
    expect(() => cost(input)).toThrow(/^proposals\[0\]\.retroPayDate: 2027-07-15 is after the last costed pay date 2027-06-30/);
  });
});

describe('roll-ups (§4, §7)', () => {
  it('a dated rate for one class: 6 × 500 + 6 × 1000 = 9000 for A, 12 × 400 = 4800 for B, reported by name', () => {
    const r = cost(
      monthlyScenario({
        rows: [{}, { class: 'B' }],
        assumptions: {
          otherRollups: [
            {
              name: 'WC',
              classes: ['A'],
              rates: [
                { from: '2026-07-01', rate: '0.1' },
                { from: '2027-01-01', rate: '0.2' },
              ],
            },
            { name: 'WC-B', classes: ['B'], rate: '0.1' },
          ],
        },
      }),
    );
    expect(r.baseline.FY2027!.otherRollups).toBe('13800.00');
    expect(r.baselineRollupsByName).toEqual({ FY2027: { WC: '9000.00', 'WC-B': '4800.00' } });
  });

  it('rollupRate: a delta stays on top of a later dated entry', () => {
    const r = cost(
      monthlyScenario({
        assumptions: {
          otherRollups: [
            {
              name: 'WC',
              rates: [
                { from: '2026-07-01', rate: '0.1' },
                { from: '2027-01-01', rate: '0.2' },
              ],
            },
          ],
        },
        provisions: [{ type: 'rollupRate', name: 'WC', delta: '-0.05', effective: '2026-10-01' }],
      }),
    );
    // Oct–Jun: 3 × 0.05 × 5000 + 6 × 0.15 × 5000 → the cut is 9 × 250 = 2250.
    expect(r.proposals[0]!.increaseRollupsByName).toEqual({ FY2027: { WC: '-2250.00' } });
  });
});

describe('schedule restructuring (§5, §6)', () => {
  it('dropSteps with rows on removed steps, then a new top step', () => {
    const r = cost(
      monthlyScenario({
        rows: [{ step: 1 }, { step: 2 }, { step: 3, nextStepDate: '2027-05-01' }],
        provisions: [
          { type: 'dropSteps', classes: ['A'], count: 1, effective: '2027-01-01' },
          { type: 'addStep', percent: '0.05', effective: '2027-04-01' },
        ],
      }),
    );
    // R1: 6 × 5000 + 6 × 5250 = 61500 (+1500); R2: 12 × 5250 (+0);
    // R3: 10 × 5512.50 + 2 × round₂(5512.50 × 1.05 = 5788.125) = 55125 + 11576.26 (+551.26).
    expect(r.proposals[0]!.increase.FY2027!.wages).toBe('2051.26');
  });

  it('minimumRate rounds the converted floor up: 30.01/h × 2080 / 12 = 5201.7333… → 5201.74', () => {
    const r = cost(
      monthlyScenario({
        rows: [{ step: 1 }, { step: 2 }],
        provisions: [{ type: 'minimumRate', amount: '30.01', rateBasis: 'hourly', effective: '2026-07-01' }],
      }),
    );
    expect(r.proposals[0]!.increase.FY2027!.wages).toBe('2420.88'); // 12 × 201.74; step 2 (5250) unchanged
  });

  it('setRate re-rounds to ratePlaces; a step the class does not have is an error', () => {
    const r = cost(
      monthlyScenario({ rows: [{ step: 2 }], provisions: [{ type: 'setRate', class: 'A', step: 2, amount: '5300.004', effective: '2026-07-01' }] }),
    );
    expect(r.proposals[0]!.increase.FY2027!.wages).toBe('600.00'); // 12 × 50
    expect(() => cost(monthlyScenario({ provisions: [{ type: 'setRate', class: 'A', step: 4, amount: '6000', effective: '2026-07-01' }] }))).toThrow(
      /^proposals\[0\]\.provisions\[0\]\.step: class A has no step 4 on 2026-07-01 \(3 steps\)/,
    );
  });
});

describe('ratePlaces up to 10, the bound §1 sets on decimals', () => {
  it('a gwi re-rounds hourly rates to 10 places', () => {
    const hourly = (ratePlaces: number) =>
      cost(
        monthlyScenario({
          schedule: { rateBasis: 'hourly', ratePlaces, classes: [{ code: 'A', title: 'A', steps: ['45.1234567891'] }] },
          provisions: [{ type: 'gwi', percent: '0.03', effective: '2026-07-01' }],
        }),
      );
    // Baseline 45.1234567891 × 2080 / 12 = 7,821.3991767773… → 7,821.40 a month.
    // 10 places: 45.1234567891 × 1.03 = 46.477160492773 → 46.4771604928; × 2080 = 96,672.4938250…, / 12
    // = 8,056.0411520… → 8,056.04. 12 × (8,056.04 − 7,821.40) = 2,815.68.
    expect(hourly(10).proposals[0]!.increase.FY2027!.wages).toBe('2815.68');
    // 2 places: 46.48 × 2080 / 12 = 8,056.5333… → 8,056.53; 12 × (8,056.53 − 7,821.40) = 2,821.56.
    expect(hourly(2).proposals[0]!.increase.FY2027!.wages).toBe('2821.56');
    expect(issuesOf(monthlyScenario({ schedule: { ratePlaces: 11 } }))).toEqual(['schedule.ratePlaces: must be at most 10']);
  });
});

describe('figures of §7', () => {
  it('step movement, the value of 1% on the status quo, positions and FTE', () => {
    const r = cost(
      monthlyScenario({
        rows: [{ nextStepDate: '2027-01-01' }, { step: 3, vacant: true, count: 2, fte: '0.75' }],
        provisions: [{ type: 'gwi', percent: '0.03', effective: '2026-07-01' }],
      }),
    );
    expect(r.baselineStepMovement!.FY2027!.wages).toBe('1500.00'); // 6 × 250
    expect(r.proposals[0]!.stepMovement!.FY2027!.wages).toBe('1545.00'); // 6 × (5407.50 − 5150)
    // 1%: 6 × 50 + 6 × 52.50 + 2 × 12 × (round₂(5512.50 × 1.01 × 0.75 = 4175.71875) − 4134.38) = 615 + 24 × 41.34
    expect(r.baselineValueOfOnePercent!.FY2027).toBe('1607.16');
    expect([r.positions, r.vacantPositions, r.fte]).toEqual([3, 2, '2.5']);
    // baseline: 61500 + 24 × round₂(5512.50 × 0.75 = 4134.375) = 61500 + 99225.12 = 160725.12; / 2.5
    expect(r.baselinePerFte!.FY2027).toBe('64290.05');
  });

  it('a budget proposal: each other proposal reports its increase over the budget', () => {
    const input = monthlyScenario();
    input.proposals = [
      { name: 'Offer', provisions: [{ type: 'gwi', percent: '0.03', effective: '2026-07-01' }] },
      { name: 'Budget', side: 'budget', provisions: [{ type: 'gwi', percent: '0.02', effective: '2026-07-01' }] },
    ];
    const r = cost(input);
    expect(r.proposals[0]!.overBudget).toEqual({ FY2027: '600.00' }); // 12 × 150 − 12 × 100
    expect(r.proposals[0]!.overBudgetTotal).toBe('600.00');
    expect(r.proposals[1]!.overBudget).toBeUndefined();
  });

  it('increaseOverPriorYear shows a one-time payment and its reversal', () => {
    const r = cost(
      monthlyScenario({
        term: { start: '2026-07-01', end: '2028-06-30' },
        provisions: [
          { type: 'gwi', percent: '0.03', effective: '2026-07-01' },
          { type: 'lumpSum', amount: '1000', payDate: '2026-12-15' },
        ],
      }),
    );
    expect(r.proposals[0]!.increaseOverPriorYear!.FY2027!.total).toBe('2800.00');
    expect(r.proposals[0]!.increaseOverPriorYear!.FY2028!.total).toBe('-1000.00');
    expect(r.proposals[0]!.increaseOverPriorYear!.FY2028!.lumpSums).toBe('-1000.00');
  });

  it('a fund split takes the remainder in the last fund; departments and unassigned sorted by code point', () => {
    const r = cost(
      monthlyScenario({
        rows: [
          {
            count: 3,
            department: 'POL',
            fund: [
              { fund: 'GF', share: '0.5' },
              { fund: 'GRANT', share: '0.5' },
            ],
          },
          { class: 'B', fund: 'GF' },
        ],
        provisions: [
          { type: 'lumpSum', amount: '100.05', payDate: '2026-12-15', classes: ['A'] },
          {
            type: 'flat',
            amount: '10.01',
            fiscalYears: ['FY2027'],
            fund: [
              { fund: 'GRANT', share: '0.3' },
              { fund: 'GF', share: '0.7' },
            ],
            department: 'ADM',
          },
        ],
      }),
    );
    const p = r.proposals[0]!;
    // 100.05 per employee: GF round₂(50.025) = 50.03, GRANT the rest 50.02; × 3.
    expect(p.increaseByFund!.GF!.FY2027!.lumpSums).toBe('150.09');
    expect(p.increaseByFund!.GRANT!.FY2027!.lumpSums).toBe('150.06');
    // flat 10.01: GRANT round₂(3.003) = 3.00, GF the rest 7.01.
    expect(p.increaseByFund!.GRANT!.FY2027!.flat).toBe('3.00');
    expect(p.increaseByFund!.GF!.FY2027!.flat).toBe('7.01');
    expect(Object.keys(r.baselineByFund!)).toEqual(['GF', 'GRANT']);
    expect(Object.keys(r.baselineByDepartment!)).toEqual(['ADM', 'POL', 'unassigned']);
    expect(r.baselineByDepartment!.POL!.FY2027!.wages).toBe('180000.00'); // 3 × 12 × 5000
    expect(p.increaseByDepartment!.ADM!.FY2027!.total).toBe('10.01');
  });

  it('a term that ends mid fiscal year costs only its periods, with term.costs "term"', () => {
    const r = cost(monthlyScenario({ term: { start: '2026-07-01', end: '2027-12-31', costs: 'term' } }));
    expect(r.periodsByFiscalYear).toEqual({ FY2027: 12, FY2028: 6 });
    expect(r.baseline.FY2028!.wages).toBe('30000.00');
  });
});

describe('retro pay only moves money in time (§3)', () => {
  it('on a synthetic unit, the term totals of wages, special pays, longevity and overtime are the same with and without retro', async () => {
    const { syntheticUnit } = await import('../../shared/syntheticUnit.js');
    const input = syntheticUnit(300, 7);
    const plain = cost(input);
    input.proposals![0]!.retroPayDate = '2027-03-15';
    input.proposals![1]!.retroPayDate = '2026-11-20';
    const retro = cost(input);
    for (const p of [0, 1]) {
      for (const component of ['wages', 'specialPays', 'longevity', 'overtime'] as const) {
        expect(retro.proposals[p]!.increaseTotal[component]).toBe(plain.proposals[p]!.increaseTotal[component]);
      }
      // The value of 1% ignores retro (a percent is priced in the year it is earned).
      expect(retro.proposals[p]!.valueOfOnePercent).toEqual(plain.proposals[p]!.valueOfOnePercent);
    }
    expect(retro.proposals[0]!.increase.FY2027!.wages).toBe(plain.proposals[0]!.increase.FY2027!.wages); // paid within FY2027
    expect(retro.proposals[0]!.ongoingAnnualIncrease).toBe(plain.proposals[0]!.ongoingAnnualIncrease);
  });
});

describe('cost per FTE (§7)', () => {
  it('is exact beyond 2^53 cents: health 12 × 1000 over FTE 0.0000000001', () => {
    const r = cost(
      monthlyScenario({
        schedule: { classes: [{ code: 'A', title: 'A', steps: ['5000.00'] }] },
        rows: [{ fte: '0.0000000001', healthTier: 'h' }],
        assumptions: { health: { h: [{ from: '2020-01-01', monthly: '1000.00' }] } },
      }),
    );
    // wages round₂(5000 × 1e-10) = 0.00; health 12 × 1000 = 12000.00; 12000 / 1e-10 = 1.2 × 10¹⁴.
    expect(r.baseline.FY2027!.total).toBe('12000.00');
    expect(r.fte).toBe('0');
    expect(r.baselinePerFte!.FY2027).toBe('120000000000000.00');
  });
});
