import { useEffect, useState } from 'react';
import { Tab, TabList, Text } from '@fluentui/react-components';
import type { Scenario } from '../../../shared/schemas/scenario.js';
import type { CostingResult } from '../../../shared/result.js';
import { forgetSchedules } from '../../runtime/sharedState.js';
import { loadConnection, type ServerConnection } from '../../runtime/connection.js';
import { ApiClient } from '../api/client.js';
import type { CostModel, Me, Tagged } from '../api/types.js';
import { ApprovedPanel } from '../models/ApprovedPanel.js';
import { ManagerPanel } from '../models/ManagerPanel.js';
import { SubmitPanel } from '../models/SubmitPanel.js';
import { SchedulePanel } from '../schedule/SchedulePanel.js';
import type { WorkbookPort } from '../workbook/workbookPort.js';
import { ConnectPanel } from './ConnectPanel.js';
import { CostPanel } from './CostPanel.js';
import { ErrorBar } from './ErrorBar.js';
import { StartWorkbookPanel } from './StartWorkbookPanel.js';
import { ValidatePanel } from './ValidatePanel.js';
import { ReplaceRosterPanel } from '../roster/ReplaceRosterPanel.js';
import { tabsFor, type TabId } from './tabs.js';
import { useTask } from './useTask.js';

/** The pane: tabs in React state (Office.js removes history.pushState, so no router). */
export function App({ workbook }: { workbook: WorkbookPort }) {
  const [client, setClient] = useState<ApiClient | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [tab, setTab] = useState<TabId>('connect');
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [result, setResult] = useState<CostingResult | null>(null);
  const [model, setModel] = useState<Tagged<CostModel> | null>(null);
  const startup = useTask();

  useEffect(() => {
    void startup.run(async () => {
      const remembered: ServerConnection | undefined = loadConnection();
      if (!remembered) return;
      const remembering = new ApiClient(remembered);
      setMe(await remembering.me());
      setClient(remembering);
    });
  }, [startup.run]);

  const connected = (next: ApiClient, who: Me) => {
    setClient(next);
    setMe(who);
    setTab(who.user.role === 'manager' ? 'approvals' : 'schedule');
  };
  const signedOut = () => {
    forgetSchedules();
    setClient(null);
    setMe(null);
    setModel(null);
    setTab('connect');
  };
  const validated = (next: Scenario | null) => {
    setScenario(next);
    setResult(null);
  };

  const tabs = tabsFor(me?.user.role ?? null);
  return (
    <div className="pane">
      <header className="pane-header">
        <Text as="h1" weight="semibold" size={500}>
          Bargaining Costing
        </Text>
        {me ? <Text size={200} data-testid="signed-in-as">{`${me.user.name} · ${me.user.role}`}</Text> : null}
      </header>
      <ErrorBar error={startup.error} onDismiss={startup.clearError} />
      <TabList className="tabs" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
        {tabs.map((t) => (
          <Tab key={t.id} value={t.id}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      <main>
        {tab === 'connect' || !client || !me ? (
          <ConnectPanel me={me} connection={client?.connection ?? null} onConnected={connected} onSignedOut={signedOut} />
        ) : null}
        {client && me && tab === 'schedule' ? <SchedulePanel client={client} workbook={workbook} units={me.units} /> : null}
        {client && me && tab === 'workbook' ? (
          <>
            <StartWorkbookPanel client={client} workbook={workbook} units={me.units} onStarted={() => validated(null)} />
            <ReplaceRosterPanel workbook={workbook} today={new Date().toISOString().slice(0, 10)} now={() => new Date()} onReplaced={() => validated(null)} />
            <ValidatePanel workbook={workbook} scenario={scenario} onValidated={validated} />
          </>
        ) : null}
        {client && me && tab === 'cost' ? <CostPanel workbook={workbook} scenario={scenario} result={result} onCosted={setResult} /> : null}
        {client && me && tab === 'submit' ? <SubmitPanel client={client} scenario={scenario} model={model} onModel={setModel} /> : null}
        {client && me && tab === 'approvals' ? <ManagerPanel client={client} /> : null}
        {client && me && tab === 'approved' ? <ApprovedPanel client={client} workbook={workbook} /> : null}
      </main>
    </div>
  );
}
