// Recalculates a Costing grid with HyperFormula (an independent spreadsheet engine) for the tests.
// HyperFormula's default smartRounding keeps only 10 significant digits (Excel shows 15), which would
// misreport amounts of $100M and more; it is turned off and each figure rounded to cents here.
import { HyperFormula } from 'hyperformula';
import type { Cell } from '../../shared/workbook/grid.js';
import { officeFormulas } from '../../shared/workbook/officeFormulas.js';

export interface Recalculated {
  /** The value at an A1 address on the sheet. */
  value(address: string): unknown;
  /** Money at an address, as a 2-place string (rounded half away from zero, as the engine does). */
  money(address: string): string;
  destroy(): void;
}

export function recalculate(sheetName: string, cells: Cell[][] | (string | number | boolean | null)[][], alreadyOffice = false): Recalculated {
  const data = alreadyOffice ? (cells as (string | number | boolean | null)[][]) : officeFormulas({ cells: cells as Cell[][] });
  const hf = HyperFormula.buildFromSheets(
    { [sheetName]: data.map((r) => r.map((c) => (c === '' ? null : c))) },
    { licenseKey: 'gpl-v3', smartRounding: false },
  );
  const sheet = hf.getSheetId(sheetName)!;
  const value = (address: string) => {
    const a = hf.simpleCellAddressFromString(address, sheet);
    if (!a) throw new Error(`bad address ${address}`);
    return hf.getCellValue(a);
  };
  return {
    value,
    money(address) {
      const v = value(address);
      if (typeof v !== 'number') throw new Error(`${address} is not a number: ${JSON.stringify(v)}`);
      const cents = Math.round(Math.abs(v) * 100 + 1e-7) * Math.sign(v);
      const s = (cents / 100).toFixed(2);
      return s === '-0.00' ? '0.00' : s;
    },
    destroy: () => hf.destroy(),
  };
}
