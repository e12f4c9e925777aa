import type { RosterFacts } from '../../shared/engine/costingContext.js';
import type { TransferredPartials } from '../../shared/engine/rowPartials.js';
import type { Scenario } from '../../shared/schemas/scenario.js';

/**
 * What a row-range worker is sent, in order:
 * - optionally `text` first: the scenario file's JSON text as soon as it is read, with where this
 *   worker's range falls; the worker parses and validates its own rows while the calling thread
 *   parses and validates the whole file, so no rows are copied to it afterwards;
 * - then `cost`: the whole roster's facts and its range, to cost the rows it prepared;
 * - or `scenario`: the scenario with its range of rows (when it prepared none, or not these).
 */
export type RowRangeTask =
  | { kind: 'text'; text: string; threads: number; minRowsPerThread: number; rangeIndex: number }
  | { kind: 'cost'; roster: RosterFacts; range: [number, number] }
  | { kind: 'scenario'; scenario: Scenario; roster: RosterFacts };

/**
 * Its reply to `text`: the range it read and validated (every check a costing makes, for its rows),
 * with the facts of its rows (rosterFacts); range null when the text did not read, or its rows did
 * not pass (the calling thread then validates the whole file, for the exact messages).
 */
export type PreparedReply = { kind: 'prepared'; range: [number, number]; rowCount: number; facts: RosterFacts } | { kind: 'prepared'; range: null };

/**
 * Its reply to `cost` or `scenario`. `unprepared`: it holds no rows for that range (it was sent no
 * text, or a text that did not read as the calling thread's scenario did); send it `scenario`. A
 * refused input or an amount out of range is costed again on the calling thread for the exact message.
 */
export type RowRangeReply =
  { ok: true; partials: TransferredPartials } | { ok: false; kind: 'input' | 'range' | 'other' | 'unprepared'; message: string; stack: string };
