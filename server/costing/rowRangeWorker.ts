// A worker thread that costs one range of roster rows (costRowRange) and sends back its exact
// partial sums; CostingThreads starts one per range but the first and assembles them.
import { parentPort } from 'node:worker_threads';
import { CostingContext, rosterFacts } from '../../shared/engine/costingContext.js';
import { costRowRange, warmUpEngineFor } from '../../shared/engine/costRowRange.js';
import { toTransfer } from '../../shared/engine/rowPartials.js';
import { CostingInputError } from '../../shared/issues.js';
import { checkScenarioRows, parseJson, rosterRowCount } from '../../shared/scenario.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import { threadRanges } from './threadRanges.js';
import type { PreparedReply, RowRangeReply, RowRangeTask } from './rowRangeMessages.js';

if (!parentPort) throw new Error('rowRangeWorker runs as a worker thread');
const port = parentPort;

/** The rows this worker read and validated from the file's text, their range and the roster's row count. */
let prepared: { range: [number, number]; rowCount: number; scenario: Scenario } | null = null;

// Started before the scenario is read (CostingThreads); messages are handled one at a time, in order.
port.on('message', (task: RowRangeTask) => {
  if (task.kind === 'text') {
    prepared = prepare(task);
    port.postMessage(
      (prepared === null
        ? { kind: 'prepared', range: null }
        : { kind: 'prepared', range: prepared.range, rowCount: prepared.rowCount, facts: rosterFacts(prepared.scenario) }) satisfies PreparedReply,
    );
    // While the calling thread still validates its rows: the optimised row loop compiles meanwhile.
    if (prepared !== null) warmUpEngineFor(prepared.range[1] - prepared.range[0]);
    return;
  }
  let reply: RowRangeReply;
  try {
    let scenario: Scenario;
    if (task.kind === 'scenario') scenario = task.scenario;
    else if (prepared !== null && prepared.range[0] === task.range[0] && prepared.range[1] === task.range[1]) scenario = prepared.scenario;
    else {
      port.postMessage({ ok: false, kind: 'unprepared', message: `no rows prepared for ${task.range.join('–')}`, stack: '' } satisfies RowRangeReply);
      return;
    }
    prepared = null;
    reply = { ok: true, partials: toTransfer(costRowRange(new CostingContext(scenario, task.roster))) };
  } catch (error) {
    const e = error as Error;
    const kind = error instanceof CostingInputError ? 'input' : error instanceof RangeError ? 'range' : 'other';
    reply = { ok: false, kind, message: e.message, stack: e.stack ?? '' };
  }
  port.postMessage(reply, reply.ok ? [reply.partials.cents.buffer as ArrayBuffer] : []);
});

/**
 * Reads the file's text as the calling thread does, cuts out the range it will be asked to cost
 * (the ranges depend only on the row count and the thread setting), and checks those rows with the
 * rest of the scenario — every check a costing makes (checkScenario), so the calling thread need
 * not check them again. Nothing when the text does not read or a check fails (the calling thread
 * then reports the problems). A row's validated value depends only on the row, so these are the
 * calling thread's rows.
 */
function prepare(task: Extract<RowRangeTask, { kind: 'text' }>): typeof prepared {
  try {
    const json = parseJson(task.text);
    if (!json.ok) return null;
    const rowCount = rosterRowCount(json.value);
    const range = threadRanges(rowCount, task.threads, task.minRowsPerThread)[task.rangeIndex];
    if (range === undefined) return null;
    const read = checkScenarioRows(json.value, range);
    return read.ok ? { range, rowCount, scenario: read.value } : null;
  } catch {
    return null;
  }
}
