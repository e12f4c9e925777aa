// A worker thread that costs one range of roster rows (costRowRange) and sends back its exact
// partial sums; CostingThreads starts one per range but the first and assembles them.
import { parentPort } from 'node:worker_threads';
import { CostingContext } from '../../shared/engine/costingContext.js';
import { costRowRange } from '../../shared/engine/costRowRange.js';
import { toTransfer } from '../../shared/engine/rowPartials.js';
import { CostingInputError } from '../../shared/issues.js';
import type { RowRangeReply, RowRangeTask } from './rowRangeMessages.js';

if (!parentPort) throw new Error('rowRangeWorker runs as a worker thread');
const port = parentPort;
// Started before the scenario is read (CostingThreads): the task comes as the one message.
port.once('message', (task: RowRangeTask) => {
  let reply: RowRangeReply;
  try {
    reply = { ok: true, partials: toTransfer(costRowRange(new CostingContext(task.scenario, task.roster))) };
  } catch (error) {
    const e = error as Error;
    const kind = error instanceof CostingInputError ? 'input' : error instanceof RangeError ? 'range' : 'other';
    reply = { ok: false, kind, message: e.message, stack: e.stack ?? '' };
  }
  port.postMessage(reply, reply.ok ? [reply.partials.cents.buffer as ArrayBuffer] : []);
});
