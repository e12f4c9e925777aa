import type { Scenario } from '../../../shared/schemas/scenario.js';
import type { CostingResult, IncreaseResult } from '../../../shared/result.js';
import type { InputIssue } from '../../../shared/issues.js';

/**
 * Messages between the pane and the costing worker. A what-if changes only proposals: then only
 * they are sent (`proposals`), on top of the worker's last scenario, instead of cloning a
 * 10,000-row roster into the worker again. `figures` asks for the whole report, or only the
 * comparison a what-if shows (costIncrease: far fewer costings).
 */
export type CostRequest = ({ id: number; kind: 'scenario'; scenario: Scenario } | { id: number; kind: 'proposals'; proposals: Scenario['proposals'] }) & {
  figures: Figures;
};

export type Figures = 'report' | 'increase';

export type CostReply =
  | { id: number; kind: 'progress'; stage: string }
  | { id: number; kind: 'result'; result: CostingResult; milliseconds: number }
  | { id: number; kind: 'increase'; result: IncreaseResult; milliseconds: number }
  | { id: number; kind: 'error'; message: string; issues: InputIssue[] };
