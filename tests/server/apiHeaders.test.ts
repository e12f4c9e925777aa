// The API's security headers are helmet's defaults, set from a list taken once (issue 10 item 16).
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { apiHeaders } from '../../server/http/apiHeaders.js';

/** A response that records what a middleware sets. */
function recorder() {
  const headers = new Map<string, string>();
  return {
    headers,
    res: {
      setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
      removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    },
  };
}

type Middleware = (req: unknown, res: unknown, next: () => void) => void;

describe('apiHeaders', () => {
  it("sets exactly helmet's default headers, and Cache-Control: no-store, on every response", () => {
    const fromHelmet = recorder();
    (helmet() as unknown as Middleware)({}, fromHelmet.res, () => {});
    const middleware = apiHeaders() as unknown as Middleware;
    for (let i = 0; i < 2; i++) {
      const ours = recorder();
      let nextCalls = 0;
      middleware({}, ours.res, () => (nextCalls += 1));
      expect(nextCalls).toBe(1);
      expect(ours.headers).toEqual(new Map([...fromHelmet.headers, ['cache-control', 'no-store']]));
    }
    expect(fromHelmet.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(fromHelmet.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});
