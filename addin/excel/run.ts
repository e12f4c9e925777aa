import { excelApiSupported } from './apiSupport.js';
import { describeOfficeError } from './officeError.js';

export interface RunExcelOptions {
  /**
   * For work nobody asked for just now (background checks, the custom functions' reads): wait
   * while the user is editing a cell instead of failing with InvalidOperationInCellEditMode —
   * "if the user is in cell edit mode then the batch request is delayed until the user exits cell
   * edit mode" (https://learn.microsoft.com/javascript/api/excel/excel.runoptions, ExcelApi 1.11).
   */
  waitForCellEdit?: boolean;
}

/**
 * `Excel.run` with a plain-words error: every failure leaves as an Error saying what was being
 * done and why Excel refused (see `describeOfficeError`). The pane shows `error.message`.
 */
export async function runExcel<T>(doing: string, work: (context: Excel.RequestContext) => Promise<T>, options: RunExcelOptions = {}): Promise<T> {
  const excel = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!excel || typeof excel.run !== 'function') {
    throw new Error(`Could not ${doing}: this page is not running inside Excel. Open the workbook in Excel and start Bargaining Costing from the Home tab.`);
  }
  try {
    if (options.waitForCellEdit && excelApiSupported('1.11')) return await excel.run({ delayForCellEdit: true }, work);
    return await excel.run(work);
  } catch (error) {
    throw describeOfficeError(error, doing);
  }
}
