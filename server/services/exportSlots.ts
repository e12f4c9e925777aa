import { busy, timedOut } from './domainErrors.js';
import type { Principal } from './principal.js';

export interface ExportSlotLimits {
  /** Exports (workbooks and report PDFs) built at once; one more is refused with 503 and Retry-After. */
  concurrency: number;
  timeoutMs: number;
}

/**
 * The server's export slots. Workbooks and report PDFs are built on the export workers, at most
 * `concurrency` at once: one more is refused (503, Retry-After), never queued, since a queue would
 * let one caller's requests delay everyone's. With two slots or more one person may hold all but
 * one, so a negotiator exporting large drafts back to back leaves a slot for the analyst who needs
 * one. Each export is stopped after `timeoutMs` (its worker is stopped and replaced).
 */
export class ExportSlots {
  private running = 0;
  private readonly byUser = new Map<string, number>();

  constructor(private readonly limits: ExportSlotLimits) {}

  /** Slots one user may hold at once. */
  get perUser(): number {
    return Math.max(1, this.limits.concurrency - 1);
  }

  /** Runs `work` in a slot; `signal` fires at the timeout, and the export is then refused as too slow. */
  async run<T>(principal: Principal, what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.running >= this.limits.concurrency) {
      throw busy(`${this.running} export(s) are being built, the most this server runs at once; try again shortly`, 5);
    }
    const mine = this.byUser.get(principal.userId) ?? 0;
    if (mine >= this.perUser) {
      throw busy(
        `you already have ${mine} export(s) being built, the most one person may run at once; try again when ${mine === 1 ? 'it is' : 'they are'} done`,
        5,
      );
    }
    this.running += 1;
    this.byUser.set(principal.userId, mine + 1);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.limits.timeoutMs);
    try {
      return await Promise.race([work(abort.signal), abandoned(abort.signal, this.limits.timeoutMs)]);
    } catch (error) {
      if (abort.signal.aborted) throw timedOut(`the ${what} took longer than ${this.limits.timeoutMs / 1000} s and was stopped`);
      throw error;
    } finally {
      clearTimeout(timer);
      this.running -= 1;
      const left = (this.byUser.get(principal.userId) ?? 1) - 1;
      if (left === 0) this.byUser.delete(principal.userId);
      else this.byUser.set(principal.userId, left);
    }
  }
}

function abandoned(signal: AbortSignal, timeoutMs: number): Promise<never> {
  return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error(`abandoned after ${timeoutMs} ms`)), { once: true }));
}
