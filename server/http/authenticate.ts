import type { RequestHandler, Request } from 'express';
import type { Store } from '../store/store.js';
import { hashToken, looksLikeApiToken } from '../services/apiTokens.js';
import type { OidcVerifier } from '../services/oidcVerifier.js';
import { ExpiringCache } from '../services/expiringCache.js';
import type { Principal } from '../services/principal.js';
import { forbidden, unauthenticated } from './problem.js';
import type { Role } from '../store/store.js';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/** Every API route: a bearer API token, or (with OIDC configured) a bearer JWT. */
export function authenticate(store: Store, oidc: OidcVerifier | undefined, cacheMs: number): RequestHandler {
  const cache = new ExpiringCache<Principal>(cacheMs);
  return async (req, _res, next) => {
    const header = req.get('authorization');
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) {
      next(unauthenticated('send Authorization: Bearer <token>'));
      return;
    }
    const token = match[1]!;
    if (looksLikeApiToken(token)) {
      const tokenHash = hashToken(token);
      const now = Date.now();
      const cached = cache.get(tokenHash, now);
      if (cached) {
        req.principal = cached;
        next();
        return;
      }
      const user = await store.findUserByTokenHash(tokenHash);
      if (!user) {
        next(unauthenticated('the token is unknown or revoked'));
        return;
      }
      req.principal = { userId: user.id, name: user.name, role: user.role, unitIds: user.role === 'admin' ? 'all' : user.unitIds, via: 'token' };
      cache.set(tokenHash, req.principal, now);
      next();
      return;
    }
    if (!oidc) {
      next(unauthenticated('the token is not an API token of this server'));
      return;
    }
    try {
      req.principal = await oidc.verify(token);
    } catch (error) {
      next(unauthenticated(`the bearer JWT was not accepted: ${(error as Error).message}`));
      return;
    }
    next();
  };
}

export function principalOf(req: Request): Principal {
  if (!req.principal) throw unauthenticated('not authenticated');
  return req.principal;
}

/** The caller, who must hold one of `allowed` roles. */
export function requireRole(req: Request, allowed: readonly Role[]): Principal {
  const principal = principalOf(req);
  if (!allowed.includes(principal.role)) throw forbidden(`this needs the role ${allowed.join(' or ')}; you are ${principal.role}`);
  return principal;
}
