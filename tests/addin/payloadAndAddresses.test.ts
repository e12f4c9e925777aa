import { describe, expect, it } from 'vitest';
import { blockAddress, cellAddress, chunkRowsByPayload, columnLetters, jsonBytes, parseCellAddress, sheetReference } from '../../addin/excel/index.js';

describe('chunkRowsByPayload', () => {
  it('packs consecutive rows up to the limit and never splits a row', () => {
    const sizes = [40, 40, 40, 90, 10, 10];
    expect(chunkRowsByPayload(sizes.length, (i) => sizes[i]!, 100)).toEqual([
      { start: 0, end: 2, bytes: 80 },
      { start: 2, end: 3, bytes: 40 },
      { start: 3, end: 5, bytes: 100 },
      { start: 5, end: 6, bytes: 10 },
    ]);
    expect(chunkRowsByPayload(0, () => 1, 100)).toEqual([]);
  });

  it('refuses a row that alone is over the limit, naming it', () => {
    expect(() => chunkRowsByPayload(3, (i) => (i === 1 ? 101 : 1), 100)).toThrow(/^row 2 alone is 101 bytes/);
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(jsonBytes(['é'])).toBe(6);
    expect(jsonBytes([1, 'a'])).toBe(7);
  });
});

describe('A1 addresses', () => {
  it('converts columns both ways', () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
    expect(() => columnLetters(16384)).toThrow(/outside Excel/);
    expect(parseCellAddress('$AB$12')).toEqual({ row: 11, column: 27 });
    expect(cellAddress({ row: 2, column: 1 })).toBe('B3');
    expect(blockAddress({ row: 1, column: 0 }, 10001, 12)).toBe('A2:L10002');
    expect(() => parseCellAddress('B3:C4')).toThrow(/not a single-cell address/);
    expect(sheetReference("Union's offer", 'A1')).toBe("'Union''s offer'!A1");
  });
});
