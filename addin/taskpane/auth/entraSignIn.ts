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

/**
 * An access token for the costing server: silently when the host already has the user signed in
 * (the usual case inside Office), else through the host's sign-in prompt.
 */
export async function entraAccessToken(config: EntraConfig, interactive: boolean): Promise<string> {
  app ??= msalFactory()({ auth: { clientId: config.clientId, authority: config.authority }, cache: { cacheLocation: 'memoryStorage' } });
  const msal = await app;
  const request = { scopes: [config.scope] };
  try {
    const account = msal.getActiveAccount() ?? msal.getAllAccounts()[0];
    return (await msal.acquireTokenSilent(account ? { ...request, account } : request)).accessToken;
  } catch (error) {
    if (!interactive || !(error instanceof InteractionRequiredAuthError || (error as { name?: string }).name === 'InteractionRequiredAuthError')) {
      throw new Error(`Could not sign in with your organisation's account: ${(error as Error).message}`, { cause: error });
    }
  }
  try {
    const result = await msal.acquireTokenPopup(request);
    msal.setActiveAccount(result.account);
    return result.accessToken;
  } catch (error) {
    throw new Error(`Could not sign in with your organisation's account: ${(error as Error).message}`, { cause: error });
  }
}

/** Forget the MSAL instance (sign out). */
export function forgetEntraSession(): void {
  app = undefined;
}
