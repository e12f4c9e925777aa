/**
 * loadWorkbook(buffer) → an ExcelJS workbook, after the zip guard (non-zip files and zip bombs are
 * refused with `XlsxRejectedError` before ExcelJS parses anything).
 */
import ExcelJS from 'exceljs';
import { assertSafeXlsxZip, XlsxRejectedError, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zipGuard.js';

export async function loadWorkbook(buffer: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ExcelJS.Workbook> {
  assertSafeXlsxZip(buffer, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new XlsxRejectedError(`not a readable XLSX workbook: ${(error as Error).message}`);
  }
  return workbook;
}
