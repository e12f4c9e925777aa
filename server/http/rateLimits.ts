import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type ClientRateLimitInfo, type Options, type Store } from 'express-rate-limit';
import { HttpProblem } from './problem.js';

const WINDOW_MS = 60_000;

/**
 * Requests counted per key in fixed windows of `windowMs`, each key's window starting at its first
 * request (express-rate-limit's MemoryStore semantics), in this instance's memory, on an injected
 * clock. Synchronous and allocation-free on a hit: it runs on every API request, before the route.
 * Windows that ended are swept once a window, so memory follows the keys seen in the last minute.
 */
export class WindowCounter {
  private readonly windows = new Map<string, { hits: number; resetAt: number }>();
  private nextSweep = 0;

  constructor(private readonly windowMs: number) {}

  /** Counts a request; its window's hits so far (this one included) and when the window ends. */
  hit(key: string, now: number): { hits: number; resetAt: number } {
    if (now >= this.nextSweep) {
      for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
      this.nextSweep = now + this.windowMs;
    }
    let window = this.windows.get(key);
    if (window === undefined || window.resetAt <= now) {
      window = { hits: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.hits += 1;
    return window;
  }

  /** Takes back a counted request (express-rate-limit's skipFailedRequests and the like). */
  unhit(key: string): void {
    const window = this.windows.get(key);
    if (window !== undefined && window.hits > 0) window.hits -= 1;
  }

  forget(key: string): void {
    this.windows.delete(key);
  }
}

/**
 * express-rate-limit's store interface over a WindowCounter: answers synchronously (the library
 * awaits a plain value as cheaply as it can) and reads the injected clock, so tests can move time.
 */
class WindowStore implements Store {
  readonly localKeys = true;
  private counter = new WindowCounter(WINDOW_MS);

  constructor(private readonly clock: () => number) {}

  init(options: Options): void {
    this.counter = new WindowCounter(options.windowMs);
  }

  increment(key: string): ClientRateLimitInfo {
    const window = this.counter.hit(key, this.clock());
    return { totalHits: window.hits, resetTime: new Date(window.resetAt) };
  }

  decrement(key: string): void {
    this.counter.unhit(key);
  }

  resetKey(key: string): void {
    this.counter.forget(key);
  }
}

/**
 * `perMinute` requests a minute per key (express-rate-limit, with the store above). Over the limit:
 * 429 problem+json with Retry-After, the seconds to the window's end. No RateLimit headers: on
 * every response they would cost two sha256 and four header writes on the hot path. The library's
 * validations are off: its per-request ones (proxy headers, req.ip) run only inside its default key
 * generator, which ours replace — whose client address is the app's, set by TRUST_PROXY — and its
 * start-up ones would warn that our address key reads req.ip, which addressKey does through the
 * library's own ipKeyGenerator.
 */
function limiter(perMinute: number, what: string, key: (req: Request) => string, clock: () => number): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: false,
    legacyHeaders: false,
    store: new WindowStore(clock),
    keyGenerator: key,
    validate: false,
    handler: (req, res, next) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - clock()) / 1000)) : WINDOW_MS / 1000;
      res.set('Retry-After', String(seconds));
      next(new HttpProblem(429, 'rate-limited', 'Too many requests', `more than ${perMinute} requests a minute ${what}; try again in ${seconds} s`));
    },
  });
}

const IPV4_MAPPED = /^::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

/**
 * The client's address as a rate-limit key: an IPv4 address as itself (also when a dual-stack
 * socket reports it IPv4-mapped, ::ffff:a.b.c.d — the common case, answered without parsing), an
 * IPv6 address as its /56 network (express-rate-limit's ipKeyGenerator: one subscriber's whole
 * allocation is one client).
 */
export function addressKey(ip: string | undefined): string {
  if (ip === undefined) return 'unknown';
  const mapped = IPV4_MAPPED.exec(ip);
  return mapped ? mapped[1]! : ipKeyGenerator(ip, 56);
}

/** Before authentication: per client address (behind a proxy, set TRUST_PROXY so it is the client's). */
export function perAddressLimit(perMinute: number, clock: () => number = Date.now): RequestHandler | undefined {
  return perMinute > 0 ? limiter(perMinute, 'from this address', (req) => addressKey(req.ip), clock) : undefined;
}

/** After authentication: per credential (an API token, an OIDC subject). */
export function perCredentialLimit(perMinute: number, clock: () => number = Date.now): RequestHandler | undefined {
  return perMinute > 0 ? limiter(perMinute, 'with this token', (req) => req.credential ?? 'anonymous', clock) : undefined;
}
