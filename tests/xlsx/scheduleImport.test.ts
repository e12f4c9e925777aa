import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseScheduleCsv, parseScheduleXlsx } from '../../server/xlsx/scheduleImport.js';
import { readScheduleFile } from '../../server/xlsx/costModelAdapters.js';
import { exportCostWorkbook } from '../../server/xlsx/exportCostWorkbook.js';
import { csvRows } from '../../server/xlsx/csvRows.js';
import { sampleScenario } from '../workbook/sampleScenario.js';

const settings = { id: 'POA-2026-07', effective: '2026-07-01' };

describe('parseScheduleCsv', () => {
  it('reads the wide shape: one row per class, Step 1 … Step N columns, extra columns ignored', () => {
    const csv = '\ufeffDept,Class,Title,Step 1,Step 2,Step 3\r\nPD,PO,"Officer, Police",45.12,47.38,49.75\r\nPD,SGT,Sergeant,58.10,61.00\r\n';
    const r = parseScheduleCsv(csv, settings);
    expect(r).toEqual({
      ok: true,
      schedule: {
        id: 'POA-2026-07',
        effective: '2026-07-01',
        rateBasis: 'hourly',
        hoursPerYear: 2080,
        ratePlaces: 2,
        classes: [
          { code: 'PO', title: 'Officer, Police', stepMonths: 12, steps: ['45.12', '47.38', '49.75'] },
          { code: 'SGT', title: 'Sergeant', stepMonths: 12, steps: ['58.10', '61.00'] },
        ],
      },
    });
  });

  it('reads the long shape: one row per class and step, in any order', () => {
    const csv = 'Job Code,Job Title,Step,Hourly Rate\nPO,Police Officer,2,47.38\nPO,Police Officer,1,45.12\nSGT,Sergeant,1,"58.10"\n';
    const r = parseScheduleCsv(csv, { ...settings, rateBasis: 'hourly', hoursPerYear: 2080 });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.schedule.classes).toEqual([
      { code: 'PO', title: 'Police Officer', stepMonths: 12, steps: ['45.12', '47.38'] },
      { code: 'SGT', title: 'Sergeant', stepMonths: 12, steps: ['58.10'] },
    ]);
  });

  it('refuses formula-injection text and names the cell', () => {
    const csv = 'Class,Title,Step 1\nPO,"=HYPERLINK(""http://evil"",""x"")",45.12\n@SUM,Sergeant,58.10\nLT,"+cmd|\' /C calc\'!A0",70\nCPT,Captain,-5\n';
    const r = parseScheduleCsv(csv, settings);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'CSV!B2 (Title): text starting with "=" looks like a spreadsheet formula; an import takes values only',
      'CSV!A3 (Class): text starting with "@" looks like a spreadsheet formula; an import takes values only',
      'CSV!B4 (Title): text starting with "+" looks like a spreadsheet formula; an import takes values only',
      'CSV!C5 (Step 1): must be greater than zero',
    ]);
    expect(r.issues[0]).toMatchObject({ sheet: 'CSV', row: 2, column: 'B', header: 'Title' });
  });

  it('refuses a percent typed where a pay rate belongs (it was stored as 0.03 an hour)', () => {
    const r = parseScheduleCsv('Class,Title,Step 1,Step 2\nPO,Police Officer,49.00,3%\n', settings);
    if (r.ok) throw new Error('expected a problem');
    expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'CSV!D2 (Step 2): must be a number such as 45.12, found 3%: a percent belongs in a rate column',
    ]);
  });

  it('names bad cells: a rate that is not a number, a gap in the steps, a class listed twice, a missing setting', () => {
    const csv = 'Class,Step 1,Step 2,Step 3\nPO,45.12,,49.75\nSGT,abc,61\nPO,1,2,3\n';
    const r = parseScheduleCsv(csv, { id: 'X' });
    if (r.ok) throw new Error('expected problems');
    expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'CSV!C2 (Step 2): a class has no step here but has a later step: steps must be consecutive from Step 1',
      'CSV!B3 (Step 1): must be a number such as 45.12, found abc',
      'CSV!A4 (Class): class PO is listed twice',
      'CSV!A1 ((sheet)): effective is required: give it with the import',
    ]);
  });

  it('a file without a header row, and an unterminated quote, are plain problems', () => {
    expect(parseScheduleCsv('a,b\n1,2\n', settings)).toMatchObject({
      ok: false,
      issues: [{ path: 'CSV!A1 ((sheet))', message: expect.stringContaining('no header row found') }],
    });
    expect(parseScheduleCsv('Class,Step 1\n"PO,45\n', settings)).toEqual({
      ok: false,
      issues: [{ path: '(file)', message: 'not a readable CSV file: a quoted field that starts on line 2 never ends' }],
    });
  });

  it('csvRows handles quotes, doubled quotes, newlines in quotes and semicolons', () => {
    expect(csvRows('a,"b ""q"" c","x\ny"\n1,2,3')).toEqual([
      ['a', 'b "q" c', 'x\ny'],
      ['1', '2', '3'],
    ]);
    expect(csvRows('Class;Step 1\nPO;45,12\n')).toEqual([
      ['Class', 'Step 1'],
      ['PO', '45,12'],
    ]);
  });
});

describe('parseScheduleXlsx', () => {
  it('reads the Schedule sheet of an exported costing workbook, settings from the file', async () => {
    const scenario = sampleScenario();
    const buffer = await exportCostWorkbook({ scenario, result: null });
    expect(await parseScheduleXlsx(buffer)).toEqual({ ok: true, schedule: scenario.schedule });
    const r = await parseScheduleXlsx(buffer, settings);
    expect(r.ok && r.schedule).toMatchObject({ id: 'POA-2026-07', effective: '2026-07-01', classes: scenario.schedule.classes });
  });

  it("reads an HR system's first sheet, numbers with their formats, and refuses formula text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export 2026');
    ws.addRow(['Salary schedule export']);
    ws.addRow(['Classification', 'Description', 'Step 1', 'Step 2']);
    ws.addRow(['PO', 'Police Officer', 45.1, { formula: 'C3*1.05', result: 47.355 }]);
    ws.getCell('C3').numFmt = '0.00';
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await parseScheduleXlsx(buffer, { ...settings, ratePlaces: 3 });
    expect(r).toMatchObject({ ok: true, schedule: { ratePlaces: 3, classes: [{ code: 'PO', title: 'Police Officer', steps: ['45.10', '47.355'] }] } });

    ws.getCell('B3').value = '=cmd|calc';
    const bad = await parseScheduleXlsx(Buffer.from(await wb.xlsx.writeBuffer()), settings);
    expect(bad).toMatchObject({ ok: false, issues: [{ path: "'Export 2026'!B3 (Description)", sheet: 'Export 2026', row: 3, column: 'B' }] });
  });

  it('the server adapter reads CSV and XLSX uploads', async () => {
    const csv = await readScheduleFile('csv', Buffer.from('Class,Step 1\nPO,45.12\n'), settings);
    expect(csv).toMatchObject({ ok: true, schedule: { classes: [{ code: 'PO', steps: ['45.12'] }] } });
    const notZip = await readScheduleFile('xlsx', Buffer.from('Class,Step 1\n'), settings);
    expect(notZip).toMatchObject({ ok: false, issues: [{ path: '(file)' }] });
  });
});
