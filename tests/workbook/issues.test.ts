import { describe, expect, it } from 'vitest';
import { scenarioToSheets, gridValues } from '../../shared/workbook/scenarioToSheets.js';
import { sheetsToScenario } from '../../shared/workbook/sheetsToScenario.js';
import { formatWorkbookIssue, type WorkbookIssue } from '../../shared/workbook/workbookIssues.js';
import type { SheetValues } from '../../shared/workbook/grid.js';
import { sample12Scenario, sampleScenario } from './sampleScenario.js';

function sheets(): SheetValues[] {
  return scenarioToSheets(sampleScenario()).map(gridValues);
}
function byName(all: SheetValues[], name: string): SheetValues {
  return all.find((s) => s.name === name)!;
}
function issuesOf(all: SheetValues[]): WorkbookIssue[] {
  const r = sheetsToScenario(all);
  if (r.ok) throw new Error('expected problems');
  return r.issues;
}

describe('what a costing would refuse is refused at its cell', () => {
  it('a pension tier typo in two roster rows, and a wage base row removed', () => {
    const all = sheets();
    const roster = byName(all, 'Roster');
    roster.cells[2]![7] = 'Classic'; // E1001, column H = Pension tier
    roster.cells[4]![7] = 'Classic'; // E1003
    const issues = issuesOf(all).map(formatWorkbookIssue);
    expect(issues).toEqual([
      'Roster!H3 (Pension tier): pension tier `Classic` has no rates in assumptions.pension (row E1001); tiers with rates: classic, pepra',
      'Roster!H5 (Pension tier): pension tier `Classic` has no rates in assumptions.pension (row E1003); tiers with rates: classic, pepra',
    ]);
  });

  it('a cell that cannot be read in one row does not hide a tier typo in another', () => {
    const all = sheets();
    const roster = byName(all, 'Roster');
    roster.cells[2]![3] = 'full time'; // E1001, column D = FTE
    roster.cells[4]![7] = 'Classic'; // E1003
    expect(issuesOf(all).map(formatWorkbookIssue)).toEqual([
      'Roster!D3 (FTE): must be a number such as 45.12, found full time',
      'Roster!H5 (Pension tier): pension tier `Classic` has no rates in assumptions.pension (row E1003); tiers with rates: classic, pepra',
    ]);
  });

  it('a negative one-time payment reads, with a warning at its cell', () => {
    const s = sampleScenario();
    s.proposals[0]!.provisions.push({ type: 'lumpSum', amount: '-100.00', payDate: '2026-12-15', prorateByFte: false });
    const r = sheetsToScenario(scenarioToSheets(s).map(gridValues));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.warnings?.map(formatWorkbookIssue)).toEqual([
      expect.stringMatching(/^Proposals!L\d+ \(Amount\): a negative one-time payment \(-100\.00\): a give-back; check the sign$/),
    ]);
  });
});

describe('1.2 tables', () => {
  it('a roll-up listed twice without dates, and a later dated row that repeats its settings, are named by cell', () => {
    const s = sample12Scenario();
    const all = scenarioToSheets(s).map(gridValues);
    const a = byName(all, 'Assumptions');
    // Excel rows 3-6 of O:T are Workers' comp (rate), STRS 2025, STRS 2027, OPEB (layout.ts: OtherRollups from O).
    a.cells[4]![16] = 'taxable'; // STRS's second dated row repeats On
    a.cells[5]![13 + 1] = "Workers' comp"; // OPEB renamed to an existing undated roll-up
    const issues = issuesOf(all).map(formatWorkbookIssue);
    expect(issues).toEqual([
      'Assumptions!Q5 (On): give On once, on the first row of roll-up STRS (row 4); leave it empty on the rows of its later dated rates',
      "Assumptions!R6 (From): roll-up Workers' comp is listed twice: give every row of a roll-up with dated rates a From date (names are unique)",
    ]);
  });

  it('a fund split without shares, and shares that do not add up to 1, are refused at the Fund cell', () => {
    const all = scenarioToSheets(sample12Scenario()).map(gridValues);
    const roster = byName(all, 'Roster');
    roster.cells[2]![14] = 'GF, GRANT';
    roster.cells[3]![14] = 'GF:0.6, GRANT:0.3';
    const issues = issuesOf(all).map(formatWorkbookIssue);
    expect(issues).toEqual([
      'Roster!O3 (Fund): give each fund of a split its share, such as "GF:0.6, GRANT:0.4", found GF, GRANT',
      'Roster!O4 (Fund): the shares add up to 0.9: they must add up to exactly 1',
    ]);
  });
});

describe('problems are named by sheet, row and column', () => {
  it('a step that does not exist in its class', () => {
    const all = sheets();
    byName(all, 'Roster').cells[3]![2] = 9; // E1002 (Excel row 4), column C = Step
    const issues = issuesOf(all);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ sheet: 'Roster', row: 4, column: 'C', header: 'Step', cell: 'Roster!C4', path: 'roster.rows[1].step' });
    expect(formatWorkbookIssue(issues[0]!)).toBe('Roster!C4 (Step): step 9 does not exist in class PO (5 steps)');
  });

  it('a cell that is not a number, a bad date and a bad boolean, each once', () => {
    const all = sheets();
    const roster = byName(all, 'Roster');
    roster.cells[2]![3] = 'full time';
    roster.cells[4]![5] = '31/02/2019';
    roster.cells[4]![9] = 'maybe';
    // Written YYYY-MM-DD but not in the calendar: said so, as for a scenario file.
    roster.cells[5]![5] = '2019-02-30';
    const issues = issuesOf(all).map(formatWorkbookIssue);
    expect(issues).toEqual([
      'Roster!D3 (FTE): must be a number such as 45.12, found full time',
      'Roster!F5 (Hire date): must be a date written YYYY-MM-DD, found 31/02/2019',
      'Roster!J5 (Medicare): must be TRUE or FALSE, found maybe',
      'Roster!F6 (Hire date): 2019-02-30 does not exist',
    ]);
  });

  it('an empty required cell, an unknown class and an undefined pay code', () => {
    const all = sheets();
    const roster = byName(all, 'Roster');
    roster.cells[2]![1] = 'XX';
    roster.cells[4]![12] = 'POST_INT, NOPE';
    const issues = issuesOf(all).map(formatWorkbookIssue);
    // Each names the codes that do exist, so the analyst can pick the one meant.
    expect(issues).toContain('Roster!B3 (Class): class `XX` is not in the schedule (classes: PO, SGT)');
    expect(issues.find((i) => i.startsWith('Roster!M5'))).toMatch(
      /^Roster!M5 \(Special pays\): special pay `NOPE` is not defined in assumptions.specialPays \(pays defined: .*POST_INT/,
    );
    // Cross-reference checks run once each part is well-formed, so an empty Unit ID comes first.
    byName(all, 'Assumptions').cells[2]![1] = null;
    expect(issuesOf(all).map(formatWorkbookIssue)).toEqual(['Assumptions!B3 (Unit ID): is required (the cell is empty)']);
  });

  it('a column that does not apply to the provision type, and an unknown type', () => {
    const all = sheets();
    const proposals = byName(all, 'Proposals');
    // Row 3 is "City offer" gwi; Months is column P (table starts at D).
    proposals.cells[2]![16] = 6;
    proposals.cells[3]![5] = 'bonus';
    const issues = issuesOf(all).map(formatWorkbookIssue);
    expect(issues).toContain('Proposals!Q3 (Months): does not apply here (months is not a field of this provision type): leave the cell empty');
    expect(issues.some((i) => i.startsWith('Proposals!F4 (Type): must be one of gwi, flatIncrease'))).toBe(true);
  });

  it('a provision for a proposal that is not listed, a duplicate proposal name', () => {
    const all = sheets();
    const proposals = byName(all, 'Proposals');
    proposals.cells[2]![4] = 'Nobody';
    proposals.cells[4]![0] = 'City offer';
    const issues = issuesOf(all).map(formatWorkbookIssue);
    expect(issues).toContain('Proposals!E3 (Proposal): proposal "Nobody" is not in the Proposals list');
    expect(issues).toContain('Proposals!A5 (Proposal): proposal "City offer" is listed twice: names must be unique in a workbook');
  });

  it('schedule problems point at the class row and step columns', () => {
    const all = sheets();
    const schedule = byName(all, 'Schedule');
    schedule.cells[2]![7] = null; // PO Step 2 empty but Step 3.. present
    schedule.cells[3]![6] = -1; // SGT Step 1 negative
    const issues = issuesOf(all).map(formatWorkbookIssue);
    expect(issues).toContain('Schedule!H3 (Step 2): a class has no step here but has a later step: steps must be consecutive from Step 1');
    expect(issues).toContain('Schedule!G4 (Step 1): must be greater than zero');
  });

  it('settings problems name the setting', () => {
    const all = sheets();
    const a = byName(all, 'Assumptions');
    a.cells[7]![1] = 'fortnightly'; // Pay frequency
    a.cells[5]![1] = '2020-01-01'; // Term end before start
    const issues = issuesOf(all).map(formatWorkbookIssue);
    expect(issues).toContain('Assumptions!B8 (Pay frequency): must be one of biweekly, weekly, semimonthly, monthly, found fortnightly');
    expect(issues).toContain('Assumptions!B6 (Term end): must not be before term.start');
  });

  it('a missing sheet and a missing table', () => {
    const all = sheets().filter((s) => s.name !== 'Proposals');
    const roster = byName(all, 'Roster');
    roster.cells[1]![0] = 'Employee';
    const issues = issuesOf(all).map(formatWorkbookIssue);
    expect(issues).toContain('Proposals!A1 ((sheet)): the workbook has no Proposals sheet');
    expect(issues.some((i) => i.startsWith('Roster!A2 (ID): table RosterRows not found'))).toBe(true);
  });
});
