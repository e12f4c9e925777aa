// Issue 10, item 5: the audit chain stays one unbroken chain when two instances append at once, and
// a database written before the chain existed is chained by its migration.
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { systemActor, recordAudit } from '../../server/services/auditTrail.js';
import { verifyStore } from '../../server/services/storeIntegrity.js';
import { migrationProvider } from '../../server/store/migrations.js';
import { migrateStore, openStore, sqliteFilePath } from '../../server/store/openStore.js';
import { postgresTestDatabase, sqliteTestDatabase, type TestDatabase } from '../server/support/testStores.js';

const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const db of opened) await db.dispose();
});

async function fresh(kind: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  const db = kind === 'sqlite' ? await sqliteTestDatabase() : await postgresTestDatabase();
  opened.push(db);
  return db;
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`audit chain (${kind})`, () => {
    it('60 events appended at once (through two instances on PostgreSQL) leave one unbroken chain', async () => {
      const db = await fresh(kind);
      // SQLite runs one server process; two connections in one test process would block each other's thread.
      const stores = kind === 'postgres' ? [db.store, db.open()] : [db.store];
      const at = new Date('2026-12-01T00:00:00Z');
      await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          stores[i % stores.length]!.transaction((tx) =>
            recordAudit(tx, systemActor('test'), at, { action: 'test.appended', entityType: 'unit', entityId: `U${i}`, unitId: null, detail: { i } }),
          ),
        ),
      );
      const report = await verifyStore(db.store);
      expect(report.problems).toEqual([]);
      expect(report.auditEvents).toBe(60);
      const chain = await db.store.auditChain(0, 100);
      expect(new Set(chain.map((e) => e.prevHash)).size).toBe(60);
      expect(chain[0]!.prevHash).toBe('0'.repeat(64));
      expect(chain.at(-1)!.hash).toBe(report.chainHead);
    });

    it('the integrity migration chains the events a database already holds', async () => {
      const db = await fresh(kind);
      const location = kind === 'sqlite' ? { dataDir: join(db.location.dataDir, 'before-chain') } : db.location;
      if (kind === 'sqlite') mkdirSync(location.dataDir);
      const kysely =
        kind === 'sqlite'
          ? new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(sqliteFilePath(location.dataDir)) }) })
          : new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: db.location.databaseUrl, max: 1 }) }) });
      try {
        if (kind === 'postgres') await sql`DROP SCHEMA public CASCADE; CREATE SCHEMA public`.execute(kysely);
        const migrator = new Migrator({ db: kysely, provider: migrationProvider(kind) });
        expect((await migrator.migrateTo('2026-11-23-001-initial')).error).toBeUndefined();
        for (let i = 1; i <= 3; i++) {
          await sql`INSERT INTO audit_events (at, actor_id, actor_name, action, entity_type, entity_id, unit_id, from_version, to_version, detail)
            VALUES (${`2026-11-2${i}T00:00:00.000Z`}, 'system:old', 'old', 'unit.created', 'unit', ${`OLD${i}`}, NULL, NULL, NULL, ${JSON.stringify({ n: i })})`.execute(
            kysely,
          );
        }
      } finally {
        await kysely.destroy();
      }
      expect(await migrateStore(location)).toEqual(['2026-12-01-002-integrity']);
      const store = openStore(location);
      try {
        const report = await verifyStore(store);
        expect(report.problems).toEqual([]);
        expect(report.auditEvents).toBe(3);
        await recordAudit(store, systemActor('test'), new Date('2026-12-01T00:00:00Z'), {
          action: 'unit.created',
          entityType: 'unit',
          entityId: 'NEW',
          unitId: null,
        });
        const after = await verifyStore(store);
        expect(after.problems).toEqual([]);
        expect(after.auditEvents).toBe(4);
      } finally {
        await store.close();
      }
    });
  });
}
