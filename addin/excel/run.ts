import { describeOfficeError } from './officeError.js';

/**
 * `Excel.run` with a plain-words error: every failure leaves as an Error saying what was being
 * done and why Excel refused (see `describeOfficeError`). The pane shows `error.message`.
 */
export async function runExcel<T>(doing: string, work: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const excel = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!excel || typeof excel.run !== 'function') {
    throw new Error(`Could not ${doing}: this page is not running inside Excel. Open the workbook in Excel and start Bargaining Costing from the Home tab.`);
  }
  try {
    return await excel.run(work);
  } catch (error) {
    throw describeOfficeError(error, doing);
  }
}
