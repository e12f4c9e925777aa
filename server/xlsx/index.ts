// ExcelJS side of the shared workbook layout: cost-workbook export, schedule import, scenario workbook read.
export { exportCostWorkbook, type CostWorkbookModel } from './exportCostWorkbook.js';
export { parseScheduleCsv, parseScheduleXlsx, CSV_SHEET, type ScheduleImportResult, type ScheduleSettings } from './scheduleImport.js';
export { readScenarioWorkbook, type ReadScenarioWorkbookResult } from './readScenarioWorkbook.js';
export { assertSafeXlsxZip, XlsxRejectedError, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zipGuard.js';
export { readScheduleFile, writeCostModelWorkbook } from './costModelAdapters.js';
export type { XlsxIssue } from './xlsxIssue.js';
