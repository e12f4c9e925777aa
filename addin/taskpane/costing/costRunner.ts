import type { Scenario } from '../../../shared/schemas/scenario.js';
import type { CostingResult, IncreaseResult } from '../../../shared/result.js';
import { CostingInputError } from '../../../shared/issues.js';
import type { CostReply, CostRequest, Figures } from './workerProtocol.js';

export interface CostOutcome {
  result: CostingResult;
  milliseconds: number;
}

/** A what-if's answer: the comparison's figures only (costIncrease). */
export interface IncreaseOutcome {
  result: IncreaseResult;
  milliseconds: number;
}

interface Pending {
  resolve: (reply: Extract<CostReply, { kind: 'result' | 'increase' }>) => void;
  reject: (error: Error) => void;
  onStage: (stage: string) => void;
  /** Requests of a lane (the what-if control's) supersede only that lane's earlier ones. */
  lane: string | null;
}

/**
 * Runs the shared engine in a Web Worker, which keeps its compiled engine warm between requests,
 * and its costing session: a what-if after a costing of the same scenario re-costs only what the
 * change touches. A request in a lane (the what-if control's) supersedes that lane's earlier
 * ones: their promises reject with `SupersededError` and their answers are dropped when they
 * arrive; a costing in no lane is never superseded.
 */
export class CostRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The scenario the worker holds (the last one sent), so a what-if need send only its proposals. */
  private sent: Scenario | null = null;

  /** `startWorker` is for tests (a worker double); webpack bundles the worker from the default. */
  constructor(private readonly startWorker: () => Worker = () => new Worker(new URL('./costing.worker.js', import.meta.url), { name: 'costing' })) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    this.sent = null;
    const worker = this.startWorker();
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
    if (message.kind === 'error') waiting.reject(message.issues.length > 0 ? new CostingInputError(message.issues) : new Error(message.message));
    else waiting.resolve(message);
  }

  /** Costs a scenario: the whole report. */
  async cost(scenario: Scenario, onStage: (stage: string) => void = () => {}, lane: string | null = null): Promise<CostOutcome> {
    const reply = await this.request(scenario, 'report', onStage, lane);
    if (reply.kind !== 'result') throw new Error('The costing worker answered with the wrong figures. Reload the pane and try again.');
    return { result: reply.result, milliseconds: reply.milliseconds };
  }

  /** Costs only what a what-if compares: each proposal's cost and increase per fiscal year (costIncrease). */
  async costIncrease(scenario: Scenario, lane: string | null = null): Promise<IncreaseOutcome> {
    const reply = await this.request(scenario, 'increase', () => {}, lane);
    if (reply.kind !== 'increase') throw new Error('The costing worker answered with the wrong figures. Reload the pane and try again.');
    return { result: reply.result, milliseconds: reply.milliseconds };
  }

  private request(scenario: Scenario, figures: Figures, onStage: (stage: string) => void, lane: string | null) {
    if (lane !== null) {
      // The lane's older answers are no longer wanted; the worker stays warm for the next one.
      for (const [id, p] of this.pending) {
        if (p.lane !== lane) continue;
        p.reject(new SupersededError());
        this.pending.delete(id);
      }
    }
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<Extract<CostReply, { kind: 'result' | 'increase' }>>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onStage, lane });
      const request: CostRequest =
        this.sent !== null && sameExceptProposals(this.sent, scenario)
          ? { id, kind: 'proposals', proposals: scenario.proposals, figures }
          : { id, kind: 'scenario', scenario, figures };
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
