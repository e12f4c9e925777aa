import { useCallback, useEffect, useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { parseScenario } from '../../../shared/scenario.js';
import { formatIssue } from '../../../shared/issues.js';
import { costingSheet } from '../../../shared/workbook/costingSheet.js';
import { scenarioToSheets } from '../../../shared/workbook/scenarioToSheets.js';
import type { ApiClient } from '../api/client.js';
import type { CostModelSummary } from '../api/types.js';
import type { WorkbookPort } from '../workbook/workbookPort.js';
import { ErrorBar } from '../components/ErrorBar.js';
import { useTask } from '../components/useTask.js';
import { approvedCopyOf } from './approvedSheets.js';
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
      if (model.state !== 'approved') throw new Error(`“${model.title}” is ${model.state}, not approved.`);
      if (!model.result) throw new Error(`The server holds no costing for “${model.title}”.`);
      const parsed = parseScenario(model.scenario);
      if (!parsed.ok) throw new Error(`The approved scenario does not read: ${parsed.issues.map(formatIssue).join('; ')}`);
      const costing = costingSheet(model.result, parsed.value, {
        title: model.title,
        ...(model.approval
          ? {
              approval: {
                approver: model.approval.approvedBy,
                approvedAt: model.approval.approvedAt,
                contentHash: model.approval.contentHash,
                ...(model.approval.comment ? { comment: model.approval.comment } : {}),
              },
            }
          : {}),
      });
      const grids = approvedCopyOf([costing, ...scenarioToSheets(parsed.value)], model.id);
      const names = grids.map((g) => `“${g.name}”`).join(', ');
      const present = await workbook.existingSheets(grids.map((g) => g.name));
      if (present.size > 0) {
        // Approved sheets are protected and never change: show the copy already here.
        await workbook.selectCell(grids[0]!.name, 'A1');
        setOpened(`${model.title} is already in this workbook: sheets ${names}.`);
        return;
      }
      await workbook.writeSheets(grids, { protect: true, activate: grids[0]!.name });
      setOpened(`${model.title}: sheets ${names} (protected).`);
    });

  return (
    <section className="panel" aria-label="Approved models">
      <ErrorBar error={task.error} onDismiss={task.clearError} />
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
