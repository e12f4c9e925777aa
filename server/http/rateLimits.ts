import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpProblem } from './problem.js';

const WINDOW_MS = 60_000;

/**
 * `perMinute` requests a minute per key, counted in this instance's memory (express-rate-limit's
 * MemoryStore). Over the limit: 429 problem+json; express-rate-limit sets Retry-After (seconds to
 * the window's reset) before calling the handler (express-rate-limit source, setRetryAfterHeader).
 */
function limiter(perMinute: number, what: string, key?: (req: Parameters<RequestHandler>[0]) => string): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(key ? { keyGenerator: key } : {}),
    handler: (_req, res, next) => {
      next(new HttpProblem(429, 'rate-limited', 'Too many requests', `more than ${perMinute} requests a minute ${what}; try again after ${res.get('Retry-After') ?? 'a minute'} s`));
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
