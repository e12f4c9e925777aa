/// <reference lib="webworker" />
// The costing engine off the pane's thread: a 10,000-row roster costs without freezing the pane.
// One costing session per worker: a what-if re-costs only what it changed, and only the figures its
// comparison shows (shared/engine/costingSession.ts).
import { CostingSession } from '../../../shared/engine/costingSession.js';
import { CostingInputError } from '../../../shared/issues.js';
import type { Scenario } from '../../../shared/schemas/scenario.js';
import type { CostReply, CostRequest } from './workerProtocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new CostingSession();
let last: Scenario | null = null;

function reply(message: CostReply): void {
  scope.postMessage(message);
}

scope.onmessage = (event: MessageEvent<CostRequest>) => {
  const request = event.data;
  const id = request.id;
  if (request.kind === 'proposals' && last === null) {
    reply({ id, kind: 'error', message: 'The costing worker lost the scenario. Reload the pane and try again.', issues: [] });
    return;
  }
  const scenario: Scenario = request.kind === 'scenario' ? request.scenario : { ...last!, proposals: request.proposals };
  last = scenario;
  const rows = scenario.roster.rows.length;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    if (request.figures === 'increase') {
      reply({ id, kind: 'increase', result: session.costIncrease(scenario), milliseconds: elapsed() });
      return;
    }
    reply({ id, kind: 'progress', stage: `Costing the baseline and ${scenario.proposals.length} proposal(s) for ${rows.toLocaleString('en-US')} roster rows` });
    reply({ id, kind: 'result', result: session.cost(scenario), milliseconds: elapsed() });
  } catch (error) {
    const issues = error instanceof CostingInputError ? error.issues : [];
    reply({ id, kind: 'error', message: error instanceof Error ? error.message : String(error), issues });
  }
};
