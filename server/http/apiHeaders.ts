import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The headers every API response starts with: helmet's defaults and `Cache-Control: no-store`
 * (everything under the API is confidential unless a route says otherwise; schedule pulls
 * revalidate). Helmet's defaults are the same on every response, so they are taken from helmet
 * once, at startup, and set with one loop per request instead of helmet's chain of a dozen
 * middlewares, which rebuilt the Content-Security-Policy text each time.
 */
export function apiHeaders(): RequestHandler {
  const headers: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    removeHeader: (name: string) => removed.push(name),
  };
  const outcome = { ran: false, error: undefined as unknown };
  (helmet() as unknown as (req: unknown, res: unknown, next: (error?: unknown) => void) => void)({}, recorder, (error?: unknown) => {
    outcome.ran = true;
    outcome.error = error;
  });
  // helmet's defaults run synchronously with no per-request values; anything else must stay helmet's.
  if (!outcome.ran || outcome.error !== undefined || headers.length === 0) throw new Error('helmet did not set its headers synchronously');
  headers.push(['Cache-Control', 'no-store']);
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
