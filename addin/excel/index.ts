/**
 * addin/excel — the ONLY code in the add-in that talks to Office.js (`Excel.run`, request contexts).
 * Everything above it (the React pane, the custom functions) calls these functions.
 *
 * How to call: wrap one user action in `runExcel(doing, context => …)`; inside, call the functions
 * below with that context. Every failure leaves as an Error whose message says, in plain words,
 * what was being done and why Excel refused (`ExcelStepError`, with the Office `code` and `cause`).
 * Show `error.message` to the analyst; never swallow it.
 *
 *   await runExcel('pull the POA schedule', async (context) => {
 *     const report = await writeSheetGrid(context, scheduleGrid, { onProgress });
 *     await stampSchedule(context, stamp, 'A1');
 *   });
 *
 * Writing (all big writes are 2-D blocks chunked by payload size: every request ≤ 4 MB, exactly one
 * `context.sync()` per chunk, calculation manual + screen updating suspended during the write,
 * tables created only after their values are written):
 *   writeSheetGrid(context, grid: SheetGrid, {clear?, maxRequestBytes?, onProgress?}) → {rows, columns, chunks, largestRequestBytes, sheetName, tables}
 *       a whole sheet from shared/workbook (values, formulas, number formats, tables, styles,
 *       column widths, frozen panes). Use it for Schedule, Roster, Assumptions, Proposals, Costing.
 *   writeTable(context, {sheetName, tableName, at?, header, rows, columnFormats?, style?, autofit?, onProgress?}) → report + address
 *       one table from plain rows (a table of the same name is replaced in place).
 *   writeBlock(context, sheet, {row, column}, block, {mode?, columnFormats?, cellFormats?, maxRequestBytes?, onProgress?})
 *       the chunked primitive (no calculation-mode change; wrap it in withManualCalculation).
 *   withManualCalculation(context, doing, write) — calculation manual during `write`, restored after.
 *   addColumnChart(context, {sheetName, dataAddress, seriesBy?, title, name, topLeft, bottomRight, valueFormat?})
 *       the clustered column chart of the increase per fiscal year per proposal (replaced by name).
 *   stampSchedule(context, ScheduleStamp, titleAddress) / readScheduleStamp(context, unitId)
 *       version + effective date in a title cell, a workbook name BC_Schedule_<unit>, and the settings.
 *   protectSheets(context, sheetNames, password?) — for an approved model opened into the workbook.
 *   saveLatestCosting(context, digest) / loadLatestCosting(context) — the digest =BARGAIN.COST reads,
 *       kept in the workbook settings so it survives reload (also call publishLatestCosting from
 *       addin/runtime/sharedState.ts so the functions see it at once, then recalculateWorkbook).
 *   recalculateWorkbook(context) — full recalculation (after a costing).
 *
 * Reading and navigating:
 *   readTable(context, tableName) → {sheetName, address, header, rows} (values, in chunks under the response cap)
 *   readSheetValues(context, sheetNames) → SheetValues[] (values + number formats, for shared/workbook's readers)
 *   selectCell(context, sheetName, address) — shows the sheet and selects the cell (the Validate list).
 *   existingSheets(context, names) → Set of those that exist;  getOrAddSheet(context, name);
 *   activateSheet(context, name);  clearSheet(context, sheet, name).
 *
 * Outside Excel (`Excel` undefined) `runExcel` throws "this page is not running inside Excel…".
 */
export { runExcel, type RunExcelOptions } from './run.js';
export { ExcelStepError, describeOfficeError, excelStep } from './officeError.js';
export { writeSheetGrid, gridTableAddress, applyCellStyle, columnWidthPoints, type SheetGridWriteOptions, type SheetGridWriteReport } from './sheetGrid.js';
export { writeTable, readTable, type TableSpec, type TableWriteReport, type TableContents } from './tables.js';
export { READ_CELLS_PER_REQUEST, readInRowChunks } from './rowChunks.js';
export { writeBlock, type BlockWriteOptions, type BlockWriteReport } from './blockWrite.js';
export { suspendCalculationUntilNextSync, suspendScreenUpdatingOnce } from './calculation.js';
export { addColumnChart, type ColumnChartSpec } from './chart.js';
export { stampSchedule, readScheduleStamp, stampName, type ScheduleStamp } from './scheduleStamp.js';
export { protectSheets, existingSheets, getOrAddSheet, activateSheet, clearSheet, checkSheetName } from './sheets.js';
export { saveLatestCosting, loadLatestCosting, latestCostingInDocumentSettings } from './latestCosting.js';
export { readSheetValues } from './sheetValues.js';
export { selectCell } from './selection.js';
export { saveWorkbookSetting, loadWorkbookSetting, settingKeys } from './workbookSettings.js';
export { MAX_REQUEST_BYTES, REQUEST_OVERHEAD_BYTES, jsonBytes, chunkRowsByPayload } from './payload.js';
export { columnLetters, cellAddress, blockAddress, parseCellAddress, sheetReference } from './a1.js';
export type { CellValue, CellBlock, CellPosition } from './cells.js';
