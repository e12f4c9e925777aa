import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readScenarioWorkbook } from '../../server/xlsx/readScenarioWorkbook.js';
import { exportCostWorkbook } from '../../server/xlsx/exportCostWorkbook.js';
import { costScenario } from '../../shared/engine/costScenario.js';
import { sampleScenario } from '../workbook/sampleScenario.js';
import type { Scenario } from '../../shared/schemas/scenario.js';

async function edit(buffer: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readScenarioWorkbook: an analyst's workbook → scenario", () => {
  it('problems name the sheet, row and column of the workbook', async () => {
    const scenario = sampleScenario();
    const exported = await exportCostWorkbook({ scenario, result: costScenario(scenario) });
    const broken = await edit(exported, (wb) => {
      wb.getWorksheet('Roster')!.getCell('C4').value = 9;
      wb.getWorksheet('Roster')!.getCell('F5').value = 'last spring';
    });
    const r = await readScenarioWorkbook(broken);
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: 'Roster!C4 (Step)', message: 'step 9 does not exist in class PO (5 steps)', sheet: 'Roster', row: 4, column: 'C', header: 'Step' },
        {
          path: 'Roster!F5 (Hire date)',
          message: 'must be a date written YYYY-MM-DD, found last spring',
          sheet: 'Roster',
          row: 5,
          column: 'F',
          header: 'Hire date',
        },
      ],
    });
    const stepOnly = await edit(exported, (wb) => {
      wb.getWorksheet('Roster')!.getCell('C4').value = 9;
    });
    expect(await readScenarioWorkbook(stepOnly)).toEqual({
      ok: false,
      issues: [{ path: 'Roster!C4 (Step)', message: 'step 9 does not exist in class PO (5 steps)', sheet: 'Roster', row: 4, column: 'C', header: 'Step' }],
    });
  });

  it('takes what analysts do in Excel: formulas for rates, real dates, rows added at the end of a table', async () => {
    const scenario = sampleScenario();
    const exported = await exportCostWorkbook({ scenario, result: null });
    const changed = await edit(exported, (wb) => {
      const schedule = wb.getWorksheet('Schedule')!;
      schedule.getCell('H3').value = { formula: 'G3*1.05', result: 47.376 };
      schedule.getCell('H3').numFmt = '0.00';
      const roster = wb.getWorksheet('Roster')!;
      roster.getCell('F3').value = new Date(Date.UTC(2019, 8, 14));
      roster.getCell('F3').numFmt = 'yyyy-mm-dd';
      roster.getRow(7).values = ['E2000', 'SGT', 2, 1, 1, null, '2027-03-01', 'pepra', false, true, 'single', 0, null, false];
    });
    const r = await readScenarioWorkbook(changed);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.scenario.schedule.classes[0]!.steps[1]).toBe('47.376');
    expect(r.scenario.roster.rows[0]!.hireDate).toBe('2019-09-14');
    expect(r.scenario.roster.rows[4]).toMatchObject({ id: 'E2000', class: 'SGT', step: 2, nextStepDate: '2027-03-01' });
  });

  it('a 10,000-row roster goes to a workbook and back exactly', async () => {
    const scenario: Scenario = sampleScenario();
    const template = scenario.roster.rows[0]!;
    scenario.roster.rows = Array.from({ length: 10_000 }, (_, i) => ({ ...template, id: `E${100000 + i}`, step: 1 + (i % 5), fte: i % 7 === 0 ? '0.5' : '1' }));
    const buffer = await exportCostWorkbook({ scenario, result: null });
    const back = await readScenarioWorkbook(buffer);
    expect(back.ok && back.scenario.roster.rows.length).toBe(10_000);
    // Every row is a copy of the first, which has no BIL pay: the proposal's BIL change is flagged.
    expect(back).toEqual({ ok: true, scenario, warnings: [expect.objectContaining({ path: 'Proposals!N9 (Code)' })] });
  });

  it('what a costing would refuse is refused at its cell; a give-back comes back as a warning', async () => {
    const scenario = sampleScenario();
    const exported = await exportCostWorkbook({ scenario, result: null });
    const typo = await edit(exported, (wb) => {
      wb.getWorksheet('Roster')!.getCell('H4').value = 'Classic';
    });
    expect(await readScenarioWorkbook(typo)).toEqual({
      ok: false,
      issues: [
        {
          path: 'Roster!H4 (Pension tier)',
          message: 'pension tier `Classic` has no rates in assumptions.pension (row E1002); tiers with rates: classic, pepra',
          sheet: 'Roster',
          row: 4,
          column: 'H',
          header: 'Pension tier',
        },
      ],
    });
    scenario.proposals[0]!.provisions.push({ type: 'flat', amount: '-500.00', fiscalYears: ['FY2027'] });
    const read = await readScenarioWorkbook(await exportCostWorkbook({ scenario, result: null }));
    expect(read.ok && read.warnings?.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'Proposals!L6 (Amount): a negative flat amount (-500.00): a saving; check the sign',
    ]);
  });
});
