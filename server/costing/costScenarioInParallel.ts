import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CostingContext, mergedRosterFacts, rosterFacts, type RosterFacts } from '../../shared/engine/costingContext.js';
import { costRowRange, withRowRange } from '../../shared/engine/costRowRange.js';
import { assembleCosting, costScenario, exactOrRefused } from '../../shared/engine/costScenario.js';
import { addRowPartials, fromTransfer, type RowPartials } from '../../shared/engine/rowPartials.js';
import { CostingInputError } from '../../shared/issues.js';
import type { CostingResult } from '../../shared/result.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import { costingIssues } from '../../shared/validation/costingIssues.js';
import { listedIssues } from '../../shared/validation/issueList.js';
import type { PreparedReply, RowRangeReply, RowRangeTask } from './rowRangeMessages.js';
import { threadRanges } from './threadRanges.js';
import { workerSource } from './workerSource.js';

/**
 * Below this many rows a thread of its own costs more than it saves: each worker is a new V8
 * isolate that compiles the engine again (about 2 s of CPU, measured on the 2-core machine, much
 * of it on V8's background threads, which then compete with the costing threads) and builds every
 * costing's plan again. Measured with bargaining-costing cost: 10,000 rows were slower on two
 * threads than on one; 100,000 rows 1.8× faster (a core free).
 */
export const MIN_ROWS_PER_THREAD = 10_000;

export interface ThreadSetting {
  threads: number;
  /** Rows a thread must have at least, or fewer threads are used: 1 when COSTING_THREADS asks for exactly `threads`. */
  minRowsPerThread: number;
}

/**
 * Threads for `bargaining-costing cost`: exactly COSTING_THREADS, else every core for a roster large
 * enough; null when the setting is not a whole number ≥ 1.
 */
export function costingThreads(env: NodeJS.ProcessEnv = process.env): ThreadSetting | null {
  const text = env.COSTING_THREADS?.trim();
  if (text === undefined || text === '') return { threads: availableParallelism(), minRowsPerThread: MIN_ROWS_PER_THREAD };
  return /^[1-9]\d*$/.test(text) ? { threads: Number(text), minRowsPerThread: 1 } : null;
}

export interface ParallelCostOptions {
  /** The scenario already passed every costing-time check (`checkScenario`): do not run them again. */
  checked?: boolean;
}

/**
 * costScenario on several threads, with the same result to the byte: the roster is cut into one
 * range of consecutive rows per thread; this thread costs the first, a worker each other one
 * (read from the file's text, `prepare`, or sent to it); the exact partial sums are added in row
 * order and assembled. A refused input is costed again on this thread, so its message is the
 * one-thread message.
 *
 * The workers start when this is made, so they load the engine while the caller reads and
 * validates the scenario; one costing per instance.
 */
export class CostingThreads {
  private readonly workers: Worker[];
  readonly threads: number;
  private readonly minRowsPerThread: number;
  /** The threads the costing used (fewer than `threads` for a small roster). */
  used = 0;
  /** Of those, the workers that were sent their rows, having prepared none or others (`prepare`). */
  sentRows = 0;
  /** Each worker's answer to `prepare` (null: it stopped first); null until `prepare`. */
  private prepared: Promise<(PreparedReply | null)[]> | null = null;

  constructor(setting: ThreadSetting) {
    const { threads, minRowsPerThread } = setting;
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`costing needs at least one thread, got ${threads}`);
    this.threads = threads;
    this.minRowsPerThread = minRowsPerThread;
    this.workers = Array.from({ length: threads - 1 }, () => new Worker(workerSource('rowRangeWorker', import.meta.url), { eval: true }));
  }

  /**
   * Hands the workers the scenario file's JSON text as soon as it is read, before this thread parses
   * it: each parses it too and checks the rows it will cost, on its own core, so no rows are copied
   * to it (half a second of this thread and more of the worker's at 350,000 rows) and, with
   * `costFirstRange`, this thread checks only its own. The text must be the one the scenario was
   * read from. Optional: without it, or when a worker's reading of it gives another row count,
   * `cost` sends the rows.
   */
  prepare(jsonText: string): void {
    this.prepared = Promise.all(
      this.workers.map(
        (worker, i) =>
          new Promise<PreparedReply | null>((resolve) => {
            const settle = (reply: PreparedReply | null) => {
              worker.off('message', settle).off('error', stopped).off('exit', stopped);
              resolve(reply);
            };
            const stopped = () => settle(null);
            worker.on('message', settle).on('error', stopped).on('exit', stopped);
            worker.postMessage({
              kind: 'text',
              text: jsonText,
              threads: this.threads,
              minRowsPerThread: this.minRowsPerThread,
              rangeIndex: i + 1,
            } satisfies RowRangeTask);
          }),
      ),
    );
  }

  /**
   * Stops the workers a roster of `rowCount` rows leaves without a range (all of them below twice
   * `minRowsPerThread` rows), as soon as the count is known: a worker would otherwise go on parsing
   * the file's text on the core that V8's compiler thread and this thread's validation want.
   */
  releaseUnneeded(rowCount: number): void {
    const ranges = threadRanges(rowCount, this.threads, this.minRowsPerThread);
    for (const worker of this.workers.slice(ranges.length - 1)) void worker.terminate();
  }

  /**
   * The rows [start, end) the calling thread must check itself when the workers check the others
   * from the prepared text (`costFirstRange`); null when no worker would cost any (or none prepared).
   */
  firstRange(rowCount: number): [number, number] | null {
    if (this.prepared === null) return null;
    const ranges = threadRanges(rowCount, this.threads, this.minRowsPerThread);
    return ranges.length > 1 ? ranges[0]! : null;
  }

  /**
   * Costs the roster when this thread holds only the first range's rows (`firstRange`), checked with
   * the rest of the scenario, and each worker has checked its own range from the prepared text: no
   * thread checks another's rows, and the roster's facts are merged from the ranges'. Null when that
   * cannot be done — a worker did not prepare its range, or a range is refused while costed — and the
   * workers are then left for `cost` on the whole scenario (which gives the exact messages).
   */
  async costFirstRange(first: Scenario, rowCount: number): Promise<CostingResult | null> {
    const ranges = threadRanges(rowCount, this.threads, this.minRowsPerThread);
    const replies = this.prepared === null ? [] : await this.prepared;
    const others = ranges.slice(1);
    if (others.length === 0 || first.roster.rows.length !== ranges[0]![1] - ranges[0]![0]) return null;
    const facts: RosterFacts[] = [rosterFacts(first)];
    for (const [i, [start, end]] of others.entries()) {
      const reply = replies[i];
      if (reply?.range == null || reply.rowCount !== rowCount || reply.range[0] !== start || reply.range[1] !== end) return null;
      facts.push(reply.facts);
    }
    const { answers, result } = this.costRanges(first, first, mergedRosterFacts(facts), others, null);
    try {
      const costing = await result;
      await this.close();
      return costing;
    } catch (error) {
      if (!(error instanceof CostingInputError || error instanceof RefusedRange)) throw error;
      // Every worker done before `cost` asks again, so no answer is taken for another question.
      await Promise.allSettled(answers);
      return null;
    }
  }

  async cost(scenario: Scenario, options: ParallelCostOptions = {}): Promise<CostingResult> {
    // The workers' answers to `prepare` come first.
    await this.prepared;
    if (options.checked !== true) {
      const check = costingIssues(scenario);
      if (check.issues.length > 0) throw new CostingInputError(listedIssues(check.issues, check.omitted));
    }
    const [first, ...others] = threadRanges(scenario.roster.rows.length, this.threads, this.minRowsPerThread);
    const { result } = this.costRanges(withRowRange(scenario, first![0], first![1]), scenario, rosterFacts(scenario), others, (range) => {
      this.sentRows++;
      return withRowRange(scenario, range[0], range[1]);
    });
    try {
      return await result;
    } catch (error) {
      if (error instanceof CostingInputError || error instanceof RefusedRange) return costScenario(scenario);
      throw error;
    } finally {
      await this.close();
    }
  }

  /**
   * Costs `own` (the first range's rows) here and each of `others` on its worker — the rows it
   * prepared, else those `rowsOf` gives (null: none, the range is refused) — and assembles the
   * partials with `scenario`'s other parts.
   */
  private costRanges(
    own: Scenario,
    scenario: Scenario,
    roster: RosterFacts,
    others: readonly [number, number][],
    rowsOf: ((range: [number, number]) => Scenario) | null,
  ): { answers: Promise<RowPartials>[]; result: Promise<CostingResult> } {
    this.used = 1 + others.length;
    const answers = others.map((range, i) => costRangeOn(this.workers[i]!, roster, range, rowsOf === null ? null : () => rowsOf(range)));
    const result = (async () => {
      const partials = exactOrRefused(() => costRowRange(new CostingContext(own, roster)));
      return assembleCosting(scenario, roster, addRowPartials([partials, ...(await Promise.all(answers))]));
    })();
    return { answers, result };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** A range a worker could not cost because of its input (costed again on this thread for the message). */
class RefusedRange extends Error {}

/**
 * Costs a range on a worker: the rows it prepared from the file's text, else the rows sent to it
 * (`rows`; null: none to send, the range is refused).
 */
function costRangeOn(worker: Worker, roster: RosterFacts, range: [number, number], rows: (() => Scenario) | null): Promise<RowPartials> {
  const partials = new Promise<RowPartials>((resolve, reject) => {
    const answer = (reply: RowRangeReply) => {
      if (reply.ok) resolve(fromTransfer(reply.partials));
      else if (reply.kind === 'unprepared') {
        if (rows === null) {
          reject(new RefusedRange(reply.message));
          return;
        }
        worker.once('message', answer);
        worker.postMessage({ kind: 'scenario', scenario: rows(), roster } satisfies RowRangeTask);
      } else if (reply.kind === 'other') reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
      else reject(new RefusedRange(reply.message));
    };
    worker.once('message', answer);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a costing thread stopped (exit code ${code}) before it answered`)));
  });
  worker.postMessage({ kind: 'cost', roster, range } satisfies RowRangeTask);
  // Rejected before it is awaited (this thread is still costing its own range): not unhandled.
  partials.catch(() => undefined);
  return partials;
}
