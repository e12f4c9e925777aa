// A worker thread that runs the shared engine and writes workbooks, so a 10,000-row costing or a
// large export does not hold up the server's other requests. Messages: {id, task} → WorkerReply.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { costScenario } from '../../shared/engine/costScenario.js';
import { warmUpEngine } from '../../shared/engine/costRowRange.js';
import { CostingInputError } from '../../shared/issues.js';
import { readDraftBody, readEditBody } from '../http/costModelBodies.js';
import { costStoredScenario } from '../services/costModels.js';
import { storedCostModelIntact } from '../services/contentHash.js';
import { viewCostModel } from '../services/costModelView.js';
import { DomainError } from '../services/domainErrors.js';
import type { WorkerOutput, WorkerReply, WorkerTask } from './costingMessages.js';
import type { CostingWorkerData } from './costingPool.js';

if (!parentPort) throw new Error('costingWorker runs as a worker thread');
const port = parentPort;

lowerThreadPriority((workerData as CostingWorkerData | undefined)?.niceness);
// While the server starts and no job is queued (a job's message waits the ~0.1 s): the first
// 10,000-row submit then runs an engine V8 has already optimised (docs/ARCHITECTURE.md, "Warm-up").
setImmediate(warmUpEngine);

/**
 * Lowers this worker thread's CPU priority (its nice value), so the request thread wins the CPU
 * when both want it. Linux only: os.setPriority(0, n) is setpriority(PRIO_PROCESS, 0, n) (libuv's
 * uv_os_setpriority), and on Linux the nice value is a per-thread attribute, so it applies to the
 * calling thread alone ("under the current Linux/NPTL implementation of POSIX threads, the nice
 * value is a per-thread attribute": https://man7.org/linux/man-pages/man2/setpriority.2.html,
 * BUGS). Elsewhere (Windows' priority class, macOS) it would lower the whole server, so it is not
 * done. Raising the nice value needs no privilege; a refusal is harmless and ignored.
 */
function lowerThreadPriority(niceness: number | undefined): void {
  if (niceness === undefined || niceness <= 0 || process.platform !== 'linux') return;
  try {
    setPriority(0, niceness);
  } catch {
    // Left at the process's priority.
  }
}

async function run(task: WorkerTask): Promise<WorkerOutput> {
  if (task.kind === 'cost') return { kind: 'cost', result: costScenario(task.scenario) };
  if (task.kind === 'draftBody') return { kind: 'draftBody', draft: readDraftBody(task.text, task.rosterRowLimit) };
  if (task.kind === 'editBody') return { kind: 'editBody', edit: readEditBody(task.text, task.unitId, task.rosterRowLimit) };
  if (task.kind === 'intact') return { kind: 'intact', intact: storedCostModelIntact(task) };
  if (task.kind === 'costStored') return { kind: 'costStored', costed: await costStoredScenario(task.scenarioJson, task.withContentHash, costScenario) };
  if (task.kind === 'reportPdf') {
    // pdfkit loads on the first report, so workers that only cost start as fast as before.
    const { renderReportPdf } = await import('../pdf/renderReportPdf.js');
    return { kind: 'reportPdf', pdf: await renderReportPdf(task.request) };
  }
  // Loaded on the first export only: the costing workers never carry ExcelJS.
  const { writeCostModelWorkbook } = await import('../xlsx/costModelAdapters.js');
  const workbook = await writeCostModelWorkbook(viewCostModel(task.record, task.supersededBy), task.names);
  // A Buffer that is a slice of a shared pool must be copied before its memory is transferred.
  const whole = workbook.byteOffset === 0 && workbook.byteLength === workbook.buffer.byteLength;
  return { kind: 'workbook', workbook: whole ? new Uint8Array(workbook.buffer) : new Uint8Array(workbook) };
}

port.on('message', ({ id, task }: { id: number; task: WorkerTask }) => {
  run(task).then(
    (output) => {
      const reply: WorkerReply = { id, ok: true, output };
      // The workbook's bytes move to the request thread instead of being copied.
      port.postMessage(reply, output.kind === 'workbook' ? [output.workbook.buffer as ArrayBuffer] : []);
    },
    (error: unknown) => {
      const e = error as Error;
      const reply: WorkerReply = {
        id,
        ok: false,
        error: {
          kind: error instanceof CostingInputError ? 'input' : error instanceof RangeError ? 'range' : error instanceof DomainError ? 'domain' : 'other',
          ...(error instanceof DomainError ? { domainKind: error.kind } : {}),
          message: e.message,
          stack: e.stack ?? '',
          issues: error instanceof CostingInputError ? error.issues : error instanceof DomainError ? (error.issues ?? []) : [],
        },
      };
      port.postMessage(reply);
    },
  );
});
