/**
 * Reading sheets and tables back as Excel on the web answers: the used range of values only (not of
 * formatting), and reads that stay under the 5 MB response cap even where long text fills the cells
 * (the strict double enforces both as Excel does: tests/browser/double/excelDouble.js).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readInRowChunks, readSheetValues } from '../../addin/excel/index.js';
import { strictDouble, uninstallOffice } from './strictDouble.js';

afterEach(() => uninstallOffice());

describe('readSheetValues', () => {
  it('reads the cells that hold values: a column formatted as Text below them adds no rows or columns', async () => {
    const excel = strictDouble({ installOffice: true });
    excel.paste('Sheet1', 'A1', [
      ['Employee', 'Class'],
      ['E1', 'PO'],
    ]);
    await excel.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('D1:D200').numberFormat = Array.from({ length: 200 }, () => ['@']);
      await context.sync();
    });
    const [sheet] = await excel.Excel.run((context) => readSheetValues(context, ['Sheet1']));
    expect(sheet!.cells).toEqual([
      ['Employee', 'Class'],
      ['E1', 'PO'],
    ]);
  });

  it('a sheet that holds formatting only reads as empty', async () => {
    const excel = strictDouble({ installOffice: true });
    excel.paste('Sheet1', 'A1', [['']]);
    await excel.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('B2').format.fill.color = '#FCE4E4';
      await context.sync();
    });
    const [sheet] = await excel.Excel.run((context) => readSheetValues(context, ['Sheet1']));
    expect(sheet).toEqual({ name: 'Sheet1', cells: [], formats: [] });
  });

  it('reads 1,200 rows of long text whole, in smaller requests when a full one would pass 5 MB', async () => {
    const excel = strictDouble({ installOffice: true });
    // 1,200 rows × 10 cells of 500 characters: a first request of 50,000 cells would carry all
    // 12,000 cells (6 MB of values); halved, 600 rows carry 3 MB.
    const rows = Array.from({ length: 1200 }, (_, r) => Array.from({ length: 10 }, (_, c) => `${r}:${c}:${'n'.repeat(490)}`));
    excel.paste('Sheet1', 'A1', rows);
    const syncsBefore = excel.model.stats.syncs;
    const [sheet] = await excel.Excel.run((context) => readSheetValues(context, ['Sheet1']));
    expect(sheet!.cells).toHaveLength(1200);
    expect(sheet!.cells[1199]![9]).toBe(rows[1199]![9]);
    expect(sheet!.cells[600]![0]).toBe(rows[600]![0]);
    // Find the sheet and its used range (2), the refused whole read, then two halves.
    expect(excel.model.stats.syncs - syncsBefore).toBe(5);
  });
});

describe('readInRowChunks', () => {
  const tooLarge = Object.assign(new Error('The response payload size has exceeded the limit.'), { code: 'ResponsePayloadSizeLimitExceeded' });

  it('halves the chunks from the first refused one on, and reads every row once, in order', async () => {
    const asked: [number, number][] = [];
    const rows = await readInRowChunks(10, 2, 8, async (start, count) => {
      asked.push([start, count]);
      if (count > 2) throw tooLarge;
      return Array.from({ length: count }, (_, i) => start + i);
    });
    expect(rows).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // 8 cells of 2 columns: 4 rows, refused; 2 rows from then on.
    expect(asked).toEqual([
      [0, 4],
      [0, 2],
      [2, 2],
      [4, 2],
      [6, 2],
      [8, 2],
    ]);
  });

  it('passes on any other failure, and the cap when one row alone passes it', async () => {
    await expect(readInRowChunks(3, 1, 10, () => Promise.reject(Object.assign(new Error('protected'), { code: 'AccessDenied' })))).rejects.toThrow('protected');
    await expect(readInRowChunks(3, 1, 10, () => Promise.reject(tooLarge))).rejects.toBe(tooLarge);
  });
});
