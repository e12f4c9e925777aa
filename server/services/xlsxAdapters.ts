import { scheduleFilesNotAvailable, workbookNotAvailable, type ScheduleFileReader, type WorkbookWriter } from './workbookFiles.js';

// TODO(server/xlsx): wire the schedule CSV/XLSX reader and the cost-workbook writer when they land.
export const defaultScheduleFileReader: ScheduleFileReader = scheduleFilesNotAvailable;
export const defaultWorkbookWriter: WorkbookWriter = workbookNotAvailable;
