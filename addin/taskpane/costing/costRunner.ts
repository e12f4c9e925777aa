import type { Scenario } from '../../../shared/schemas/scenario.js';
import type { CostingResult } from '../../../shared/result.js';
import { CostingInputError } from '../../../shared/issues.js';
import type { CostReply, CostRequest } from './workerProtocol.js';

export interface CostOutcome {
  result: CostingResult;
  milliseconds: number;
}

interface Pending {
  resolve: (outcome: CostOutcome) => void;
  reject: (error: Error) => void;
  onStage: (stage: string) => void;
}

/**
 * Runs the shared engine in a Web Worker, which keeps its compiled engine warm between requests.
 * A request may supersede the runner's earlier ones (the what-if control): their promises reject
 * with `SupersededError` and their answers are dropped when they arrive.
 */
export class CostRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The scenario the worker holds (the last one sent), so a what-if need send only its proposals. */
  private sent: Scenario | null = null;

  private start(): Worker {
    if (this.worker) return this.worker;
    this.sent = null;
    const worker = new Worker(new URL('./costing.worker.js', import.meta.url), { name: 'costing' });
    worker.onmessage = (event: MessageEvent<CostReply>) => this.receive(event.data);
    worker.onerror = (event: ErrorEvent) => {
      const error = new Error(`The costing worker failed: ${event.message || 'unknown error'}. Reload the pane and try again.`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      this.worker?.terminate();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }

  private receive(message: CostReply): void {
    const waiting = this.pending.get(message.id);
    if (!waiting) return; // superseded: its promise was already rejected
    if (message.kind === 'progress') {
      waiting.onStage(message.stage);
      return;
    }
    this.pending.delete(message.id);
    if (message.kind === 'result') waiting.resolve({ result: message.result, milliseconds: message.milliseconds });
    else waiting.reject(message.issues.length > 0 ? new CostingInputError(message.issues) : new Error(message.message));
  }

  /** Costs a scenario; `supersede` rejects the runner's earlier requests that are still running. */
  cost(scenario: Scenario, onStage: (stage: string) => void = () => {}, supersede = false): Promise<CostOutcome> {
    if (supersede) {
      // The older answers are no longer wanted; the worker stays warm for the next one.
      for (const p of this.pending.values()) p.reject(new SupersededError());
      this.pending.clear();
    }
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<CostOutcome>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onStage });
      const request: CostRequest =
        this.sent !== null && sameExceptProposals(this.sent, scenario)
          ? { id, kind: 'proposals', proposals: scenario.proposals }
          : { id, kind: 'scenario', scenario };
      this.sent = scenario;
      worker.postMessage(request);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

/** Whether two scenarios share every part but their proposals — the same objects, as a what-if's do. */
export function sameExceptProposals(a: Scenario, b: Scenario): boolean {
  const parts = (s: Scenario) => Object.keys(s).filter((k) => k !== 'proposals');
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const keys = parts(a);
  return keys.length === parts(b).length && keys.every((k) => k in y && x[k] === y[k]);
}

/** A what-if request replaced by a newer one before it finished; not a failure to show. */
export class SupersededError extends Error {
  override readonly name = 'SupersededError';
  constructor() {
    super('replaced by a newer what-if');
  }
}
