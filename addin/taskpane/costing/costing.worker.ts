/// <reference lib="webworker" />
// The costing engine off the pane's thread: a 10,000-row roster costs without freezing the pane.
import { costScenario } from '../../../shared/engine/costScenario.js';
import { CostingInputError } from '../../../shared/issues.js';
import type { CostReply, CostRequest } from './workerProtocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function reply(message: CostReply): void {
  scope.postMessage(message);
}

scope.onmessage = (event: MessageEvent<CostRequest>) => {
  const { id, scenario } = event.data;
  const rows = scenario.roster.rows.length;
  reply({ id, kind: 'progress', stage: `Costing the baseline and ${scenario.proposals.length} proposal(s) for ${rows.toLocaleString('en-US')} roster rows` });
  const started = performance.now();
  try {
    const result = costScenario(scenario);
    reply({ id, kind: 'result', result, milliseconds: Math.round(performance.now() - started) });
  } catch (error) {
    const issues = error instanceof CostingInputError ? error.issues : [];
    reply({ id, kind: 'error', message: error instanceof Error ? error.message : String(error), issues });
  }
};
