import { useCallback, useEffect, useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Text, Textarea } from '@fluentui/react-components';
import type { ApiClient } from '../api/client.js';
import { personName, type CostModel, type CostModelSummary, type Tagged } from '../api/types.js';
import { dayText } from './dayText.js';
import { ErrorBar } from '../components/ErrorBar.js';
import { useTask } from '../components/useTask.js';
import type { WorkbookPort } from '../workbook/workbookPort.js';
import { ModelList } from './ModelList.js';
import { ModelSummary } from './ModelSummary.js';
import { openModelReadOnly } from './openReadOnly.js';
import { StateBadge } from './StateBadge.js';

/**
 * The manager's queue: submitted models, their summary, open read-only into sheets to check the
 * figures, then approve — after a confirmation, since approval cannot be undone — or return with a
 * comment.
 */
export function ManagerPanel({ client, workbook }: { client: ApiClient; workbook: WorkbookPort }) {
  const [queue, setQueue] = useState<CostModelSummary[]>([]);
  const [open, setOpen] = useState<Tagged<CostModel> | null>(null);
  const [comment, setComment] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const task = useTask();

  const load = useCallback(() => task.run(async () => setQueue(await client.listCostModels({ state: 'submitted' }))), [client, task.run]);
  useEffect(() => void load(), [load]);

  const select = (id: string) =>
    task.run(async () => {
      setOpen(await client.getCostModel(id));
      setComment('');
      setConfirming(false);
      setOpened(null);
    });

  const openInWorkbook = () =>
    task.run(async () => {
      if (open) setOpened(await openModelReadOnly(open.value, workbook));
    });

  const decide = (approve: boolean) =>
    task.run(async () => {
      if (!open) return;
      if (!approve && !comment.trim()) throw new Error('Could not return the model: say why you are returning it, so the analyst knows what to fix.');
      const decided = approve
        ? await client.approve(open.value.id, open.etag, comment.trim())
        : await client.returnModel(open.value.id, open.etag, comment.trim());
      setOpen(decided);
      setConfirming(false);
      setQueue(await client.listCostModels({ state: 'submitted' }));
    });

  const approval = open?.value.approval;
  return (
    <section className="panel" aria-label="Approvals">
      <ErrorBar error={task.error} onDismiss={task.clearError} title="Could not complete the review" />
      <div className="row">
        <Text weight="semibold">Submitted for approval</Text>
        <Button size="small" onClick={load} disabled={task.busy}>
          Refresh
        </Button>
      </div>
      <ModelList models={queue} empty="Nothing is waiting for approval." onOpen={select} actionLabel="Review" />
      {open ? (
        <div data-testid="review" className="panel">
          <Text>
            “{open.value.title}” ({open.value.unitId}) <StateBadge state={open.value.state} />
          </Text>
          <ModelSummary result={open.value.result} />
          <Button onClick={() => void openInWorkbook()} disabled={task.busy} data-testid="open-read-only">
            Open read-only in the workbook
          </Button>
          {opened ? <Text data-testid="review-opened">{opened}</Text> : null}
          {open.value.state === 'submitted' ? (
            <>
              <Field label="Comment" hint="Required to return the model; kept with the approval.">
                <Textarea value={comment} onChange={(_, d) => setComment(d.value)} name="decision-comment" />
              </Field>
              {confirming ? (
                <MessageBar intent="warning" layout="multiline" data-testid="approve-confirm">
                  <MessageBarBody>
                    <MessageBarTitle>Approve “{open.value.title}”?</MessageBarTitle>
                    Approval cannot be undone. You approve the costing above — every proposal's figures as the server computed them
                    {open.value.result ? ` for ${open.value.result.fiscalYears.join(', ')}` : ''} — for unit {open.value.unitId}
                    {comment.trim() ? `, with your comment “${comment.trim()}”` : ''}.
                  </MessageBarBody>
                  <div className="row">
                    <Button appearance="primary" onClick={() => void decide(true)} disabled={task.busy}>
                      Yes, approve
                    </Button>
                    <Button onClick={() => setConfirming(false)} disabled={task.busy}>
                      Cancel
                    </Button>
                  </div>
                </MessageBar>
              ) : (
                <div className="row">
                  <Button appearance="primary" onClick={() => setConfirming(true)} disabled={task.busy}>
                    Approve…
                  </Button>
                  <Button onClick={() => void decide(false)} disabled={task.busy}>
                    Return to analyst
                  </Button>
                </div>
              )}
            </>
          ) : null}
          {approval ? (
            <MessageBar intent="success" layout="multiline" data-testid="approved-summary">
              <MessageBarBody>
                <MessageBarTitle>Approved</MessageBarTitle>
                Approved by {personName(open.value, approval.approvedBy)} on {dayText(approval.approvedAt)}
                {approval.comment ? ` — “${approval.comment}”` : ''}. Content fingerprint {approval.contentHash.slice(0, 12)}…
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
