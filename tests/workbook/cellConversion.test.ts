import { describe, expect, it } from 'vitest';
import { isExactAsDouble, placesFromFormat, readCell, readDecimal, writeCell, excelSerialToIso } from '../../shared/workbook/cellConversion.js';
import { looksLikeFormula, officeText } from '../../shared/workbook/textSafety.js';
import { officeFormulas } from '../../shared/workbook/officeFormulas.js';
import { columnIndex, columnLetter, parseCellAddress, rangeAddress, sheetReference } from '../../shared/workbook/grid.js';

describe('cell conversion', () => {
  it('writes a decimal as a number only when the double holds it, with a format showing its places', () => {
    expect(writeCell('money', '2150.00')).toEqual({ value: 2150, format: '#,##0.00' });
    expect(writeCell('rate', '0.1325')).toEqual({ value: 0.1325, format: '0.00%' });
    expect(writeCell('rate', '0.5')).toEqual({ value: 0.5, format: '0.0' });
    expect(writeCell('decimal', '120')).toEqual({ value: 120, format: '0' });
    expect(isExactAsDouble('12.345678901234567891')).toBe(false);
    expect(writeCell('stepRate', '12.345678901234567891')).toEqual({ value: '12.345678901234567891', format: '@' });
  });

  it('reads numbers back with the places of their format', () => {
    expect(placesFromFormat('#,##0.00;[Red]-#,##0.00')).toBe(2);
    expect(placesFromFormat('0.0000%')).toBe(6);
    expect(placesFromFormat('General')).toBeUndefined();
    expect(readDecimal('money', 45.1, { format: '#,##0.00' })).toEqual({ ok: true, value: '45.10' });
    expect(readDecimal('money', 45.123, { format: '#,##0.00' })).toEqual({ ok: true, value: '45.123' }); // never rounds
    expect(readDecimal('money', 1e-7)).toEqual({ ok: true, value: '0.0000001' });
    expect(readDecimal('money', -0, { format: '0.00' })).toEqual({ ok: true, value: '0.00' });
    expect(readDecimal('rate', ' 3.25% ')).toEqual({ ok: true, value: '0.0325' });
    // Only a rate is a percent: in a pay rate, an amount or hours "3%" is refused, not read as 0.03.
    for (const kind of ['stepRate', 'money', 'decimal'] as const) {
      expect(readDecimal(kind, '3%')).toEqual({ ok: false, reason: 'must be a number such as 45.12, found 3%: a percent belongs in a rate column' });
    }
    expect(readDecimal('money', '$1,234.50')).toEqual({ ok: true, value: '1234.50' });
    expect(readDecimal('money', 'n/a')).toEqual({ ok: false, reason: 'must be a number such as 45.12, found n/a' });
  });

  it('reads dates from ISO text, Excel serials and Date values', () => {
    expect(excelSerialToIso(46204)).toBe('2026-07-01');
    expect(readCell('date', 46204)).toEqual({ ok: true, value: '2026-07-01' });
    expect(readCell('date', new Date(Date.UTC(2026, 6, 1)))).toEqual({ ok: true, value: '2026-07-01' });
    expect(readCell('date', '07/01/2026')).toMatchObject({ ok: false });
    expect(readCell('boolean', 'Yes')).toEqual({ ok: true, value: true });
    expect(readCell('integer', 2.5)).toMatchObject({ ok: false });
    expect(readCell('fiscalYears', 'fy2027, 2028')).toEqual({ ok: true, value: ['FY2027', 2028] });
  });

  it('keeps formula-looking text as text for Office.js', () => {
    for (const t of ['=1+1', '+1', '-x', '@a', '\tx', '\rx']) expect(looksLikeFormula(t)).toBe(true);
    expect(looksLikeFormula('plain')).toBe(false);
    expect(officeText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(officeText("'quoted")).toBe("''quoted");
    expect(officeText('plain')).toBe('plain');
    expect(officeFormulas({ cells: [['=1+1', { formula: 'SUM(A1:A2)', result: 3 }, 4, true, null, '']] })).toEqual([["'=1+1", '=SUM(A1:A2)', 4, true, '', '']]);
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });

  it('A1 helpers: letters both ways within A…XFD, parsed addresses, ranges', () => {
    // XFD = 24·26² + 6·26 + 4 = 16384th column, Excel's last.
    expect([0, 25, 26, 701, 702, 16383].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
    expect(['A', 'z', 'AA', 'ZZ', 'AAA', 'XFD'].map(columnIndex)).toEqual([0, 25, 26, 701, 702, 16383]);
    expect(() => columnLetter(16384)).toThrow(/outside Excel/);
    expect(() => columnIndex('XFE')).toThrow(/outside Excel/);
    expect(parseCellAddress('$B$3')).toEqual({ column: 1, row: 3 });
    expect(() => parseCellAddress('B')).toThrow(/single-cell address/);
    expect(rangeAddress(0, 1, 10, 3)).toBe('A1:C10');
    expect(sheetReference("Union's offer")).toBe("'Union''s offer'");
    expect(sheetReference('Costing')).toBe('Costing');
  });
});
