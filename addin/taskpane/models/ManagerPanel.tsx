import { useCallback, useEffect, useState } from 'react';
import { Button, Field, Text, Textarea } from '@fluentui/react-components';
import type { ApiClient } from '../api/client.js';
import type { CostModel, CostModelSummary, Tagged } from '../api/types.js';
import { ErrorBar } from '../components/ErrorBar.js';
import { useTask } from '../components/useTask.js';
import { ModelList } from './ModelList.js';
import { ModelSummary } from './ModelSummary.js';
import { StateBadge } from './StateBadge.js';

/** The manager's queue: submitted models, their summary, approve or return with a comment. */
export function ManagerPanel({ client }: { client: ApiClient }) {
  const [queue, setQueue] = useState<CostModelSummary[]>([]);
  const [open, setOpen] = useState<Tagged<CostModel> | null>(null);
  const [comment, setComment] = useState('');
  const task = useTask();

  const load = useCallback(() => task.run(async () => setQueue(await client.listCostModels({ state: 'submitted' }))), [client, task.run]);
  useEffect(() => void load(), [load]);

  const select = (id: string) =>
    task.run(async () => {
      setOpen(await client.getCostModel(id));
      setComment('');
    });

  const decide = (approve: boolean) =>
    task.run(async () => {
      if (!open) return;
      if (!approve && !comment.trim()) throw new Error('Say why you are returning the model, so the analyst knows what to fix.');
      const decided = approve ? await client.approve(open.value.id, open.etag, comment.trim()) : await client.returnModel(open.value.id, open.etag, comment.trim());
      setOpen(decided);
      setQueue(await client.listCostModels({ state: 'submitted' }));
    });

  return (
    <section className="panel" aria-label="Approvals">
      <ErrorBar error={task.error} onDismiss={task.clearError} />
      <div className="row">
        <Text weight="semibold">Submitted for approval</Text>
        <Button size="small" onClick={load} disabled={task.busy}>
          Refresh
        </Button>
      </div>
      <ModelList models={queue} empty="Nothing is waiting for approval." onOpen={select} actionLabel="Review" />
      {open ? (
        <div data-testid="review">
          <Text>
            “{open.value.title}” ({open.value.unitId}) <StateBadge state={open.value.state} />
          </Text>
          <ModelSummary result={open.value.result} />
          {open.value.state === 'submitted' ? (
            <>
              <Field label="Comment">
                <Textarea value={comment} onChange={(_, d) => setComment(d.value)} name="decision-comment" />
              </Field>
              <div className="row">
                <Button appearance="primary" onClick={() => decide(true)} disabled={task.busy}>
                  Approve
                </Button>
                <Button onClick={() => decide(false)} disabled={task.busy}>
                  Return to analyst
                </Button>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
