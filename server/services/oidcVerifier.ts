import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { roles, type Role } from '../store/store.js';
import type { Principal } from './principal.js';

export interface OidcConfig {
  issuer: string;
  audience: string;
  /** Defaults to the issuer's discovery document's jwks_uri. */
  jwksUrl?: string | undefined;
  roleClaim: string;
  unitsClaim: string;
  /** Longest accepted lifetime (exp − iat, or exp − now without iat). */
  maxTokenLifetimeSeconds: number;
  /** Leeway for exp, nbf and iat between this server's clock and the issuer's. */
  clockSkewSeconds: number;
}

/** When a claim lists several roles, the most privileged one counts. */
const rolePriority: Role[] = ['admin', 'manager', 'analyst', 'negotiator'];

export class OidcVerifier {
  private jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(
    private readonly config: OidcConfig,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Verifies signature, issuer, audience and expiry (which must be present), and that the token
   * lives no longer than the configured maximum; throws a RefusedToken (the reason in words, jose's
   * error as its cause) or a ClaimsError otherwise.
   */
  async verify(jwt: string): Promise<Principal> {
    const now = this.clock();
    const keys = await this.keySet();
    let payload: JWTPayload;
    try {
      // jose: requiredClaims makes a token without exp fail; clockTolerance applies to exp, nbf and iat
      // (https://github.com/panva/jose/blob/main/docs/jwt/verify/interfaces/JWTVerifyOptions.md).
      ({ payload } = await jwtVerify(jwt, keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        requiredClaims: ['exp'],
        clockTolerance: this.config.clockSkewSeconds,
        currentDate: now,
      }));
    } catch (error) {
      throw new RefusedToken(refusalInWords(error), { cause: error });
    }
    const exp = payload.exp!;
    // Measured from when it was issued or from now, whichever is earlier: an `iat` put in the future
    // would otherwise make a year-long token look a minute long.
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const from = typeof payload.iat === 'number' ? Math.min(payload.iat, nowSeconds) : nowSeconds;
    if (exp - from > this.config.maxTokenLifetimeSeconds) {
      throw new ClaimsError(
        `the token lives ${exp - from} s, longer than the ${this.config.maxTokenLifetimeSeconds} s this server accepts (OIDC_MAX_TOKEN_LIFETIME_SECONDS)`,
      );
    }
    return principalFromClaims(payload, this.config);
  }

  private async keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (!this.jwks) this.jwks = createRemoteJWKSet(new URL(this.config.jwksUrl ?? (await discoverJwksUri(this.config.issuer))));
    return this.jwks;
  }
}

async function discoverJwksUri(issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`OIDC discovery at ${url} answered ${response.status}`);
  const document = (await response.json()) as { jwks_uri?: unknown };
  if (typeof document.jwks_uri !== 'string') throw new Error(`OIDC discovery at ${url} has no jwks_uri`);
  return document.jwks_uri;
}

export class ClaimsError extends Error {}

/** A token that failed verification: the message says why in words a user can act on. */
export class RefusedToken extends Error {}

/** Why jose refused a token, for the person who signed in (the pane shows it); jose's own message otherwise. */
function refusalInWords(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired; sign in again';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `the token has no "${error.claim}" claim, which this server requires`;
    if (error.claim === 'aud')
      return "it was made for another application than this costing server (an administrator should check that the add-in's API scope and the server's OIDC_AUDIENCE name the same app)";
    if (error.claim === 'iss') return 'it comes from another organisation or identity provider than the one this server trusts (OIDC_ISSUER)';
    if (error.claim === 'nbf' || error.claim === 'iat') return "it is not valid yet; check this computer's clock and the server's";
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return "its signature does not match the identity provider's keys";
  }
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid || error instanceof errors.JOSEAlgNotAllowed) {
    return 'it is not a sign-in token this server can read';
  }
  return (error as Error).message;
}

function principalFromClaims(payload: JWTPayload, config: OidcConfig): Principal {
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new ClaimsError('the token has no subject');
  const claimedRoles = listClaim(payload[config.roleClaim]);
  const role = rolePriority.find((r) => claimedRoles.includes(r));
  if (!role) throw new ClaimsError(`the token's ${config.roleClaim} claim names none of the roles ${roles.join(', ')}`);
  const name = typeof payload.name === 'string' ? payload.name : typeof payload.email === 'string' ? payload.email : payload.sub;
  return {
    userId: `oidc:${payload.sub}`,
    name,
    role,
    unitIds: role === 'admin' ? 'all' : listClaim(payload[config.unitsClaim]),
    via: 'oidc',
  };
}

/** A claim given as an array of strings or as one space- or comma-separated string. */
function listClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}
