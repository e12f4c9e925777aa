import { excelApiSupported } from './apiSupport.js';

/**
 * The add-in never touches the application's calculation mode: on desktop it covers every open
 * workbook, and a run that stops half-way would leave them all manual. Instead each request that
 * writes cells asks Excel to hold its recalculation until that request's sync (ExcelApi 1.6, within
 * the manifest's minimum) — "suspends calculation until the next context.sync() is called"
 * (https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-suspendapicalculationuntilnextsync-member(1)).
 */
export function suspendCalculationUntilNextSync(context: Excel.RequestContext): void {
  context.workbook.application.suspendApiCalculationUntilNextSync();
}

/**
 * Screen updating is suspended once per write, never per chunk: "Don't call
 * suspendScreenUpdatingUntilNextSync repeatedly (such as in a loop). Repeated calls will cause the
 * Excel window to flicker" (https://learn.microsoft.com/office/dev/add-ins/excel/performance#suspend-screen-updating).
 * ExcelApi 1.9, newer than the manifest's minimum: skipped where the running Excel lacks it.
 */
export function suspendScreenUpdatingOnce(context: Excel.RequestContext): void {
  if (excelApiSupported('1.9')) context.workbook.application.suspendScreenUpdatingUntilNextSync();
}
