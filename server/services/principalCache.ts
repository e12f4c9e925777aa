import { ExpiringCache } from './expiringCache.js';
import type { Principal } from './principal.js';

/**
 * API-token principals remembered for AUTH_CACHE_SECONDS on this instance. A revocation or a
 * change of role or units made through this instance forgets the user at once; other instances
 * see it within the TTL (docs/SERVER.md, "How fast a revocation takes effect").
 */
export class PrincipalCache {
  private readonly byTokenHash: ExpiringCache<Principal>;

  constructor(
    ttlMs: number,
    private readonly clock: () => Date,
  ) {
    this.byTokenHash = new ExpiringCache<Principal>(ttlMs);
  }

  get(tokenHash: string): Principal | undefined {
    return this.byTokenHash.get(tokenHash, this.clock().getTime());
  }

  set(tokenHash: string, principal: Principal): void {
    this.byTokenHash.set(tokenHash, principal, this.clock().getTime());
  }

  forgetUser(userId: string): void {
    this.byTokenHash.deleteWhere((p) => p.userId === userId);
  }
}
