// Issue 10, item 5: immutable rows stay immutable (SQLite REPLACE included), and what an attacker
// with database access changes anyway is refused when served and named by `verify`.
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteFilePath } from '../../server/store/openStore.js';
import { runCliProcess } from '../server/support/cliProcess.js';
import { client } from '../server/support/http.js';
import { seedBasics } from '../server/support/seed.js';
import { startTestServer, type TestServer } from '../server/support/testServer.js';
import { postgresTestDatabase, sqliteTestDatabase, type TestDatabase } from '../server/support/testStores.js';
import { approvedModel } from './approvedModel.js';

/** Runs SQL on the database directly, as someone holding the file or the owner's password would. */
interface RawDatabase {
  exec(statement: string): Promise<void>;
  close(): Promise<void>;
}

async function rawDatabase(db: TestDatabase): Promise<RawDatabase> {
  if (db.kind === 'sqlite') {
    const file = new BetterSqlite3(sqliteFilePath(db.location.dataDir));
    return {
      exec: (s) =>
        Promise.resolve().then(() => {
          file.exec(s);
        }),
      close: () =>
        Promise.resolve().then(() => {
          file.close();
        }),
    };
  }
  const connection = new pg.Client({ connectionString: db.location.databaseUrl });
  await connection.connect();
  return {
    exec: async (s) => {
      await connection.query(s);
    },
    close: () => connection.end(),
  };
}

function storeArgs(db: TestDatabase): string[] {
  return db.kind === 'sqlite' ? ['--data-dir', db.location.dataDir] : ['--database-url', db.location.databaseUrl!];
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`tamper evidence (${kind})`, () => {
    let db: TestDatabase;
    let server: TestServer;
    let tokens: Record<string, string>;
    let raw: RawDatabase;

    beforeAll(async () => {
      db = kind === 'sqlite' ? await sqliteTestDatabase() : await postgresTestDatabase();
      tokens = (await seedBasics(db.store)).tokens;
      server = await startTestServer({ store: db.open() });
      raw = await rawDatabase(db);
    });
    afterAll(async () => {
      await raw?.close();
      await server?.close();
      await db?.dispose();
    });

    it('verify passes on an untouched database and prints a summary', async () => {
      await approvedModel(server.url, tokens, 'untouched');
      const verified = await runCliProcess(['verify', ...storeArgs(db)]);
      expect(verified.stderr).toBe('');
      expect(verified.code).toBe(0);
      // Seed: 2 units + 2 schedule imports + 8 users = 12 events (tokens are not audited); the model: created, submitted, approved.
      expect(verified.stdout).toMatch(/^verified: 15 audit events, 1 approved cost model, 2 schedule versions; all intact\. Audit chain head: [0-9a-f]{64}\n$/);
      const audit = await client(server.url, tokens.admin)('GET', '/audit?limit=100');
      const events = audit.body.events as { prevHash: string; hash: string }[];
      expect(events[0]!.prevHash).toBe('0'.repeat(64));
      for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    });

    if (kind === 'sqlite') {
      it('refuses REPLACE INTO over an audit event, a schedule version and an approved model', async () => {
        const id = await approvedModel(server.url, tokens, 'replace target');
        const file = new BetterSqlite3(sqliteFilePath(db.location.dataDir));
        try {
          expect(() =>
            file.exec(
              `REPLACE INTO audit_events SELECT seq, at, actor_id, 'someone else', action, entity_type, entity_id, unit_id, from_version, to_version, detail, prev_hash, hash FROM audit_events WHERE seq = 1`,
            ),
          ).toThrow('audit events are append-only');
          expect(() =>
            file.exec(
              `REPLACE INTO schedule_versions SELECT seq, unit_id, version, effective, '{}', content_hash, source, created_by, created_at FROM schedule_versions WHERE seq = 1`,
            ),
          ).toThrow('schedule versions never change');
          expect(() =>
            file.exec(
              `INSERT OR REPLACE INTO cost_models SELECT id, unit_id, 'rewritten', state, revision, lineage_id, model_version, supersedes_id, scenario, result, content_hash, created_by, created_at, updated_by, updated_at, submitted_by, submitted_at, decided_by, decided_at, decision_comment FROM cost_models WHERE id = '${id}'`,
            ),
          ).toThrow('an approved cost model never changes');
          expect(() =>
            file.exec(
              `INSERT INTO audit_events SELECT seq, at, actor_id, actor_name, action, entity_type, entity_id, unit_id, from_version, to_version, detail, prev_hash, hash FROM audit_events WHERE seq = 1 ON CONFLICT (seq) DO UPDATE SET actor_name = 'x'`,
            ),
          ).toThrow('audit events are append-only');
        } finally {
          file.close();
        }
        expect((await client(server.url, tokens.manager)('GET', `/cost-models/${id}`)).body.title).toBe('replace target');
      });
    }

    if (kind === 'postgres') {
      it('refuses an UPSERT over an audit event, a schedule version and an approved model (even by the owner)', async () => {
        const id = await approvedModel(server.url, tokens, 'upsert target');
        await expect(
          raw.exec(`INSERT INTO audit_events SELECT * FROM audit_events WHERE seq = 1 ON CONFLICT (seq) DO UPDATE SET actor_name = 'x'`),
        ).rejects.toThrow('audit events are append-only');
        await expect(
          raw.exec(`INSERT INTO schedule_versions SELECT * FROM schedule_versions WHERE seq = 1 ON CONFLICT (seq) DO UPDATE SET schedule = '{}'`),
        ).rejects.toThrow('schedule versions never change');
        await expect(
          raw.exec(`INSERT INTO cost_models SELECT * FROM cost_models WHERE id = '${id}' ON CONFLICT (id) DO UPDATE SET title = 'rewritten'`),
        ).rejects.toThrow('an approved cost model never changes');
        expect((await client(server.url, tokens.manager)('GET', `/cost-models/${id}`)).body.title).toBe('upsert target');
      });
    }

    it('an approved model altered in the database is refused with a problem and an alarm, and verify names it; so is an altered audit event', async () => {
      const id = await approvedModel(server.url, tokens, 'tamper target');
      const manager = client(server.url, tokens.manager);
      const read = await manager('GET', `/cost-models/${id}`);
      expect(read.status).toBe(200);
      const etag = read.headers.get('etag');
      // The attacker lifts the trigger (possible for the owner of the file or the tables) and lowers a figure.
      if (kind === 'sqlite') {
        await raw.exec(`DROP TRIGGER cost_models_approved_no_update; DROP TRIGGER audit_events_no_update`);
      } else {
        await raw.exec(
          `ALTER TABLE cost_models DISABLE TRIGGER cost_models_approved_immutable; ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`,
        );
      }
      await raw.exec(`UPDATE cost_models SET scenario = replace(scenario, '"0.03"', '"0.01"') WHERE id = '${id}'`);
      await raw.exec(`UPDATE audit_events SET actor_name = 'Somebody Else' WHERE seq = 3`);

      for (const path of [`/cost-models/${id}`, `/cost-models/${id}/workbook.xlsx`]) {
        // Someone out of the model's unit learns nothing, not even that it exists (and raises no alarm).
        expect((await client(server.url, tokens.managerB)('GET', path)).status).toBe(404);
        const refused = await manager('GET', path);
        expect(refused.status).toBe(500);
        expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(refused.body).toMatchObject({ type: 'urn:bargaining-costing:problem:integrity-violation', status: 500 });
        expect(refused.body.detail).toContain(`approved cost model ${id} fails its integrity check`);
        expect(refused.text).not.toContain('0.01');
      }
      const alarms = server.logs
        .join('')
        .split('\n')
        .filter((l) => l.includes('"alarm":"integrity"'));
      expect(alarms).toHaveLength(2);
      expect(JSON.parse(alarms[0]!)).toMatchObject({ level: 60, alarm: 'integrity', id });
      // A conditional read answered 304 serves nothing: the copy the caller holds was checked when it was served.
      expect((await manager('GET', `/cost-models/${id}`, undefined, { 'if-none-match': etag! })).status).toBe(304);

      const exported = await runCliProcess(['export', id, '--out', `${db.location.dataDir}/tampered.xlsx`, ...storeArgs(db)]);
      expect(exported.code).toBe(1);
      expect(exported.stderr).toContain(`ALARM: approved cost model ${id} fails its integrity check`);

      const verified = await runCliProcess(['verify', ...storeArgs(db)]);
      expect(verified.code).toBe(1);
      expect(verified.stderr).toContain('INTEGRITY CHECK FAILED: 2 problem(s)');
      expect(verified.stderr).toMatch(/audit event 3 \(unit\.created unit B, [^)]+\): its content no longer matches its hash/);
      expect(verified.stderr).toContain(
        `approved cost model ${id} ("tamper target", unit A): its stored scenario and result no longer hash to its content hash`,
      );
      // The next event's link still points at event 3's recorded hash, so only the rewritten event and the model are named.
      const lines = verified.stderr.trim().split('\n').slice(1);
      expect(lines).toHaveLength(2);
    });
  });
}
