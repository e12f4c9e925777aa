import { createHash } from 'node:crypto';
import { BoundedSlots, type SlotsWording } from './boundedSlots.js';
import type { IntactCheck } from './costModels.js';
import type { Principal } from './principal.js';

/**
 * Admission to the costing workers (server/costing/costingPool.ts): reading and validating a cost
 * model's body, costing a stored scenario on submit and approve, and the content-hash check of an
 * approved model before it is served. Every request's work there is bounded so that no one person
 * can stall the server:
 *
 * - two lanes, by the size of the job's input (COSTING_QUICK_KB): a small job (a unit's usual
 *   roster) may run on the pool's quick worker, so it never waits behind someone's 80-second
 *   costing of a 40,000-row model; large jobs run on the general workers only.
 * - per lane, a bound on the jobs admitted at once (running or waiting for a worker), server-wide
 *   (COSTING_QUEUE_LIMIT, COSTING_QUICK_QUEUE_LIMIT) and per person (one large job, eight small
 *   ones): one more is refused with 503 and Retry-After, never queued without bound. Queued jobs
 *   start by turns between people (the pool's pick), not in arrival order.
 * - a timeout (COSTING_TIMEOUT_SECONDS), counted from admission, so waiting included: the job is
 *   dropped from the queue or its worker stopped (AbortSignal), and the request answers 504. The
 *   caller stores nothing from a job that did not finish (a timed-out submit leaves the model as it was).
 * - the verdicts of the content-hash check, remembered by the exact stored bytes (intactFor).
 */

/** How a job is handed to the costing pool. */
export interface JobOptions {
  /** Fires at the timeout: the pool drops the job from its queue, or stops its worker. */
  signal?: AbortSignal | undefined;
  /** A small job: it may run on the pool's quick lane instead of behind large costings. */
  quick?: boolean | undefined;
  /** Whose job it is: the pool's workers take turns between people. */
  owner?: string | undefined;
}

export type CostingJobKind = 'validation' | 'costing' | 'check';

export interface CostingJob {
  kind: CostingJobKind;
  /** Size of the job's input (the body, or the stored JSON texts), which its work grows with. */
  bytes: number;
}

export interface CostingLimits {
  /** A job not done this long after it was admitted is stopped (→ 504). */
  timeoutMs: number;
  /** Large jobs admitted at once, running or waiting, all people together. */
  queueLimit: number;
  /** Small jobs admitted at once. */
  quickQueueLimit: number;
  /** Input size up to which a job is small. */
  quickBytes: number;
  /** General costing workers (for the Retry-After estimate; 0: on the request thread). */
  workers: number;
  /** Content-hash verdicts remembered (least recently used dropped first). */
  verdictMemo?: number | undefined;
}

/** Large jobs one person may have admitted at once: a second waits for the first. */
export const LARGE_JOBS_PER_PERSON = 1;
/**
 * Small jobs one person may have admitted at once: a pane or a script reads several models at once,
 * and the pool takes turns between people, so a person's small jobs delay another's by one job each.
 */
export const QUICK_JOBS_PER_PERSON = 8;
const DEFAULT_VERDICT_MEMO = 10_000;

const running: Record<CostingJobKind, string> = {
  validation: 'a cost model being read and validated',
  costing: 'a costing running',
  check: 'an approved cost model being checked',
};
const stopped: Record<CostingJobKind, string> = {
  validation: 'reading and checking of the cost model',
  costing: 'costing',
  check: 'integrity check of the approved cost model',
};

/** The stored texts a content-hash check reads. */
type Stored = Parameters<IntactCheck>[0];
/** The pool's (or the in-process) check, which may take the job's options. */
export type PooledIntactCheck = (stored: Stored, job?: JobOptions) => Promise<boolean>;

export interface CostingAdmissionStats {
  largeAdmitted: number;
  quickAdmitted: number;
  /** Verdicts answered from memory, and checks run (on a worker in the server). */
  verdictHits: number;
  checksRun: number;
}

export class CostingAdmission {
  private readonly large: BoundedSlots<CostingJobKind>;
  private readonly quick: BoundedSlots<CostingJobKind>;
  /** sha256 of the exact stored texts and content hash → the check's verdict; most recently used last. */
  private readonly verdicts = new Map<string, boolean>();
  /** Checks running now, by the same key: concurrent reads of one model share one check. */
  private readonly checking = new Map<string, Promise<boolean>>();
  private verdictHits = 0;
  private checksRun = 0;

  constructor(
    private readonly limits: CostingLimits,
    now: () => number = Date.now,
  ) {
    const seconds = limits.timeoutMs / 1000;
    const wording = (lane: 'large' | 'small', slots: () => BoundedSlots<CostingJobKind>, workers: number): SlotsWording<CostingJobKind> => ({
      full: (admitted) => {
        const wait = this.estimateSeconds((slots().recentMeanMs() ?? 5000) * Math.ceil(admitted / Math.max(1, workers)));
        return {
          detail: `the server is busy costing (${admitted} ${lane} costing job(s) running or waiting, the most it takes at once): try again in ${wait} s`,
          retryAfterSeconds: wait,
        };
      },
      mine: (count, oldest) => ({
        detail:
          count === 1
            ? `you already have ${running[oldest.kind]}: try again when it is done`
            : `you already have ${count} ${lane} costing jobs running, the most one person may have at once: try again when one is done`,
        // What is likely left of the oldest: a job of its kind's recent time, less its time so far.
        retryAfterSeconds: this.estimateSeconds((slots().recentMeanMs(oldest.kind) ?? 5000) - oldest.elapsedMs),
      }),
      timedOut: (kind, timeoutMs) =>
        kind === 'check'
          ? `the ${stopped[kind]} did not finish within ${timeoutMs / 1000} s and was stopped, so the model was not served: the server's costing workers are busy; try again in a minute`
          : `the ${stopped[kind]} did not finish within ${timeoutMs / 1000} s and was stopped; nothing was saved. Try again when the server is less busy; if it keeps happening, the model is too large to cost within COSTING_TIMEOUT_SECONDS (${seconds} s): cost a smaller roster or fewer proposals, or ask an administrator to raise it`,
    });
    this.large = new BoundedSlots(
      { total: Math.max(1, limits.queueLimit), perUser: LARGE_JOBS_PER_PERSON, timeoutMs: limits.timeoutMs },
      wording('large', () => this.large, limits.workers),
      now,
    );
    // The quick lane: the pool's quick worker, and the general workers when they are idle.
    this.quick = new BoundedSlots(
      { total: Math.max(1, limits.quickQueueLimit), perUser: QUICK_JOBS_PER_PERSON, timeoutMs: limits.timeoutMs },
      wording('small', () => this.quick, limits.workers + 1),
      now,
    );
  }

  /** Whether a job of this size runs in the quick lane. */
  isQuick(job: CostingJob): boolean {
    return job.bytes <= this.limits.quickBytes;
  }

  /**
   * Runs one job of `principal` on the costing workers, in its lane: refused with 503 and
   * Retry-After when the lane or the person's share of it is full, stopped with 504 at the timeout.
   */
  run<T>(principal: Principal, job: CostingJob, work: (options: JobOptions) => Promise<T>): Promise<T> {
    try {
      return this.admit(principal, job)(work);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /**
   * The content-hash check of an approved model before `principal` is served it, remembered.
   *
   * Why the memo keeps the guarantee that a tampered model is never served: the check
   * (storedCostModelIntact) is a pure function of exactly three values, the stored scenario text,
   * the stored result text and the stored content hash; it reads nothing else. The memo's key is
   * the sha256 of exactly those three (length-prefixed, so no two triples share a stream), computed
   * here from the texts just read from the database for this very request. So a hit means the
   * bytes about to be served are byte for byte the bytes a worker already checked, and the
   * remembered verdict is the one a new check would give (short of a sha256 collision). A change of
   * any byte of the row (a roster value, the result, the hash itself) changes the key: the memo
   * misses and the new bytes are checked on a worker before they are served. The memo lives in
   * this process's memory, where the database's writer cannot reach it; it is keyed by content, not
   * by id or revision, so a tamper that keeps the revision is still caught. Refusals are remembered
   * too, so reading a tampered model again costs no worker time either (it is still refused).
   * Hashing the texts costs the request thread ~7 ms for a 40,000-row model, against ~0.4 s of a
   * worker for the check itself.
   */
  intactFor(principal: Principal, check: PooledIntactCheck): IntactCheck {
    return (stored) => {
      if (stored.resultJson === null || stored.contentHash === null) return Promise.resolve(false);
      const key = verdictKey(stored.scenarioJson, stored.resultJson, stored.contentHash);
      const known = this.verdicts.get(key);
      if (known !== undefined) {
        this.verdictHits += 1;
        this.verdicts.delete(key);
        this.verdicts.set(key, known);
        return Promise.resolve(known);
      }
      const pending = this.checking.get(key);
      if (pending) return pending;
      let start: ReturnType<CostingAdmission['admit']>;
      try {
        start = this.admit(principal, { kind: 'check', bytes: stored.scenarioJson.length + stored.resultJson.length });
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      this.checksRun += 1;
      const checked = start((options) => check(stored, options))
        .then((verdict) => {
          this.remember(key, verdict);
          return verdict;
        })
        .finally(() => this.checking.delete(key));
      this.checking.set(key, checked);
      return checked;
    };
  }

  stats(): CostingAdmissionStats {
    return { largeAdmitted: this.large.size, quickAdmitted: this.quick.size, verdictHits: this.verdictHits, checksRun: this.checksRun };
  }

  private admit(principal: Principal, job: CostingJob): <T>(work: (options: JobOptions) => Promise<T>) => Promise<T> {
    const quick = this.isQuick(job);
    const start = (quick ? this.quick : this.large).admit(principal.userId, job.kind);
    return (work) => start((signal) => work({ signal, quick, owner: principal.userId }));
  }

  private remember(key: string, verdict: boolean): void {
    this.verdicts.set(key, verdict);
    const limit = this.limits.verdictMemo ?? DEFAULT_VERDICT_MEMO;
    for (const oldest of this.verdicts.keys()) {
      if (this.verdicts.size <= limit) break;
      this.verdicts.delete(oldest);
    }
  }

  /** A wait in whole seconds for Retry-After: at least 1, at most the timeout (by then every job admitted now is done or stopped). */
  private estimateSeconds(ms: number): number {
    return Math.min(Math.max(1, Math.ceil(ms / 1000)), Math.max(1, Math.ceil(this.limits.timeoutMs / 1000)));
  }
}

function verdictKey(scenarioJson: string, resultJson: string, contentHash: string): string {
  return createHash('sha256')
    .update(`${scenarioJson.length}:${resultJson.length}:${contentHash.length}:`)
    .update(scenarioJson, 'utf8')
    .update(resultJson, 'utf8')
    .update(contentHash, 'utf8')
    .digest('hex');
}
