/*
 * The BARGAIN.* custom functions. custom-functions-metadata-plugin reads the JSDoc below to write
 * functions.json and appends `CustomFunctions.associate(...)` calls to this file, so the
 * functions must stay top-level function declarations here (arrow functions are ignored).
 * They run in the add-in's shared runtime, beside the task pane: they read the connection the
 * pane saved and the costing the pane published. The lookups themselves are pure (see
 * rateLookup.ts, costLookup.ts); this file is the thin Excel glue.
 */
import { loadLatestCosting } from '../excel/latestCosting.js';
import { runExcel } from '../excel/run.js';
import { loadConnection } from '../runtime/connection.js';
import { sharedState } from '../runtime/sharedState.js';
import { costFigure, valueOfOnePercent } from './costLookup.js';
import type { CostingDigest } from './costingDigest.js';
import { customFunctionsHost, cellError } from './host.js';
import { LookupError } from './lookupError.js';
import { asOfDate, lookupRate } from './rateLookup.js';
import { scheduleFor } from './scheduleSource.js';

// Shadows the global: the associate() calls the metadata loader appends use this one, which does
// nothing when the page runs outside Excel.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by the appended associate() calls
const CustomFunctions = customFunctionsHost();

/**
 * The rate of a classification and step from the unit's salary schedule in force (synced from the server).
 * @customfunction RATE
 * @param unit Bargaining unit id, e.g. "POA".
 * @param classCode Classification code, e.g. "PO".
 * @param step Step number, 1 for the first step.
 * @param [asOf] Date the schedule must be in force on (a date cell or "YYYY-MM-DD"); today when omitted.
 * @returns The published rate, in the schedule's rate basis (hourly, annual…).
 */
export async function rate(unit: string, classCode: string, step: number, asOf?: string | number): Promise<number> {
  try {
    const date = asOfDate(asOf);
    const entry = await scheduleFor(unit, date, { connection: loadConnection, fetch: (input, init) => globalThis.fetch(input, init) });
    return lookupRate(entry.schedule, entry.unitId, classCode, step);
  } catch (error) {
    throw cellError(error);
  }
}

/**
 * What a proposal costs over the baseline in a fiscal year, from this workbook's latest costing. Proposal "Baseline" gives the status-quo figure.
 * @customfunction COST
 * @param proposal Proposal name as on the Proposals sheet, or "Baseline".
 * @param fiscalYear Fiscal year: 2027 or "FY2027".
 * @param [component] wages, specialPays, longevity, overtime, lumpSums, pension, socialSecurity, medicare, otherRollups, health, flat or total (the default).
 * @returns The amount in dollars.
 */
export async function cost(proposal: string, fiscalYear: string | number, component?: string): Promise<number> {
  try {
    return costFigure(await latestCosting(), proposal, fiscalYear, component);
  } catch (error) {
    throw cellError(error);
  }
}

/**
 * What one more percent costs in a fiscal year, on top of a proposal, from this workbook's latest costing.
 * @customfunction VALUEOF1PCT
 * @param fiscalYear Fiscal year: 2027 or "FY2027".
 * @param [proposal] Proposal name; the first proposal when omitted.
 * @returns The amount in dollars.
 */
export async function valueOf1Pct(fiscalYear: string | number, proposal?: string): Promise<number> {
  try {
    return valueOfOnePercent(await latestCosting(), fiscalYear, proposal);
  } catch (error) {
    throw cellError(error);
  }
}

/** The costing the pane published in this session, else the one saved in the workbook. */
async function latestCosting(): Promise<CostingDigest> {
  const state = sharedState();
  if (state.latestCosting) return state.latestCosting;
  const saved = await runExcel('read the latest costing saved in this workbook', loadLatestCosting);
  if (!saved) throw new LookupError('notAvailable', 'This workbook has not been costed yet: open the Bargaining Costing pane and choose Cost.');
  state.latestCosting = saved;
  return saved;
}
