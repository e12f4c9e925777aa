import { useState } from 'react';
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { holdConnection, normaliseBaseUrl, saveConnection, forgetConnection, type ServerConnection } from '../../runtime/connection.js';
import { entraAccessToken, entraConfig, forgetEntraSession } from '../auth/entraSignIn.js';
import { ApiClient } from '../api/client.js';
import type { Me } from '../api/types.js';
import { ErrorBar } from './ErrorBar.js';
import { IdentityCard } from './IdentityCard.js';
import { useTask } from './useTask.js';

export interface ConnectPanelProps {
  me: Me | null;
  connection: ServerConnection | null;
  onConnected: (client: ApiClient, me: Me) => void;
  onSignedOut: () => void;
}

/** Server address and token; remembered once the server accepts them. */
export function ConnectPanel({ me, connection, onConnected, onSignedOut }: ConnectPanelProps) {
  const [url, setUrl] = useState(connection?.baseUrl ?? window.location.origin);
  const [token, setToken] = useState('');
  const entra = entraConfig();
  const [useToken, setUseToken] = useState(!entra);
  const task = useTask();

  const signInWithEntra = () =>
    task.run(async () => {
      if (!entra) return;
      const connection: ServerConnection = { baseUrl: normaliseBaseUrl(url), token: await entraAccessToken(entra, true) };
      const client = new ApiClient(connection);
      const who = await client.me();
      holdConnection(connection);
      onConnected(client, who);
    });

  const connect = () =>
    task.run(async () => {
      const typed: ServerConnection = { baseUrl: normaliseBaseUrl(url), token: token.trim() };
      if (!typed.token) throw new Error('Paste the API token an administrator gave you.');
      const client = new ApiClient(typed);
      const who = await client.me();
      saveConnection(typed);
      onConnected(client, who);
    });

  const signOut = () =>
    task.run(() => {
      forgetConnection();
      forgetEntraSession();
      onSignedOut();
      return Promise.resolve();
    });

  return (
    <section className="panel" aria-label="Connect">
      <ErrorBar error={task.error} onDismiss={task.clearError} />
      {me && connection ? (
        <>
          <IdentityCard me={me} serverUrl={connection.baseUrl} />
          <Button onClick={signOut} disabled={task.busy}>
            Sign out
          </Button>
        </>
      ) : (
        <>
          <Text>Connect to your organisation's costing server.</Text>
          <Field label="Server address" required>
            <Input value={url} onChange={(_, d) => setUrl(d.value)} name="server-url" />
          </Field>
          {entra ? (
            <Button appearance="primary" onClick={() => void signInWithEntra()} disabled={task.busy} data-testid="entra-sign-in">
              Sign in with your organisation's account
            </Button>
          ) : null}
          {entra && !useToken ? (
            <Button appearance="subtle" onClick={() => setUseToken(true)}>
              Use an API token instead
            </Button>
          ) : null}
          {useToken ? (
            <>
              <Field label="API token" required>
                <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} name="token" />
              </Field>
              <Button appearance={entra ? 'secondary' : 'primary'} onClick={connect} disabled={task.busy}>
                {task.busy ? 'Connecting…' : 'Connect'}
              </Button>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
