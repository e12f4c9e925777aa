import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Scenario } from '../../../shared/schemas/scenario.js';
import { INPUT_SHEETS } from '../../../shared/workbook/layout.js';
import { sheetsToScenario } from '../../../shared/workbook/sheetsToScenario.js';
import type { WorkbookIssue } from '../../../shared/workbook/workbookIssues.js';
import type { WorkbookPort } from '../workbook/workbookPort.js';
import { describeRosterSource, type RosterSource } from '../roster/rosterSource.js';
import { ErrorBar } from './ErrorBar.js';
import { IssueList } from './IssueList.js';
import { useTask } from './useTask.js';

export interface ValidatePanelProps {
  workbook: WorkbookPort;
  scenario: Scenario | null;
  onValidated: (scenario: Scenario | null) => void;
}

/** Reads the input sheets and lists every problem by cell. */
export function ValidatePanel({ workbook, scenario, onValidated }: ValidatePanelProps) {
  const [issues, setIssues] = useState<WorkbookIssue[] | null>(null);
  const [source, setSource] = useState<RosterSource | undefined>(undefined);
  const task = useTask();

  const validate = () =>
    task.run(async () => {
      const sheets = await workbook.readSheets(INPUT_SHEETS);
      setSource(await workbook.readRosterSource());
      const read = sheetsToScenario(sheets);
      if (read.ok) {
        setIssues([]);
        onValidated(read.scenario);
      } else {
        setIssues(read.issues);
        onValidated(null);
      }
    });

  const select = (issue: WorkbookIssue) => task.run(() => workbook.selectCell(issue.sheet, `${issue.column}${issue.row}`));

  return (
    <section className="panel" aria-label="Validate">
      <ErrorBar error={task.error} onDismiss={task.clearError} title="Could not read the workbook's sheets" />
      <Button appearance="primary" onClick={validate} disabled={task.busy}>
        Validate
      </Button>
      {issues && issues.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="validation-problems">
          <MessageBarBody>
            <MessageBarTitle>
              {issues.length} problem{issues.length === 1 ? '' : 's'} to fix
            </MessageBarTitle>
            Choose one to go to its cell.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {issues && issues.length > 0 ? <IssueList issues={issues} onSelect={select} /> : null}
      {issues && issues.length === 0 && scenario ? (
        <MessageBar intent="success" data-testid="validation-ok">
          <MessageBarBody>
            <MessageBarTitle>Ready to cost</MessageBarTitle>
            {scenario.roster.rows.length.toLocaleString('en-US')} roster rows from{' '}
            {source ? describeRosterSource(source) : `the Roster sheet as it stands (extract of ${scenario.roster.extractDate}; its origin was not recorded)`},{' '}
            {scenario.proposals.length} proposal{scenario.proposals.length === 1 ? '' : 's'}, schedule {scenario.schedule.id}.
            {source && source.rows !== scenario.roster.rows.length
              ? ` The Roster was edited since: it had ${source.rows.toLocaleString('en-US')} rows then.`
              : ''}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
