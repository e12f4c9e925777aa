import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { ScheduleStamp } from '../../excel/scheduleStamp.js';
import { rememberSchedule } from '../../runtime/sharedState.js';
import type { ApiClient } from '../api/client.js';
import type { ScheduleVersion } from '../api/types.js';
import type { WorkbookPort } from '../workbook/workbookPort.js';
import { ErrorBar } from '../components/ErrorBar.js';
import { useTask } from '../components/useTask.js';
import { ScheduleFreshness, type Freshness } from './scheduleFreshness.js';
import { scheduleTableFor, stampFor } from './scheduleTable.js';

export interface SchedulePanelProps {
  client: ApiClient;
  workbook: WorkbookPort;
  /** The unit chosen once for every tab. */
  unitId: string;
}

/** Pulls a unit's salary schedule into a stamped table and says when the server has a newer one. */
export function SchedulePanel({ client, workbook, unitId }: SchedulePanelProps) {
  const [stamp, setStamp] = useState<ScheduleStamp | undefined>(undefined);
  const [freshness, setFreshness] = useState<Freshness>({ kind: 'unknown' });
  const task = useTask();
  /** The background check has its own error, so it never clears one the analyst has not read. */
  const watch = useTask();
  /** The unit whose background check last finished; tests wait on it so a check never races their Excel. */
  const [checkedUnit, setCheckedUnit] = useState<string | undefined>(undefined);
  const freshnessOf = useMemo(
    () => new ScheduleFreshness({ readStamp: (unit) => workbook.readScheduleStamp(unit), currentSchedule: (unit, etag) => client.currentSchedule(unit, etag) }),
    [workbook, client],
  );

  const write = useCallback(
    async (pulled: ScheduleVersion, etag: string | null) => {
      const table = scheduleTableFor(pulled);
      const next = stampFor(pulled, table, etag);
      await workbook.writeScheduleTable(table, next);
      freshnessOf.remember(next);
      // Every BARGAIN.RATE cell of this unit streams the new rates.
      rememberSchedule({ unitId: pulled.unitId, version: pulled.version, effective: pulled.effective, schedule: pulled.schedule, ...(etag ? { etag } : {}) });
      setStamp(next);
      setFreshness({ kind: 'current' });
    },
    [workbook, freshnessOf],
  );

  const pull = () =>
    task.run(async () => {
      const answer = await client.currentSchedule(unitId);
      if (!answer.modified) throw new Error('The server answered "not modified" to a request that did not ask for it.');
      await write(answer.value, answer.etag);
    });

  const check = useCallback(async () => {
    setCheckedUnit(undefined);
    await watch.run(async () => {
      const checked = await freshnessOf.check(unitId);
      setStamp(checked.stamp);
      setFreshness(checked.freshness);
    });
    setCheckedUnit(unitId);
  }, [freshnessOf, unitId, watch.run]);

  useEffect(() => {
    void check();
    const timer = window.setInterval(() => void check(), 60_000);
    return () => window.clearInterval(timer);
  }, [check]);

  const refresh = () =>
    task.run(async () => {
      if (freshness.kind !== 'newer') return;
      await write(freshness.pulled, freshness.etag);
    });

  return (
    <section className="panel" aria-label="Salary schedule" aria-busy={watch.busy || task.busy} data-checked-unit={checkedUnit}>
      <ErrorBar error={task.error} onDismiss={task.clearError} title={`Could not pull the salary schedule of ${unitId}`} />
      <ErrorBar error={watch.error} onDismiss={watch.clearError} title="Could not check the server for a newer schedule" />
      <div className="row">
        <Button appearance="primary" onClick={pull} disabled={task.busy || !unitId}>
          Pull schedule
        </Button>
        <Button onClick={check} disabled={task.busy || watch.busy || !unitId}>
          Check for updates
        </Button>
      </div>
      {stamp ? (
        <Text data-testid="schedule-stamp">
          In this workbook: schedule {stamp.scheduleId}, version {stamp.version}, effective {stamp.effective} (sheet “{stamp.sheetName}”).
        </Text>
      ) : (
        <Text>No schedule of {unitId} has been pulled into this workbook yet.</Text>
      )}
      {freshness.kind === 'current' && stamp ? <Text data-testid="schedule-current">This is the version in force on the server.</Text> : null}
      {freshness.kind === 'newer' ? (
        <MessageBar intent="info" data-testid="schedule-newer" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>A newer schedule is on the server</MessageBarTitle>
            Version {freshness.pulled.version}, effective {freshness.pulled.effective}.{' '}
            <Button size="small" onClick={refresh} disabled={task.busy}>
              Refresh in place
            </Button>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
