// OIDC: bearer JWTs verified against a local issuer's JWKS (discovered from its
// /.well-known/openid-configuration), roles and units from claims.
import { generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from './support/http.js';
import { startLocalIssuer, type LocalIssuer } from './support/localIssuer.js';
import { sampleScenario } from './support/sampleScenario.js';
import { seedBasics } from './support/seed.js';
import { startTestServer, type TestServer } from './support/testServer.js';
import { sqliteTestDatabase, type TestDatabase } from './support/testStores.js';

let db: TestDatabase;
let server: TestServer;
let local: LocalIssuer;
let issuer: string;
let signingKey: CryptoKey;
let strangerKey: CryptoKey;
let tokens: Record<string, string>;
const audience = 'api://bargaining-costing';

beforeAll(async () => {
  local = await startLocalIssuer(audience);
  issuer = local.url;
  signingKey = local.signingKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  db = await sqliteTestDatabase();
  tokens = (await seedBasics(db.store)).tokens;
  server = await startTestServer({
    store: db.store,
    config: { oidc: local.oidc },
  });
});
afterAll(async () => {
  await server?.close();
  await local?.close();
  await db?.dispose();
});

async function jwt(claims: Record<string, unknown>, options: { key?: CryptoKey; aud?: string; iss?: string; exp?: string } = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: local.keyId })
    .setIssuer(options.iss ?? issuer)
    .setAudience(options.aud ?? audience)
    .setSubject(String(claims.sub ?? 'someone'))
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '5m')
    .sign(options.key ?? signingKey);
}

describe('OIDC bearer tokens', () => {
  it('takes the role and units from the claims', async () => {
    const token = await jwt({ sub: 'jdoe', name: 'Jo Doe', roles: ['negotiator'], units: ['A'] });
    const me = await client(server.url, token)('GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: { id: 'oidc:jdoe', name: 'Jo Doe', role: 'negotiator' }, units: [{ id: 'A', name: 'Unit A' }] });
    expect((await client(server.url, token)('GET', '/units/A/schedules/current')).status).toBe(200);
    expect((await client(server.url, token)('GET', '/units/B/schedules/current')).status).toBe(403);
    expect((await client(server.url, token)('POST', '/cost-models', { unitId: 'A', title: 't', scenario: sampleScenario('A') })).status).toBe(403);
  });

  it('accepts units as a space-separated string and picks the most privileged role', async () => {
    const token = await jwt({ sub: 'mgr', roles: ['analyst', 'manager'], units: 'A B' });
    const me = await client(server.url, token)('GET', '/me');
    expect(me.body.user.role).toBe('manager');
    expect(me.body.units.map((u: { id: string }) => u.id)).toEqual(['A', 'B']);
  });

  it('records the OIDC subject as the actor of a write', async () => {
    const token = await jwt({ sub: 'ana', name: 'Ana Lyst', roles: 'analyst', units: ['A'] });
    const created = await client(server.url, token)('POST', '/cost-models', { unitId: 'A', title: 'by OIDC', scenario: sampleScenario('A') });
    expect(created.status).toBe(201);
    expect(created.body.createdBy).toBe('oidc:ana');
  });

  it.each([
    ['signed by another key', () => jwt({ sub: 'x', roles: ['admin'] }, { key: strangerKey }), "its signature does not match the identity provider's keys"],
    ['for another audience', () => jwt({ sub: 'x', roles: ['admin'] }, { aud: 'api://other' }), 'it was made for another application than this costing server'],
    [
      'from another issuer',
      () => jwt({ sub: 'x', roles: ['admin'] }, { iss: 'https://evil.example' }),
      'it comes from another organisation or identity provider',
    ],
    ['expired beyond the clock skew', () => jwt({ sub: 'x', roles: ['admin'] }, { exp: '-5m' }), 'it has expired; sign in again'],
    ['without a known role', () => jwt({ sub: 'x', roles: ['superuser'] }), "the token's roles claim names none of the roles"],
    ['not a JWT at all', async () => 'abc.def.ghi', 'it is not a sign-in token this server can read'],
  ])('refuses a token %s with 401, saying why in words', async (_what, make, words) => {
    const reply = await client(server.url, await make())('GET', '/me');
    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body.detail).toContain(`the sign-in was not accepted: ${words}`);
  });

  it('still accepts the server own API tokens next to OIDC', async () => {
    expect((await client(server.url, tokens.analyst)('GET', '/me')).body.user.id).toBe('analyst');
  });
});

describe('OIDC token lifetime (issue 10 #12)', () => {
  // A server whose clock stands still, so expiry and skew are decided by the claims alone.
  const at = new Date('2026-11-30T12:00:00Z');
  const nowSeconds = at.getTime() / 1000;
  let fixed: TestServer;
  beforeAll(async () => {
    fixed = await startTestServer({
      store: db.store,
      now: () => at,
      config: { oidc: local.oidc },
    });
  });
  afterAll(() => fixed?.close());

  function signed(claims: { iat?: number; exp?: number }): Promise<string> {
    const token = new SignJWT({ roles: ['negotiator'], units: ['A'] })
      .setProtectedHeader({ alg: 'RS256', kid: local.keyId })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('jo');
    if (claims.iat !== undefined) token.setIssuedAt(claims.iat);
    if (claims.exp !== undefined) token.setExpirationTime(claims.exp);
    return token.sign(signingKey);
  }
  const me = async (token: string) => client(fixed.url, token)('GET', '/me');

  it('refuses a token without exp', async () => {
    const reply = await me(await signed({ iat: nowSeconds - 10 }));
    expect(reply.status).toBe(401);
    expect(reply.body.detail).toContain('"exp"');
  });

  it('refuses a token that lives longer than OIDC_MAX_TOKEN_LIFETIME_SECONDS (7200 s), with or without iat', async () => {
    // iat − 10 s, exp + 2 h: 7,210 s > 7,200 s
    const long = await me(await signed({ iat: nowSeconds - 10, exp: nowSeconds + 7200 }));
    expect(long.status).toBe(401);
    expect(long.body.detail).toContain('lives 7210 s, longer than the 7200 s');
    // no iat: measured from now, 10,800 s
    expect((await me(await signed({ exp: nowSeconds + 3 * 3600 }))).status).toBe(401);
    // exactly the cap is accepted
    expect((await me(await signed({ iat: nowSeconds, exp: nowSeconds + 7200 }))).status).toBe(200);
    // an iat put in the future does not shorten it: a year-long token "issued" a minute before it ends
    const year = nowSeconds + 365 * 86400;
    const backdated = await me(await signed({ iat: year - 60, exp: year }));
    expect(backdated.status).toBe(401);
    expect(backdated.body.detail).toContain(`lives ${365 * 86400} s, longer than the 7200 s`);
  });

  it('allows 60 s of clock skew on exp and iat, not more', async () => {
    expect((await me(await signed({ iat: nowSeconds - 600, exp: nowSeconds - 30 }))).status).toBe(200);
    expect((await me(await signed({ iat: nowSeconds - 600, exp: nowSeconds - 90 }))).status).toBe(401);
    // issued 30 s "in the future" by an issuer whose clock runs ahead
    expect((await me(await signed({ iat: nowSeconds + 30, exp: nowSeconds + 600 }))).status).toBe(200);
  });
});
