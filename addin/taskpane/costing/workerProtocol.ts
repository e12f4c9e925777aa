import type { Scenario } from '../../../shared/schemas/scenario.js';
import type { CostingResult } from '../../../shared/result.js';
import type { InputIssue } from '../../../shared/issues.js';

/** Messages between the pane and the costing worker. */
export interface CostRequest {
  id: number;
  scenario: Scenario;
}

export type CostReply =
  | { id: number; kind: 'progress'; stage: string }
  | { id: number; kind: 'result'; result: CostingResult; milliseconds: number }
  | { id: number; kind: 'error'; message: string; issues: InputIssue[] };
