import type { SheetGrid } from '../../../shared/workbook/grid.js';
import { addColumnChart } from '../../excel/chart.js';
import { runExcel as run } from '../../excel/run.js';
import { saveLatestCosting } from '../../excel/latestCosting.js';
import { publishLatestCosting } from '../../runtime/sharedState.js';
import { readScheduleStamp, stampSchedule } from '../../excel/scheduleStamp.js';
import { selectCell } from '../../excel/selection.js';
import { writeSheetGrid } from '../../excel/sheetGrid.js';
import { readSheetValues } from '../../excel/sheetValues.js';
import { activateSheet, existingSheets, protectSheets } from '../../excel/sheets.js';
import { writeTable } from '../../excel/tables.js';
import { loadWorkbookSetting, saveWorkbookSetting, settingKeys } from '../../excel/workbookSettings.js';
import { isRosterSource } from '../roster/rosterSource.js';
import type { WorkbookPort } from './workbookPort.js';
import { writeReportSheets } from '../../excel/reportSheets.js';
import { mappingFromSheet } from '../../../shared/reports/disclosureMapping.js';
import { costingReportSheets, REPORT_SHEET } from '../../../shared/reports/reportSheet.js';

/** The workbook the pane is open in, through `addin/excel/`. */
export const officeWorkbook: WorkbookPort = {
  writeScheduleTable: (table, stamp) =>
    run(`write the schedule ${stamp.scheduleId}`, async (context) => {
      await writeTable(context, {
        sheetName: table.sheetName,
        tableName: table.tableName,
        at: 'A3',
        header: table.header,
        rows: table.rows,
        columnFormats: table.columnFormats,
      });
      await stampSchedule(context, stamp, 'A1');
      await activateSheet(context, table.sheetName);
    }),

  // Read in the background (the schedule check): wait while the analyst edits a cell rather than interrupt or fail.
  readScheduleStamp: (unitId) => run(`read the schedule stamp of ${unitId}`, (context) => readScheduleStamp(context, unitId), { waitForCellEdit: true }),

  existingSheets: (names) => run('look for the costing sheets', (context) => existingSheets(context, names)),

  writeSheets: (grids, options = {}) =>
    run(`write the sheets ${grids.map((g) => g.name).join(', ')}`, async (context) => {
      const total = grids.reduce((sum, g) => sum + g.cells.length, 0);
      let before = 0;
      for (const grid of grids) {
        const offset = before;
        await writeSheetGrid(context, grid, {
          ...(options.onProgress ? { onProgress: (done: number) => options.onProgress?.(offset + done, total) } : {}),
        });
        before += grid.cells.length;
      }
      if (options.protect)
        await protectSheets(
          context,
          grids.map((g) => g.name),
        );
      const show = options.activate ?? grids[0]?.name;
      if (show) await activateSheet(context, show);
    }),

  readSheets: (names) => run(`read the sheets ${names.join(', ')}`, (context) => readSheetValues(context, names)),

  selectCell: (sheetName, address) => run(`select ${address} on ${sheetName}`, (context) => selectCell(context, sheetName, address)),

  replaceRoster: (grid, source) =>
    run('replace the Roster sheet', async (context) => {
      await writeSheetGrid(context, grid);
      await saveWorkbookSetting(context, settingKeys.rosterSource, source);
      await activateSheet(context, grid.name);
    }),

  saveRosterSource: (source) => run('record where the roster came from', (context) => saveWorkbookSetting(context, settingKeys.rosterSource, source)),

  readRosterSource: () =>
    run('read where the roster came from', async (context) => {
      const value = await loadWorkbookSetting(context, settingKeys.rosterSource);
      return isRosterSource(value) ? value : undefined;
    }),

  writeCosting: (grid: SheetGrid, chart, digest, onProgress) =>
    run('write the Costing sheet', async (context) => {
      await writeSheetGrid(context, grid, onProgress ? { onProgress } : {});
      if (chart) await addColumnChart(context, chart);
      await saveLatestCosting(context, digest);
      // BARGAIN.COST cells stream from the published costing: they update without recalculating any workbook.
      publishLatestCosting(digest);
      await activateSheet(context, grid.name);
    }),

  writeReportSheets: (result, scenario) =>
    run('write the Summary and Disclosure sheets', async (context) => {
      // The analyst's line for each named roll-up, as set on the Disclosure sheet, is kept.
      const disclosure = REPORT_SHEET.disclosure;
      const [existing] = (await existingSheets(context, [disclosure])).has(disclosure) ? await readSheetValues(context, [disclosure]) : [];
      const mapping = existing ? mappingFromSheet(existing.cells) : { ok: true as const, changes: {} };
      if (!mapping.ok) throw new Error(mapping.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
      const { sheets, issues } = costingReportSheets(result, scenario, {
        generatedAt: new Date().toISOString(),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        mapping: mapping.changes,
      });
      await writeReportSheets(context, sheets);
      if (issues.length) throw new Error(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    }),
};
