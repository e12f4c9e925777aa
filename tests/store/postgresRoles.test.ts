// Issue 10, item 5: on PostgreSQL the owner migrates and the server runs as a role with only the
// rights docs/SERVER.md grants. The test runs the SQL block from the docs, so the docs stay true.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateStore, openStore } from '../../server/store/openStore.js';
import type { Store } from '../../server/store/store.js';
import { client } from '../server/support/http.js';
import { seedBasics } from '../server/support/seed.js';
import { startTestServer, type TestServer } from '../server/support/testServer.js';
import { postgresAvailable } from '../server/support/testStores.js';
import { approvedModel } from './approvedModel.js';

const suffix = randomBytes(4).toString('hex');
const owner = `bc_owner_${suffix}`;
const app = `bc_app_${suffix}`;
const database = `bc_roles_${suffix}`;
let adminUrl: string;
let ownerUrl: string;
let appUrl: string;
let store: Store;
let server: TestServer;
let tokens: Record<string, string>;
const dataDir = mkdtempSync(join(tmpdir(), 'bc-roles-'));

async function as(url: string, statement: string): Promise<void> {
  const connection = new pg.Client({ connectionString: url });
  await connection.connect();
  try {
    await connection.query(statement);
  } finally {
    await connection.end();
  }
}

/** The fenced SQL block after the `server-role-grants` marker in docs/SERVER.md. */
function documentedGrants(): string {
  const docs = readFileSync(resolve(import.meta.dirname, '../../docs/SERVER.md'), 'utf8');
  const block = /<!-- server-role-grants[^>]*-->\s*```sql\n([\s\S]*?)```/.exec(docs)?.[1];
  if (!block) throw new Error('docs/SERVER.md has no server-role-grants SQL block');
  return block.replaceAll('costing_app', app);
}

beforeAll(async () => {
  adminUrl = postgresAvailable();
  await as(adminUrl, `CREATE ROLE ${owner} LOGIN`);
  await as(adminUrl, `CREATE ROLE ${app} LOGIN`);
  await as(adminUrl, `CREATE DATABASE ${database} OWNER ${owner}`);
  const base = new URL(adminUrl);
  const urlAs = (user: string) => `postgres://${user}@${base.host}/${database}`;
  ownerUrl = urlAs(owner);
  appUrl = urlAs(app);
  expect(await migrateStore({ dataDir, databaseUrl: ownerUrl })).toEqual(['2026-11-23-001-initial', '2026-12-01-002-integrity']);
  await as(ownerUrl, documentedGrants());
  store = openStore({ dataDir, databaseUrl: appUrl, poolSize: 5 });
  tokens = (await seedBasics(store)).tokens;
  server = await startTestServer({ store });
});

afterAll(async () => {
  await server?.close();
  await store?.close();
  await as(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await as(adminUrl, `DROP ROLE IF EXISTS ${app}`);
  await as(adminUrl, `DROP ROLE IF EXISTS ${owner}`);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the server as a least-privilege PostgreSQL role', () => {
  it('serves the whole workflow: start-up schema check, approve, publish, audit, a role change', async () => {
    expect(await migrateStore({ dataDir, databaseUrl: appUrl })).toEqual([]);
    const id = await approvedModel(server.url, tokens, 'least privilege');
    const etag = (await client(server.url, tokens.manager)('GET', `/cost-models/${id}`)).headers.get('etag')!;
    const published = await client(server.url, tokens.manager)('POST', `/cost-models/${id}/publish-schedules`, {}, { 'if-match': etag });
    expect(published.status).toBe(201);
    const audit = await client(server.url, tokens.manager)('GET', `/cost-models/${id}/audit`);
    expect(audit.body.events.map((e: { action: string }) => e.action)).toEqual([
      'cost-model.created',
      'cost-model.submitted',
      'cost-model.approved',
      'cost-model.schedules-published',
    ]);
    const changed = await client(server.url, tokens.admin)('PATCH', '/users/analyst2', { role: 'negotiator', units: ['A', 'B'] });
    expect(changed.status).toBe(200);
  });

  it('cannot truncate, delete, rewrite, disable triggers, drop or change the schema', async () => {
    const refusals: [string, RegExp][] = [
      ['TRUNCATE audit_events', /permission denied for table audit_events/],
      ['TRUNCATE cost_models CASCADE', /permission denied for table cost_models/],
      ['DELETE FROM schedule_versions', /permission denied for table schedule_versions/],
      ['UPDATE audit_events SET actor_name = $$x$$', /permission denied for table audit_events/],
      ['DELETE FROM settlement_publications', /permission denied for table settlement_publications/],
      ['ALTER TABLE cost_models DISABLE TRIGGER cost_models_approved_immutable', /must be owner of table cost_models/],
      ['DROP TABLE audit_events', /must be owner of table audit_events/],
      ['SET session_replication_role = replica', /permission denied to set parameter "session_replication_role"/],
      ['CREATE TABLE evil (x int)', /permission denied for schema public/],
      [`UPDATE cost_models SET title = 'x' WHERE state = 'approved'`, /an approved cost model never changes/],
    ];
    for (const [statement, refusal] of refusals) await expect(as(appUrl, statement), statement).rejects.toThrow(refusal);
  });

  it('a pending migration run as the server role says to migrate as the owner', async () => {
    await as(ownerUrl, `DELETE FROM kysely_migration WHERE name = '2026-12-01-002-integrity'`);
    await expect(migrateStore({ dataDir, databaseUrl: appUrl })).rejects.toThrow(
      /may not change the schema .*run `bargaining-costing migrate` with the owner's DATABASE_URL/,
    );
  });
});
