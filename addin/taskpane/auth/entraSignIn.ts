/**
 * Sign-in with the organisation's account through nested app authentication: Office (the host)
 * brokers the token for the pane, so there is no popup or redirect inside Excel where the host
 * supports it (https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in).
 * The server already verifies such tokens (OIDC_ISSUER/OIDC_AUDIENCE). MSAL keeps its cache in
 * memory only, so no token sits where another page of the origin could read it.
 */
import { createNestablePublicClientApplication, InteractionRequiredAuthError, type IPublicClientApplication } from '@azure/msal-browser';

/** The Entra ID app registration, set at build time (see docs/ADDIN.md); absent = API tokens only. */
export interface EntraConfig {
  clientId: string;
  /** e.g. https://login.microsoftonline.com/<tenant id>, or https://login.microsoftonline.us/<tenant> in GCC High. */
  authority: string;
  /** The server's API scope, e.g. api://costing.city.gov/<client id>/access_as_user. */
  scope: string;
}

declare const __BC_ENTRA__: EntraConfig | null | undefined;

/** The app registration this build was made for, or undefined when it signs in with API tokens only. */
export function entraConfig(): EntraConfig | undefined {
  const config = typeof __BC_ENTRA__ === 'undefined' ? null : __BC_ENTRA__;
  return config && config.clientId ? config : undefined;
}

type MsalFactory = (configuration: Parameters<typeof createNestablePublicClientApplication>[0]) => Promise<IPublicClientApplication>;

/** MSAL itself, or the stand-in a browser test installs before the pane loads. */
function msalFactory(): MsalFactory {
  const standIn = (globalThis as { __bcMsalStandIn?: MsalFactory }).__bcMsalStandIn;
  return standIn ?? createNestablePublicClientApplication;
}

let app: Promise<IPublicClientApplication> | undefined;

/** MSAL's errors (AuthError and its kinds) carry a code and a message apart from each other. */
interface MsalError {
  name?: string;
  message?: string;
  errorCode?: string;
  errorMessage?: string;
}

/** MSAL's error codes (BrowserAuthErrorCodes) a person can act on, in words. */
const msalWords: Record<string, string> = {
  user_cancelled: 'the sign-in window was closed before signing in finished; select Sign in to try again',
  popup_window_error: 'the sign-in window could not open; allow pop-ups for this add-in and try again',
  empty_window_error: 'the sign-in window could not open; allow pop-ups for this add-in and try again',
  no_network_connectivity: "there is no network connection to Microsoft's sign-in; check the connection and try again",
};

/**
 * Why sign-in failed, in words: the MSAL code's words, else MSAL's own message without the code in
 * front and without Entra's trace lines ("Trace ID: … Correlation ID: … Timestamp: …").
 */
export function signInFailure(error: unknown): Error {
  const e = (error ?? {}) as MsalError;
  const words =
    (e.errorCode && msalWords[e.errorCode]) ||
    (e.errorMessage || e.message || 'the sign-in service did not answer')
      .split(/\s*Trace ID:/)[0]!
      .replace(/\s+/g, ' ')
      .trim();
  return new Error(`Could not sign in with your organisation's account: ${words}`, { cause: error });
}

function needsInteraction(error: unknown): boolean {
  return error instanceof InteractionRequiredAuthError || (error as MsalError | undefined)?.name === 'InteractionRequiredAuthError';
}

/**
 * An access token for the costing server: silently when the host already has the user signed in
 * (the usual case inside Office), else — when `interactive` — through the host's sign-in prompt,
 * as Microsoft's NAA guidance orders it (acquireTokenSilent, then acquireTokenPopup on an
 * InteractionRequiredAuthError).
 */
export async function entraAccessToken(config: EntraConfig, interactive: boolean): Promise<string> {
  app ??= msalFactory()({ auth: { clientId: config.clientId, authority: config.authority }, cache: { cacheLocation: 'memoryStorage' } });
  const msal = await app;
  const request = { scopes: [config.scope] };
  try {
    const account = msal.getActiveAccount() ?? msal.getAllAccounts()[0];
    return (await msal.acquireTokenSilent(account ? { ...request, account } : request)).accessToken;
  } catch (error) {
    if (!interactive || !needsInteraction(error)) throw signInFailure(error);
  }
  try {
    const result = await msal.acquireTokenPopup(request);
    msal.setActiveAccount(result.account);
    return result.accessToken;
  } catch (error) {
    throw signInFailure(error);
  }
}

/** Forget the MSAL instance (sign out). */
export function forgetEntraSession(): void {
  app = undefined;
}
