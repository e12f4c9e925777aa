import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from './support/http.js';
import { startSeededTestServer, type TestServer } from './support/testServer.js';

let db: Awaited<ReturnType<typeof startSeededTestServer>>['db'];
let server: TestServer;
let tokens: Record<string, string>;

let running: Awaited<ReturnType<typeof startSeededTestServer>> | undefined;
beforeAll(async () => {
  running = await startSeededTestServer();
  ({ db, server, tokens } = running);
});
afterAll(() => running?.close());

describe('structured logs', () => {
  it('log every request as JSON with a request id, and never a token', async () => {
    const me = await client(server.url, tokens.admin)('GET', '/me', undefined, { 'x-request-id': 'trace-123' });
    expect(me.headers.get('x-request-id')).toBe('trace-123');
    const issued = await client(server.url, tokens.admin)('POST', '/users/negotiator/tokens', { label: 'tablet' });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^bct_/);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    await client(server.url, 'bct_wrong-token-value')('GET', '/me');
    const lines = server.logs
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const request = lines.find((l) => l.req?.id === 'trace-123');
    expect(request).toMatchObject({ level: 30, res: { statusCode: 200 }, req: { method: 'GET', url: '/api/v1/me' }, user: 'admin' });
    expect(request.req.headers).toBeUndefined();
    const all = server.logs.join('');
    for (const secret of [tokens.admin, issued.body.token, 'bct_wrong-token-value']) expect(all).not.toContain(secret);
    expect(lines.some((l) => l.res?.statusCode === 401 && l.level === 40)).toBe(true);
  });

  it('only the token hash is stored', async () => {
    const issued = await client(server.url, tokens.admin)('POST', '/users/analyst/tokens', { label: 'second' });
    const rows = await (db.store as any).db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(issued.body.token);
    expect(rows.every((r: { token_hash: string }) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    expect((await client(server.url, issued.body.token)('GET', '/me')).body.user.id).toBe('analyst');
  });
});

describe('request URLs in the log (issue 10 #13)', () => {
  it('never carry the values of access_token, token or code', async () => {
    const secrets = ['s3cr3t-access-value', 's3cr3t-token-value', 's3cr3t-oauth-code'];
    const reply = await client(server.url, tokens.negotiator)(
      'GET',
      `/me?access_token=${secrets[0]}&Token=${secrets[1]}&code=${secrets[2]}&view=full`,
      undefined,
      { 'x-request-id': 'query-secrets' },
    );
    expect(reply.status).toBe(200);
    const line = server.logs
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .find((l) => l.req?.id === 'query-secrets');
    expect(line.req.url).toBe('/api/v1/me?access_token=REDACTED&Token=REDACTED&code=REDACTED&view=full');
    for (const secret of secrets) expect(server.logs.join('')).not.toContain(secret);
  });

  it('never carry an API token sent as a request id, or after a percent-escape', async () => {
    const token = tokens.negotiator!;
    const asId = await fetch(`${server.url}/me`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': token } });
    expect(asId.status).toBe(200);
    // Not echoed: a new id instead.
    expect(asId.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    for (const path of [`/me?h=Bearer%20${token}`, `/me?x=%22${token}%22`, `/me?x=%62${token.slice(1)}`]) {
      await client(server.url, token)('GET', path);
    }
    expect(server.logs.join('')).not.toContain(token.slice(4));
  });
});

describe('user and token administration', () => {
  it('revokes a token (it stops working) and changes a role and units, audited', async () => {
    const admin = client(server.url, tokens.admin);
    const issued = await admin('POST', '/users/negotiator/tokens', { label: 'old phone' });
    expect((await client(server.url, issued.body.token)('GET', '/me')).status).toBe(200);
    const listed = await admin('GET', '/users/negotiator/tokens');
    expect(listed.body.tokens.find((t: { id: string }) => t.id === issued.body.id)).toEqual({
      id: issued.body.id,
      userId: 'negotiator',
      label: 'old phone',
      createdAt: expect.any(String),
      revokedAt: null,
    });
    expect(JSON.stringify(listed.body)).not.toContain('bct_');
    expect((await admin('DELETE', `/users/negotiator/tokens/${issued.body.id}`)).status).toBe(204);
    expect((await client(server.url, issued.body.token)('GET', '/me')).status).toBe(401);
    expect((await admin('DELETE', `/users/negotiator/tokens/${issued.body.id}`)).status).toBe(404);

    const changed = await admin('PATCH', '/users/negotiator', { role: 'manager', units: ['A', 'B'] });
    expect(changed.body).toMatchObject({ id: 'negotiator', role: 'manager', units: ['A', 'B'] });
    const me = await client(server.url, tokens.negotiator)('GET', '/me');
    expect(me.body.user.role).toBe('manager');
    expect(me.body.units.map((u: { id: string }) => u.id)).toEqual(['A', 'B']);
    expect((await admin('PATCH', '/users/negotiator', { units: ['NOPE'] })).status).toBe(400);
    expect((await admin('PATCH', '/users/nobody', { role: 'analyst' })).status).toBe(404);
    expect((await admin('PATCH', '/users/negotiator', {})).status).toBe(400);
    await admin('PATCH', '/users/negotiator', { role: 'negotiator', units: ['A'] });
    const audit = await admin('GET', '/audit');
    const actions = audit.body.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['token.created', 'token.revoked', 'user.changed']));
  });
});

describe('health and OpenAPI', () => {
  it('serves /healthz and /readyz without authentication', async () => {
    const base = server.url.replace('/api/v1', '');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready', database: 'sqlite' });
  });

  it('publishes an OpenAPI 3.1 document generated from the zod schemas', async () => {
    const reply = await client(server.url, tokens.negotiator)('GET', '/openapi.json');
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe('3.1.0');
    expect(Object.keys(reply.body.paths)).toEqual(
      expect.arrayContaining(['/cost-models/{id}/approve', '/units/{unitId}/schedules/current', '/schedules/changes']),
    );
    const scenario = reply.body.components.schemas.Scenario;
    expect(scenario.properties.roster.properties.rows.items.required).toEqual(expect.arrayContaining(['id', 'class', 'step']));
    expect(scenario.additionalProperties).toBe(false);
    expect(reply.body.components.schemas.Schedule.properties.classes.minItems).toBe(1);
  });

  it('sets helmet security headers on the API', async () => {
    const reply = await client(server.url, tokens.negotiator)('GET', '/me');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(reply.headers.get('x-powered-by')).toBeNull();
  });
});
