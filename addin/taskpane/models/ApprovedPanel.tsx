import { useCallback, useEffect, useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { ApiClient } from '../api/client.js';
import type { CostModelSummary } from '../api/types.js';
import type { WorkbookPort } from '../workbook/workbookPort.js';
import { ErrorBar } from '../components/ErrorBar.js';
import { useTask } from '../components/useTask.js';
import { openModelReadOnly } from './openReadOnly.js';
import { ModelList } from './ModelList.js';

/** Approved cost models; any opens into new, protected sheets (the server's figures, not ours). */
export function ApprovedPanel({ client, workbook }: { client: ApiClient; workbook: WorkbookPort }) {
  const [models, setModels] = useState<CostModelSummary[]>([]);
  const [opened, setOpened] = useState<string | null>(null);
  const task = useTask();

  const load = useCallback(() => task.run(async () => setModels(await client.listCostModels({ state: 'approved' }))), [client, task.run]);
  useEffect(() => void load(), [load]);

  const open = (id: string) =>
    task.run(async () => {
      const { value: model } = await client.getCostModel(id);
      if (model.state !== 'approved') throw new Error(`Could not open “${model.title}”: it is ${model.state}, not approved.`);
      setOpened(await openModelReadOnly(model, workbook));
    });

  return (
    <section className="panel" aria-label="Approved models">
      <ErrorBar error={task.error} onDismiss={task.clearError} title="Could not open the approved model" />
      <div className="row">
        <Text weight="semibold">Approved cost models</Text>
        <Button size="small" onClick={load} disabled={task.busy}>
          Refresh
        </Button>
      </div>
      <ModelList models={models} empty="No approved cost models in your units yet." onOpen={open} actionLabel="Open in workbook" />
      {opened ? (
        <MessageBar intent="success" layout="multiline" data-testid="approved-opened">
          <MessageBarBody>
            <MessageBarTitle>Opened</MessageBarTitle>
            {opened}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
