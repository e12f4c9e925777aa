/**
 * renderReportPdf(request) — one report view of a costing as a PDF, or the issues that stop it
 * (an unknown proposal name, a roll-up the mapping names that the costing does not have). Plain
 * data in and out, so it runs as well on a costing worker thread as in the caller's; the scenario
 * is parsed, validated and (for a draft or a posted scenario) costed here too (reportRequests.ts).
 */
import { costScenario } from '../../shared/engine/costScenario.js';
import type { InputIssue } from '../../shared/issues.js';
import { buildReport } from '../../shared/reports/index.js';
import { reportInputs, type ReportPdfRequest } from '../http/reportRequests.js';
import { reportPdf } from './reportPdf.js';

export type { ReportPdfRequest };

export type ReportPdfOutcome = { ok: true; pdf: Uint8Array; name?: string } | { ok: false; issues: InputIssue[] };

/** `signal`: the export slot's timeout (exportSlots.ts); a worker's drawing is stopped when it fires. */
export type ReportPdfRenderer = (request: ReportPdfRequest, signal?: AbortSignal) => Promise<ReportPdfOutcome>;

export const renderReportPdf: ReportPdfRenderer = async (request) => {
  const { scenario, result, options, name } = await reportInputs(request, costScenario);
  const built = buildReport(request.view, result, scenario, options);
  if (!built.ok) return built;
  return { ok: true, pdf: await reportPdf(built.report, scenario, options), ...(name !== undefined ? { name } : {}) };
};
