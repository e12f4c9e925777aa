import pino, { type Logger } from 'pino';

/** Paths that may hold secrets: they never reach the log. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
];

/**
 * Structured JSON logs to stdout. Written asynchronously in batches (a request's log line must not
 * cost the request a system call); pino flushes what is buffered when the process exits.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'bargaining-costing' } },
    destination ?? pino.destination({ dest: 1, sync: false, minLength: 4096 }),
  );
}

/**
 * Query parameters that carry credentials (OAuth codes, tokens and keys sent in URLs by mistake),
 * compared by their name lowercased without punctuation or a `[]` suffix: `access_token`,
 * `accessToken`, `access_token[]` and `ACCESS-TOKEN` are one name.
 */
const SECRET_QUERY_PARAMETERS = new Set([
  'accesstoken',
  'token',
  'code',
  'idtoken',
  'refreshtoken',
  'apikey',
  'apitoken',
  'bearer',
  'authorization',
  'password',
  'secret',
  'clientsecret',
]);

/** A query that may name one of them (a superset, also any percent-encoded name: the names are then read exactly). */
const MAY_NAME_SECRET = /token|code|key|bearer|auth|pass|secret|%/i;

/**
 * This server's API tokens wherever they are in a URL — a path, a parameter of any name, after a
 * `;` or a percent-escape (`Bearer%20bct_…`, `%22bct_…`, `%2Fbct_…`) — found by their prefix
 * (apiTokens.ts: `bct_` and base64url) where it starts a word: not inside one (`abct_1`, a unit id).
 * Matched on the URL with its escaped unreserved characters decoded (unreservedDecoded), so an
 * escaped letter (`%62ct_`) hides nothing.
 */
const API_TOKEN = /(?:(?<=%[0-9a-f]{2})|(?<![\w%-]))bct_[\w.~%-]*/gi;

/**
 * `%XX` escapes of unreserved characters (letters, digits, `-._~`) decoded: RFC 3986 §2.3 makes them
 * the same URL, and the server decodes them before it reads a path or a parameter.
 */
function unreservedDecoded(url: string): string {
  if (!url.includes('%')) return url;
  return url.replace(/%([0-9a-f]{2})/gi, (escape: string, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[\w.~-]/.test(char) ? char : escape;
  });
}

function secretParameter(rawName: string): boolean {
  let name = rawName;
  try {
    name = decodeURIComponent(rawName.replace(/\+/g, ' '));
  } catch {
    // A malformed escape: compared as it came.
  }
  return SECRET_QUERY_PARAMETERS.has(
    name
      .replace(/\[.*$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, ''),
  );
}

/**
 * A request URL as it may be logged: API tokens anywhere replaced by `bct_REDACTED`, and the values
 * of secret query parameters (separated by `&` or `;`) by `REDACTED`; the rest as it came, but for
 * escaped unreserved characters, decoded (`%74oken` reads `token`).
 */
export function loggableUrl(url: string): string {
  const withoutTokens = unreservedDecoded(url).replace(API_TOKEN, 'bct_REDACTED');
  const query = withoutTokens.indexOf('?');
  // Most queries (?asOf=… on every pull) name no secret: they are logged without being split.
  if (query < 0 || !MAY_NAME_SECRET.test(withoutTokens.slice(query + 1))) return withoutTokens;
  // Separators kept at the odd indices, so the query is rebuilt as it came.
  const parts = withoutTokens.slice(query + 1).split(/([&;])/);
  for (let i = 0; i < parts.length; i += 2) {
    const equals = parts[i]!.indexOf('=');
    if (equals < 0) continue;
    const name = parts[i]!.slice(0, equals);
    if (secretParameter(name)) parts[i] = `${name}=REDACTED`;
  }
  return `${withoutTokens.slice(0, query + 1)}${parts.join('')}`;
}
