/**
 * The server connection the pane signed in with: base URL and bearer token (an API token, or an
 * access token from the organisation's Entra ID). The pane and the custom functions share it —
 * the shared runtime gives them one page. It is kept in memory and, for an API token, in the
 * pane's sessionStorage (so reopening the pane keeps it) — never in localStorage, which every page
 * of the origin, in every tab, can read; an Entra token stays in memory only.
 */
export interface ServerConnection {
  /** The server's origin, e.g. "https://costing.city.gov" (no trailing slash). */
  baseUrl: string;
  token: string;
}

/** The sessionStorage key the connection is remembered under. */
export const CONNECTION_STORAGE_KEY = 'bargaining-costing.connection';

/** Normalises a URL typed by a person: trims, drops trailing slashes; https required except for localhost. */
export function normaliseBaseUrl(input: string): string {
  const trimmed = input.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`"${input}" is not a web address; enter the server's address, like https://costing.example.gov`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    throw new Error(`the server address must start with https:// (got ${url.protocol}//)`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

const IN_MEMORY = Symbol.for('bargaining-costing.connection');
type Holder = Record<symbol, ServerConnection | undefined>;

/** Holds the connection in memory only (an Entra access token); undefined forgets it. */
export function holdConnection(connection: ServerConnection | undefined): void {
  (globalThis as unknown as Holder)[IN_MEMORY] = connection;
}

/** The connection in use, or undefined when the user has not signed in yet. */
export function loadConnection(storage: Pick<Storage, 'getItem'> | undefined = globalThis.sessionStorage): ServerConnection | undefined {
  const held = (globalThis as unknown as Holder)[IN_MEMORY];
  if (held) return held;
  const text = storage?.getItem(CONNECTION_STORAGE_KEY);
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`the remembered server connection is damaged (${(error as Error).message}); connect again in the pane`, { cause: error });
  }
  const v = value as Partial<ServerConnection>;
  if (typeof v?.baseUrl !== 'string' || typeof v.token !== 'string')
    throw new Error('the remembered server connection is incomplete; connect again in the pane');
  return { baseUrl: v.baseUrl, token: v.token };
}

/** Remembers an API-token connection for this pane session (the pane calls this after a successful GET /me). */
export function saveConnection(connection: ServerConnection, storage: Pick<Storage, 'setItem'> | undefined = globalThis.sessionStorage): void {
  if (!storage) throw new Error('this browser offers no session storage to remember the connection in');
  storage.setItem(CONNECTION_STORAGE_KEY, JSON.stringify({ baseUrl: normaliseBaseUrl(connection.baseUrl), token: connection.token }));
}

/** Forgets the connection (sign out). */
export function forgetConnection(storage: Pick<Storage, 'removeItem'> | undefined = globalThis.sessionStorage): void {
  holdConnection(undefined);
  storage?.removeItem(CONNECTION_STORAGE_KEY);
}
