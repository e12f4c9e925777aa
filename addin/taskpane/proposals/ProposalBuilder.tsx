import { useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Text } from '@fluentui/react-components';
import type { Proposal, Scenario } from '../../../shared/schemas/scenario.js';
import { proposalSides } from '../../../shared/schemas/scenario.js';
import { proposalsSheet } from '../../../shared/workbook/scenarioToSheets.js';
import { SHEET } from '../../../shared/workbook/layout.js';
import { CostRunner, SupersededError } from '../costing/costRunner.js';
import { formatDollars } from '../costing/comparison.js';
import { ErrorBar } from '../components/ErrorBar.js';
import { useDebounced } from '../components/useDebounced.js';
import { useTask } from '../components/useTask.js';
import type { WorkbookPort } from '../workbook/workbookPort.js';
import {
  describeProvision,
  fieldHint,
  fieldLabel,
  inputsFromProvision,
  moveProvision,
  provisionCatalog,
  provisionFromInputs,
  type FieldInputs,
  type ProvisionType,
} from './proposalDraft.js';

export interface ProposalBuilderProps {
  workbook: WorkbookPort;
  /** The validated workbook: its proposals to start from, its roster to cost against. */
  scenario: Scenario | null;
  onWritten: (proposals: Proposal[]) => void;
}

type Editing = { type: ProvisionType; inputs: FieldInputs; index: number | null; errors: Record<string, string> };
type LiveCost = { term: string; years: { fy: string; amount: string }[] } | null;

/**
 * A proposal as a negotiator builds it at the table: provisions picked by their plain names, their
 * fields in a form (percents as 3 or 3%, dates with a date picker), the cost updating as they change,
 * reordered or removed; written to the Proposals table, which stays editable by hand.
 */
export function ProposalBuilder({ workbook, scenario, onWritten }: ProposalBuilderProps) {
  const [proposals, setProposals] = useState<Proposal[]>(() => scenario?.proposals.map((p) => ({ ...p, provisions: [...p.provisions] })) ?? []);
  const [selected, setSelected] = useState(0);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [written, setWritten] = useState(false);
  const task = useTask();
  const current = proposals[selected];

  useEffect(() => {
    if (scenario) setProposals(scenario.proposals.map((p) => ({ ...p, provisions: [...p.provisions] })));
  }, [scenario]);

  const update = (next: Proposal) => {
    setProposals(proposals.map((p, i) => (i === selected ? next : p)));
    setWritten(false);
  };

  const addProposal = () => {
    const name = `Proposal ${proposals.length + 1}`;
    setProposals([...proposals, { name, provisions: [] }]);
    setSelected(proposals.length);
    setWritten(false);
  };

  const startAdding = (type: ProvisionType) => setEditing({ type, inputs: {}, index: null, errors: {} });
  const startEditing = (index: number) => {
    const provision = current?.provisions[index];
    if (provision) setEditing({ type: provision.type, inputs: inputsFromProvision(provision), index, errors: {} });
  };

  const saveProvision = () => {
    if (!editing || !current) return;
    const draft = provisionFromInputs(editing.type, editing.inputs);
    if (!draft.provision) {
      setEditing({ ...editing, errors: draft.errors });
      return;
    }
    const provisions = [...current.provisions];
    if (editing.index === null) provisions.push(draft.provision);
    else provisions[editing.index] = draft.provision;
    update({ ...current, provisions });
    setEditing(null);
  };

  const write = () =>
    task.run(async () => {
      const names = proposals.map((p) => p.name.trim());
      if (names.some((n) => n === '')) throw new Error('Could not write the Proposals sheet: every proposal needs a name.');
      if (new Set(names.map((n) => n.toLowerCase())).size !== names.length)
        throw new Error('Could not write the Proposals sheet: two proposals have the same name.');
      await workbook.writeSheets([proposalsSheet(proposals)], { activate: SHEET.proposals });
      setWritten(true);
      onWritten(proposals);
    });

  const liveCost = useLiveCost(scenario, current ?? null);
  const catalogEntry = editing ? provisionCatalog.find((k) => k.type === editing.type) : undefined;

  return (
    <section className="panel" aria-label="Proposal builder" data-testid="proposal-builder">
      <ErrorBar error={task.error} onDismiss={task.clearError} title="Could not write the Proposals sheet" />
      <div className="row">
        <Field label="Proposal">
          <Select value={String(selected)} onChange={(_, d) => setSelected(Number(d.value))} name="builder-proposal">
            {proposals.map((p, i) => (
              <option key={`${p.name}-${i}`} value={i}>
                {p.name || '(no name)'}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={addProposal}>New proposal</Button>
      </div>
      {current ? (
        <>
          <div className="row">
            <Field label="Name" required>
              <Input value={current.name} onChange={(_, d) => update({ ...current, name: d.value })} name="proposal-name" />
            </Field>
            <Field label="Side">
              <Select
                value={current.side ?? ''}
                onChange={(_, d) => update({ ...current, ...(d.value ? { side: d.value as NonNullable<Proposal['side']> } : { side: undefined }) })}
                name="proposal-side"
              >
                <option value="">(none)</option>
                {proposalSides.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Retro pay date" hint="Empty when nothing is paid retroactively.">
              <Input
                type="date"
                value={current.retroPayDate ?? ''}
                onChange={(_, d) => update({ ...current, ...(d.value ? { retroPayDate: d.value } : { retroPayDate: undefined }) })}
                name="retro-pay-date"
              />
            </Field>
          </div>
          <ol className="provisions" aria-label={`Provisions of ${current.name}`} data-testid="provision-list">
            {current.provisions.map((p, i) => (
              <li key={`${i}-${p.type}`}>
                <Text>{describeProvision(p)}</Text>
                <span className="row">
                  <Button size="small" onClick={() => startEditing(i)} aria-label={`Change ${describeProvision(p)}`}>
                    Change
                  </Button>
                  <Button
                    size="small"
                    onClick={() => update({ ...current, provisions: moveProvision(current.provisions, i, -1) })}
                    disabled={i === 0}
                    aria-label={`Move ${describeProvision(p)} up`}
                  >
                    Up
                  </Button>
                  <Button
                    size="small"
                    onClick={() => update({ ...current, provisions: moveProvision(current.provisions, i, 1) })}
                    disabled={i === current.provisions.length - 1}
                    aria-label={`Move ${describeProvision(p)} down`}
                  >
                    Down
                  </Button>
                  <Button
                    size="small"
                    onClick={() => update({ ...current, provisions: current.provisions.filter((_, j) => j !== i) })}
                    aria-label={`Remove ${describeProvision(p)}`}
                  >
                    Remove
                  </Button>
                </span>
              </li>
            ))}
          </ol>
          {current.provisions.length === 0 ? <Text>No provisions yet: add one below.</Text> : null}
          {!editing ? (
            <Field label="Add a provision">
              <Select value="" onChange={(_, d) => d.value && startAdding(d.value as ProvisionType)} name="add-provision">
                <option value="">Choose…</option>
                {provisionCatalog.map((k) => (
                  <option key={k.type} value={k.type}>
                    {k.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          {editing && catalogEntry ? (
            <fieldset className="provision-form" data-testid="provision-form">
              <legend>{catalogEntry.name}</legend>
              {editing.errors[''] ? <Text role="alert">{editing.errors['']}</Text> : null}
              {catalogEntry.fields.map((field) => {
                const error = editing.errors[field.name];
                const value = editing.inputs[field.name];
                const set = (v: string | boolean) =>
                  setEditing({ ...editing, inputs: { ...editing.inputs, [field.name]: v }, errors: { ...editing.errors, [field.name]: '' } });
                if (field.kind === 'boolean') {
                  return <Checkbox key={field.name} label={fieldLabel(field)} checked={value === true} onChange={(_, d) => set(d.checked === true)} />;
                }
                const hint = fieldHint(field);
                return (
                  <Field
                    key={field.name}
                    label={fieldLabel(field)}
                    required={field.required}
                    validationMessage={error || undefined}
                    validationState={error ? 'error' : 'none'}
                    {...(hint ? { hint } : {})}
                  >
                    {field.kind === 'choice' ? (
                      <Select value={typeof value === 'string' ? value : ''} onChange={(_, d) => set(d.value)}>
                        <option value="">{field.required ? 'Choose…' : '(default)'}</option>
                        {(field.choices ?? []).map((c) => (
                          <option key={c} value={c}>
                            {c}
                          </option>
                        ))}
                      </Select>
                    ) : (
                      <Input
                        type={field.kind === 'date' ? 'date' : 'text'}
                        inputMode={field.kind === 'percent' || field.kind === 'decimal' || field.kind === 'int' ? 'decimal' : undefined}
                        value={typeof value === 'string' ? value : ''}
                        onChange={(_, d) => set(d.value)}
                      />
                    )}
                  </Field>
                );
              })}
              <div className="row">
                <Button appearance="primary" onClick={saveProvision}>
                  {editing.index === null ? 'Add to proposal' : 'Save change'}
                </Button>
                <Button onClick={() => setEditing(null)}>Cancel</Button>
              </div>
            </fieldset>
          ) : null}
          <LiveCostLine cost={liveCost} scenario={scenario} />
        </>
      ) : (
        <Text>No proposals yet: choose New proposal.</Text>
      )}
      <Button appearance="primary" onClick={() => void write()} disabled={task.busy || proposals.length === 0}>
        Write to the Proposals sheet
      </Button>
      {written ? (
        <MessageBar intent="success" data-testid="proposals-written">
          <MessageBarBody>
            <MessageBarTitle>Written</MessageBarTitle>
            The Proposals sheet now holds {proposals.length} proposal{proposals.length === 1 ? '' : 's'}; you can still edit it by hand.
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}

function LiveCostLine({ cost, scenario }: { cost: LiveCost | 'costing' | Error; scenario: Scenario | null }) {
  if (!scenario) return <Text data-testid="live-cost">Validate the workbook to see what this proposal costs.</Text>;
  if (cost === 'costing') return <Spinner size="tiny" label="Costing…" />;
  if (cost instanceof Error) return <Text data-testid="live-cost">Cannot cost it yet: {cost.message}</Text>;
  if (!cost) return null;
  return (
    <Text data-testid="live-cost">
      Costs {formatDollars(cost.term)} over the baseline for the term ({cost.years.map((y) => `${y.fy} ${formatDollars(y.amount)}`).join(', ')}).
    </Text>
  );
}

/** The proposal's cost, re-costed in the worker a moment after it stops changing. */
function useLiveCost(scenario: Scenario | null, proposal: Proposal | null): LiveCost | 'costing' | Error {
  const runner = useMemo(() => new CostRunner(), []);
  useEffect(() => () => runner.dispose(), [runner]);
  const settled = useDebounced(proposal, 300);
  const [cost, setCost] = useState<LiveCost | 'costing' | Error>(null);
  useEffect(() => {
    if (!scenario || !settled) return;
    let current = true;
    setCost('costing');
    runner
      .costIncrease({ ...scenario, proposals: [settled] }, 'live cost')
      .then((outcome) => {
        const p = outcome.result.proposals[0];
        if (current && p)
          setCost({ term: p.increaseTotal.total, years: outcome.result.fiscalYears.map((fy) => ({ fy, amount: p.increase[fy]?.total ?? '0' })) });
      })
      .catch((caught: unknown) => {
        if (caught instanceof SupersededError) return;
        if (current) setCost(caught instanceof Error ? caught : new Error(String(caught)));
      });
    return () => {
      current = false;
    };
  }, [scenario, settled, runner]);
  return cost;
}
