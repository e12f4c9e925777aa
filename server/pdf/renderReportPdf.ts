/**
 * renderReportPdf(request) — one report view of a costing as a PDF, or the issues that stop it
 * (an unknown proposal name, a roll-up the mapping names that the costing does not have). Plain
 * data in and out, so it runs as well on a costing worker thread as in the caller's.
 */
import type { InputIssue } from '../../shared/issues.js';
import type { CostingResult } from '../../shared/result.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import { buildReport, type ReportOptions } from '../../shared/reports/index.js';
import type { ReportView } from '../../shared/reports/reportDocument.js';
import { reportPdf } from './reportPdf.js';

export interface ReportPdfRequest {
  view: ReportView;
  scenario: Scenario;
  result: CostingResult;
  options: ReportOptions;
}

export type ReportPdfOutcome = { ok: true; pdf: Uint8Array } | { ok: false; issues: InputIssue[] };

export type ReportPdfRenderer = (request: ReportPdfRequest) => Promise<ReportPdfOutcome>;

export const renderReportPdf: ReportPdfRenderer = async (request) => {
  const built = buildReport(request.view, request.result, request.scenario, request.options);
  if (!built.ok) return built;
  return { ok: true, pdf: await reportPdf(built.report, request.scenario, request.options) };
};
