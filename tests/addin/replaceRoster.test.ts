/**
 * Issue 9, defect 1: a payroll extract replaces the whole Roster table — pasting 100 rows over the
 * template's 230 used to leave 130 template rows that were then costed.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { matchRoster, parseExtractText, rosterGridFor } from '../../addin/taskpane/roster/rosterExtract.js';
import { describeRosterSource, type RosterSource } from '../../addin/taskpane/roster/rosterSource.js';
import { officeWorkbook } from '../../addin/taskpane/workbook/officeWorkbook.js';
import { parseScenario } from '../../shared/scenario.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import { INPUT_SHEETS } from '../../shared/workbook/layout.js';
import { scenarioToSheets } from '../../shared/workbook/scenarioToSheets.js';
import { sheetsToScenario } from '../../shared/workbook/sheetsToScenario.js';
import { strictDouble, uninstallOffice } from './strictDouble.js';

let template: Scenario;
beforeAll(() => {
  const parsed = parseScenario(JSON.parse(readFileSync(new URL('../../examples/police.json', import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error('examples/police.json does not parse');
  template = parsed.value;
});
afterEach(() => uninstallOffice());

/** 100 rows as Excel puts them on the clipboard: tab-separated, header first, columns in the payroll system's order. */
function pastedExtract(rows = 100): string {
  const header = ['Employee name', 'Class', 'ID', 'Step', 'FTE', 'Hire date', 'Pension tier', 'Health tier'];
  const lines = Array.from({ length: rows }, (_, i) =>
    [`Officer ${i + 1}`, i % 4 === 0 ? 'SGT' : 'PO', `X${String(i + 1).padStart(4, '0')}`, String((i % 3) + 1), '1', '2015-03-02', 'classic', 'family'].join(
      '\t',
    ),
  );
  return [header.join('\t'), ...lines].join('\r\n');
}

describe('Replace roster…', () => {
  it('previews the row count and which columns match, are left empty or are not used', () => {
    const match = matchRoster(parseExtractText(pastedExtract()));
    expect(match.rows).toBe(100);
    expect(match.matched).toEqual(['ID', 'Class', 'Step', 'FTE', 'Hire date', 'Pension tier', 'Health tier']);
    expect(match.ignored).toEqual(['Employee name']);
    expect(match.missing).toContain('Overtime hours');
    expect(match.missingRequired).toEqual([]);
    expect(match.problems).toEqual([]);
    expect(match.values[0]).toMatchObject({ ID: 'X0001', Class: 'SGT', Step: 1, FTE: '1', 'Hire date': '2015-03-02' });
  });

  it('names the cells it cannot read and the required columns an extract lacks', () => {
    const bad = matchRoster(parseExtractText('ID,Class,Step,Hire date\nE1,PO,two,2015-03-02\nE2,PO,3,31/02/2015\n'));
    expect(bad.problems).toHaveLength(2);
    expect(bad.problems[0]).toMatch(/^row 2, Step: /);
    expect(bad.problems[1]).toMatch(/^row 3, Hire date: /);
    expect(() => rosterGridFor(bad, '2026-11-30')).toThrow(/2 cell\(s\) of the extract cannot be read, first: row 2, Step/);
    const noClass = matchRoster(parseExtractText('ID,Step\nE1,2\n'));
    expect(noClass.missingRequired).toEqual(['Class']);
    expect(() => rosterGridFor(noClass, '2026-11-30')).toThrow('The extract has no Class column; add it to its header row.');
  });

  it('replaces the template’s 230 rows with the extract’s 100: Validate reads exactly 100, and says where they came from', async () => {
    const excel = strictDouble({ installOffice: true });
    await officeWorkbook.writeSheets(scenarioToSheets(template));
    // What the pane used to tell the analyst to do — paste the extract's rows over the template — leaves 130 stale rows:
    excel.paste(
      'Roster',
      'A3',
      Array.from({ length: 100 }, (_, i) => [`X${i + 1}`, 'PO', 1]),
    );
    const before = sheetsToScenario(await officeWorkbook.readSheets(INPUT_SHEETS));
    expect(before.ok && before.scenario.roster.rows.length).toBe(230);

    const match = matchRoster(parseExtractText(pastedExtract()));
    const source: RosterSource = { kind: 'extract', from: 'clipboard', at: '2026-12-01T05:20:00.000Z', extractDate: '2026-11-30', rows: match.rows };
    await officeWorkbook.replaceRoster(rosterGridFor(match, '2026-11-30'), source);

    const after = sheetsToScenario(await officeWorkbook.readSheets(INPUT_SHEETS));
    if (!after.ok) throw new Error(`the replaced workbook does not validate: ${after.issues.map((i) => i.message).join('; ')}`);
    expect(after.scenario.roster.rows).toHaveLength(100);
    expect(after.scenario.roster.rows.map((r) => r.id)).toEqual(Array.from({ length: 100 }, (_, i) => `X${String(i + 1).padStart(4, '0')}`));
    expect(after.scenario.roster.extractDate).toBe('2026-11-30');
    expect(excel.cell('Roster', 'A103')).toBe(''); // nothing of the template below the extract
    expect(await officeWorkbook.readRosterSource()).toEqual(source);
    expect(describeRosterSource(source)).toMatch(/^the extract pasted Dec 1, 2026, \d{1,2}:20 [AP]M \(extract of Nov 30, 2026\)$/);
    expect(describeRosterSource({ kind: 'server', unitId: 'POA', extractDate: '2026-05-31', rows: 230 })).toBe("the server's roster of May 31, 2026 for POA");
  });
});
