// A worker thread that costs scenarios with the shared engine, so a 10,000-row costing does not
// hold up the server's other requests. Messages: {id, scenario} → {id, ok, result | error}.
import { parentPort } from 'node:worker_threads';
import { costScenario } from '../../shared/engine/costScenario.js';
import { CostingInputError } from '../../shared/issues.js';
import type { WorkerReply, WorkerRequest } from './costingMessages.js';

if (!parentPort) throw new Error('costingWorker runs as a worker thread');
const port = parentPort;

port.on('message', (request: WorkerRequest) => {
  if ('reportPdf' in request) {
    // pdfkit loads on the first report, so workers that only cost start as fast as before.
    void import('../pdf/renderReportPdf.js').then(({ renderReportPdf }) => renderReportPdf(request.reportPdf)).then(
      (pdf) => port.postMessage({ id: request.id, ok: true, pdf } satisfies WorkerReply),
      (error: Error) => port.postMessage({ id: request.id, ok: false, error: { kind: 'other', message: error.message, stack: error.stack ?? '', issues: [] } } satisfies WorkerReply),
    );
    return;
  }
  const { id, scenario } = request;
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, result: costScenario(scenario) };
  } catch (error) {
    const e = error as Error;
    reply = {
      id,
      ok: false,
      error: {
        kind: error instanceof CostingInputError ? 'input' : error instanceof RangeError ? 'range' : 'other',
        message: e.message,
        stack: e.stack ?? '',
        issues: error instanceof CostingInputError ? error.issues : [],
      },
    };
  }
  port.postMessage(reply);
});
