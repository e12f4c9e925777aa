// Hand-computed cases for the rules new in COSTING.md 1.2, the arithmetic written beside each
// figure. Every figure is asserted on costScenario and, as an independent check of the same
// arithmetic, on the naive reference of tests/reference/ (expect.soft: a failure on one side
// does not hide the other). Unless a case says otherwise: monthly pay, schedule rates per month
// (so base pay = rate × FTE), FY2027 = July 2026 … June 2027, pay date = period end, Medicare off.
import { describe, expect, it } from 'vitest';
import { costScenario, parseScenario } from '../../shared/index.js';
import { referenceCost } from '../../shared/reference/referenceCosting.js';

type Doc = Record<string, unknown>;

function scenario(over: { calendar?: Doc; term?: Doc; schedule?: Doc; rows?: Doc[]; assumptions?: Doc; provisions?: Doc[]; proposals?: Doc[] }): Doc {
  return {
    format: 'bargaining-costing/scenario@1',
    unit: { id: 'U' },
    calendar: { fiscalYearStartMonth: 7, payFrequency: 'monthly', ...over.calendar },
    term: over.term ?? { start: '2026-07-01', end: '2027-06-30' },
    schedule: {
      id: 'S',
      effective: '2025-07-01',
      rateBasis: 'monthly',
      classes: [
        { code: 'A', steps: ['5000.00', '5250.00', '5512.50'] },
        { code: 'B', steps: ['4000.00', '4200.00'] },
      ],
      ...over.schedule,
    },
    roster: { extractDate: '2026-05-31', rows: (over.rows ?? [{}]).map((r, i) => ({ id: `R${i + 1}`, class: 'A', step: 1, medicare: false, ...r })) },
    assumptions: { id: 'AS', ...over.assumptions },
    proposals: over.proposals ?? [{ name: 'P', provisions: over.provisions ?? [] }],
  };
}

function at(result: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o === null || typeof o !== 'object' ? undefined : (o as Record<string, unknown>)[k]), result);
}

/** Costs with the engine and with the reference; `check` asserts one figure on both. */
function costBoth(input: Doc) {
  const parsed = parseScenario(input);
  const engine = (): unknown => {
    if (!parsed.ok) throw new Error(`the engine refuses the scenario: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    return costScenario(parsed.value);
  };
  let engineResult: unknown;
  let engineError: unknown;
  try {
    engineResult = engine();
  } catch (error) {
    engineError = error;
  }
  const reference = referenceCost(parsed.ok ? parsed.value : structuredClone(input));
  return {
    reference,
    check(path: string, value: unknown) {
      expect.soft(at(reference, path), `reference ${path}`).toEqual(value);
      if (engineError !== undefined) expect.soft(`refused: ${(engineError as Error).message}`, `engine ${path}`).toBe('costed');
      else expect.soft(at(engineResult, path), `engine ${path}`).toEqual(value);
    },
  };
}

describe('COSTING.md 1.2 by hand', () => {
  it('a 3.5% one-time payment on an annual schedule at FTE 0.5, pensionable, reversing the next year', () => {
    const r = costBoth(
      scenario({
        term: { start: '2026-07-01', end: '2028-06-30' },
        schedule: { rateBasis: 'annual', classes: [{ code: 'A', steps: ['81234.57'] }] },
        rows: [{ fte: '0.5', pensionTier: 'p' }],
        assumptions: { pension: { p: [{ from: '2020-01-01', rate: '0.10' }] } },
        provisions: [{ type: 'lumpSum', percent: '0.035', payDate: '2026-10-15', pensionable: true }],
      }),
    );
    // round₂(0.035 × 81,234.57 × 0.5) = round₂(1,421.604975) = 1,421.60, paid in October (pay date 10-31).
    r.check('proposals.0.increase.FY2027.lumpSums', '1421.60');
    // October base = round₂(81,234.57 × 0.5 / 12) = round₂(3,384.77375) = 3,384.77.
    // Pension: round₂(0.10 × (3,384.77 + 1,421.60)) − round₂(0.10 × 3,384.77) = 480.64 − 338.48 = 142.16.
    r.check('proposals.0.increase.FY2027.pension', '142.16');
    r.check('proposals.0.increase.FY2027.total', '1563.76');
    // The change over the prior year shows it in FY2027 and reverses it in FY2028.
    r.check('proposals.0.increaseOverPriorYear.FY2027.total', '1563.76');
    r.check('proposals.0.increaseOverPriorYear.FY2028.lumpSums', '-1421.60');
    r.check('proposals.0.increaseOverPriorYear.FY2028.total', '-1563.76');
    r.check('proposals.0.ongoingAnnualIncrease', '0.00');
  });

  it('2 paid days at H = 2184, at 260 and at 185 days a year, FTE 1 and 0.75', () => {
    const r = costBoth(
      scenario({
        schedule: { rateBasis: 'hourly', hoursPerYear: 2184, classes: [{ code: 'A', steps: ['45.67'] }] },
        rows: [{}, { fte: '0.75' }],
        provisions: [
          { type: 'lumpSum', days: '2', payDate: '2026-12-01' },
          { type: 'lumpSum', days: '1.5', daysPerYear: '185', payDate: '2027-03-01' },
        ],
      }),
    );
    // Annual base 45.67 × 2,184 = 99,743.28.
    // 2 days of 260:   FTE 1: round₂(2 × 99,743.28 / 260) = round₂(767.256) = 767.26;
    //                  FTE 0.75: round₂(2 × 99,743.28 × 0.75 / 260) = round₂(575.442) = 575.44.
    // 1.5 days of 185: FTE 1: round₂(149,614.92 / 185) = round₂(808.7293…) = 808.73;
    //                  FTE 0.75: round₂(112,211.19 / 185) = round₂(606.5469…) = 606.55.
    r.check('proposals.0.byProvision.0.total', '1342.70'); // 767.26 + 575.44
    r.check('proposals.0.byProvision.1.total', '1415.28'); // 808.73 + 606.55
    r.check('proposals.0.increase.FY2027.lumpSums', '2757.98');
  });

  it('retro within a fiscal year: the same wages, the roll-up at the retro period’s rate', () => {
    const input = (retroPayDate?: string) =>
      scenario({
        rows: [{ pensionTier: 'p' }],
        assumptions: {
          pension: {
            p: [
              { from: '2020-01-01', rate: '0.10' },
              { from: '2026-10-01', rate: '0.12' },
            ],
          },
        },
        proposals: [{ name: 'P', ...(retroPayDate ? { retroPayDate } : {}), provisions: [{ type: 'gwi', percent: '0.03', effective: '2026-07-01' }] }],
      });
    const r = costBoth(input('2026-10-15'));
    // Jul–Sep (paid 07-31 … 09-30, before 10-15) pay the baseline 5,000.00; October, the retro
    // period, pays 5,150.00 + 3 × 150.00 = 5,600.00. Wages: 12 × 150.00 = 1,800.00 as without retro.
    r.check('proposals.0.increase.FY2027.wages', '1800.00');
    r.check('proposals.0.byFiscalYear.FY2027.wages', '61800.00');
    // Pension, proposal: 3 × 500.00 + 5,600 × 0.12 (672.00) + 8 × 5,150 × 0.12 (8 × 618.00 = 4,944.00) = 7,116.00;
    // baseline 3 × 500.00 + 9 × 600.00 = 6,900.00 → 216.00 (without retro 3 × 515 + 9 × 618 − 6,900 = 207.00).
    r.check('proposals.0.increase.FY2027.pension', '216.00');
    r.check('proposals.0.byProvision.0.total', '2016.00');
    // Value of 1% ignores retro: 12 × 51.50 wages + 12 × pension on 51.50 (3 × 5.15 + 9 × 6.18) = 618.00 + 71.07.
    r.check('proposals.0.valueOfOnePercent.FY2027', '689.07');
    const without = costBoth(input());
    without.check('proposals.0.increase.FY2027.pension', '207.00');
  });

  it('retro across a fiscal-year end moves the cost into the next fiscal year', () => {
    const r = costBoth(
      scenario({
        term: { start: '2026-07-01', end: '2028-06-30' },
        proposals: [{ name: 'P', retroPayDate: '2027-08-10', provisions: [{ type: 'gwi', percent: '0.03', effective: '2027-03-01' }] }],
      }),
    );
    // The raise is earned from March 2027. Mar–Jul 2027 are paid before 08-10 at 5,000.00; August
    // 2027 pays 5,150.00 + 5 × 150.00. FY2027: 0; FY2028: 900.00 + 10 × 150.00 (Sep–Jun) = 2,400.00
    // = the 16 months × 150.00 earned Mar 2027 – Jun 2028.
    r.check('proposals.0.increase.FY2027.wages', '0.00');
    r.check('proposals.0.increase.FY2028.wages', '2400.00');
    r.check('proposals.0.increaseTotal.wages', '2400.00');
    // Value of 1% is priced in the year earned: FY2027 8 × 50.00 + 4 × 51.50 = 606.00.
    r.check('proposals.0.valueOfOnePercent.FY2027', '606.00');
    r.check('proposals.0.ongoingAnnualIncrease', '1800.00');
  });

  it('retro across a calendar year: the back pay is taxed in the new year, where the row crosses the wage base', () => {
    const input = (retroPayDate?: string) =>
      scenario({
        term: { start: '2026-07-01', end: '2027-01-31', costs: 'term' },
        schedule: { classes: [{ code: 'A', steps: ['20000.00'] }] },
        rows: [{ socialSecurity: true }],
        assumptions: { socialSecurity: { rate: '0.062', wageBase: { '2026': '200000', '2027': '30000' } } },
        proposals: [{ name: 'P', ...(retroPayDate ? { retroPayDate } : {}), provisions: [{ type: 'gwi', percent: '0.10', effective: '2026-07-01' }] }],
      });
    // Costed: Jul 2026 – Jan 2027 (term). Seed: Jan–Jun 2026 at 20,000 = 120,000 YTD.
    // 2026 (Jul–Dec) the proposal pays the baseline 20,000 a month: YTD 140k, 160k, 180k, 200k (cap):
    // 4 × 1,240.00 = 4,960.00 on both sides.
    // January 2027, the retro period: 22,000 + 6 × 2,000 = 34,000, above the 30,000 base:
    // round₂(0.062 × 30,000) = 1,860.00; baseline 0.062 × 20,000 = 1,240.00 → increase 620.00.
    const r = costBoth(input('2027-01-15'));
    r.check('periodsByFiscalYear.FY2027', 7);
    r.check('proposals.0.increase.FY2027.wages', '14000.00'); // 7 × 2,000.00, as without retro
    r.check('proposals.0.increase.FY2027.socialSecurity', '620.00');
    r.check('proposals.0.byFiscalYear.FY2027.socialSecurity', '6820.00'); // 4,960.00 + 1,860.00
    // Without retro: 2026 still caps at 4,960.00 (1,364 × 3 + 12,400 − 11,532 = 868); Jan 22,000 × 0.062 = 1,364.00.
    const without = costBoth(input());
    without.check('proposals.0.increase.FY2027.socialSecurity', '124.00');
    without.check('proposals.0.increase.FY2027.wages', '14000.00');
  });

  it('a roll-up whose rate changes mid-term for one class only, and a rollupRate delta', () => {
    const r = costBoth(
      scenario({
        rows: [{ class: 'A' }, { class: 'B' }],
        assumptions: {
          otherRollups: [
            {
              name: 'STRS',
              classes: ['A'],
              rates: [
                { from: '2020-01-01', rate: '0.1910' },
                { from: '2027-01-01', rate: '0.2110' },
              ],
            },
            { name: 'PERS', classes: ['B'], rate: '0.2681' },
          ],
        },
        provisions: [
          { type: 'gwi', percent: '0.02', effective: '2026-07-01' },
          { type: 'rollupRate', name: 'STRS', delta: '-0.01', effective: '2027-04-01' },
        ],
      }),
    );
    // Baseline: STRS (class A, 5,000) 6 × 955.00 + 6 × 1,055.00 = 12,060.00; PERS (class B, 4,000)
    // 12 × 1,072.40 = 12,868.80.
    r.check('baselineRollupsByName.FY2027', { STRS: '12060.00', PERS: '12868.80' });
    // Proposal (5,100 / 4,080): STRS 6 × 974.10 + 3 × 1,076.10 + 3 × 1,025.10 (0.2010) = 12,148.20;
    // PERS 12 × round₂(1,093.848) = 12 × 1,093.85 = 13,126.20.
    r.check('proposals.0.rollupsByName.FY2027', { STRS: '12148.20', PERS: '13126.20' });
    r.check('proposals.0.increaseRollupsByName.FY2027', { STRS: '88.20', PERS: '257.40' });
    r.check('proposals.0.increase.FY2027.otherRollups', '345.60');
    // byProvision: the gwi alone: wages 12 × 180 = 2,160.00 + STRS 241.20 + PERS 257.40; the delta −153.00.
    r.check('proposals.0.byProvision.0.total', '2658.60');
    r.check('proposals.0.byProvision.1.total', '-153.00');
  });

  it('dropSteps with rows on removed steps, a later addStep and a setRate in the new numbering', () => {
    const r = costBoth(
      scenario({
        rows: [{ step: 1, nextStepDate: '2026-08-15' }, { step: 2 }, { step: 3, nextStepDate: '2027-03-10' }],
        provisions: [
          { type: 'dropSteps', classes: ['A'], count: 2, effective: '2026-10-01' },
          { type: 'addStep', percent: '0.05', effective: '2027-01-01' },
          { type: 'setRate', class: 'A', step: 2, amount: '5800.004', effective: '2027-05-01' },
        ],
      }),
    );
    // Baseline: R1 2 × 5,000 + 10 × 5,250 = 62,500; R2 12 × 5,250 = 63,000; R3 (top) 12 × 5,512.50.
    r.check('baseline.FY2027.wages', '191650.00');
    // From October class A is [5,512.50]; R1 (step 2 since September) and R2 land on step 1:
    // +262.50 × 9 each. January adds step 2 = 5,788.125 → 5,788.13; R3's step date 03-10 moves it
    // there in April; setRate makes step 2 5,800.00 from May: 5,788.13 + 2 × 5,800.00 − 3 × 5,512.50.
    r.check('proposals.0.increase.FY2027.wages', '5575.63'); // 2 × 2,362.50 + 850.63
    // Step movement: baseline R1's September step = 10 × 250.00. Proposal: R1 Sep 250.00 (renumbered
    // in October either way) + R3's April step 850.63.
    r.check('baselineStepMovement.FY2027.wages', '2500.00');
    r.check('proposals.0.stepMovement.FY2027.wages', '1100.63');
  });

  it('setRate on a step that does not exist on its date is refused', () => {
    const parsed = parseScenario(scenario({ provisions: [{ type: 'setRate', class: 'B', step: 3, amount: '4500', effective: '2026-09-01' }] }));
    const refused =
      !parsed.ok ||
      (() => {
        try {
          costScenario(parsed.value);
          return false;
        } catch {
          return true;
        }
      })();
    expect(refused).toBe(true);
    expect(() =>
      referenceCost(parsed.ok ? parsed.value : scenario({ provisions: [{ type: 'setRate', class: 'B', step: 3, amount: '4500', effective: '2026-09-01' }] })),
    ).toThrow(/steps/);
  });

  it('minimumRate on part of a schedule rounds the converted floor up', () => {
    const r = costBoth(
      scenario({
        rows: [{ class: 'A' }, { class: 'B', step: 1 }, { class: 'B', step: 2 }],
        provisions: [{ type: 'minimumRate', amount: '24.04', rateBasis: 'hourly', effective: '2027-01-01' }],
      }),
    );
    // 24.04 an hour on a monthly schedule: 24.04 × 2,080 / 12 = 4,166.9333…; only B step 1 (4,000)
    // is below it and becomes 4,166.94 (rounded up; half-up would give 4,166.93, under the floor).
    r.check('proposals.0.increase.FY2027.wages', '1001.64'); // 6 × 166.94
    r.check('proposals.0.increaseByClass.B.FY2027.wages', '1001.64');
    r.check('proposals.0.increaseByClass.A.FY2027.wages', '0.00');
  });

  it('a fund split that needs the remainder rule, flat amounts by fund and department', () => {
    const r = costBoth(
      scenario({
        rows: [
          {
            count: 3,
            fund: [
              { fund: 'GF', share: '0.3333' },
              { fund: 'GRANT', share: '0.3333' },
              { fund: 'SPECIAL', share: '0.3334' },
            ],
            department: 'POL',
          },
          { step: 2 },
        ],
        provisions: [
          { type: 'lumpSum', amount: '100.01', payDate: '2026-12-01' },
          { type: 'flat', amount: '1000.00', fiscalYears: ['FY2027'], fund: 'GF', department: 'ADMIN' },
        ],
      }),
    );
    // Wages per employee 60,000.00: GF and GRANT round₂(0.3333 × 60,000) = 19,998.00, SPECIAL the
    // rest 20,004.00; × 3.
    r.check('baselineByFund.GF.FY2027.wages', '59994.00');
    r.check('baselineByFund.SPECIAL.FY2027.wages', '60012.00');
    r.check('baselineByFund.unassigned.FY2027.wages', '63000.00'); // R2: 12 × 5,250
    // Lump 100.01: round₂(0.3333 × 100.01) = 33.33 twice, the rest 33.35 (not round₂(33.343334) = 33.34); × 3.
    r.check('proposals.0.byFund.GF.FY2027.lumpSums', '99.99');
    r.check('proposals.0.byFund.SPECIAL.FY2027.lumpSums', '100.05');
    r.check('proposals.0.byFund.unassigned.FY2027.lumpSums', '100.01');
    r.check('proposals.0.increaseByFund.GF.FY2027.total', '1099.99'); // 99.99 + the flat 1,000.00
    r.check('proposals.0.increaseByFund.SPECIAL.FY2027.total', '100.05');
    r.check('proposals.0.increaseByDepartment.ADMIN.FY2027.flat', '1000.00');
    r.check('proposals.0.increaseByDepartment.POL.FY2027.total', '300.03');
    expect.soft(Object.keys(r.reference.proposals[0]!.byFund)).toEqual(['GF', 'GRANT', 'SPECIAL', 'unassigned']);
    r.check('baselineByDepartment.ADMIN.FY2027.total', '0.00'); // named by a flat: every costing has the key
    r.check('positions', 4);
    r.check('fte', '4');
  });

  it('a budget proposal: the others report what they cost over it', () => {
    const r = costBoth(
      scenario({
        term: { start: '2026-07-01', end: '2028-06-30' },
        rows: [{}, { class: 'B', fte: '0.5', vacant: true }],
        proposals: [
          { name: 'Budget 2%', side: 'budget', provisions: [{ type: 'gwi', percent: '0.02', effective: '2026-07-01' }] },
          { name: 'Union 3%', side: 'union', provisions: [{ type: 'gwi', percent: '0.03', effective: '2026-07-01' }] },
        ],
      }),
    );
    // Budget: 12 × (100.00 + 40.00) = 1,680.00 a year; union 12 × (150.00 + 60.00) = 2,520.00.
    r.check('proposals.1.overBudget', { FY2027: '840.00', FY2028: '840.00' });
    r.check('proposals.1.overBudgetTotal', '1680.00');
    r.check('proposals.0.overBudget', undefined);
    // FTE 1.5 (the vacant position counts): baseline 12 × 7,000.00 / 1.5 = 56,000.00 per FTE.
    r.check('fte', '1.5');
    r.check('vacantPositions', 1);
    r.check('baselinePerFte.FY2027', '56000.00');
    r.check('proposals.1.increasePerFte.FY2027', '1680.00'); // 2,520 / 1.5
  });

  it('a term that ends in the middle of a fiscal year costs only the term', () => {
    const r = costBoth(
      scenario({
        term: { start: '2026-07-01', end: '2027-09-30', costs: 'term' },
        provisions: [
          { type: 'gwi', percent: '0.03', effective: '2027-07-01' },
          { type: 'lumpSum', amount: '500.00', payDate: '2027-12-15' },
          { type: 'flat', amount: '700.00', fiscalYears: ['FY2028'] },
        ],
      }),
    );
    r.check('fiscalYears', ['FY2027', 'FY2028']);
    r.check('periodsByFiscalYear', { FY2027: 12, FY2028: 3 }); // FY2028: Jul–Sep 2027 only
    r.check('baseline.FY2028.wages', '15000.00');
    r.check('proposals.0.increase.FY2028.wages', '450.00'); // 3 × 150.00
    r.check('proposals.0.increase.FY2028.lumpSums', '0.00'); // paid in December: not costed
    r.check('proposals.0.increase.FY2028.flat', '700.00'); // flat amounts keep to fiscal years
    r.check('proposals.0.compoundedWageIncrease', '0.030000');
    r.check('proposals.0.ongoingAnnualIncrease', '1800.00'); // 12 × 150.00 at September's rates
    r.check('proposals.0.percentOfBase.FY2028', '0.019167'); // 1,150.00 / 60,000.00
  });

  it('99 steps cost right', () => {
    const steps = Array.from({ length: 99 }, (_, i) => `${1001 + i}.00`);
    const r = costBoth(scenario({ schedule: { classes: [{ code: 'A', steps }] }, rows: [{ step: 98, nextStepDate: '2026-09-15' }, { step: 99 }] }));
    // Step 98 = 1,098.00 Jul–Sep, step 99 = 1,099.00 from October; the top row 12 × 1,099.00.
    r.check('baseline.FY2027.wages', '26373.00'); // 3,294 + 9,891 + 13,188
  });

  it('a 10-place decimal costs exactly', () => {
    const r = costBoth(
      scenario({
        schedule: { rateBasis: 'hourly', classes: [{ code: 'A', steps: ['45.1234567891'] }] },
        rows: [{ fte: '0.9999999999', overtimeHours: '123.4567891234' }],
      }),
    );
    // base = round₂(45.1234567891 × 2,080 × 0.9999999999 / 12) = round₂(7,821.399175995…) = 7,821.40
    // overtime = round₂(123.4567891234 / 12 × 1.5 × 45.1234567891) = round₂(696.349636…) = 696.35
    r.check('baseline.FY2027.wages', '93856.80');
    r.check('baseline.FY2027.overtime', '8356.20');
  });
});

describe('COSTING.md 1.2 bounds: inside them, exact', () => {
  it('cost per FTE of a tiny FTE is exact beyond 2^53 cents', () => {
    const r = costBoth(
      scenario({
        schedule: { classes: [{ code: 'A', steps: ['5000.00'] }] },
        rows: [{ fte: '0.0000000001', healthTier: 'h' }],
        assumptions: { health: { h: [{ from: '2020-01-01', monthly: '1000.00' }] } },
      }),
    );
    // Health is per employee, not × FTE: 12 × 1,000.00; wages round₂(5,000 × 10⁻¹⁰) = 0.00.
    r.check('baseline.FY2027.total', '12000.00');
    r.check('fte', '0'); // 10⁻¹⁰ to 4 places
    // round₂(12,000 / 10⁻¹⁰) with the exact FTE: 1.2 × 10¹⁶ cents, above 2^53 ≈ 9.007 × 10¹⁵.
    r.check('baselinePerFte.FY2027', '120000000000000.00');
  });
});

describe('COSTING.md 1.2 bounds', () => {
  const issues = (input: Doc) => {
    const parsed = parseScenario(input);
    return parsed.ok ? [] : parsed.issues;
  };

  it('percent "3" is refused: 3 would be 300%, 0.03 is 3%', () => {
    const found = issues(scenario({ provisions: [{ type: 'gwi', percent: '3', effective: '2026-07-01' }] }));
    const issue = found.find((i) => i.path === 'proposals[0].provisions[0].percent');
    expect(issue?.message).toMatch(/300%/);
    expect(issue?.message).toMatch(/0\.03/);
  });

  it('100 steps are refused, and so is an addStep that would make the 100th', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => `${1001 + i}.00`);
    expect(issues(scenario({ schedule: { classes: [{ code: 'A', steps: hundred }] } })).map((i) => i.path)).toContain('schedule.classes[0].steps');
    const input = scenario({
      schedule: { classes: [{ code: 'A', steps: hundred.slice(0, 99) }] },
      provisions: [{ type: 'addStep', percent: '0.05', effective: '2026-07-01' }],
    });
    const parsed = parseScenario(input);
    const refused =
      !parsed.ok ||
      (() => {
        try {
          costScenario(parsed.value);
          return false;
        } catch {
          return true;
        }
      })();
    expect(refused).toBe(true);
    expect(() => referenceCost(parsed.ok ? parsed.value : input)).toThrow(/at most 99/);
  });

  it('11 decimal places and 10¹² are refused', () => {
    expect(issues(scenario({ rows: [{ fte: '0.12345678901' }] })).map((i) => i.path)).toContain('roster.rows[0].fte');
    expect(issues(scenario({ provisions: [{ type: 'flat', amount: '1000000000000', fiscalYears: ['FY2027'] }] })).map((i) => i.path)).toContain(
      'proposals[0].provisions[0].amount',
    );
  });
});
