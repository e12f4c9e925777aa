/**
 * The server connection the analyst entered in the pane: base URL and API token. The pane and
 * the custom functions share it — the shared runtime gives them one page, one localStorage.
 */
export interface ServerConnection {
  /** The server's origin, e.g. "https://costing.city.gov" (no trailing slash). */
  baseUrl: string;
  token: string;
}

/** The localStorage key the connection is remembered under. */
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

/** The remembered connection, or undefined when the analyst has not connected yet. */
export function loadConnection(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ServerConnection | undefined {
  const text = storage?.getItem(CONNECTION_STORAGE_KEY);
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`the remembered server connection is damaged (${(error as Error).message}); connect again in the pane`, { cause: error });
  }
  const v = value as Partial<ServerConnection>;
  if (typeof v?.baseUrl !== 'string' || typeof v.token !== 'string') throw new Error('the remembered server connection is incomplete; connect again in the pane');
  return { baseUrl: v.baseUrl, token: v.token };
}

/** Remembers the connection (the pane calls this after a successful GET /me). */
export function saveConnection(connection: ServerConnection, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  if (!storage) throw new Error('this browser offers no local storage to remember the connection in');
  storage.setItem(CONNECTION_STORAGE_KEY, JSON.stringify({ baseUrl: normaliseBaseUrl(connection.baseUrl), token: connection.token }));
}

/** Forgets the connection (sign out). */
export function forgetConnection(storage: Pick<Storage, 'removeItem'> | undefined = globalThis.localStorage): void {
  storage?.removeItem(CONNECTION_STORAGE_KEY);
}
