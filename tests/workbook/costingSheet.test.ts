import { describe, expect, it } from 'vitest';
import { costScenario } from '../../shared/engine/costScenario.js';
import { componentNames, type CostingResult, type Components } from '../../shared/result.js';
import { costingSheet } from '../../shared/workbook/costingSheet.js';
import { isFormulaCell } from '../../shared/workbook/grid.js';
import { officeFormulas } from '../../shared/workbook/officeFormulas.js';
import { Decimal } from '../../shared/money.js';
import { sampleScenario } from './sampleScenario.js';
import { recalculate } from './costingSheetRecalc.js';

function expectSheetMatchesEngine(result: CostingResult, approval = false) {
  const scenario = sampleScenario();
  const sheet = costingSheet(
    result,
    scenario,
    approval ? { approval: { approver: 'Maria Manager', approvedAt: '2026-11-23T10:00:00Z', contentHash: 'ab'.repeat(32), comment: '=cmd|calc' } } : {},
  );
  const hf = recalculate('Costing', sheet.cells);
  try {
    for (const fy of result.fiscalYears) {
      for (const c of [...componentNames, 'total'] as const) expect(hf.money(sheet.map.baseline[c][fy]!), `baseline ${c} ${fy}`).toBe(result.baseline[fy]![c]);
    }
    result.proposals.forEach((p, i) => {
      const m = sheet.map.proposals[i]!;
      for (const fy of result.fiscalYears) {
        for (const c of [...componentNames, 'total'] as const) {
          expect(hf.money(m.byFiscalYear[c][fy]!), `${p.name} ${c} ${fy}`).toBe(p.byFiscalYear[fy]![c]);
          expect(hf.money(m.increase[c][fy]!), `${p.name} increase ${c} ${fy}`).toBe(p.increase[fy]![c]);
        }
        const pct = hf.value(m.percentOfBase[fy]!);
        if (p.percentOfBase[fy] === null) expect(pct).toBe('');
        else expect(new Decimal(pct as number).toFixed(6)).toBe(p.percentOfBase[fy]);
        expect(hf.money(m.valueOfOnePercent[fy]!)).toBe(p.valueOfOnePercent[fy]);
      }
      expect(hf.money(m.lift)).toBe(p.ongoingAnnualIncrease);
    });
  } finally {
    hf.destroy();
  }
  return sheet;
}

describe('Costing sheet', () => {
  it('recalculated by HyperFormula, every total equals the engine figure to the cent', () => {
    const result = costScenario(sampleScenario());
    const sheet = expectSheetMatchesEngine(result, true);
    // Every cached formula result is the engine's figure too (what a viewer shows before recalc).
    const hf = recalculate('Costing', sheet.cells);
    sheet.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!isFormulaCell(cell)) return;
        const address = `${String.fromCharCode(65 + c)}${r + 1}`;
        const v = hf.value(address);
        if (typeof cell.result === 'number') expect(Math.abs((v as number) - cell.result), address).toBeLessThan(0.005);
        else expect(v, address).toBe(cell.result);
      }),
    );
    hf.destroy();
  });

  it('totals, increases, percents and the summary are formulas; the term total is a SUM', () => {
    const result = costScenario(sampleScenario());
    const sheet = costingSheet(result, sampleScenario());
    const m = sheet.map.proposals[0]!;
    const cellAt = (address: string) => {
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
      return sheet.cells[Number(row) - 1]![col!.charCodeAt(0) - 65];
    };
    expect(cellAt(m.increase.total.FY2027!)).toMatchObject({ formula: expect.stringMatching(/^SUM\(B\d+:B\d+\)$/) });
    expect(cellAt(m.increase.wages.FY2027!)).toMatchObject({ formula: `${m.byFiscalYear.wages.FY2027}-${sheet.map.baseline.wages.FY2027}` });
    expect(cellAt(m.percentOfBase.FY2028!)).toMatchObject({ formula: expect.stringContaining('ROUND(') });
    // Label column and the fiscal years, not the term total (a chart of it shows fiscal years only).
    expect(sheet.map.summaryRange).toMatch(new RegExp(`^A\\d+:${String.fromCharCode(65 + result.fiscalYears.length)}\\d+$`));
  });

  it('the sum of the provision charges equals the increase, as formulas', () => {
    const result = costScenario(sampleScenario());
    const sheet = costingSheet(result, sampleScenario());
    const hf = recalculate('Costing', sheet.cells);
    const labels = sheet.cells.map((r) => r[0]);
    let provisionTotals = 0;
    labels.forEach((label, r) => {
      if (label !== 'Total') return;
      const caption = [...labels.slice(0, r)].reverse().find((l) => typeof l === 'string' && /^(By provision|Increase|Proposal|Baseline)/.test(l)) as string;
      if (!caption.startsWith('By provision')) return;
      provisionTotals++;
      const p = result.proposals.find((q) => caption.includes(q.name))!;
      result.fiscalYears.forEach((fy, i) => expect(hf.money(`${String.fromCharCode(66 + i)}${r + 1}`)).toBe(p.increase[fy]!.total));
    });
    expect(provisionTotals).toBe(2); // the "Empty" proposal has no provisions
    hf.destroy();
  });

  it('text that looks like a formula stays text (approval comment, provision label)', () => {
    const result = costScenario(sampleScenario());
    const sheet = costingSheet(result, sampleScenario(), {
      approval: { approver: '@admin', approvedAt: '2026-11-23T10:00:00Z', contentHash: 'f'.repeat(64), comment: '=HYPERLINK("http://evil","x")' },
    });
    const office = officeFormulas(sheet);
    const flat = office.flat();
    expect(flat).toContain(`'=HYPERLINK("http://evil","x")`);
    expect(flat).toContain(`'@admin`);
    expect(flat.some((v) => typeof v === 'string' && v.startsWith("'General wage increase") && v.includes('\u2014 =HYPERLINK'))).toBe(true);
    const hf = recalculate('Costing', office, true);
    const r = sheet.cells.findIndex((row) => row[0] === 'Comment');
    expect(hf.value(`B${r + 1}`)).toBe('=HYPERLINK("http://evil","x")');
    hf.destroy();
  });

  it('works on a hand-built result (no engine) with a zero baseline', () => {
    const zero = Object.fromEntries([...componentNames, 'total'].map((c) => [c, '0.00'])) as Components;
    const inc: Components = { ...zero, wages: '100.10', pension: '13.27', total: '113.37' };
    const result: CostingResult = {
      fiscalYears: ['FY2027'],
      periodsByFiscalYear: { FY2027: 26 },
      baseline: { FY2027: zero },
      baselineByClass: { PO: { FY2027: zero } },
      baselineAnnualAtLastPeriod: zero,
      proposals: [
        {
          name: 'Offer',
          byFiscalYear: { FY2027: inc },
          increase: { FY2027: inc },
          increaseTotal: inc,
          byProvision: [{ index: 1, type: 'flat', byFiscalYear: { FY2027: '113.37' }, total: '113.37' }],
          valueOfOnePercent: { FY2027: '1.13' },
          ongoingAnnualIncrease: '0.00',
          ongoingAnnualIncreaseByComponent: zero,
          compoundedWageIncrease: '0.000000',
          percentOfBase: { FY2027: null },
          byClass: { PO: { FY2027: inc } },
          increaseByClass: { PO: { FY2027: inc } },
        },
      ],
      snapshot: { unit: 'POA', scheduleId: 'S', scheduleEffective: '2025-07-01', rosterExtractDate: '2026-05-31', assumptionsId: 'A' },
    };
    expectSheetMatchesEngine(result);
  });
});
