/**
 * The double behaves as Excel does where the add-in's code could get it wrong (each rule is cited
 * from Microsoft's documentation in tests/browser/double/excelDouble.js).
 */
import { describe, expect, it } from 'vitest';
import { strictDouble } from './strictDouble.js';

describe('the strict Excel double', () => {
  it('loads only the properties asked for; any other throws PropertyNotLoaded, as before the sync', async () => {
    const excel = strictDouble();
    excel.paste('Sheet1', 'A1', [[1, 2]]);
    await excel.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      range.load('values');
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      await context.sync();
      expect(range.values).toEqual([[1, 2]]);
      expect(() => range.numberFormat).toThrow(/property 'numberFormat' is not available/);
      expect(() => range.address).toThrow(/property 'address' is not available/);
      const probe = context.workbook.worksheets.getItemOrNullObject('Nope');
      await context.sync();
      expect(probe.isNullObject).toBe(true); // readable after a sync without a load
    });
  });

  it('a failing command fails the sync; the commands after it in the batch do not run, those before it do', async () => {
    const excel = strictDouble();
    const error = await excel.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').values = [['before']];
      context.workbook.worksheets.getItem('Missing').getRange('A1').values = [['x']];
      sheet.getRange('A2').values = [['after']];
      return context.sync().then(
        () => null,
        (e: unknown) => e,
      );
    });
    expect((error as { code: string }).code).toBe('ItemNotFound');
    expect(excel.cell('Sheet1', 'A1')).toBe('before');
    expect(excel.cell('Sheet1', 'A2')).toBe('');
  });

  it('a Text cell keeps what is written literally, apostrophe included; a General cell hides the apostrophe', async () => {
    const excel = strictDouble();
    await excel.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:B1').numberFormat = [['@', 'General']];
      sheet.getRange('A1:B1').formulas = [["'00123", "'00123"]];
      sheet.getRange('A2').numberFormat = [['@']];
      sheet.getRange('A2').formulas = [['=1+1']];
      await context.sync();
    });
    expect(excel.cell('Sheet1', 'A1')).toBe("'00123");
    expect(excel.cell('Sheet1', 'B1')).toBe('00123');
    expect(excel.cell('Sheet1', 'A2')).toBe('=1+1');
    expect(excel.formula('Sheet1', 'A2')).toBeNull();
  });

  it('in cell-edit mode a batch fails, or waits when the run asked delayForCellEdit', async () => {
    const excel = strictDouble();
    excel.startCellEdit();
    const refused = await excel.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      return context.sync().then(
        () => null,
        (e: unknown) => e,
      );
    });
    expect((refused as { code: string }).code).toBe('InvalidOperationInCellEditMode');
    let done = false;
    const waiting = excel.Excel.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[2]];
      await context.sync();
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(done).toBe(false);
    excel.endCellEdit();
    await waiting;
    expect(excel.cell('Sheet1', 'A1')).toBe(2);
    expect(excel.model.stats.refusedInCellEdit).toBe(1);
    expect(excel.model.stats.delayedForCellEdit).toBe(1);
  });

  it('the used range takes in formatted cells unless asked for values only; a sheet of formatting only is not empty', async () => {
    const excel = strictDouble();
    excel.paste('Sheet1', 'A1', [[1]]);
    await excel.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('C5').numberFormat = [['@']];
      sheet.getRange('E2').format.fill.color = '#FCE4E4';
      const blank = context.workbook.worksheets.add('Formatted only');
      blank.getRange('B2').numberFormat = [['@']];
      await context.sync();
      const used = sheet.getUsedRangeOrNullObject();
      const values = sheet.getUsedRangeOrNullObject(true);
      const formattedOnly = blank.getUsedRangeOrNullObject();
      const formattedOnlyValues = blank.getUsedRangeOrNullObject(true);
      for (const range of [used, values, formattedOnly]) range.load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      expect([used.rowCount, used.columnCount]).toEqual([5, 5]);
      expect([values.rowCount, values.columnCount]).toEqual([1, 1]);
      expect([formattedOnly.isNullObject, formattedOnly.rowIndex, formattedOnly.columnIndex]).toEqual([false, 1, 1]);
      expect(formattedOnlyValues.isNullObject).toBe(true);
    });
  });

  it('a read whose response passes 5 MB fails the sync with ResponsePayloadSizeLimitExceeded', async () => {
    const excel = strictDouble();
    // 1,000 rows × 6 cells of 1,000 characters: 6 MB of values, under the 5,000,000-cell cap.
    const text = 'x'.repeat(1000);
    excel.paste(
      'Sheet1',
      'A1',
      Array.from({ length: 1000 }, () => Array.from({ length: 6 }, () => text)),
    );
    const refused = await excel.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:F1000');
      range.load('values');
      return context.sync().then(
        () => null,
        (error: unknown) => (error as { code?: string }).code,
      );
    });
    expect(refused).toBe('ResponsePayloadSizeLimitExceeded');
    const half = await excel.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:F500');
      range.load('values');
      await context.sync();
      return range.values.length;
    });
    expect(half).toBe(500);
  });

  it('answers isSetSupported from a configurable set', () => {
    const excel = strictDouble();
    const { requirements } = excel.officeContext;
    const isSetSupported = (set: string, version: string) => requirements.isSetSupported(set, version);
    expect(isSetSupported('ExcelApi', '1.17')).toBe(true);
    excel.supportSets({ ExcelApi: '1.7' });
    expect(isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(isSetSupported('ExcelApi', '1.10')).toBe(false);
    excel.supportSets({ NestedAppAuth: null });
    expect(isSetSupported('NestedAppAuth', '1.1')).toBe(false);
  });
});
