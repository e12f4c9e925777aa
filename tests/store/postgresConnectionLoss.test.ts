// A PostgreSQL restart or pg_terminate_backend ends the pool's idle connections: the server must
// carry on with fresh ones, not die of an unheard 'error' event.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, postgresTestDatabase, type TestDatabase } from '../server/support/testStores.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await postgresTestDatabase();
});
afterAll(async () => {
  await db?.dispose();
});

describe('PostgreSQL connection loss', () => {
  it('an idle connection terminated by the server is replaced; the store keeps answering', async () => {
    await Promise.all([db.store.ping(), db.store.ping(), db.store.ping()]);
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const admin = new pg.Client({ connectionString: postgresAvailable() });
      await admin.connect();
      const name = new URL(db.location.databaseUrl!).pathname.slice(1);
      const killed = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      await admin.end();
      expect(killed.rowCount).toBeGreaterThan(0);
      // Every killed connection's 'error' event, not only the first: a ping could otherwise take a
      // connection whose end the pool has not heard yet (CI saw that race once).
      const killedCount = killed.rowCount ?? 0;
      const deadline = Date.now() + 10_000;
      while (warnings.length < killedCount && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(warnings).toHaveLength(killedCount);
      expect(warnings[0]).toMatch(/^an idle PostgreSQL connection was closed by the server \(57P01\)/);
      await db.store.ping();
      expect(await db.store.countUnits()).toBe(0);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
