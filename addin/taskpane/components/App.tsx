import { useEffect, useState } from 'react';
import { Button, Text } from '@fluentui/react-components';
import type { Proposal, Scenario } from '../../../shared/schemas/scenario.js';
import type { CostingResult } from '../../../shared/result.js';
import { forgetSchedules } from '../../runtime/sharedState.js';
import { holdConnection, loadConnection, type ServerConnection } from '../../runtime/connection.js';
import { entraAccessToken, entraConfig } from '../auth/entraSignIn.js';
import { ApiClient } from '../api/client.js';
import type { CostModel, Me, Tagged } from '../api/types.js';
import { ApprovedPanel } from '../models/ApprovedPanel.js';
import { ManagerPanel } from '../models/ManagerPanel.js';
import { SubmitPanel } from '../models/SubmitPanel.js';
import { ProposalBuilder } from '../proposals/ProposalBuilder.js';
import { ReplaceRosterPanel } from '../roster/ReplaceRosterPanel.js';
import { SchedulePanel } from '../schedule/SchedulePanel.js';
import type { WorkbookPort } from '../workbook/workbookPort.js';
import { ConnectPanel } from './ConnectPanel.js';
import { CostPanel } from './CostPanel.js';
import { ErrorBar } from './ErrorBar.js';
import { PaneTabs } from './PaneTabs.js';
import { StartWorkbookPanel } from './StartWorkbookPanel.js';
import { UnitPicker } from './UnitPicker.js';
import { ValidatePanel } from './ValidatePanel.js';
import { tabsFor, type TabId } from './tabs.js';
import { useTask } from './useTask.js';

/** The pane: tabs in React state (Office.js removes history.pushState, so no router). */
export function App({ workbook }: { workbook: WorkbookPort }) {
  const [client, setClient] = useState<ApiClient | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [tab, setTab] = useState<TabId>('connect');
  /** One unit for every tab. */
  const [unitId, setUnitId] = useState('');
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [result, setResult] = useState<CostingResult | null>(null);
  const [model, setModel] = useState<Tagged<CostModel> | null>(null);
  const startup = useTask();

  useEffect(() => {
    void startup.run(async () => {
      let remembered: ServerConnection | undefined = loadConnection();
      const entra = entraConfig();
      if (!remembered && entra) {
        // Inside Office the user is usually signed in already: the host gives the pane a token silently.
        const token = await entraAccessToken(entra, false).catch(() => undefined);
        if (token) {
          remembered = { baseUrl: window.location.origin, token };
          holdConnection(remembered);
        }
      }
      if (!remembered) return;
      const remembering = new ApiClient(remembered);
      const who = await remembering.me();
      setMe(who);
      setUnitId((current) => current || who.units[0]?.id || '');
      setClient(remembering);
      setTab(who.user.role === 'manager' ? 'approvals' : 'schedule');
    });
  }, [startup.run]);

  const connected = (next: ApiClient, who: Me) => {
    setClient(next);
    setMe(who);
    setUnitId(who.units[0]?.id ?? '');
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
  const proposalsWritten = (proposals: Proposal[]) => {
    if (scenario) validated({ ...scenario, proposals });
  };

  const tabs = tabsFor(me?.user.role ?? null);
  const signedIn = client !== null && me !== null;
  const showUnit = signedIn && me.units.length > 0 && (tab === 'schedule' || tab === 'workbook');
  return (
    <div className="pane">
      <header className="pane-header">
        <Text as="h1" weight="semibold" size={500}>
          Bargaining Costing
        </Text>
        {me ? (
          <Button appearance="subtle" size="small" onClick={() => setTab('connect')} data-testid="signed-in-as" aria-label={`Account: ${me.user.name}`}>
            {me.user.name}
          </Button>
        ) : null}
      </header>
      <ErrorBar error={startup.error} onDismiss={startup.clearError} title="Could not sign in" />
      <PaneTabs tabs={tabs} selected={tab} onSelect={setTab} />
      {showUnit ? <UnitPicker units={me.units} value={unitId} onChange={setUnitId} /> : null}
      <main>
        {tab === 'connect' || !signedIn ? (
          <ConnectPanel me={me} connection={client?.connection ?? null} onConnected={connected} onSignedOut={signedOut} />
        ) : null}
        {signedIn && tab === 'schedule' ? <SchedulePanel client={client} workbook={workbook} unitId={unitId} /> : null}
        {signedIn && tab === 'workbook' ? (
          <>
            <StartWorkbookPanel client={client} workbook={workbook} unitId={unitId} onStarted={() => validated(null)} />
            <ReplaceRosterPanel workbook={workbook} today={new Date().toISOString().slice(0, 10)} now={() => new Date()} onReplaced={() => validated(null)} />
            <ValidatePanel workbook={workbook} scenario={scenario} onValidated={validated} />
          </>
        ) : null}
        {signedIn && tab === 'proposals' ? <ProposalBuilder workbook={workbook} scenario={scenario} onWritten={proposalsWritten} /> : null}
        {signedIn && tab === 'cost' ? (
          <>
            <CostPanel workbook={workbook} client={client} scenario={scenario} result={result} onCosted={setResult} />
            {me.user.role === 'analyst' || me.user.role === 'admin' ? (
              <SubmitPanel client={client} scenario={scenario} model={model} onModel={setModel} />
            ) : null}
          </>
        ) : null}
        {signedIn && tab === 'approvals' ? <ManagerPanel client={client} workbook={workbook} /> : null}
        {signedIn && tab === 'approved' ? <ApprovedPanel client={client} workbook={workbook} /> : null}
      </main>
    </div>
  );
}
