import { busy, timedOut } from './domainErrors.js';

export interface SlotsLimits {
  /** Jobs admitted at once, all people together. */
  total: number;
  /** Jobs one person may have admitted at once. */
  perUser: number;
  timeoutMs: number;
}

/** What a refusal or a timeout says. */
export interface SlotsWording<K> {
  full(admitted: number): { detail: string; retryAfterSeconds: number };
  /** `oldest`: the person's job admitted first, and how long ago. */
  mine(count: number, oldest: { kind: K; elapsedMs: number }): { detail: string; retryAfterSeconds: number };
  timedOut(kind: K, timeoutMs: number): string;
}

/**
 * Bounded, per-person admission with a timeout, for the export slots (exportSlots.ts) and the
 * costing workers' lanes (costingAdmission.ts). At most `total` jobs at once and `perUser` per person; one more is refused (busy:
 * 503 with Retry-After), never queued here. Each admitted job gets an AbortSignal that fires
 * `timeoutMs` after admission; the caller is then answered timed-out (504) even if the work cannot
 * be interrupted (in-process work is abandoned, a worker's job is stopped by the signal).
 */
export class BoundedSlots<K> {
  private admitted = 0;
  private readonly byUser = new Map<string, { kind: K; at: number }[]>();
  /** Recent jobs' durations (moving averages): of all, and by kind. */
  private meanMs: number | undefined;
  private readonly meanByKind = new Map<K, number>();

  constructor(
    private readonly limits: SlotsLimits,
    private readonly wording: SlotsWording<K>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Jobs admitted now (running or waiting for a worker). */
  get size(): number {
    return this.admitted;
  }

  /** Mean duration of recent jobs (ms), or of recent jobs of `kind`, for the Retry-After estimates. */
  recentMeanMs(kind?: K): number | undefined {
    return kind === undefined ? this.meanMs : this.meanByKind.get(kind);
  }

  /**
   * Admits one job of `userId` now or throws busy. Synchronous, so a caller can share the admitted
   * job's promise (intactFor) knowing the refusal was this caller's own.
   */
  admit(userId: string, kind: K): <T>(work: (signal: AbortSignal) => Promise<T>) => Promise<T> {
    if (this.admitted >= this.limits.total) {
      const { detail, retryAfterSeconds } = this.wording.full(this.admitted);
      throw busy(detail, retryAfterSeconds);
    }
    const mine = this.byUser.get(userId) ?? [];
    if (mine.length >= this.limits.perUser) {
      const { detail, retryAfterSeconds } = this.wording.mine(mine.length, { kind: mine[0]!.kind, elapsedMs: this.now() - mine[0]!.at });
      throw busy(detail, retryAfterSeconds);
    }
    this.admitted += 1;
    const admittedAt = this.now();
    const entry = { kind, at: admittedAt };
    mine.push(entry);
    this.byUser.set(userId, mine);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.limits.timeoutMs);
    return async (work) => {
      try {
        return await Promise.race([work(abort.signal), abandoned(abort.signal)]);
      } catch (error) {
        if (abort.signal.aborted) throw timedOut(this.wording.timedOut(kind, this.limits.timeoutMs));
        throw error;
      } finally {
        clearTimeout(timer);
        this.admitted -= 1;
        mine.splice(mine.indexOf(entry), 1);
        if (mine.length === 0) this.byUser.delete(userId);
        const took = Math.max(0, this.now() - admittedAt);
        this.meanMs = average(this.meanMs, took);
        this.meanByKind.set(kind, average(this.meanByKind.get(kind), took));
      }
    };
  }

  /** Runs `work` in a slot (admit, then run). */
  async run<T>(userId: string, kind: K, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.admit(userId, kind)(work);
  }
}

function average(mean: number | undefined, sample: number): number {
  return mean === undefined ? sample : 0.7 * mean + 0.3 * sample;
}

function abandoned(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('abandoned at the timeout')), { once: true }));
}
