import { useEffect, useMemo, useState } from 'react';
import { Button, Field, ProgressBar, Text } from '@fluentui/react-components';
import type { Scenario } from '../../../shared/schemas/scenario.js';
import type { CostingResult } from '../../../shared/result.js';
import { costingSheet } from '../../../shared/workbook/costingSheet.js';
import { digestCosting } from '../../functions/costingDigest.js';
import { CostRunner } from '../costing/costRunner.js';
import { costingChartFor } from '../costing/costingChart.js';
import type { WorkbookPort } from '../workbook/workbookPort.js';
import type { ApiClient } from '../api/client.js';
import { ComparisonTable } from './ComparisonTable.js';
import { ErrorBar } from './ErrorBar.js';
import { WhatIfPanel } from './WhatIfPanel.js';
import { useTask } from './useTask.js';

export interface CostPanelProps {
  workbook: WorkbookPort;
  /** The server connection: *Download PDF* asks it to draw the council summary of the current costing. */
  client?: ApiClient;
  scenario: Scenario | null;
  result: CostingResult | null;
  onCosted: (result: CostingResult) => void;
}

type Progress = { stage: string; fraction: number | undefined } | null;

/** Costs the validated workbook in a worker, writes the Costing sheet and chart, compares proposals. */
export function CostPanel({ workbook, client, scenario, result, onCosted }: CostPanelProps) {
  const runner = useMemo(() => new CostRunner(), []);
  useEffect(() => () => runner.dispose(), [runner]);
  const [progress, setProgress] = useState<Progress>(null);
  const [took, setTook] = useState<number | null>(null);
  const task = useTask();

  const cost = () =>
    task.run(async () => {
      if (!scenario) throw new Error('Validate the workbook first: the costing uses the sheets as validated.');
      try {
        setProgress({ stage: 'Starting the costing engine', fraction: undefined });
        const outcome = await runner.cost(scenario, (stage) => setProgress({ stage, fraction: undefined }));
        setTook(outcome.milliseconds);
        const sheet = costingSheet(outcome.result, scenario, { generatedAt: new Date().toISOString() });
        setProgress({ stage: 'Writing the Costing sheet', fraction: 0 });
        await workbook.writeCosting(sheet, costingChartFor(sheet), digestCosting(outcome.result), (done, total) =>
          setProgress({ stage: `Writing the Costing sheet (${done} of ${total} rows)`, fraction: total > 0 ? done / total : 1 }),
        );
        setProgress({ stage: 'Writing the Summary and Disclosure sheets', fraction: undefined });
        await workbook.writeReportSheets(outcome.result, scenario);
        onCosted(outcome.result);
      } finally {
        setProgress(null);
      }
    });

  const downloadPdf = () =>
    task.run(async () => {
      if (!client || !scenario) return;
      const blob = await client.reportPdf('summary', scenario, Intl.DateTimeFormat().resolvedOptions().timeZone);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${scenario.unit.id}-council-summary.pdf`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    });

  return (
    <section className="panel" aria-label="Cost">
      <ErrorBar error={task.error} onDismiss={task.clearError} title="Could not cost the proposals" />
      <Button appearance="primary" onClick={cost} disabled={task.busy || !scenario}>
        Cost proposals
      </Button>
      {!scenario ? <Text>Validate the workbook to enable costing.</Text> : null}
      {progress ? (
        <Field validationMessage={progress.stage} validationState="none" data-testid="cost-progress">
          <ProgressBar value={progress.fraction} thickness="large" />
        </Field>
      ) : null}
      {result && took !== null ? (
        <Text data-testid="cost-done" data-ms={took}>
          Costed. The Costing sheet and its chart are in the workbook.
        </Text>
      ) : null}
      {result && client ? (
        <Button onClick={downloadPdf} disabled={task.busy}>
          Download PDF
        </Button>
      ) : null}
      {result ? <ComparisonTable result={result} /> : null}
      {result && scenario ? <WhatIfPanel scenario={scenario} result={result} runner={runner} /> : null}
    </section>
  );
}
