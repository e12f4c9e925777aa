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

/** Query parameters that carry credentials (OAuth codes, tokens sent in URLs by mistake). */
const SECRET_QUERY_PARAMETERS = ['access_token', 'token', 'code', 'id_token', 'refresh_token'];

/** A query that may name one of them (a superset, also any percent-encoded name: the parameters are then read exactly). */
const MAY_NAME_SECRET = new RegExp(`${SECRET_QUERY_PARAMETERS.join('|')}|%`, 'i');

/** A request URL as it may be logged: secret query values replaced by REDACTED. */
export function loggableUrl(url: string): string {
  const query = url.indexOf('?');
  // Most queries (?asOf=… on every pull) name no secret: they are logged without being parsed.
  if (query < 0 || !MAY_NAME_SECRET.test(url.slice(query + 1))) return url;
  const params = new URLSearchParams(url.slice(query + 1));
  let redacted = false;
  for (const name of [...params.keys()]) {
    if (SECRET_QUERY_PARAMETERS.includes(name.toLowerCase())) {
      params.set(name, 'REDACTED');
      redacted = true;
    }
  }
  return redacted ? `${url.slice(0, query)}?${params.toString()}` : url;
}
