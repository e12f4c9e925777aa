import type { Principal } from './principal.js';

/**
 * API-token principals remembered for a few seconds, so a schedule pull costs one query, not
 * three. A changed role, scope or a revoked token takes effect on every instance within `ttlMs`.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(tokenHash: string, now: number): Principal | undefined {
    if (this.ttlMs <= 0) return undefined;
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.principal;
  }

  set(tokenHash: string, principal: Principal, now: number): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(tokenHash, { principal, expires: now + this.ttlMs });
  }
}
