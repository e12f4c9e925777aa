import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Store } from '../store/store.js';

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

/** Creates a random API token for a user; the caller shows it once. */
export async function issueToken(store: Store, userId: string, label: string, now: Date): Promise<IssuedToken> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const record = { id: randomUUID(), userId, tokenHash: hashToken(token), label, createdAt: now.toISOString() };
  await store.createToken(record);
  return { id: record.id, userId, label, token, createdAt: record.createdAt };
}
