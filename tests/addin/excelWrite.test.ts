import { describe, expect, it } from 'vitest';
import { readTable, writeSheetGrid, writeTable, ExcelStepError, MAX_REQUEST_BYTES, selectCell } from '../../addin/excel/index.js';
import type { SheetGrid } from '../../shared/workbook/grid.js';
import { FakeExcel } from './fakeExcel.js';

/** A payroll detail row about 1 KB long, so 10,000 rows (~10 MB) must go in several requests. */
function detailRow(i: number): (string | number)[] {
  return [
    `E${String(i).padStart(6, '0')}`,
    'PO',
    (i % 5) + 1,
    '1',
    1,
    `Employee number ${i} with a long descriptive name for the detail sheet`.padEnd(300, '.'),
    45.12 + (i % 7),
    `Note ${i}: ${'x'.repeat(400)}`,
    'classic',
    'family',
    120,
    `POST_INT ${'y'.repeat(200)}`,
  ];
}

function lastIndexOf(log: { op: string }[], match: (op: string) => boolean): number {
  for (let i = log.length - 1; i >= 0; i--) if (match(log[i]!.op)) return i;
  return -1;
}

const header = ['Id', 'Class', 'Step', 'FTE', 'Count', 'Name', 'Rate', 'Note', 'Pension tier', 'Health tier', 'Overtime hours', 'Pays'];

describe('writeTable: a 10,000-row detail sheet', () => {
  it('goes in chunks of at most 4 MB, exactly one sync per chunk, the table created after its values', async () => {
    const excel = new FakeExcel();
    const rows = Array.from({ length: 10_000 }, (_, i) => detailRow(i + 1));
    const progress: number[] = [];
    const report = await writeTable(excel.context, {
      sheetName: 'Detail',
      tableName: 'Detail',
      header,
      rows,
      columnFormats: ['@', '@', '0', '@', '0', '@', '0.00', '@', '@', '@', '0.0', '@'],
      onProgress: (done) => progress.push(done),
    });

    const totalBytes = excel.requests.reduce((s, r) => s + r.bytes, 0);
    expect(totalBytes).toBeGreaterThan(10_000_000);
    expect(report.chunks).toBeGreaterThanOrEqual(3);
    expect(report.rows).toBe(10_000);
    expect(report.address).toBe('A1:L10001');

    // No request over 4 MB.
    for (const request of excel.requests) expect(request.bytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(report.largestRequestBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);

    // Exactly one sync per chunk: each request that writes values carries exactly one values block.
    const valueRequests = excel.requests.filter((r) => r.ops.some((op) => op.startsWith('values ')));
    expect(valueRequests).toHaveLength(report.chunks);
    for (const r of valueRequests) expect(r.ops.filter((op) => op.startsWith('values ')).length).toBe(1);
    // ... and only a fixed overhead besides: prepare, create the table (the calculation mode is never touched).
    expect(excel.syncs).toBe(report.chunks + 2);

    // Every row landed, contiguously.
    const written = valueRequests.map((r) => r.ops.find((op) => op.startsWith('values '))!);
    expect(written[0]).toMatch(/^values Detail!A1:L\d+$/);
    expect(written.at(-1)).toMatch(/:L10001$/);
    expect(excel.sheets.get('Detail')!.cells.get('10000,0')).toBe('E010000');

    // Each request suspends calculation until its sync; screen updating is suspended once; the mode is never set.
    const log = excel.log;
    const lastValues = lastIndexOf(log, (op) => op.startsWith('values '));
    expect(log.some((e) => e.op.startsWith('calculationMode='))).toBe(false);
    for (const r of valueRequests) expect(r.ops).toContain('suspendApiCalculation');
    expect(log.filter((e) => e.op === 'suspendScreenUpdating')).toHaveLength(1);
    expect(excel.calculationMode).toBe('Automatic');

    // The table is created only after all its values are in, in a later request.
    const tableAt = log.findIndex((e) => e.op.startsWith('tables.add'));
    expect(tableAt).toBeGreaterThan(lastValues);
    expect(log[tableAt]!.request).toBeGreaterThan(log[lastValues]!.request);
    expect(log[tableAt]!.op).toBe('tables.add Detail!A1:L10001 headers=true');
    expect(excel.tables.get('Detail')?.name).toBe('Detail');

    // Number formats go before the values in the same request (so "@" keeps text as text).
    const first = valueRequests[0]!.ops;
    expect(first.findIndex((op) => op.startsWith('numberFormat'))).toBeLessThan(first.findIndex((op) => op.startsWith('values')));

    expect(progress.at(-1)).toBe(10_000);
  });

  it('refreshes a table in place: the old table is turned back into a range and cleared first', async () => {
    const excel = new FakeExcel();
    await writeTable(excel.context, { sheetName: 'Schedule', tableName: 'Schedule_POA', header: ['Class', 'Step 1'], rows: [['PO', 45.12]], at: 'A3' });
    await writeTable(excel.context, {
      sheetName: 'Schedule',
      tableName: 'Schedule_POA',
      header: ['Class', 'Step 1'],
      rows: [
        ['PO', 46.47],
        ['SGT', 55],
      ],
      at: 'A3',
    });
    const ops = excel.log.map((e) => e.op);
    expect(ops).toContain('convertToRange Schedule_POA');
    expect(ops.filter((op) => op.startsWith('tables.add'))).toEqual(['tables.add Schedule!A3:B4 headers=true', 'tables.add Schedule!A3:B5 headers=true']);
    expect(excel.tables.get('Schedule_POA')!.getRange().address).toBe('A3:B5');
  });

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const excel = new FakeExcel();
    await writeTable(excel.context, {
      sheetName: 'Roster',
      tableName: 'Roster',
      header: ['Id', 'Note'],
      rows: [
        ['E1', '=HYPERLINK("http://x")'],
        ['E2', '-5 days'],
      ],
    });
    const cells = excel.sheets.get('Roster')!.cells;
    expect(cells.get('1,1')).toBe(`'=HYPERLINK("http://x")`);
    expect(cells.get('2,1')).toBe(`'-5 days`);
  });

  it('rejects ragged rows and impossible table names before touching Excel', async () => {
    const excel = new FakeExcel();
    await expect(writeTable(excel.context, { sheetName: 'R', tableName: 'Roster', header: ['a', 'b'], rows: [['x']] })).rejects.toThrow(
      /row 2 has 1 cells but the first row has 2/,
    );
    await expect(writeTable(excel.context, { sheetName: 'R', tableName: 'A1', header: ['a'], rows: [] })).rejects.toThrow(/cannot be a table name/);
    await expect(writeTable(excel.context, { sheetName: 'Bad/Name', tableName: 'T', header: ['a'], rows: [] })).rejects.toThrow(/cannot contain/);
    expect(excel.syncs).toBe(0);
  });
});

describe('errors surface in words', () => {
  it('a failed chunk names the rows and the reason, keeps the Office error, and the calculation mode is restored', async () => {
    const excel = new FakeExcel();
    const rows = Array.from({ length: 10_000 }, (_, i) => detailRow(i + 1));
    excel.failSync = (request) =>
      request.ops.some((op) => op.startsWith('values ') && !op.includes('A1:'))
        ? Object.assign(new Error('The argument is invalid or missing or has an incorrect format.'), {
            code: 'InvalidArgument',
            debugInfo: { errorLocation: 'Range.values' },
          })
        : undefined;
    const error = await writeTable(excel.context, { sheetName: 'Detail', tableName: 'Detail', header, rows }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExcelStepError);
    const e = error as ExcelStepError;
    expect(e.message).toMatch(/^Could not write rows \d+–\d+ of 10001: Excel rejected the data it was given/);
    expect(e.message).toContain('Excel said: The argument is invalid');
    expect(e.message).toContain('(at Range.values)');
    expect(e.code).toBe('InvalidArgument');
    expect((e.cause as { code: string }).code).toBe('InvalidArgument');
    expect(excel.calculationMode).toBe('Automatic');
    expect(excel.log.some((x) => x.op.startsWith('tables.add'))).toBe(false);
  });

  it('a request over the 5 MB cap (here forced by an 8 MB limit) is refused by the fake, and reported plainly', async () => {
    const excel = new FakeExcel();
    const rows = Array.from({ length: 10_000 }, (_, i) => detailRow(i + 1));
    await expect(writeTable(excel.context, { sheetName: 'Detail', tableName: 'Detail', header, rows, maxRequestBytes: 8 * 1024 * 1024 })).rejects.toThrow(
      /the data is too large for one request to Excel/,
    );
  });

  it('selecting a cell on a sheet that is gone says which sheet', async () => {
    const excel = new FakeExcel();
    await expect(selectCell(excel.context, 'Roster', 'C7')).rejects.toThrow(
      /^Could not select C7 on "Roster": a sheet, table or name it needs is not in this workbook/,
    );
  });
});

describe('readTable', () => {
  it('reads back what was written, in chunks, header apart', async () => {
    const excel = new FakeExcel();
    const rows = Array.from({ length: 2_500 }, (_, i) => [`E${i + 1}`, i + 1, i % 2 === 0]);
    await writeTable(excel.context, { sheetName: 'Roster', tableName: 'Roster', header: ['Id', 'Step', 'Vacant'], rows, at: 'B2' });
    const before = excel.syncs;
    const table = await readTable(excel.context, 'Roster', 3_000);
    expect(table.header).toEqual(['Id', 'Step', 'Vacant']);
    expect(table.rows).toHaveLength(2_500);
    expect(table.rows[2_499]).toEqual(['E2500', 2500, false]);
    expect(table.address).toBe('B2:D2502');
    expect(table.sheetName).toBe('Roster');
    expect(excel.syncs - before).toBe(2 + Math.ceil(2_500 / 1_000));
  });

  it('a missing table is named in the error', async () => {
    const excel = new FakeExcel();
    await expect(readTable(excel.context, 'Roster')).rejects.toThrow(/no table named Roster/);
  });
});

describe('writeSheetGrid', () => {
  it('writes formulas with "=", formats, then tables and styles, in one request after the cells', async () => {
    const excel = new FakeExcel();
    const grid: SheetGrid = {
      name: 'Costing',
      cells: [
        ['Costing', null, null],
        ['Fiscal year', 'Baseline', 'City offer'],
        ['FY2027', 1000, { formula: 'B3*1.03', result: 1030 }],
        ['=not a formula', null, null],
      ],
      formats: [
        [null, null, null],
        [null, null, null],
        [null, '#,##0.00', '#,##0.00'],
        [null, null, null],
      ],
      styles: { '0:0': 'title', '1:0': 'header' },
      tables: [{ name: 'CostingSummary', headerRow: 2, firstColumn: 0, headers: ['Fiscal year', 'Baseline', 'City offer'], rowCount: 1 }],
      columnWidths: [14, 12, 12],
      freeze: { rows: 2, columns: 1 },
    };
    const report = await writeSheetGrid(excel.context, grid);
    const cells = excel.sheets.get('Costing')!.cells;
    expect(cells.get('2,2')).toBe('=B3*1.03');
    expect(cells.get('3,0')).toBe(`'=not a formula`);
    expect(cells.get('0,1')).toBe('');
    expect(cells.get('0,0')).toBe("'Costing");
    expect(excel.sheets.get('Costing')!.formats.get('2,1')).toBe('#,##0.00');
    expect(report.tables).toEqual({ CostingSummary: 'A2:C3' });
    const log = excel.log;
    const lastFormulas = lastIndexOf(log, (op) => op.startsWith('formulas '));
    const tableAt = log.findIndex((e) => e.op.startsWith('tables.add'));
    expect(log[tableAt]!.request).toBeGreaterThan(log[lastFormulas]!.request);
    expect(report.chunks).toBe(1);
    expect(excel.calculationMode).toBe('Automatic');
  });
});

describe('writeSheetGrid: a 10,000-row roster sheet over an old one', () => {
  it('clears the old tables and charts, writes ≤4 MB chunks with their formats, then the table', async () => {
    const excel = new FakeExcel();
    const headers = ['Id', 'Class', 'Step', 'FTE', 'Hire date', 'Note'];
    const grid = (rows: number): SheetGrid => {
      const cells = [
        ['Roster', null, null, null, null, null],
        headers,
        ...Array.from({ length: rows }, (_, i) => [`E${i + 1}`, 'PO', (i % 5) + 1, '1.0000', '2019-09-14', `n${i} ${'z'.repeat(600)}`]),
      ];
      const formats = cells.map((_, r) => (r < 2 ? headers.map(() => null) : ['@', '@', '0', '0.0000', 'yyyy-mm-dd', '@']));
      return {
        name: 'Roster',
        cells,
        formats,
        styles: { '0:0': 'title' },
        tables: [{ name: 'Roster', headerRow: 2, firstColumn: 0, headers, rowCount: rows }],
        columnWidths: [10],
        freeze: { rows: 2, columns: 0 },
      };
    };
    await writeSheetGrid(excel.context, grid(3));
    const before = excel.syncs;
    const report = await writeSheetGrid(excel.context, grid(10_000));
    const requests = excel.requests.slice(before);
    for (const r of requests) expect(r.bytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(report.chunks).toBeGreaterThanOrEqual(2);
    const writes = requests.filter((r) => r.ops.some((op) => op.startsWith('formulas ')));
    expect(writes).toHaveLength(report.chunks);
    expect(requests).toHaveLength(report.chunks + 3);
    const ops = requests.flatMap((r) => r.ops);
    expect(ops.indexOf('convertToRange Roster')).toBeLessThan(ops.findIndex((op) => op.startsWith('formulas ')));
    expect(ops.filter((op) => op.startsWith('tables.add'))).toEqual(['tables.add Roster!A2:F10002 headers=true']);
    expect(report.tables).toEqual({ Roster: 'A2:F10002' });
    expect(excel.sheets.get('Roster')!.cells.get('10001,4')).toBe("'2019-09-14");
    expect(excel.sheets.get('Roster')!.formats.get('10001,4')).toBe('yyyy-mm-dd');
  });
});
