/**
 * An OIDC issuer on this machine, in place of Microsoft Entra ID: the discovery document and the JWKS
 * the server fetches its keys from, and access tokens signed with the matching private key.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { OidcConfig } from '../../../server/services/oidcVerifier.js';

/** Who signs in: the claims Entra ID puts in an access token for the costing API. */
export interface Person {
  /** The subject (Entra's per-app user id). */
  sub: string;
  /** The display name, which the pane shows. */
  name: string;
  /** The sign-in name (UPN), which the pane does not show. */
  login: string;
  roles: string[];
  units: string[];
}

export interface TokenOptions {
  /** Another `aud` than the server's OIDC_AUDIENCE. */
  audience?: string;
  /** Seconds from now; negative = expired that long ago. */
  expiresIn?: number;
}

export interface LocalIssuer {
  url: string;
  audience: string;
  /** The server's OIDC settings for this issuer. */
  oidc: OidcConfig;
  token(person: Person, options?: TokenOptions): Promise<string>;
  /** The key and key id the JWKS publishes, for tests that sign unusual tokens themselves. */
  signingKey: CryptoKey;
  keyId: string;
  close(): Promise<void>;
}

const KEY_ID = 'local-test-key';

export async function startLocalIssuer(audience: string): Promise<LocalIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' };
  let url = '';
  const server = createServer((req, res) => {
    if (req.url === '/.well-known/openid-configuration') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ issuer: url, jwks_uri: `${url}/discovery/v2.0/keys` }));
    } else if (req.url === '/discovery/v2.0/keys') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key: CryptoKey = privateKey;
  return {
    url,
    audience,
    oidc: { issuer: url, audience, roleClaim: 'roles', unitsClaim: 'units', maxTokenLifetimeSeconds: 7200, clockSkewSeconds: 60 },
    token(person, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const expiresIn = options.expiresIn ?? 3600;
      return new SignJWT({ name: person.name, preferred_username: person.login, roles: person.roles, units: person.units })
        .setProtectedHeader({ alg: 'RS256', kid: KEY_ID })
        .setIssuer(url)
        .setAudience(options.audience ?? audience)
        .setSubject(person.sub)
        .setIssuedAt(Math.min(now, now + expiresIn - 600))
        .setExpirationTime(now + expiresIn)
        .sign(key);
    },
    signingKey: key,
    keyId: KEY_ID,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
