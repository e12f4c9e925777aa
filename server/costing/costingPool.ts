import { Worker } from 'node:worker_threads';
import { CostingInputError } from '../../shared/issues.js';
import type { CostingResult } from '../../shared/result.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import type { ReportPdfOutcome, ReportPdfRequest } from '../pdf/renderReportPdf.js';
import type { WorkerReply, WorkerRequest } from './costingMessages.js';

interface Job {
  request: WorkerRequest;
  resolve: (reply: Extract<WorkerReply, { ok: true }>) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
}

/** Where the worker's code is: the compiled .js next to this file, or the .ts source under tsx/vitest. */
function workerSource(): { code: string } {
  const fromSource = import.meta.url.endsWith('.ts');
  const target = new URL(`./costingWorker${fromSource ? '.ts' : '.js'}`, import.meta.url).href;
  return {
    code: fromSource
      ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); })`
      : `import(${JSON.stringify(target)})`,
  };
}

/**
 * Worker threads that run the shared engine, one costing each at a time, the rest queued in
 * order. A worker that dies fails its costing and is replaced.
 */
export class CostingPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a costing pool needs at least one worker, got ${size}`);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  async cost(scenario: Scenario): Promise<CostingResult> {
    const reply = await this.run({ id: this.nextId++, scenario });
    return (reply as { result: CostingResult }).result;
  }

  /** A report PDF (server/pdf), drawn on a worker like a costing. */
  async reportPdf(request: ReportPdfRequest): Promise<ReportPdfOutcome> {
    const reply = await this.run({ id: this.nextId++, reportPdf: request });
    return (reply as { pdf: ReportPdfOutcome }).pdf;
  }

  private run(request: WorkerRequest): Promise<Extract<WorkerReply, { ok: true }>> {
    if (this.closed) return Promise.reject(new Error('the costing pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the server is shutting down'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(workerSource().code, { eval: true });
    const slot: Slot = { worker, job: undefined };
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.job;
      if (!job || job.request.id !== reply.id) return;
      slot.job = undefined;
      if (reply.ok) job.resolve(reply);
      else job.reject(rebuild(reply.error));
      this.dispatch();
    });
    worker.on('error', (error) => this.replace(slot, error));
    worker.on('exit', (code) => {
      if (!this.closed) this.replace(slot, new Error(`a costing worker stopped (exit code ${code})`));
    });
    worker.unref();
    return slot;
  }

  private replace(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    slot.job?.reject(error);
    slot.job = undefined;
    void slot.worker.terminate();
    if (this.closed) return;
    this.slots[index] = this.spawn();
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      slot.worker.postMessage(job.request);
    }
  }
}

function rebuild(error: Extract<WorkerReply, { ok: false }>['error']): Error {
  const rebuilt = error.kind === 'input' ? new CostingInputError(error.issues) : error.kind === 'range' ? new RangeError(error.message) : new Error(error.message);
  rebuilt.stack = error.stack;
  return rebuilt;
}
