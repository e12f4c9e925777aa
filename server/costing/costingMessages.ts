import type { InputIssue } from '../../shared/issues.js';
import type { CostingResult } from '../../shared/result.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import type { ReportPdfOutcome, ReportPdfRequest } from '../pdf/renderReportPdf.js';

/** A costing, or a report PDF drawn from one (server/pdf). */
export type WorkerRequest = { id: number; scenario: Scenario } | { id: number; reportPdf: ReportPdfRequest };

export type WorkerReply =
  | { id: number; ok: true; result: CostingResult }
  | { id: number; ok: true; pdf: ReportPdfOutcome }
  | { id: number; ok: false; error: { kind: 'input' | 'range' | 'other'; message: string; stack: string; issues: InputIssue[] } };
