// The per-address and per-token limiters' counting, with an injected clock (issue 10 item 16: a
// synchronous in-memory store behind express-rate-limit keeps the hot path cheap).
import { describe, expect, it } from 'vitest';
import { addressKey, WindowCounter } from '../../server/http/rateLimits.js';

describe('WindowCounter', () => {
  it('counts a key within its window, which starts at its first request, and starts again after', () => {
    const counter = new WindowCounter(60_000);
    expect(counter.hit('a', 1_000)).toEqual({ hits: 1, resetAt: 61_000 });
    expect(counter.hit('a', 30_000)).toEqual({ hits: 2, resetAt: 61_000 });
    expect(counter.hit('b', 30_000)).toEqual({ hits: 1, resetAt: 90_000 });
    expect(counter.hit('a', 60_999)).toEqual({ hits: 3, resetAt: 61_000 });
    expect(counter.hit('a', 61_000)).toEqual({ hits: 1, resetAt: 121_000 });
    expect(counter.hit('b', 89_999)).toEqual({ hits: 2, resetAt: 90_000 });
  });

  it('forgets ended windows (memory follows the keys of the last minute)', () => {
    const counter = new WindowCounter(60_000);
    for (let i = 0; i < 1000; i++) counter.hit(`client-${i}`, 0);
    counter.hit('late', 120_000);
    expect((counter as unknown as { windows: Map<string, unknown> }).windows.size).toBe(1);
  });
});

describe('addressKey', () => {
  it('keys IPv4 clients by address, also when a dual-stack socket reports them IPv4-mapped', () => {
    expect(addressKey('10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });

  it('keys IPv6 clients by their /56 network', () => {
    expect(addressKey('2001:db8:aa:bb01::1')).toBe(addressKey('2001:db8:aa:bbff::2'));
    expect(addressKey('2001:db8:aa:bb01::1')).not.toBe(addressKey('2001:db8:aa:cc01::1'));
    expect(addressKey(undefined)).toBe('unknown');
  });
});
