import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { parseScenario } from '../../../shared/scenario.js';
import { formatIssue } from '../../../shared/issues.js';
import { INPUT_SHEETS, SHEET } from '../../../shared/workbook/layout.js';
import { scenarioToSheets } from '../../../shared/workbook/scenarioToSheets.js';
import type { ApiClient } from '../api/client.js';
import type { WorkbookPort } from '../workbook/workbookPort.js';
import { describeRosterSource, type RosterSource } from '../roster/rosterSource.js';
import { ErrorBar } from './ErrorBar.js';
import { useTask } from './useTask.js';

export interface StartWorkbookPanelProps {
  client: ApiClient;
  workbook: WorkbookPort;
  /** The unit chosen once for every tab. */
  unitId: string;
  onStarted: (unitId: string, roster: RosterSource) => void;
}

/** Lays out Schedule, Roster, Assumptions and Proposals from the unit's template. */
export function StartWorkbookPanel({ client, workbook, unitId, onStarted }: StartWorkbookPanelProps) {
  const [overwrite, setOverwrite] = useState<string[] | null>(null);
  const [started, setStarted] = useState<{ unitId: string; roster: RosterSource } | null>(null);
  const task = useTask();

  const write = async () => {
    const template = await client.template(unitId);
    const parsed = parseScenario(template);
    if (!parsed.ok) throw new Error(`The server's template for ${unitId} is not a valid scenario: ${parsed.issues.map(formatIssue).join('; ')}`);
    await workbook.writeSheets(scenarioToSheets(parsed.value), { activate: SHEET.roster });
    const roster: RosterSource = { kind: 'server', unitId, extractDate: parsed.value.roster.extractDate, rows: parsed.value.roster.rows.length };
    await workbook.saveRosterSource(roster);
    setOverwrite(null);
    setStarted({ unitId, roster });
    onStarted(unitId, roster);
  };

  const start = () =>
    task.run(async () => {
      const present = await workbook.existingSheets(INPUT_SHEETS);
      if (present.size > 0) {
        setOverwrite([...present]);
        return;
      }
      await write();
    });

  return (
    <section className="panel" aria-label="Start a costing workbook">
      <ErrorBar error={task.error} onDismiss={task.clearError} title="Could not start the costing workbook" />
      <Button appearance="primary" onClick={start} disabled={task.busy || !unitId}>
        Start costing workbook
      </Button>
      {overwrite ? (
        <MessageBar intent="warning" layout="multiline" data-testid="overwrite-warning">
          <MessageBarBody>
            <MessageBarTitle>This workbook already has {overwrite.join(', ')}</MessageBarTitle>
            Starting again replaces those sheets with the template of {unitId}.{' '}
            <Button size="small" onClick={() => task.run(write)} disabled={task.busy}>
              Replace them
            </Button>{' '}
            <Button size="small" onClick={() => setOverwrite(null)}>
              Keep my sheets
            </Button>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {started ? (
        <MessageBar intent="success" layout="multiline" data-testid="workbook-started">
          <MessageBarBody>
            <MessageBarTitle>Costing workbook for {started.unitId} is ready</MessageBarTitle>
            The Roster holds {started.roster.rows.toLocaleString('en-US')} rows from {describeRosterSource(started.roster)}. To cost your own payroll extract,
            use Replace roster… (it replaces the whole table; do not paste over these rows). Enter the proposals on “{SHEET.proposals}”, then Validate.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Text>Creates the sheets {INPUT_SHEETS.join(', ')} in the shared layout, filled from the server's template for the unit.</Text>
      )}
    </section>
  );
}
