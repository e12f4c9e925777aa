// npx tsx bench/whatIf.ts [rows]: the pane's what-if on the synthetic unit — one provision's percent
// varied, the scenario holding only that proposal (addin/taskpane/costing/whatIf.ts) — costed by a
// CostingSession after its first costing, against a plain costScenario of the same scenario, run
// alternately. CPU time (user + system) per costing: steadier than wall time on a shared machine.
import { costScenario, parseScenario, type Scenario } from '../shared/index.js';
import { CostingSession } from '../shared/engine/costingSession.js';
import { syntheticUnit } from './syntheticUnit.js';

const rows = Number(process.argv[2] ?? 10_000);
const parsed = parseScenario(syntheticUnit(rows));
if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
const unit = parsed.value;

function whatIf(proposalName: string, provisionIndex: number, percent: string): Scenario {
  const proposal = unit.proposals.find((p) => p.name === proposalName)!;
  const provisions = proposal.provisions.map((p, i) => (i === provisionIndex ? { ...p, percent } : p)) as typeof proposal.provisions;
  return { ...unit, proposals: [{ ...proposal, name: `${proposal.name} (what-if)`, provisions }] };
}

function cpuMs(cost: () => unknown): number {
  const since = process.cpuUsage();
  cost();
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1000);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

for (const [name, index, label] of [
  ['City offer', 0, 'first provision (2% from 2026-07-01)'],
  ['Union proposal', 1, 'year-2 raise (3.5% from 2027-07-01)'],
  ['Union proposal', 2, 'year-3 raise (3% from 2028-07-01)'],
] as const) {
  const session = new CostingSession();
  const first = cpuMs(() => session.cost(whatIf(name, index, '0.01')));
  const sessionMs: number[] = [];
  const fullMs: number[] = [];
  for (const percent of ['0.03', '0.035', '0.04', '0.045', '0.05']) {
    const scenario = whatIf(name, index, percent);
    sessionMs.push(cpuMs(() => session.cost(scenario)));
    fullMs.push(cpuMs(() => costScenario(scenario)));
  }
  const { runs, reused, resumed } = session.lastReuse;
  console.log(
    `${rows} rows, ${name}, ${label}: first costing ${first} ms; then session ${sessionMs.join(', ')} ms (median ${median(sessionMs)}) ` +
      `vs full ${fullMs.join(', ')} ms (median ${median(fullMs)}); of ${runs} runs ${reused} reused, ${resumed} resumed at a fiscal year`,
  );
}
