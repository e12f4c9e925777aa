import { Worker } from 'node:worker_threads';
import { CostingInputError } from '../../shared/issues.js';
import type { CostingResult } from '../../shared/result.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import type { CostModelRecord } from '../store/store.js';
import type { BodyText, ScenarioWork, ValidDraft, ValidEdit } from '../http/costModelBodies.js';
import type { JobOptions, PooledIntactCheck } from '../services/costingAdmission.js';
import type { StoredCosting } from '../services/costModels.js';
import { DomainError } from '../services/domainErrors.js';
import type { ReportPdfOutcome, ReportPdfRequest } from '../pdf/renderReportPdf.js';
import type { WorkerOutput, WorkerReply, WorkerTask } from './costingMessages.js';
import { workerSource } from './workerSource.js';

interface Job {
  id: number;
  task: WorkerTask;
  /** Memory moved to the worker with the task instead of copied. */
  transfer: ArrayBuffer[];
  /** A small job (costingAdmission.ts): the quick lane's worker may take it. */
  quick: boolean;
  /** Whose job it is: the workers take turns between people (see pick). */
  owner: string | undefined;
  resolve: (output: WorkerOutput) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  /** A quick-lane worker: it takes small jobs only. */
  quick: boolean;
}

export interface CostingPoolOptions {
  /** Old-generation heap of each worker: a job that needs more fails alone instead of the server. */
  maxHeapMb?: number | undefined;
  /**
   * The workers' nice value on Linux (costingWorker.ts): above 0, the request thread wins the CPU
   * from them, so schedule pulls keep their latency while large costings and exports run.
   */
  niceness?: number | undefined;
  /**
   * Workers of the quick lane (default 1), started with the first small job: they run small jobs only, so a unit's usual body or check never waits behind a
   * 40,000-row costing. A pool that is never given small jobs (the export workers) never starts one.
   */
  quickWorkers?: number | undefined;
}

/** The work of cost-model bodies and stored costings, each job optionally stoppable and small (costingAdmission.ts). */
export interface PoolScenarioWork extends ScenarioWork {
  draftBody(text: BodyText, rosterRowLimit: number, job?: JobOptions): Promise<ValidDraft>;
  editBody(text: BodyText, unitId: string, rosterRowLimit: number, job?: JobOptions): Promise<ValidEdit>;
  costStored(scenarioJson: string, withContentHash: boolean, job?: JobOptions): Promise<StoredCosting>;
  intact: PooledIntactCheck;
}

/** What the pool has done: jobs started, by kind (tests count the content-hash checks by it). */
export interface CostingPoolStats {
  workers: number;
  quickWorkers: number;
  running: number;
  queued: number;
  started: Partial<Record<WorkerTask['kind'], number>>;
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
 * is stopped (the only way to interrupt synchronous work) and replaced. The queue itself is not
 * bounded here: the server admits work to it per person and in total, with a timeout
 * (services/costingAdmission.ts for costing, services/exportSlots.ts for exports).
 *
 * Two lanes: the general workers take any job; the quick-lane worker (started with the first small
 * job) takes only jobs marked small. Queued jobs start by turns between their owners (pick).
 */
export class CostingPool {
  private readonly slots: Slot[] = [];
  private readonly quickSlots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly started: CostingPoolStats['started'] = {};
  /** When each person's job last started (a count of starts), for taking turns. */
  private readonly lastServed = new Map<string, number>();
  private starts = 0;
  private nextId = 1;
  private closed = false;

  constructor(
    size: number,
    private readonly options: CostingPoolOptions = {},
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a costing pool needs at least one worker, got ${size}`);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn(false));
  }

  stats(): CostingPoolStats {
    const all = [...this.slots, ...this.quickSlots];
    return {
      workers: this.slots.length,
      quickWorkers: this.quickSlots.length,
      running: all.filter((s) => s.job).length,
      queued: this.queue.length,
      started: { ...this.started },
    };
  }

  async cost(scenario: Scenario): Promise<CostingResult> {
    const output = await this.run({ kind: 'cost', scenario });
    if (output.kind !== 'cost') throw new Error('a costing worker answered with a workbook');
    return output.result;
  }

  async workbook(record: CostModelRecord, supersededBy: string | null, signal?: AbortSignal, names: Readonly<Record<string, string>> = {}): Promise<Buffer> {
    const output = await this.run({ kind: 'workbook', record, supersededBy, names }, { signal });
    if (output.kind !== 'workbook') throw new Error('a costing worker answered with a costing');
    return Buffer.from(output.workbook.buffer, output.workbook.byteOffset, output.workbook.byteLength);
  }

  /** A report PDF (server/pdf), drawn on a worker like a workbook. */
  async reportPdf(request: ReportPdfRequest, signal?: AbortSignal): Promise<ReportPdfOutcome> {
    const output = await this.run({ kind: 'reportPdf', request }, { signal });
    if (output.kind !== 'reportPdf') throw new Error('a costing worker answered out of turn');
    return output.pdf;
  }

  /**
   * Reading and validating cost-model bodies, and costing stored scenarios, on these workers. Each
   * takes the job's options: an AbortSignal that stops it, and whether it is small (quick lane).
   */
  scenarioWork(): PoolScenarioWork {
    return {
      draftBody: async (text, rosterRowLimit, job) => {
        const output = await this.run({ kind: 'draftBody', text, rosterRowLimit }, job, movable(text));
        if (output.kind !== 'draftBody') throw new Error('a costing worker answered out of turn');
        return output.draft;
      },
      editBody: async (text, unitId, rosterRowLimit, job) => {
        const output = await this.run({ kind: 'editBody', text, unitId, rosterRowLimit }, job, movable(text));
        if (output.kind !== 'editBody') throw new Error('a costing worker answered out of turn');
        return output.edit;
      },
      costStored: async (scenarioJson, withContentHash, job) => {
        const output = await this.run({ kind: 'costStored', scenarioJson, withContentHash }, job);
        if (output.kind !== 'costStored') throw new Error('a costing worker answered out of turn');
        return output.costed;
      },
      intact: async ({ scenarioJson, resultJson, contentHash }, job) => {
        const output = await this.run({ kind: 'intact', scenarioJson, resultJson, contentHash }, job);
        if (output.kind !== 'intact') throw new Error('a costing worker answered out of turn');
        return output.intact;
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the server is shutting down'));
    await Promise.all([...this.slots, ...this.quickSlots].map((s) => s.worker.terminate()));
  }

  private run(task: WorkerTask, options: JobOptions = {}, transfer: ArrayBuffer[] = []): Promise<WorkerOutput> {
    const { signal } = options;
    if (this.closed) return Promise.reject(new Error('the costing pool is closed'));
    if (signal?.aborted) return Promise.reject(new JobAbortedError('the job was abandoned before it started'));
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, task, transfer, quick: options.quick ?? false, owner: options.owner, resolve, reject };
      signal?.addEventListener('abort', () => this.abort(job), { once: true });
      // The quick lane's worker starts with the first small job, so it is ready (~1 s to start and
      // warm up) by the time one finds the general workers busy.
      if (job.quick && this.quickSlots.length < (this.options.quickWorkers ?? 1)) this.quickSlots.push(this.spawn(true));
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
    const slot = [...this.slots, ...this.quickSlots].find((s) => s.job === job);
    if (slot) this.replace(slot, new JobAbortedError('the job was abandoned while running; its worker was stopped'));
  }

  private spawn(quick: boolean): Slot {
    const workerData: CostingWorkerData = { niceness: this.options.niceness };
    const worker = new Worker(workerSource('costingWorker', import.meta.url), {
      eval: true,
      workerData,
      ...(this.options.maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb } } : {}),
    });
    const slot: Slot = { worker, job: undefined, quick };
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
    const slots = slot.quick ? this.quickSlots : this.slots;
    const index = slots.indexOf(slot);
    if (index < 0) return;
    slot.job?.reject(error);
    slot.job = undefined;
    void slot.worker.terminate();
    if (this.closed) return;
    slots[index] = this.spawn(slot.quick);
    this.dispatch();
  }

  private dispatch(): void {
    // The general workers: every job.
    for (const slot of this.slots) {
      if (slot.job) continue;
      const next = this.pick(() => true);
      if (next < 0) break;
      this.start(slot, next);
    }
    // The quick lane: small jobs only.
    for (let next = this.pick((j) => j.quick); next >= 0; next = this.pick((j) => j.quick)) {
      const slot = this.quickSlots.find((s) => !s.job);
      if (!slot) return;
      this.start(slot, next);
    }
  }

  /**
   * The queued job to start next among the eligible: people take turns (the person whose job
   * started longest ago, or never, goes first; their oldest job), so one person's many queued small
   * jobs delay another's by one job, not by all of them. Jobs of no one (exports, the CLI) go in order.
   */
  private pick(eligible: (job: Job) => boolean): number {
    let best = -1;
    let bestServed = Infinity;
    for (let i = 0; i < this.queue.length; i++) {
      const job = this.queue[i]!;
      if (!eligible(job)) continue;
      const served = job.owner === undefined ? -1 : (this.lastServed.get(job.owner) ?? -1);
      if (served < bestServed) {
        best = i;
        bestServed = served;
      }
    }
    return best;
  }

  private start(slot: Slot, index: number): void {
    const job = this.queue.splice(index, 1)[0]!;
    slot.job = job;
    this.started[job.task.kind] = (this.started[job.task.kind] ?? 0) + 1;
    if (job.owner !== undefined) {
      this.lastServed.set(job.owner, ++this.starts);
      // Forget people with nothing queued once many are remembered.
      if (this.lastServed.size > 10_000) {
        const waiting = new Set(this.queue.map((j) => j.owner));
        for (const owner of this.lastServed.keys()) if (!waiting.has(owner)) this.lastServed.delete(owner);
      }
    }
    slot.worker.postMessage({ id: job.id, task: job.task }, job.transfer);
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
