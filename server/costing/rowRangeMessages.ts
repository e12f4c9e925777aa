import type { RosterFacts } from '../../shared/engine/costingContext.js';
import type { TransferredPartials } from '../../shared/engine/rowPartials.js';
import type { Scenario } from '../../shared/schemas/scenario.js';

/** A row-range worker's one task: the scenario with its range of rows, and the whole roster's facts. */
export interface RowRangeTask {
  scenario: Scenario;
  roster: RosterFacts;
}

/** Its one reply. A refused input or an amount out of range is costed again on the calling thread for the exact message. */
export type RowRangeReply = { ok: true; partials: TransferredPartials } | { ok: false; kind: 'input' | 'range' | 'other'; message: string; stack: string };
