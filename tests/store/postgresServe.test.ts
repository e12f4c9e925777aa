// `serve` with DATABASE_URL=postgres://…: migrates, loads the demo city, serves from PostgreSQL.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { client } from '../server/support/http.js';
import { spawnServer, type ServerProcess } from '../server/support/serverProcess.js';
import { postgresTestDatabase, type TestDatabase } from '../server/support/testStores.js';

let db: TestDatabase | undefined;
const servers: ServerProcess[] = [];

afterAll(async () => {
  for (const s of servers) {
    if (s.child.exitCode === null) {
      s.child.kill('SIGTERM');
      await s.exited;
    }
  }
  await db?.dispose();
});

describe('serve on PostgreSQL', () => {
  it('two instances start on one database (one loads the demo), and both serve it', async () => {
    db = await postgresTestDatabase();
    await db.store.close();
    const env = { DATABASE_URL: db.location.databaseUrl!, DATA_DIR: db.location.dataDir };
    const [first, second] = await Promise.all([spawnServer(env, { demo: true }), spawnServer(env, { demo: true })]);
    servers.push(first, second);
    expect(first.output()).toContain('PostgreSQL');
    expect([first, second].filter((s) => s.output().includes('Demo data loaded'))).toHaveLength(1);
    const tokens = JSON.parse(readFileSync(`${db.location.dataDir}/demo-tokens.json`, 'utf8')).users;
    const ready = await fetch(first.url.replace('/api/v1', '/readyz'));
    expect(await ready.json()).toEqual({ status: 'ready', database: 'postgres' });
    for (const s of [first, second]) {
      const list = await client(s.url, tokens.manager.token)('GET', '/cost-models');
      expect(list.body.costModels.map((m: { state: string }) => m.state).sort()).toEqual(['approved', 'draft', 'returned', 'submitted']);
    }
  });
});
