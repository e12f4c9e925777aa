import { useCallback, useEffect, useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { Scenario } from '../../../shared/schemas/scenario.js';
import type { ApiClient } from '../api/client.js';
import { personName, type CostModel, type Tagged } from '../api/types.js';
import { dayText } from './dayText.js';
import { ErrorBar } from '../components/ErrorBar.js';
import { useTask } from '../components/useTask.js';
import { ModelSummary } from './ModelSummary.js';
import { StateBadge } from './StateBadge.js';

export interface SubmitPanelProps {
  client: ApiClient;
  scenario: Scenario | null;
  model: Tagged<CostModel> | null;
  onModel: (model: Tagged<CostModel>) => void;
}

const FOLLOW_EVERY_MS = 15_000;

/** Saves the validated workbook as a cost model, submits it, and follows its state. */
export function SubmitPanel({ client, scenario, model, onModel }: SubmitPanelProps) {
  const [title, setTitle] = useState(model?.value.title ?? (scenario ? `${scenario.unit.id} costing ${new Date().toISOString().slice(0, 10)}` : ''));
  const task = useTask();
  /** Following the state has its own error, so a poll never clears one the analyst has not read. */
  const watch = useTask();
  const state = model?.value.state;
  const editable = !model || state === 'draft' || state === 'returned';

  const submit = () =>
    task.run(async () => {
      if (!scenario) throw new Error('Validate the workbook first: the server costs the sheets as validated.');
      if (!title.trim()) throw new Error('Give the cost model a title, e.g. "POA 2026 — city offer v2".');
      const saved = model
        ? await client.updateCostModel(model.value.id, model.etag, { title: title.trim(), scenario })
        : await client.createCostModel(scenario.unit.id, title.trim(), scenario);
      onModel(saved);
      onModel(await client.submit(saved.value.id, saved.etag));
    });

  const newVersion = () =>
    task.run(async () => {
      if (!model) return;
      onModel(await client.supersede(model.value.id, model.etag));
    });

  const modelId = model?.value.id;
  const follow = useCallback(
    () =>
      watch.run(async () => {
        if (modelId) onModel(await client.getCostModel(modelId));
      }),
    [client, modelId, onModel, watch.run],
  );

  useEffect(() => {
    if (state !== 'submitted') return;
    const timer = window.setInterval(() => void follow(), FOLLOW_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [state, follow]);

  return (
    <section className="panel" aria-label="Submit for approval">
      <ErrorBar error={task.error} onDismiss={task.clearError} />
      <ErrorBar error={watch.error} onDismiss={watch.clearError} />
      <Field label="Title">
        <Input value={title} onChange={(_, d) => setTitle(d.value)} name="model-title" disabled={!editable} />
      </Field>
      <div className="row">
        <Button appearance="primary" onClick={submit} disabled={task.busy || !scenario || !editable}>
          {state === 'returned' ? 'Resubmit for approval' : 'Submit for approval'}
        </Button>
        {model ? (
          <Button onClick={follow} disabled={task.busy || watch.busy}>
            Refresh state
          </Button>
        ) : null}
        {model?.value.state === 'approved' ? (
          <Button onClick={newVersion} disabled={task.busy}>
            Start a new version
          </Button>
        ) : null}
      </div>
      {!scenario ? <Text>Validate the workbook to submit it.</Text> : null}
      {model ? (
        <>
          <Text>
            “{model.value.title}” is <StateBadge state={model.value.state} />
          </Text>
          {model.value.state === 'returned' ? (
            <MessageBar intent="warning" layout="multiline" data-testid="returned-comment">
              <MessageBarBody>
                <MessageBarTitle>Returned by the manager</MessageBarTitle>
                {model.value.returned?.comment || 'No comment.'} Fix the sheets, validate, and resubmit.
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {model.value.state === 'approved' ? (
            <MessageBar intent="success" layout="multiline" data-testid="approved-note">
              <MessageBarBody>
                <MessageBarTitle>Approved</MessageBarTitle>
                {model.value.approval
                  ? `By ${personName(model.value, model.value.approval.approvedBy)} on ${dayText(model.value.approval.approvedAt)}. ${model.value.approval.comment ?? ''} Content hash ${model.value.approval.contentHash.slice(0, 12)}…`
                  : ''}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <ModelSummary result={model.value.result} />
        </>
      ) : null}
    </section>
  );
}
