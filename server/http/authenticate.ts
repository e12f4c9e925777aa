import type { NextFunction, RequestHandler, Request } from 'express';
import type { AppContext } from '../appContext.js';
import { hashToken, looksLikeApiToken, principalForTokenHash } from '../services/apiTokens.js';
import { forbidden } from '../services/domainErrors.js';
import type { Principal } from '../services/principal.js';
import { unauthenticated } from './problem.js';
import type { Role } from '../store/store.js';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
    /** Which credential made the request (a token's hash, an OIDC subject): the per-token rate limit's key. */
    credential?: string;
  }
}

/** Every API route: a bearer API token, or (with OIDC configured) a bearer JWT. */
export function authenticate(ctx: Pick<AppContext, 'store' | 'oidc' | 'principals'>): RequestHandler {
  const byApiToken = async (req: Request, tokenHash: string, next: NextFunction): Promise<void> => {
    const principal = await principalForTokenHash(ctx.store, ctx.principals, tokenHash);
    if (!principal) {
      req.log.debug('unknown or revoked API token');
      next(unauthenticated('the token is unknown or revoked'));
      return;
    }
    req.principal = principal;
    req.credential = tokenHash;
    next();
  };
  const byJwt = async (req: Request, token: string, next: NextFunction): Promise<void> => {
    try {
      req.principal = await ctx.oidc!.verify(token);
      req.credential = req.principal.userId;
    } catch (error) {
      const cause = (error as Error).cause;
      req.log.debug({ reason: cause instanceof Error ? cause.message : (error as Error).message }, 'bearer JWT refused');
      next(unauthenticated(`the sign-in was not accepted: ${(error as Error).message}`));
      return;
    }
    next();
  };
  return (req, _res, next) => {
    const header = req.get('authorization');
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) {
      next(unauthenticated('send Authorization: Bearer <token>'));
      return;
    }
    const token = match[1]!;
    if (looksLikeApiToken(token)) {
      const tokenHash = hashToken(token);
      // A remembered token (AUTH_CACHE_SECONDS) is answered at once, without a promise: nearly every request.
      const remembered = ctx.principals.get(tokenHash);
      if (!remembered) return byApiToken(req, tokenHash, next);
      req.principal = remembered;
      req.credential = tokenHash;
      next();
      return;
    }
    if (!ctx.oidc) {
      next(unauthenticated('the token is not an API token of this server'));
      return;
    }
    return byJwt(req, token, next);
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

/** As middleware, before a route reads its body: a caller without the role never uploads it. */
export function roleGate(allowed: readonly Role[]): RequestHandler {
  return (req, _res, next) => {
    requireRole(req, allowed);
    next();
  };
}
