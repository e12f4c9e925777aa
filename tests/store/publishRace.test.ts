// Four managers publish one approved settlement's schedules at once (through two server instances on PostgreSQL):
// exactly one publish wins, on SQLite and on PostgreSQL (issue 10, item 4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../server/support/http.js';
import { approvedModel } from './approvedModel.js';
import { seedBasics } from '../server/support/seed.js';
import { startTestServer, type TestServer } from '../server/support/testServer.js';
import { postgresTestDatabase, sqliteTestDatabase, type TestDatabase } from '../server/support/testStores.js';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`concurrent publishes of one settlement (${kind})`, () => {
    let db: TestDatabase;
    let one: TestServer;
    let two: TestServer;
    let tokens: Record<string, string>;

    beforeAll(async () => {
      db = kind === 'sqlite' ? await sqliteTestDatabase() : await postgresTestDatabase();
      tokens = (await seedBasics(db.store)).tokens;
      one = await startTestServer({ store: db.open() });
      // SQLite runs as one server process (two connections in one test process would block each other's thread).
      two = kind === 'postgres' ? await startTestServer({ store: db.open() }) : one;
    });
    afterAll(async () => {
      await one?.close();
      if (two !== one) await two?.close();
      await db?.dispose();
    });

    it('exactly one of four wins, every round, and the settlement publishes its two versions once', async () => {
      for (let round = 0; round < 5; round++) {
        const id = await approvedModel(one.url, tokens, `publish race ${round}`);
        const etag = (await client(one.url, tokens.manager)('GET', `/cost-models/${id}`)).headers.get('etag')!;
        const replies = await Promise.all(
          [one, two, one, two].map((server, i) =>
            client(server.url, i % 2 === 0 ? tokens.manager : tokens.admin)('POST', `/cost-models/${id}/publish-schedules`, {}, { 'if-match': etag }),
          ),
        );
        expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
        const winner = replies.find((r) => r.status === 201)!;
        // The sample settlement changes the schedule on 2026-07-01 and 2027-07-01: two versions.
        expect(winner.body.published.map((p: { effective: string }) => p.effective)).toEqual(['2026-07-01', '2027-07-01']);
        for (const loser of replies.filter((r) => r.status === 409)) expect(loser.body.detail).toMatch(/already published/);
        const stored = await db.store.scheduleVersionsBySource(`cost-model:${id}`);
        expect(stored.map((v) => v.version)).toEqual(winner.body.published.map((p: { version: number }) => p.version));
      }
    });
  });
}
