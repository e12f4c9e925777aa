import type { Schedule } from '../../shared/schemas/scenario.js';
import type { InputIssue } from '../../shared/issues.js';
import type { CostModelView } from './costModelView.js';

export type ScheduleFileFormat = 'csv' | 'xlsx';

/** Settings an HR export does not carry; they come from the import request. */
export interface ScheduleFileOptions {
  id: string;
  effective: string;
  rateBasis?: Schedule['rateBasis'] | undefined;
  hoursPerYear?: number | undefined;
  ratePlaces?: number | undefined;
}

export type ScheduleFileResult = { ok: true; schedule: unknown } | { ok: false; issues: InputIssue[] };

/** Reads a schedule from an HR system's CSV or XLSX export (server/xlsx). */
export type ScheduleFileReader = (format: ScheduleFileFormat, content: Buffer, options: ScheduleFileOptions) => Promise<ScheduleFileResult>;

/** Writes a cost model as the shared workbook layout (server/xlsx). */
/** `names` maps user ids to display names for the approval block (an id without one prints as itself). */
export type WorkbookWriter = (model: CostModelView, names?: Readonly<Record<string, string>>) => Promise<Buffer>;
