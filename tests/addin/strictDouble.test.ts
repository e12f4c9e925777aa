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

  /** The error code a batch's sync fails with, or null when it succeeds. */
  const codeOf = (excel: ReturnType<typeof strictDouble>, batch: (context: Excel.RequestContext) => void) =>
    excel.Excel.run(async (context) => {
      batch(context);
      return context.sync().then(
        () => null,
        (error: unknown) => (error as { code?: string }).code ?? 'no code',
      );
    });

  it('has the grid Excel has: A1 to XFD1048576; an address or index past it is refused', async () => {
    const excel = strictDouble();
    const sheet = (context: Excel.RequestContext) => context.workbook.worksheets.getItem('Sheet1');
    expect(await codeOf(excel, (c) => (sheet(c).getRange('XFD1048576').values = [['last']]))).toBeNull();
    expect(excel.cell('Sheet1', 'XFD1048576')).toBe('last');
    for (const address of ['XFE1', 'A1048577', 'A0', 'A1:XFE2', 'XFE:XFE']) {
      expect(await codeOf(excel, (c) => sheet(c).getRange(address).load('values')), address).toBe('InvalidArgument');
    }
    expect(await codeOf(excel, (c) => sheet(c).getRangeByIndexes(1048575, 0, 2, 1).load('values'))).toBe('InvalidArgument');
    expect(await codeOf(excel, (c) => sheet(c).getRangeByIndexes(0, 16383, 1, 2).load('values'))).toBe('InvalidArgument');
    expect(await codeOf(excel, (c) => sheet(c).getRange('XFD1').getCell(0, 1).load('values'))).toBe('InvalidArgument');
    expect(await codeOf(excel, (c) => sheet(c).getRange('A1048576').getResizedRange(1, 0).load('values'))).toBe('InvalidArgument');
  });

  it('a sheet deleted earlier in a batch is gone for the commands after it, found by name or not', async () => {
    const excel = strictDouble();
    await excel.Excel.run(async (context) => {
      context.workbook.worksheets.add('Scratch');
      await context.sync();
    });
    const code = await codeOf(excel, (c) => {
      const scratch = c.workbook.worksheets.getItem('Scratch');
      c.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['before']];
      scratch.delete();
      c.workbook.worksheets.getItem('Scratch').getRange('A1').values = [['after']];
    });
    expect(code).toBe('ItemNotFound');
    expect(excel.cell('Sheet1', 'A1')).toBe('before');
    expect(excel.model.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    // A sheet added earlier in the batch is there for the commands after it.
    expect(await codeOf(excel, (c) => (c.workbook.worksheets.add('Fresh').getRange('B2').values = [['x']]))).toBeNull();
    expect(excel.cell('Fresh', 'B2')).toBe('x');
  });

  it('refuses formatting on a protected sheet unless its protection allows that kind', async () => {
    const excel = strictDouble();
    const sheet = (context: Excel.RequestContext) => context.workbook.worksheets.getItem('Sheet1');
    await excel.Excel.run(async (context) => {
      sheet(context).protection.protect({ allowFormatColumns: true });
      await context.sync();
    });
    expect(await codeOf(excel, (c) => (sheet(c).getRange('A1').format.fill.color = '#FFFF00'))).toBe('AccessDenied');
    expect(await codeOf(excel, (c) => (sheet(c).getRange('A1').format.font.bold = true))).toBe('AccessDenied');
    expect(await codeOf(excel, (c) => (sheet(c).getRange('A:A').format.font.bold = true))).toBe('AccessDenied');
    expect(await codeOf(excel, (c) => (sheet(c).getRange('A1').format.rowHeight = 30))).toBe('AccessDenied');
    expect(await codeOf(excel, (c) => sheet(c).getRange('A1').format.autofitRows())).toBe('AccessDenied');
    expect(await codeOf(excel, (c) => (sheet(c).getRange('A1').numberFormat = [['0.00']]))).toBe('AccessDenied');
    // Columns are allowed: widths and autofit go through.
    expect(await codeOf(excel, (c) => (sheet(c).getRange('B1').format.columnWidth = 80))).toBeNull();
    expect(await codeOf(excel, (c) => sheet(c).getRange('B:B').format.autofitColumns())).toBeNull();
    expect(excel.columnWidth('Sheet1', 'B')).toBe(80);
    await excel.Excel.run(async (context) => {
      sheet(context).protection.unprotect();
      await context.sync();
    });
    expect(await codeOf(excel, (c) => (sheet(c).getRange('A1').format.fill.color = '#FFFF00'))).toBeNull();
  });

  it('takes only the table names Excel takes: a letter, _ or \\ first, then letters, digits, . and _; no cell reference', async () => {
    const excel = strictDouble();
    let row = 1;
    // Each on rows of its own: a refused name leaves its table (the batch stops at the refusal).
    const named = (name: string) =>
      codeOf(excel, (c) => {
        c.workbook.worksheets.getItem('Sheet1').tables.add(`A${row}:B${row + 1}`, true).name = name;
        row += 3;
      });
    for (const good of ['Rates_POA', '_roster', '\\Provisions', 'Table.1', 'XFE1', 'Roster2026']) expect(await named(good), good).toBeNull();
    for (const bad of ['Rates POA', '1Rates', 'Rates-POA', 'A1', 'TBL1', 'R1C1', 'RC', 'r', 'c', '', 'x'.repeat(256)])
      expect(await named(bad), bad).toBe('InvalidArgument');
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
