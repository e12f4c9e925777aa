import { Worker } from 'node:worker_threads';
import { CostingInputError } from '../../shared/issues.js';
import type { CostingResult } from '../../shared/result.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import type { CostModelRecord } from '../store/store.js';
import type { BodyText, ScenarioWork } from '../http/costModelBodies.js';
import { DomainError } from '../services/domainErrors.js';
import type { ReportPdfOutcome, ReportPdfRequest } from '../pdf/renderReportPdf.js';
import type { WorkerOutput, WorkerReply, WorkerTask } from './costingMessages.js';
import { workerSource } from './workerSource.js';

interface Job {
  id: number;
  task: WorkerTask;
  /** Memory moved to the worker with the task instead of copied. */
  transfer: ArrayBuffer[];
  resolve: (output: WorkerOutput) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
}

export interface CostingPoolOptions {
  /** Old-generation heap of each worker: a job that needs more fails alone instead of the server. */
  maxHeapMb?: number | undefined;
  /**
   * The workers' nice value on Linux (costingWorker.ts): above 0, the request thread wins the CPU
   * from them, so schedule pulls keep their latency while large costings and exports run.
   */
  niceness?: number | undefined;
}

/** What a worker is told when it starts. */
export interface CostingWorkerData {
  niceness?: number | undefined;
}

/** A job abandoned because its AbortSignal fired; its worker was stopped and replaced. */
export class JobAbortedError extends Error {}

/**
 * Worker threads that run the shared engine and the workbook writer, one job each at a time, the
 * rest queued in order. A worker that dies fails its job and is replaced; an aborted job's worker
 * is stopped (the only way to interrupt synchronous work) and replaced.
 */
export class CostingPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    size: number,
    private readonly options: CostingPoolOptions = {},
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a costing pool needs at least one worker, got ${size}`);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  async cost(scenario: Scenario): Promise<CostingResult> {
    const output = await this.run({ kind: 'cost', scenario });
    if (output.kind !== 'cost') throw new Error('a costing worker answered with a workbook');
    return output.result;
  }

  async workbook(record: CostModelRecord, supersededBy: string | null, signal?: AbortSignal, names: Readonly<Record<string, string>> = {}): Promise<Buffer> {
    const output = await this.run({ kind: 'workbook', record, supersededBy, names }, signal);
    if (output.kind !== 'workbook') throw new Error('a costing worker answered with a costing');
    return Buffer.from(output.workbook.buffer, output.workbook.byteOffset, output.workbook.byteLength);
  }

  /** A report PDF (server/pdf), drawn on a worker like a workbook. */
  async reportPdf(request: ReportPdfRequest, signal?: AbortSignal): Promise<ReportPdfOutcome> {
    const output = await this.run({ kind: 'reportPdf', request }, signal);
    if (output.kind !== 'reportPdf') throw new Error('a costing worker answered out of turn');
    return output.pdf;
  }

  /** Reading and validating cost-model bodies, and costing stored scenarios, on these workers. */
  scenarioWork(): ScenarioWork {
    return {
      draftBody: async (text, rosterRowLimit) => {
        const output = await this.run({ kind: 'draftBody', text, rosterRowLimit }, undefined, movable(text));
        if (output.kind !== 'draftBody') throw new Error('a costing worker answered out of turn');
        return output.draft;
      },
      editBody: async (text, unitId, rosterRowLimit) => {
        const output = await this.run({ kind: 'editBody', text, unitId, rosterRowLimit }, undefined, movable(text));
        if (output.kind !== 'editBody') throw new Error('a costing worker answered out of turn');
        return output.edit;
      },
      costStored: async (scenarioJson, withContentHash) => {
        const output = await this.run({ kind: 'costStored', scenarioJson, withContentHash });
        if (output.kind !== 'costStored') throw new Error('a costing worker answered out of turn');
        return output.costed;
      },
      intact: async ({ scenarioJson, resultJson, contentHash }) => {
        const output = await this.run({ kind: 'intact', scenarioJson, resultJson, contentHash });
        if (output.kind !== 'intact') throw new Error('a costing worker answered out of turn');
        return output.intact;
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the server is shutting down'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private run(task: WorkerTask, signal?: AbortSignal, transfer: ArrayBuffer[] = []): Promise<WorkerOutput> {
    if (this.closed) return Promise.reject(new Error('the costing pool is closed'));
    if (signal?.aborted) return Promise.reject(new JobAbortedError('the job was abandoned before it started'));
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, task, transfer, resolve, reject };
      signal?.addEventListener('abort', () => this.abort(job), { once: true });
      this.queue.push(job);
      this.dispatch();
    });
  }

  private abort(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      job.reject(new JobAbortedError('the job was abandoned while queued'));
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (slot) this.replace(slot, new JobAbortedError('the job was abandoned while running; its worker was stopped'));
  }

  private spawn(): Slot {
    const workerData: CostingWorkerData = { niceness: this.options.niceness };
    const worker = new Worker(workerSource('costingWorker', import.meta.url), {
      eval: true,
      workerData,
      ...(this.options.maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb } } : {}),
    });
    const slot: Slot = { worker, job: undefined };
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = undefined;
      if (reply.ok) job.resolve(reply.output);
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
      slot.worker.postMessage({ id: job.id, task: job.task }, job.transfer);
    }
  }
}

/**
 * The memory of a body's bytes when it can move to the worker: only a buffer that is the whole
 * of its memory (a large body read by express.raw), never a slice of Node's shared buffer pool.
 * The caller's view is emptied by the move; the route reads the body once.
 */
function movable(body: BodyText): ArrayBuffer[] {
  if (typeof body === 'string' || !(body.buffer instanceof ArrayBuffer)) return [];
  return body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? [body.buffer] : [];
}

function rebuild(error: Extract<WorkerReply, { ok: false }>['error']): Error {
  const rebuilt =
    error.kind === 'input'
      ? new CostingInputError(error.issues)
      : error.kind === 'range'
        ? new RangeError(error.message)
        : error.kind === 'domain' && error.domainKind
          ? new DomainError(error.domainKind, error.message, error.issues.length > 0 ? error.issues : undefined)
          : new Error(error.message);
  rebuilt.stack = error.stack;
  return rebuilt;
}
