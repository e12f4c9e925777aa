// Property: whatever the figures, the Costing sheet's formulas recalculate to them to the cent.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { componentNames, type Components, type CostingResult } from '../../shared/result.js';
import { centsToMoney } from '../../shared/money.js';
import { costingSheet } from '../../shared/workbook/costingSheet.js';
import { sampleScenario } from './sampleScenario.js';
import { recalculate } from './costingSheetRecalc.js';

const cents = fc.oneof(fc.integer({ min: -5_000_000, max: 5_000_000 }), fc.integer({ min: -90_000_000_000, max: 90_000_000_000 }));
const componentsArb = fc.array(cents, { minLength: componentNames.length, maxLength: componentNames.length }).map((values) => {
  const c = Object.fromEntries(componentNames.map((n, i) => [n, centsToMoney(values[i]!)])) as Components;
  c.total = centsToMoney(values.reduce((a, b) => a + b, 0));
  return { c, values };
});
const minus = (a: Components, b: Components): Components =>
  Object.fromEntries(
    [...componentNames, 'total'].map((k) => [
      k,
      centsToMoney(Math.round(Number(a[k as keyof Components]) * 100) - Math.round(Number(b[k as keyof Components]) * 100)),
    ]),
  ) as Components;

const resultArb = fc.integer({ min: 1, max: 4 }).chain((years) => {
  const fys = Array.from({ length: years }, (_, i) => `FY${2027 + i}`);
  return fc
    .record({
      base: fc.array(componentsArb, { minLength: years, maxLength: years }),
      proposals: fc.array(fc.array(componentsArb, { minLength: years, maxLength: years }), { minLength: 1, maxLength: 3 }),
    })
    .map(({ base, proposals }): CostingResult => {
      const baseline = Object.fromEntries(fys.map((fy, i) => [fy, base[i]!.c]));
      const zero = Object.fromEntries([...componentNames, 'total'].map((k) => [k, '0.00'])) as Components;
      return {
        fiscalYears: fys,
        periodsByFiscalYear: Object.fromEntries(fys.map((fy) => [fy, 26])),
        baseline,
        baselineByClass: {},
        baselineAnnualAtLastPeriod: zero,
        proposals: proposals.map((p, k) => {
          const byFiscalYear = Object.fromEntries(fys.map((fy, i) => [fy, p[i]!.c]));
          const increase = Object.fromEntries(fys.map((fy) => [fy, minus(byFiscalYear[fy]!, baseline[fy]!)]));
          const increaseTotal = Object.fromEntries(
            [...componentNames, 'total'].map((key) => [
              key,
              centsToMoney(fys.reduce((a, fy) => a + Math.round(Number(increase[fy]![key as keyof Components]) * 100), 0)),
            ]),
          ) as Components;
          return {
            name: `P${k}`,
            byFiscalYear,
            increase,
            increaseTotal,
            byProvision: [],
            valueOfOnePercent: Object.fromEntries(fys.map((fy) => [fy, '0.00'])),
            ongoingAnnualIncrease: '0.00',
            ongoingAnnualIncreaseByComponent: zero,
            compoundedWageIncrease: '0.000000',
            percentOfBase: Object.fromEntries(fys.map((fy) => [fy, null])),
            byClass: {},
            increaseByClass: {},
          };
        }),
        snapshot: { unit: 'U', scheduleId: 'S', scheduleEffective: '2025-07-01', rosterExtractDate: '2026-05-31', assumptionsId: 'A' },
      };
    });
});

describe('Costing sheet formulas, for any figures', () => {
  it('recalculate to every total and increase to the cent', () => {
    const scenario = sampleScenario();
    fc.assert(
      fc.property(resultArb, (result) => {
        const sheet = costingSheet(result, scenario);
        const hf = recalculate('Costing', sheet.cells);
        try {
          for (const fy of result.fiscalYears) {
            expect(hf.money(sheet.map.baseline.total[fy]!)).toBe(result.baseline[fy]!.total);
            result.proposals.forEach((p, i) => {
              expect(hf.money(sheet.map.proposals[i]!.byFiscalYear.total[fy]!)).toBe(p.byFiscalYear[fy]!.total);
              for (const c of [...componentNames, 'total'] as const) expect(hf.money(sheet.map.proposals[i]!.increase[c][fy]!)).toBe(p.increase[fy]![c]);
            });
          }
        } finally {
          hf.destroy();
        }
      }),
      { numRuns: 40 },
    );
  });
});
