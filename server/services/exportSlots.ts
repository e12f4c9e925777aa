import { BoundedSlots } from './boundedSlots.js';
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
  private readonly slots: BoundedSlots<string>;

  constructor(limits: ExportSlotLimits) {
    const perUser = Math.max(1, limits.concurrency - 1);
    this.slots = new BoundedSlots<string>(
      { total: limits.concurrency, perUser, timeoutMs: limits.timeoutMs },
      {
        full: (running) => ({ detail: `${running} export(s) are being built, the most this server runs at once; try again shortly`, retryAfterSeconds: 5 }),
        mine: (count) => ({
          detail: `you already have ${count} export(s) being built, the most one person may run at once; try again when ${count === 1 ? 'it is' : 'they are'} done`,
          retryAfterSeconds: 5,
        }),
        timedOut: (what, timeoutMs) => `the ${what} took longer than ${timeoutMs / 1000} s and was stopped`,
      },
    );
  }

  /** Runs `work` in a slot; `signal` fires at the timeout, and the export is then refused as too slow. */
  run<T>(principal: Principal, what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.slots.run(principal.userId, what, work);
  }
}
