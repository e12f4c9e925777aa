// Every route × role × in-scope / out-of-scope unit, over real HTTP, asserting the exact status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costScenario } from '../../shared/engine/costScenario.js';
import { parseScenario } from '../../shared/scenario.js';
import { systemActor } from '../../server/services/auditTrail.js';
import { issueToken } from '../../server/services/apiTokens.js';
import { approveCostModel, createCostModel, submitCostModel, type CostModelContext } from '../../server/services/costModels.js';
import { costModelEtag } from '../../server/services/costModelView.js';
import { client } from '../server/support/http.js';
import { sampleScenario, sampleSchedule } from '../server/support/sampleScenario.js';
import { seedBasics } from '../server/support/seed.js';
import { startTestServer, type TestServer } from '../server/support/testServer.js';
import { sqliteTestDatabase, type TestDatabase } from '../server/support/testStores.js';

type RoleName = 'analyst' | 'negotiator' | 'manager' | 'admin';
const roleNames: RoleName[] = ['analyst', 'negotiator', 'manager', 'admin'];
type Scope = 'in' | 'out';

let db: TestDatabase;
let server: TestServer;
let tokens: Record<string, string>;
let models: CostModelContext;
let counter = 0;

beforeAll(async () => {
  db = await sqliteTestDatabase();
  tokens = (await seedBasics(db.store)).tokens;
  server = await startTestServer({ store: db.store, writeWorkbook: async () => Buffer.from('PK-test-workbook') });
  models = { store: db.store, costScenario, now: () => new Date() };
});
afterAll(async () => {
  await server?.close();
  await db?.dispose();
});

const creator = systemActor('matrix-setup');
async function modelIn(unitId: string, state: 'draft' | 'submitted' | 'approved') {
  const parsed = parseScenario(sampleScenario(unitId));
  if (!parsed.ok) throw new Error('bad sample');
  const m = await createCostModel(models, creator, { unitId, title: `m${++counter}`, scenario: parsed.value });
  if (state === 'draft') return m;
  await submitCostModel(models, creator, m.id, undefined);
  if (state === 'submitted') return (await db.store.getCostModel(m.id))!;
  await approveCostModel(models, systemActor('other-manager'), m.id, undefined, null);
  return (await db.store.getCostModel(m.id))!;
}

/** A state change names the revision it acts on. */
const named = (m: { id: string; revision: number }, action: string, body?: unknown): Call => ({
  method: 'POST',
  path: `/cost-models/${m.id}/${action}`,
  ...(body !== undefined ? { body } : {}),
  headers: { 'if-match': costModelEtag(m) },
});

interface Call {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface RouteCase {
  name: string;
  /** Builds the request against unit `unitId` (fresh resources for every call). */
  call(unitId: string): Promise<Call>;
  expected: Record<RoleName, Record<Scope, number>>;
}

const all = (status: number) => ({ in: status, out: status });
/** Scoped read: in scope → ok; out of scope → outStatus; admins see every unit. */
const scoped = (ok: number, outStatus: number, roles: RoleName[] = roleNames): Record<RoleName, Record<Scope, number>> =>
  Object.fromEntries(roleNames.map((r) => [r, !roles.includes(r) ? all(403) : r === 'admin' ? all(ok) : { in: ok, out: outStatus }])) as Record<
    RoleName,
    Record<Scope, number>
  >;

const routes: RouteCase[] = [
  { name: 'GET /me', call: async () => ({ method: 'GET', path: '/me' }), expected: scoped(200, 200) },
  { name: 'GET /units', call: async () => ({ method: 'GET', path: '/units' }), expected: scoped(200, 200) },
  { name: 'GET /openapi.json', call: async () => ({ method: 'GET', path: '/openapi.json' }), expected: scoped(200, 200) },
  { name: 'GET /schedules/changes', call: async () => ({ method: 'GET', path: '/schedules/changes?since=0' }), expected: scoped(200, 200) },
  {
    name: 'POST /units',
    call: async () => ({ method: 'POST', path: '/units', body: { id: `U${++counter}`, name: 'New unit' } }),
    expected: scoped(201, 201, ['admin']),
  },
  {
    name: 'GET /units/:id/schedules/current',
    call: async (u) => ({ method: 'GET', path: `/units/${u}/schedules/current?asOf=2026-01-01` }),
    expected: scoped(200, 403),
  },
  { name: 'GET /units/:id/schedules', call: async (u) => ({ method: 'GET', path: `/units/${u}/schedules` }), expected: scoped(200, 403) },
  {
    name: 'POST /units/:id/schedules/import (dry run)',
    call: async (u) => ({ method: 'POST', path: `/units/${u}/schedules/import?dryRun=true`, body: sampleSchedule(`${u}-x`, '2026-07-01') }),
    expected: scoped(200, 200, ['admin']),
  },
  {
    name: 'GET /units/:id/template',
    call: async (u) => ({ method: 'GET', path: `/units/${u}/template?asOf=2026-01-01` }),
    expected: scoped(200, 403, ['analyst', 'manager', 'admin']),
  },
  { name: 'GET /cost-models?unitId', call: async (u) => ({ method: 'GET', path: `/cost-models?unitId=${u}` }), expected: scoped(200, 403) },
  {
    name: 'POST /cost-models',
    call: async (u) => ({ method: 'POST', path: '/cost-models', body: { unitId: u, title: 'new', scenario: sampleScenario(u) } }),
    expected: scoped(201, 403, ['analyst']),
  },
  { name: 'GET /cost-models/:id', call: async (u) => ({ method: 'GET', path: `/cost-models/${(await modelIn(u, 'draft')).id}` }), expected: scoped(200, 404) },
  {
    name: 'PUT /cost-models/:id',
    call: async (u) => {
      const m = await modelIn(u, 'draft');
      return { method: 'PUT', path: `/cost-models/${m.id}`, body: { title: 'renamed' }, headers: { 'if-match': costModelEtag(m) } };
    },
    expected: scoped(200, 404, ['analyst']),
  },
  { name: 'POST /cost-models/:id/submit', call: async (u) => named(await modelIn(u, 'draft'), 'submit'), expected: scoped(200, 404, ['analyst']) },
  {
    name: 'POST /cost-models/:id/approve',
    call: async (u) => named(await modelIn(u, 'submitted'), 'approve', { comment: 'ok' }),
    expected: scoped(200, 404, ['manager']),
  },
  {
    name: 'POST /cost-models/:id/return',
    call: async (u) => named(await modelIn(u, 'submitted'), 'return', { comment: 'redo' }),
    expected: scoped(200, 404, ['manager']),
  },
  {
    name: 'POST /cost-models/:id/supersede',
    call: async (u) => named(await modelIn(u, 'approved'), 'supersede', {}),
    expected: scoped(201, 404, ['analyst']),
  },
  {
    name: 'POST /cost-models/:id/publish-schedules',
    call: async (u) => named(await modelIn(u, 'approved'), 'publish-schedules', {}),
    expected: scoped(201, 404, ['manager', 'admin']),
  },
  {
    name: 'GET /cost-models/:id/workbook.xlsx',
    call: async (u) => ({ method: 'GET', path: `/cost-models/${(await modelIn(u, 'approved')).id}/workbook.xlsx` }),
    expected: scoped(200, 404),
  },
  {
    name: 'GET /cost-models/:id/audit',
    call: async (u) => ({ method: 'GET', path: `/cost-models/${(await modelIn(u, 'draft')).id}/audit` }),
    expected: scoped(200, 404, ['manager', 'admin']),
  },
  { name: 'GET /audit?unitId', call: async (u) => ({ method: 'GET', path: `/audit?unitId=${u}` }), expected: scoped(200, 403, ['manager', 'admin']) },
  { name: 'GET /users', call: async () => ({ method: 'GET', path: '/users' }), expected: scoped(200, 200, ['admin']) },
  {
    name: 'POST /users',
    call: async (u) => ({ method: 'POST', path: '/users', body: { name: 'New person', role: 'negotiator', units: [u] } }),
    expected: scoped(201, 201, ['admin']),
  },
  {
    name: 'PATCH /users/:id',
    call: async (u) => ({ method: 'PATCH', path: '/users/analystB', body: { units: [u === 'A' ? 'B' : 'B'] } }),
    expected: scoped(200, 200, ['admin']),
  },
  { name: 'GET /users/:id/tokens', call: async () => ({ method: 'GET', path: '/users/negotiator/tokens' }), expected: scoped(200, 200, ['admin']) },
  {
    name: 'DELETE /users/:id/tokens/:tokenId',
    call: async () => {
      const issued = await issueToken(db.store, 'managerB', 'to revoke', new Date());
      return { method: 'DELETE', path: `/users/managerB/tokens/${issued.id}` };
    },
    expected: scoped(204, 204, ['admin']),
  },
  {
    name: 'POST /users/:id/tokens',
    call: async () => ({ method: 'POST', path: '/users/negotiator/tokens', body: { label: 'laptop' } }),
    expected: scoped(201, 201, ['admin']),
  },
];

describe('access: every route × role × unit scope', () => {
  const cases = routes.flatMap((route) => roleNames.flatMap((role) => (['in', 'out'] as Scope[]).map((scope) => ({ route, role, scope }))));
  it.each(cases.map((c) => [c.route.name, c.role, c.scope, c.route.expected[c.role][c.scope], c] as const))(
    '%s as %s, %s of scope → %i',
    async (_n, role, scope, expected, c) => {
      const request = await c.route.call(scope === 'in' ? 'A' : 'B');
      const reply = await client(server.url, tokens[role])(request.method, request.path, request.body, request.headers);
      expect(reply.status, reply.text.slice(0, 300)).toBe(expected);
      if (expected >= 400) {
        expect(reply.headers.get('content-type')).toContain('application/problem+json');
        expect(reply.body.status).toBe(expected);
      }
    },
  );

  it.each(routes.map((r) => [r.name, r] as const))('%s without a token → 401, with an unknown token → 401', async (_n, route) => {
    const request = await route.call('A');
    for (const token of [undefined, 'bct_not-a-real-token', 'eyJhbGciOiJub25lIn0.e30.']) {
      const reply = await client(server.url, token)(request.method, request.path, request.body, request.headers);
      expect(reply.status).toBe(401);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('a negotiator of unit A does not see unit B drafts in any list', async () => {
    await modelIn('B', 'draft');
    const reply = await client(server.url, tokens.negotiator)('GET', '/cost-models');
    expect(reply.status).toBe(200);
    expect(reply.body.costModels.length).toBeGreaterThan(0);
    expect(reply.body.costModels.every((m: { unitId: string }) => m.unitId === 'A')).toBe(true);
    const changes = await client(server.url, tokens.negotiator)('GET', '/schedules/changes');
    expect(changes.body.changes.every((c: { unitId: string }) => c.unitId === 'A')).toBe(true);
    const me = await client(server.url, tokens.negotiator)('GET', '/me');
    expect(me.body).toEqual({ user: { id: 'negotiator', name: 'User negotiator', role: 'negotiator' }, units: [{ id: 'A', name: 'Unit A' }] });
  });
});
