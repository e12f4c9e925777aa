// npx tsx bench/whatIf.ts [rows]: the pane's what-if on the synthetic unit. The pane costs the whole
// report in its worker's CostingSession; a what-if then varies one provision's percent, the scenario
// holding only that proposal (addin/taskpane/costing/whatIf.ts), and asks the same session for the
// comparison's figures only (costIncrease). Each what-if's time is printed beside a plain costIncrease
// and a plain costScenario of the same scenario (the report's way), run alternately. Wall-clock
// milliseconds; CPU time in brackets (user + system, every thread: GC and compilation included).
import { costScenario, parseScenario, type Scenario } from '../shared/index.js';
import { CostingSession } from '../shared/engine/costingSession.js';
import { costIncrease } from '../shared/engine/costScenario.js';
import { syntheticUnit } from '../shared/syntheticUnit.js';

const rows = Number(process.argv[2] ?? 10_000);
const parsed = parseScenario(syntheticUnit(rows));
if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
const unit = parsed.value;

function whatIf(proposalName: string, provisionIndex: number, percent: string): Scenario {
  const proposal = unit.proposals.find((p) => p.name === proposalName)!;
  const provisions = proposal.provisions.map((p, i) => (i === provisionIndex ? { ...p, percent } : p)) as typeof proposal.provisions;
  return { ...unit, proposals: [{ ...proposal, name: `${proposal.name} (what-if)`, provisions }] };
}

function timed(cost: () => unknown): string {
  const cpu = process.cpuUsage();
  const started = performance.now();
  cost();
  const used = process.cpuUsage(cpu);
  return `${Math.round(performance.now() - started)} (${Math.round((used.user + used.system) / 1000)})`;
}

const median = (values: string[]) => [...values].sort((a, b) => parseInt(a) - parseInt(b))[Math.floor(values.length / 2)]!;

for (const [name, index, label] of [
  ['City offer', 0, 'first provision (2% from 2026-07-01)'],
  ['Union proposal', 1, 'year-2 raise (3.5% from 2027-07-01)'],
  ['Union proposal', 2, 'year-3 raise (3% from 2028-07-01)'],
] as const) {
  const session = new CostingSession();
  const report = timed(() => session.cost(unit));
  const sessionMs: string[] = [];
  const plainMs: string[] = [];
  const reportMs: string[] = [];
  for (const percent of ['0.03', '0.035', '0.04', '0.045', '0.05']) {
    const scenario = whatIf(name, index, percent);
    sessionMs.push(timed(() => session.costIncrease(scenario)));
    plainMs.push(timed(() => costIncrease(scenario)));
    reportMs.push(timed(() => costScenario(scenario)));
  }
  const { runs, reused, resumed } = session.lastReuse;
  console.log(
    `${rows} rows, ${name}, ${label}: the report ${report} ms; then each what-if ${sessionMs.join(', ')} ms (median ${median(sessionMs)}), ` +
      `${runs} runs, ${reused} reused, ${resumed} resumed at a fiscal year; without the session ${median(plainMs)} ms; as a report ${median(reportMs)} ms`,
  );
}
