import { readScheduleFile, writeCostModelWorkbook } from '../xlsx/costModelAdapters.js';
import type { ScheduleFileReader, WorkbookWriter } from './workbookFiles.js';

/** server/xlsx (ExcelJS): the schedule CSV/XLSX reader and the cost-workbook writer. */
export const defaultScheduleFileReader: ScheduleFileReader = readScheduleFile;
export const defaultWorkbookWriter: WorkbookWriter = writeCostModelWorkbook;
