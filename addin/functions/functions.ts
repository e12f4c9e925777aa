/*
 * The BARGAIN.* custom functions. custom-functions-metadata-plugin reads the JSDoc below to write
 * functions.json and appends `CustomFunctions.associate(...)` calls to this file, so the
 * functions must stay top-level function declarations here (arrow functions are ignored).
 * They run in the add-in's shared runtime, beside the task pane: they read the connection the
 * pane saved and the costing the pane published. The lookups themselves are pure (see
 * rateLookup.ts, costLookup.ts); this file is the thin Excel glue.
 *
 * The functions stream: a cell keeps its invocation open and gets a new value when the pane
 * publishes a new costing or pulls a newer schedule, so nothing recalculates the workbook and a
 * refreshed schedule never leaves a BARGAIN.RATE cell stale
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-web-reqs#make-a-streaming-function).
 */
import { latestCostingInDocumentSettings, loadLatestCosting } from '../excel/latestCosting.js';
import { runExcel } from '../excel/run.js';
import { loadConnection } from '../runtime/connection.js';
import { watchCostings, watchSchedules } from '../runtime/sharedState.js';
import { costFigure, valueOfOnePercent } from './costLookup.js';
import type { CostingDigest } from './costingDigest.js';
import { customFunctionsHost, cellError } from './host.js';
import { latestCosting, type SavedCosting } from './latestCostingSource.js';
import { asOfDate, lookupRate } from './rateLookup.js';
import { scheduleFor } from './scheduleSource.js';

// Shadows the global: the associate() calls the metadata loader appends use this one, which does
// nothing when the page runs outside Excel.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by the appended associate() calls
const CustomFunctions = customFunctionsHost();

/**
 * The rate of a classification and step from the unit's salary schedule in force (synced from the server); it updates when a newer schedule is pulled.
 * @customfunction RATE
 * @param unit Bargaining unit id, e.g. "POA".
 * @param classCode Classification code, e.g. "PO".
 * @param step Step number, 1 for the first step.
 * @param [asOf] Date the schedule must be in force on (a date cell or "YYYY-MM-DD"); today when omitted.
 * @param invocation The cell asking.
 * @returns The published rate, in the schedule's rate basis (hourly, annual…).
 */
export function rate(
  unit: string,
  classCode: string,
  step: number,
  asOf: string | number | null | undefined,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  const answer = async () => {
    try {
      const date = asOfDate(asOf);
      const entry = await scheduleFor(unit, date, { connection: loadConnection, fetch: (input, init) => globalThis.fetch(input, init) });
      invocation.setResult(lookupRate(entry.schedule, entry.unitId, classCode, step));
    } catch (error) {
      invocation.setResult(cellError(error));
    }
  };
  void answer();
  const wanted = String(unit ?? '')
    .trim()
    .toUpperCase();
  invocation.onCanceled = watchSchedules((pulled) => {
    if (pulled.toUpperCase() === wanted) void answer();
  });
}

/**
 * What a proposal costs over the baseline in a fiscal year, from this workbook's latest costing. Proposal "Baseline" gives the status-quo figure.
 * @customfunction COST
 * @param proposal Proposal name as on the Proposals sheet, or "Baseline".
 * @param fiscalYear Fiscal year: 2027 or "FY2027".
 * @param [component] wages, specialPays, longevity, overtime, lumpSums, pension, socialSecurity, medicare, otherRollups, health, flat or total (the default).
 * @param invocation The cell asking.
 * @returns The amount in dollars.
 */
export function cost(
  proposal: string,
  fiscalYear: string | number,
  component: string | null | undefined,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  streamFromCosting(invocation, (digest) => costFigure(digest, proposal, fiscalYear, component));
}

/**
 * What one more percent costs in a fiscal year, on top of a proposal, from this workbook's latest costing.
 * @customfunction VALUEOF1PCT
 * @param fiscalYear Fiscal year: 2027 or "FY2027".
 * @param [proposal] Proposal name; the first proposal when omitted.
 * @param invocation The cell asking.
 * @returns The amount in dollars.
 */
export function valueOf1Pct(fiscalYear: string | number, proposal: string | null | undefined, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamFromCosting(invocation, (digest) => valueOfOnePercent(digest, fiscalYear, proposal));
}

/** Reads the workbook's saved costing when the document's settings do not already hold it; waits out cell editing rather than failing. */
const savedCosting: SavedCosting = {
  inDocumentSettings: latestCostingInDocumentSettings,
  readWorkbook: () => runExcel('read the latest costing saved in this workbook', loadLatestCosting, { waitForCellEdit: true }),
};

/** Answers now from the latest costing, and again each time the pane publishes a new one. */
function streamFromCosting(invocation: CustomFunctions.StreamingInvocation<number>, figure: (digest: CostingDigest) => number): void {
  const answer = (digest: CostingDigest) => {
    try {
      invocation.setResult(figure(digest));
    } catch (error) {
      invocation.setResult(cellError(error));
    }
  };
  invocation.onCanceled = watchCostings(answer);
  void latestCosting(savedCosting).then(answer, (error: unknown) => invocation.setResult(cellError(error)));
}
