import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpProblem } from './problem.js';

const WINDOW_MS = 60_000;

/**
 * `perMinute` requests a minute per key, counted in this instance's memory (express-rate-limit's
 * MemoryStore). Over the limit: 429 problem+json with Retry-After, the seconds to the window's
 * reset from the `rateLimit` info express-rate-limit puts on the request. Its RateLimit headers
 * are off: on every response they would cost two sha256 and four header writes on the hot path.
 */
function limiter(perMinute: number, what: string, key?: (req: Parameters<RequestHandler>[0]) => string): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: false,
    legacyHeaders: false,
    ...(key ? { keyGenerator: key } : {}),
    handler: (req, res, next) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : WINDOW_MS / 1000;
      res.set('Retry-After', String(seconds));
      next(new HttpProblem(429, 'rate-limited', 'Too many requests', `more than ${perMinute} requests a minute ${what}; try again in ${seconds} s`));
    },
  });
}

/** Before authentication: per client address (behind a proxy, set TRUST_PROXY so it is the client's). */
export function perAddressLimit(perMinute: number): RequestHandler | undefined {
  return perMinute > 0 ? limiter(perMinute, 'from this address') : undefined;
}

/** After authentication: per credential (an API token, an OIDC subject). */
export function perCredentialLimit(perMinute: number): RequestHandler | undefined {
  return perMinute > 0 ? limiter(perMinute, 'with this token', (req) => req.credential ?? 'anonymous') : undefined;
}
