import { useEffect, useMemo, useState } from 'react';
import { Field, Input, Select, Spinner, Text } from '@fluentui/react-components';
import type { Scenario } from '../../../shared/schemas/scenario.js';
import type { CostingResult } from '../../../shared/result.js';
import { CostRunner, SupersededError } from '../costing/costRunner.js';
import { whatIfProblem, whatIfScenario, type WhatIf } from '../costing/whatIf.js';
import { ComparisonTable } from './ComparisonTable.js';
import { ErrorBar } from './ErrorBar.js';
import { useDebounced } from './useDebounced.js';

/** A raise percent and/or date applied to one proposal, re-costed in a worker as it changes. */
export function WhatIfPanel({ scenario }: { scenario: Scenario }) {
  const runner = useMemo(() => new CostRunner(), []);
  useEffect(() => () => runner.dispose(), [runner]);
  const [whatIf, setWhatIf] = useState<WhatIf>({ proposalName: scenario.proposals[0]?.name ?? '', raisePercent: '', effective: '' });
  const settled = useDebounced(whatIf, 300);
  const [result, setResult] = useState<{ result: CostingResult; ms: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const problem = whatIfProblem(whatIf);

  // Cost once on opening, so the engine is compiled in the worker before the first change.
  useEffect(() => {
    const first = scenario.proposals[0];
    if (!first) return;
    runner.cost({ ...scenario, proposals: [first] }, () => {}, false).catch((caught: unknown) => {
      if (!(caught instanceof SupersededError)) setError(caught instanceof Error ? caught : new Error(String(caught)));
    });
  }, [scenario, runner]);

  useEffect(() => {
    if (whatIfProblem(settled) || !settled.proposalName || (settled.raisePercent.trim() === '' && settled.effective.trim() === '')) return;
    let current = true;
    setRunning(true);
    setError(null);
    const started = performance.now();
    Promise.resolve()
      .then(() => runner.cost(whatIfScenario(scenario, settled), () => {}, true))
      .then((outcome) => {
        if (current) setResult({ result: outcome.result, ms: Math.round(performance.now() - started) });
      })
      .catch((caught: unknown) => {
        if (caught instanceof SupersededError) return; // a newer what-if is running; its answer will show
        if (current) setError(caught instanceof Error ? caught : new Error(String(caught)));
      })
      .finally(() => {
        if (current) setRunning(false);
      });
    return () => {
      current = false;
    };
  }, [settled, scenario, runner]);

  if (scenario.proposals.length === 0) return null;
  return (
    <section className="panel" aria-label="What-if" data-testid="what-if">
      <Text as="h3" weight="semibold">
        What if…
      </Text>
      <ErrorBar error={error} onDismiss={() => setError(null)} />
      <Field label="Proposal">
        <Select value={whatIf.proposalName} onChange={(_, d) => setWhatIf({ ...whatIf, proposalName: d.value })} name="what-if-proposal">
          {scenario.proposals.map((p) => (
            <option key={p.name}>{p.name}</option>
          ))}
        </Select>
      </Field>
      <div className="row">
        <Field label="Raise (%)" validationMessage={problem ?? undefined} validationState={problem ? 'error' : 'none'}>
          <Input value={whatIf.raisePercent} onChange={(_, d) => setWhatIf({ ...whatIf, raisePercent: d.value })} name="what-if-percent" inputMode="decimal" placeholder="3.5" />
        </Field>
        <Field label="Effective">
          <Input type="date" value={whatIf.effective} onChange={(_, d) => setWhatIf({ ...whatIf, effective: d.value })} name="what-if-date" />
        </Field>
      </div>
      {running ? <Spinner size="tiny" label="Re-costing…" /> : null}
      {result && !running ? (
        <>
          <Text size={200} data-testid="what-if-done">
            Re-costed in {result.ms.toLocaleString('en-US')} ms.
          </Text>
          <ComparisonTable result={result.result} />
        </>
      ) : null}
    </section>
  );
}
