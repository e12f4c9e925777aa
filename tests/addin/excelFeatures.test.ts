import { afterEach, describe, expect, it } from 'vitest';
import { addColumnChart, describeOfficeError, readScheduleStamp, runExcel, stampSchedule, type ScheduleStamp } from '../../addin/excel/index.js';
import { FakeExcel } from './fakeExcel.js';

const stamp: ScheduleStamp = {
  unitId: 'POA',
  scheduleId: 'POA-2025-07',
  version: 3,
  effective: '2025-07-01',
  etag: '"v3"',
  tableName: 'Schedule_POA',
  sheetName: 'Schedule',
  pulledAt: '2026-11-23T22:00:00.000Z',
};

describe('schedule stamp', () => {
  it('writes a title above the table, names it, and reads the version back from the workbook', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Schedule');
    await stampSchedule(excel.context, stamp, 'A1');
    expect(excel.sheets.get('Schedule')!.cells.get('0,0')).toBe('Schedule POA-2025-07 · version 3 · effective 2025-07-01');
    expect(excel.names.get('BC_Schedule_POA')).toEqual({ reference: "='Schedule'!A1", comment: 'schedule version 3, effective 2025-07-01' });
    expect(await readScheduleStamp(excel.context, 'POA')).toEqual(stamp);
    expect(await readScheduleStamp(excel.context, 'FIRE')).toBeUndefined();
    // A second pull replaces the name rather than failing on it.
    await stampSchedule(excel.context, { ...stamp, version: 4 }, 'A1');
    expect(excel.log.map((e) => e.op)).toContain('names.delete BC_Schedule_POA');
    expect((await readScheduleStamp(excel.context, 'POA'))?.version).toBe(4);
  });

  it('a damaged stamp is reported, not trusted', async () => {
    const excel = new FakeExcel();
    excel.settings.set('bargaining-costing.schedule.POA', JSON.stringify({ unitId: 'POA' }));
    await expect(readScheduleStamp(excel.context, 'POA')).rejects.toThrow(/schedule stamp for POA is damaged; pull the schedule again/);
  });
});

describe('the increase chart', () => {
  it('is a clustered column chart of the given block, placed and titled', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Costing');
    await addColumnChart(excel.context, {
      sheetName: 'Costing',
      dataAddress: 'A5:C8',
      title: 'Increase over baseline by fiscal year',
      name: 'IncreaseChart',
      topLeft: 'H2',
      bottomRight: 'P20',
    });
    expect(excel.charts).toHaveLength(1);
    const chart = excel.charts[0]!;
    expect([chart.type, chart.source, chart.seriesBy]).toEqual(['ColumnClustered', 'A5:C8', 'Columns']);
    expect(chart.chart.name).toBe('IncreaseChart');
    expect(chart.chart.title.text).toBe('Increase over baseline by fiscal year');
    expect(excel.log.map((e) => e.op)).toContain('chart.setPosition H2:P20');
  });

  it('on a missing sheet, says so', async () => {
    const excel = new FakeExcel();
    await expect(
      addColumnChart(excel.context, { sheetName: 'Costing', dataAddress: 'A1:B2', title: 't', name: 'c', topLeft: 'D1', bottomRight: 'H9' }),
    ).rejects.toThrow(/^Could not add the chart "t" on "Costing": a sheet, table or name it needs is not in this workbook/);
  });
});

describe('calculation and errors', () => {
  afterEach(() => {
    delete (globalThis as { Excel?: unknown }).Excel;
  });

  it('outside Excel, runExcel says the page is not in Excel', async () => {
    await expect(runExcel('write the Costing sheet', async () => 1)).rejects.toThrow(
      'Could not write the Costing sheet: this page is not running inside Excel. Open the workbook in Excel and start Bargaining Costing from the Home tab.',
    );
  });

  it('runExcel turns an Office failure into words and keeps the code', async () => {
    (globalThis as { Excel?: unknown }).Excel = {
      run: async () => {
        throw Object.assign(new Error('This operation is not allowed because the sheet is protected.'), { code: 'AccessDenied' });
      },
    };
    const error = await runExcel('write the Roster', async () => 1).then(
      () => undefined,
      (e: unknown) => e as Error & { code?: string },
    );
    expect(error?.message).toBe(
      'Could not write the Roster: the sheet or workbook is protected or read-only — Excel said: This operation is not allowed because the sheet is protected.',
    );
    expect(error?.code).toBe('AccessDenied');
  });

  it('an unknown error code keeps Excel’s own message; a non-Error is still put in words', () => {
    expect(describeOfficeError(Object.assign(new Error('Odd thing'), { code: 'SomethingNew' }), 'do it').message).toBe('Could not do it: Odd thing');
    expect(describeOfficeError('plain string', 'do it').message).toBe('Could not do it: plain string');
    expect(describeOfficeError({ code: 'ApiNotFound' }, 'freeze panes').message).toBe(
      'Could not freeze panes: this version of Excel does not support a feature the add-in needs; update Office',
    );
  });
});
