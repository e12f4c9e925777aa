// Recalculates the Costing sheet of an exported XLSX with HyperFormula, from the file's own cells.
import ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';

export async function loadXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** The sheet as HyperFormula input: formulas as "=…", text escaped with "'" so it stays text. */
export function hyperFormulaData(sheet: ExcelJS.Worksheet): (string | number | boolean | null)[][] {
  const rows: (string | number | boolean | null)[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const out: (string | number | boolean | null)[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = sheet.getCell(r, c).value;
      if (v === null || v === undefined) out.push(null);
      else if (typeof v === 'object' && 'formula' in v) out.push(`=${v.formula}`);
      else if (typeof v === 'string') out.push(`'${v}`);
      else if (typeof v === 'number' || typeof v === 'boolean') out.push(v);
      else throw new Error(`unexpected cell ${sheet.name}!${r}:${c}: ${JSON.stringify(v)}`);
    }
    rows.push(out);
  }
  return rows;
}

export function recalcSheet(sheet: ExcelJS.Worksheet) {
  const hf = HyperFormula.buildFromSheets({ [sheet.name]: hyperFormulaData(sheet) }, { licenseKey: 'gpl-v3', smartRounding: false });
  const id = hf.getSheetId(sheet.name)!;
  return {
    value(address: string) {
      return hf.getCellValue(hf.simpleCellAddressFromString(address, id)!);
    },
    money(address: string): string {
      const v = hf.getCellValue(hf.simpleCellAddressFromString(address, id)!);
      if (typeof v !== 'number') throw new Error(`${address} is not a number: ${JSON.stringify(v)}`);
      const cents = Math.sign(v) * Math.round(Math.abs(v) * 100 + 1e-7);
      const s = (cents / 100).toFixed(2);
      return s === '-0.00' ? '0.00' : s;
    },
    destroy: () => hf.destroy(),
  };
}
