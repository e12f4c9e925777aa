// Property: whatever JSON arrives in place of part of a cost model, the server answers 4xx
// (or accepts it), never 5xx; and what it accepts, it can cost or explain (422).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../server/support/http.js';
import { sampleScenario } from '../server/support/sampleScenario.js';
import { seedBasics } from '../server/support/seed.js';
import { startTestServer, type TestServer } from '../server/support/testServer.js';
import { sqliteTestDatabase, type TestDatabase } from '../server/support/testStores.js';

let db: TestDatabase;
let server: TestServer;
let tokens: Record<string, string>;

beforeAll(async () => {
  db = await sqliteTestDatabase();
  tokens = (await seedBasics(db.store)).tokens;
  server = await startTestServer({ store: db.store });
});
afterAll(async () => {
  await server?.close();
  await db?.dispose();
});

/** Every path to a value inside the document. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function replaceAt(doc: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy: any = Array.isArray(doc) ? [...doc] : { ...(doc as object) };
  copy[path[0]!] = replaceAt(copy[path[0]!], path.slice(1), replacement);
  return copy;
}

describe('fuzzed cost models', () => {
  const base = { unitId: 'A', title: 'fuzz', scenario: sampleScenario('A', 3) };
  const allPaths = paths(base);
  const weird = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom('', '-1', '0', '1e309', '99999999999999999999.999', '2026-02-30', '9999-12-31', '0000-01-01', 'NaN', '=1+1', '\u0000', 'x'.repeat(300)),
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.double(),
  );

  it('never answers 5xx', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...allPaths), weird, async (path, value) => {
        const body = replaceAt(base, path, value);
        const analyst = client(server.url, tokens.analyst);
        const created = await analyst('POST', '/cost-models', body);
        expect(created.status, created.text.slice(0, 300)).toBeLessThan(500);
        if (created.status >= 400) {
          expect(created.headers.get('content-type')).toContain('application/problem+json');
          return;
        }
        const submitted = await analyst('POST', `/cost-models/${created.body.id}/submit`, undefined, { 'if-match': created.headers.get('etag')! });
        expect([200, 422], submitted.text.slice(0, 300)).toContain(submitted.status);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150), seed: Number(process.env.FUZZ_SEED ?? 20261123) },
    );
  });
});
