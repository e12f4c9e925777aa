import type { InputIssue } from '../../shared/issues.js';
import type { CostingResult } from '../../shared/result.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import type { CostModelRecord } from '../store/store.js';
import type { BodyText, ValidDraft, ValidEdit } from '../http/costModelBodies.js';
import type { StoredCosting } from '../services/costModels.js';
import type { DomainErrorKind } from '../services/domainErrors.js';
import type { ReportPdfOutcome, ReportPdfRequest } from '../pdf/renderReportPdf.js';

/** What a worker is asked to do: cost a scenario, write a cost model's workbook or draw a report PDF. */
export type WorkerTask =
  | { kind: 'cost'; scenario: Scenario }
  /** The record travels as stored (JSON text), so the request thread never parses a large roster. */
  | { kind: 'workbook'; record: CostModelRecord; supersededBy: string | null; names: Readonly<Record<string, string>> }
  | { kind: 'draftBody'; text: BodyText; rosterRowLimit: number }
  | { kind: 'editBody'; text: BodyText; unitId: string; rosterRowLimit: number }
  | { kind: 'costStored'; scenarioJson: string; withContentHash: boolean }
  | { kind: 'intact'; scenarioJson: string; resultJson: string | null; contentHash: string | null }
  | { kind: 'reportPdf'; request: ReportPdfRequest };

export type WorkerOutput =
  | { kind: 'cost'; result: CostingResult }
  | { kind: 'workbook'; workbook: Uint8Array }
  | { kind: 'draftBody'; draft: ValidDraft }
  | { kind: 'editBody'; edit: ValidEdit }
  | { kind: 'costStored'; costed: StoredCosting }
  | { kind: 'intact'; intact: boolean }
  | { kind: 'reportPdf'; pdf: ReportPdfOutcome };

export type WorkerReply =
  | { id: number; ok: true; output: WorkerOutput }
  | {
      id: number;
      ok: false;
      error: { kind: 'input' | 'range' | 'domain' | 'other'; domainKind?: DomainErrorKind; message: string; stack: string; issues: InputIssue[] };
    };
