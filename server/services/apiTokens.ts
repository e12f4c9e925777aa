import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Store, TokenSummary } from '../store/store.js';
import { recordAudit, type SystemActor } from './auditTrail.js';
import { notFound } from './domainErrors.js';
import type { Principal } from './principal.js';
import type { PrincipalCache } from './principalCache.js';

export const TOKEN_PREFIX = 'bct_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeApiToken(token: string): boolean {
  return token.startsWith(TOKEN_PREFIX);
}

export interface IssuedToken {
  id: string;
  userId: string;
  label: string;
  /** Shown once; only its sha256 is stored. */
  token: string;
  createdAt: string;
}

/** Creates a random API token for a user; the caller shows it once. Not audited: see createApiToken. */
export async function issueToken(store: Store, userId: string, label: string, now: Date): Promise<IssuedToken> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const record = { id: randomUUID(), userId, tokenHash: hashToken(token), label, createdAt: now.toISOString() };
  await store.createToken(record);
  return { id: record.id, userId, label, token, createdAt: record.createdAt };
}

/** The user an API token belongs to, remembered in `cache`; undefined for an unknown or revoked token. */
export async function principalForApiToken(store: Store, cache: PrincipalCache, token: string): Promise<Principal | undefined> {
  const tokenHash = hashToken(token);
  const cached = cache.get(tokenHash);
  if (cached) return cached;
  const user = await store.findUserByTokenHash(tokenHash);
  if (!user) return undefined;
  const principal: Principal = { userId: user.id, name: user.name, role: user.role, unitIds: user.role === 'admin' ? 'all' : user.unitIds, via: 'token' };
  cache.set(tokenHash, principal);
  return principal;
}

/** Issues a token for an existing user and audits it, in one transaction (the API and the command line). */
export async function createApiToken(store: Store, actor: Principal | SystemActor, now: Date, userId: string, label: string): Promise<IssuedToken> {
  return store.transaction(async (tx) => {
    const user = await tx.getUser(userId);
    if (!user) throw notFound(`no user ${userId}`);
    const issued = await issueToken(tx, user.id, label, now);
    await recordAudit(tx, actor, now, { action: 'token.created', entityType: 'token', entityId: issued.id, unitId: null, detail: { user: user.id, label } });
    return issued;
  });
}

/**
 * Revokes a token and audits it, in one transaction. `principals`, when given (the server), forgets
 * the user at once on this instance.
 */
export async function revokeApiToken(
  store: Store,
  actor: Principal | SystemActor,
  now: Date,
  userId: string,
  tokenId: string,
  principals?: PrincipalCache,
): Promise<void> {
  const revoked = await store.transaction(async (tx) => {
    const done = await tx.revokeToken(userId, tokenId, now.toISOString());
    if (done) await recordAudit(tx, actor, now, { action: 'token.revoked', entityType: 'token', entityId: tokenId, unitId: null, detail: { user: userId } });
    return done;
  });
  principals?.forgetUser(userId);
  if (!revoked) throw notFound(`user ${userId} has no active token ${tokenId}`);
}

/** A user's tokens, never their secrets. */
export async function listApiTokens(store: Store, userId: string): Promise<TokenSummary[]> {
  if (!(await store.getUser(userId))) throw notFound(`no user ${userId}`);
  return store.listTokens(userId);
}
