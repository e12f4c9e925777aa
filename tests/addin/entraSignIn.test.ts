/**
 * Sign-in through nested app authentication, with a stand-in for MSAL (the real one needs Office's
 * broker): silent first, the host's prompt only when the user must interact, memory-only cache.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { entraAccessToken, entraConfig, forgetEntraSession, signInFailure } from '../../addin/taskpane/auth/entraSignIn.js';
import { CONNECTION_STORAGE_KEY, holdConnection, loadConnection, saveConnection } from '../../addin/runtime/connection.js';

const config = { clientId: 'client-1', authority: 'https://login.microsoftonline.com/tenant-1', scope: 'api://costing.city.gov/client-1/access_as_user' };

function standIn(silent: 'ok' | 'interaction') {
  const calls: string[] = [];
  let configuration: unknown;
  const msal = {
    getActiveAccount: () => null,
    getAllAccounts: () => [],
    setActiveAccount: () => calls.push('setActiveAccount'),
    acquireTokenSilent: async (request: { scopes: string[] }) => {
      calls.push(`silent ${request.scopes.join(' ')}`);
      if (silent === 'ok') return { accessToken: 'silent-token' };
      throw Object.assign(new Error('interaction_required: AADSTS65001'), { name: 'InteractionRequiredAuthError' });
    },
    acquireTokenPopup: async () => {
      calls.push('popup');
      return { accessToken: 'prompted-token', account: { username: 'ana@city.gov' } };
    },
  };
  (globalThis as { __bcMsalStandIn?: unknown }).__bcMsalStandIn = async (c: unknown) => {
    configuration = c;
    return msal;
  };
  return { calls, configuration: () => configuration };
}

afterEach(() => {
  delete (globalThis as { __bcMsalStandIn?: unknown }).__bcMsalStandIn;
  forgetEntraSession();
  holdConnection(undefined);
});

describe('sign-in with the organisation’s account', () => {
  it('is off in a build without an app registration', () => {
    expect(entraConfig()).toBeUndefined();
  });

  it('gets the token silently from the host, with a memory-only cache', async () => {
    const msal = standIn('ok');
    expect(await entraAccessToken(config, true)).toBe('silent-token');
    expect(msal.calls).toEqual(['silent api://costing.city.gov/client-1/access_as_user']);
    expect(msal.configuration()).toEqual({
      auth: { clientId: 'client-1', authority: 'https://login.microsoftonline.com/tenant-1' },
      cache: { cacheLocation: 'memoryStorage' },
    });
  });

  it('prompts only when the user must interact, and never when the pane starts by itself', async () => {
    const msal = standIn('interaction');
    await expect(entraAccessToken(config, false)).rejects.toThrow(/^Could not sign in with your organisation's account: interaction_required/);
    expect(msal.calls).toEqual(['silent api://costing.city.gov/client-1/access_as_user']);
    expect(await entraAccessToken(config, true)).toBe('prompted-token');
    expect(msal.calls.slice(1)).toEqual(['silent api://costing.city.gov/client-1/access_as_user', 'popup', 'setActiveAccount']);
  });

  it("says why sign-in failed in words: the closed prompt, or Entra's sentence without MSAL's code and trace lines", () => {
    const cancelled = Object.assign(new Error('user_cancelled: User cancelled the flow.'), {
      errorCode: 'user_cancelled',
      errorMessage: 'User cancelled the flow.',
    });
    expect(signInFailure(cancelled).message).toBe(
      "Could not sign in with your organisation's account: the sign-in window was closed before signing in finished; select Sign in to try again",
    );
    const refused = Object.assign(new Error('invalid_client: AADSTS700016: …'), {
      errorCode: 'invalid_client',
      errorMessage:
        "AADSTS700016: Application with identifier 'c0de' was not found in the directory 'City'.\r\nTrace ID: 5e1c\r\nCorrelation ID: 9a7b\r\nTimestamp: 2026-12-01 10:00:00Z",
    });
    expect(signInFailure(refused).message).toBe(
      "Could not sign in with your organisation's account: AADSTS700016: Application with identifier 'c0de' was not found in the directory 'City'.",
    );
    expect(signInFailure(refused).cause).toBe(refused);
    expect(signInFailure(undefined).message).toBe("Could not sign in with your organisation's account: the sign-in service did not answer");
  });

  it('keeps an Entra token in memory only, and an API token in session storage, never local storage', () => {
    const session = new Map<string, string>();
    const store = { getItem: (k: string) => session.get(k) ?? null, setItem: (k: string, v: string) => void session.set(k, v) };
    holdConnection({ baseUrl: 'https://costing.city.gov', token: 'entra-token' });
    expect(loadConnection(store)).toEqual({ baseUrl: 'https://costing.city.gov', token: 'entra-token' });
    expect(session.size).toBe(0);
    holdConnection(undefined);
    saveConnection({ baseUrl: 'https://costing.city.gov', token: 'api-token' }, store);
    expect(session.get(CONNECTION_STORAGE_KEY)).toContain('api-token');
    expect(loadConnection(store)?.token).toBe('api-token');
  });
});
