import { useEffect, useRef, useState } from 'react';
import { Field, Input, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { describeProvision } from '../../../shared/provisions/registry.js';
import { Decimal } from '../../../shared/money.js';
import type { Scenario } from '../../../shared/schemas/scenario.js';
import type { CostingResult, ProposalIncrease } from '../../../shared/result.js';
import { formatDollars } from '../costing/comparison.js';
import { SupersededError, type CostRunner } from '../costing/costRunner.js';
import { otherSide, variableFields, whatIfLines, whatIfProblem, whatIfScenario, type WhatIf } from '../costing/whatIf.js';
import { ErrorBar } from './ErrorBar.js';
import { useDebounced } from './useDebounced.js';

const difference = (a: string, b: string) => formatDollars(new Decimal(a).minus(b).toFixed(2));

/**
 * What-if at the table: any provision's percent or date varied, re-costed as it changes in the
 * worker that costed the report (its costing session kept the baseline and the proposal: a what-if
 * re-costs one costing, from the first fiscal year the change touches), compared with the original
 * proposal and with the other side's offer. Answers already computed here come back at once; a
 * failed re-costing clears the table (no stale figures beside an error).
 */
export function WhatIfPanel({ scenario, result, runner }: { scenario: Scenario; result: CostingResult; runner: CostRunner }) {
  // `percent`: the percent typed for the what-if answered (the table can still show the previous one while a new one runs).
  const answers = useRef(new Map<string, { result: ProposalIncrease; ms: number; percent: string }>());
  useEffect(() => answers.current.clear(), [scenario]);
  const first = scenario.proposals[0];
  const [whatIf, setWhatIf] = useState<WhatIf>({ proposalName: first?.name ?? '', provisionIndex: 0, raisePercent: '', effective: '' });
  const settled = useDebounced(whatIf, 250);
  const [answer, setAnswer] = useState<{ result: ProposalIncrease; ms: number; percent: string } | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  // Opened after a report costing: ask the worker for the unchanged proposals' comparison (every
  // run comes back from the report) so the what-if path is compiled and the report's leftovers are
  // collected before the first what-if, not during it. Its answer is not needed.
  useEffect(() => {
    runner.costIncrease(scenario, 'what-if').catch(() => undefined);
  }, [runner, scenario]);
  const problem = whatIfProblem(whatIf);
  const proposal = scenario.proposals.find((p) => p.name === whatIf.proposalName);
  const provision = proposal?.provisions[whatIf.provisionIndex];
  const fields = provision ? variableFields(provision) : {};

  useEffect(() => {
    if (whatIfProblem(settled) || !settled.proposalName || (settled.raisePercent.trim() === '' && settled.effective.trim() === '')) {
      setAnswer(null);
      return;
    }
    const key = JSON.stringify(settled);
    const known = answers.current.get(key);
    if (known) {
      setAnswer({ ...known, ms: 0 });
      setError(null);
      return;
    }
    let current = true;
    setRunning(true);
    setError(null);
    const started = performance.now();
    Promise.resolve()
      .then(() => runner.costIncrease(whatIfScenario(scenario, settled), 'what-if'))
      .then((outcome) => {
        const costed = outcome.result.proposals[0];
        if (!current || !costed) return;
        const next = { result: costed, ms: Math.round(performance.now() - started), percent: settled.raisePercent };
        answers.current.set(key, next);
        setAnswer(next);
      })
      .catch((caught: unknown) => {
        if (caught instanceof SupersededError) return; // a newer what-if is running; its answer will show
        if (!current) return;
        setAnswer(null);
        setError(caught instanceof Error ? caught : new Error(String(caught)));
      })
      .finally(() => {
        if (current) setRunning(false);
      });
    return () => {
      current = false;
    };
  }, [settled, scenario, runner]);

  if (!first) return null;
  const original = result.proposals.find((p) => p.name === whatIf.proposalName);
  const other = otherSide(result, whatIf.proposalName);
  const lines = answer && original && !problem ? whatIfLines(result, answer.result, original, other) : null;
  const baselineTerm = result.fiscalYears.reduce((sum, fy) => sum.plus(result.baseline[fy]?.total ?? '0'), new Decimal(0)).toFixed(2);
  return (
    <section className="panel" aria-label="What-if" data-testid="what-if">
      <Text as="h2" weight="semibold">
        What if…
      </Text>
      <ErrorBar error={error} onDismiss={() => setError(null)} title="Could not re-cost the what-if" />
      <Field label="Proposal">
        <Select
          value={whatIf.proposalName}
          onChange={(_, d) => setWhatIf({ proposalName: d.value, provisionIndex: 0, raisePercent: '', effective: '' })}
          name="what-if-proposal"
        >
          {scenario.proposals.map((p) => (
            <option key={p.name}>{p.name}</option>
          ))}
        </Select>
      </Field>
      <Field label="Provision">
        <Select
          value={String(whatIf.provisionIndex)}
          onChange={(_, d) => setWhatIf({ ...whatIf, provisionIndex: Number(d.value), raisePercent: '', effective: '' })}
          name="what-if-provision"
        >
          {(proposal?.provisions ?? []).map((p, i) => (
            <option key={`${i}-${p.type}`} value={i}>
              {describeProvision(p)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="row">
        {fields.percent ? (
          <Field label="Percent (%)" validationMessage={problem ?? undefined} validationState={problem ? 'error' : 'none'} hint="3 or 3%">
            <Input
              value={whatIf.raisePercent}
              onChange={(_, d) => setWhatIf({ ...whatIf, raisePercent: d.value })}
              name="what-if-percent"
              inputMode="decimal"
            />
          </Field>
        ) : null}
        {fields.date ? (
          <Field label="Date">
            <Input type="date" value={whatIf.effective} onChange={(_, d) => setWhatIf({ ...whatIf, effective: d.value })} name="what-if-date" />
          </Field>
        ) : null}
      </div>
      {running ? <Spinner size="tiny" label="Re-costing…" /> : null}
      {lines && answer && !running ? (
        <>
          <Text size={200} data-testid="what-if-done" data-ms={answer.ms} data-percent={answer.percent}>
            Updated.
          </Text>
          <Table size="extra-small" aria-label="What-if compared" data-testid="what-if-comparison">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Increase</TableHeaderCell>
                <TableHeaderCell>What-if</TableHeaderCell>
                <TableHeaderCell>vs. original</TableHeaderCell>
                {other ? <TableHeaderCell>vs. {other.name}</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {lines.map((line) => (
                <TableRow key={line.label}>
                  <TableCell>{line.label}</TableCell>
                  <TableCell className="figure">{formatDollars(line.whatIf)}</TableCell>
                  <TableCell className="figure">{difference(line.whatIf, line.original)}</TableCell>
                  {other && line.other !== null ? <TableCell className="figure">{difference(line.whatIf, line.other)}</TableCell> : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text size={200} data-testid="what-if-baseline">
            Baseline (status quo) over the term: {formatDollars(baselineTerm)}.
          </Text>
        </>
      ) : null}
    </section>
  );
}
