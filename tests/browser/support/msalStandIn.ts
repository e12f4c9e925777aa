/**
 * A stand-in for MSAL's nested app authentication in the page: the real one needs Office's broker.
 * It is installed where the pane obtains MSAL (`__bcMsalStandIn`, see addin/taskpane/auth/entraSignIn.ts)
 * before the pane's scripts run, and answers as MSAL does — a token, an InteractionRequiredAuthError,
 * or a BrowserAuthError/ServerError with MSAL's `errorCode` and `errorMessage` — as the test script
 * says. The tokens come from the test (signed by the local issuer), through a binding to Node.
 */
import type { BrowserContext } from 'playwright-core';

export type SilentAnswer = 'token' | 'interaction-required' | 'server-error';
export type PopupAnswer = 'token' | 'cancelled';

export interface StandInScript {
  silent: SilentAnswer;
  popup: PopupAnswer;
  /** The access token MSAL hands the pane (a fresh one each time it is asked). */
  token: () => Promise<string>;
}

export interface MsalStandIn {
  script: StandInScript;
  /** What the pane asked MSAL, in order: "create", "silent", "popup", "setActiveAccount". */
  calls: string[];
  /** The configuration the pane created MSAL with, and the scopes it asked for. */
  configuration: unknown;
  scopes: string[][];
  /** Every token handed to the pane. */
  issued: string[];
}

type Binding = (request: { call: string; detail?: unknown }) => Promise<{ answer: string; token?: string }>;

// Runs in the page before its own scripts. Plain JavaScript in a string: a function's source, as
// the test's compiler emits it, may call helpers the page does not have.
const PAGE_STAND_IN = `(() => {
  const ask = globalThis.__bcMsalScript;
  const failure = (name, errorCode, errorMessage) =>
    Object.assign(new Error(errorCode + ': ' + errorMessage), { name, errorCode, errorMessage });
  globalThis.__bcMsalStandIn = async (configuration) => {
    await ask({ call: 'create', detail: configuration });
    let account = null;
    return {
      getActiveAccount: () => account,
      getAllAccounts: () => (account ? [account] : []),
      setActiveAccount: (next) => {
        account = next;
        void ask({ call: 'setActiveAccount' });
      },
      acquireTokenSilent: async (request) => {
        const reply = await ask({ call: 'silent', detail: request.scopes });
        if (reply.answer === 'token') return { accessToken: reply.token, account };
        if (reply.answer === 'interaction-required') {
          throw failure('InteractionRequiredAuthError', 'interaction_required', 'AADSTS50058: A silent sign-in request was sent but no user is signed in.');
        }
        throw failure(
          'ServerError',
          'invalid_client',
          "AADSTS700016: Application with identifier '00000000-0000-4000-8000-00000000c0de' was not found in the directory 'City'. Trace ID: 5e1c Correlation ID: 9a7b Timestamp: 2026-12-01 10:00:00Z",
        );
      },
      acquireTokenPopup: async (request) => {
        const reply = await ask({ call: 'popup', detail: request.scopes });
        if (reply.answer === 'token') return { accessToken: reply.token, account: { homeAccountId: 'ana', username: 'signed-in-user' } };
        throw failure('BrowserAuthError', 'user_cancelled', 'User cancelled the flow.');
      },
    };
  };
})();`;

/** Installs the stand-in in every page of the context; the test changes `script` between steps. */
export async function installMsalStandIn(context: BrowserContext, script: StandInScript): Promise<MsalStandIn> {
  const standIn: MsalStandIn = { script, calls: [], configuration: undefined, scopes: [], issued: [] };
  const answer: Binding = async ({ call, detail }) => {
    standIn.calls.push(call);
    if (call === 'create') standIn.configuration = detail;
    if (call !== 'silent' && call !== 'popup') return { answer: 'ok' };
    standIn.scopes.push(detail as string[]);
    const reply: string = call === 'silent' ? standIn.script.silent : standIn.script.popup;
    if (reply !== 'token') return { answer: reply };
    const token = await standIn.script.token();
    standIn.issued.push(token);
    return { answer: 'token', token };
  };
  await context.exposeFunction('__bcMsalScript', answer);
  await context.addInitScript({ content: PAGE_STAND_IN });
  return standIn;
}
