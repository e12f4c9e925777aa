// Property: whatever JSON arrives in place of part of a cost model or a schedule import, the server
// answers 4xx (or accepts it), never 5xx; what it accepts, it can cost or explain (422) and export.
// The corpus holds long decimals (100 places) and huge step counts (issue 10, item 9).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../server/support/http.js';
import { sampleScenario, sampleSchedule } from '../server/support/sampleScenario.js';
import { startSeededTestServer, type TestServer } from '../server/support/testServer.js';

let server: TestServer;
let tokens: Record<string, string>;

let running: Awaited<ReturnType<typeof startSeededTestServer>> | undefined;
beforeAll(async () => {
  running = await startSeededTestServer();
  ({ server, tokens } = running);
});
afterAll(() => running?.close());

/** Every path to a value inside the document. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function replaceAt(doc: unknown, path: (string | number)[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const copy: Record<string | number, unknown> = Array.isArray(doc) ? Object.fromEntries(doc.entries()) : { ...(doc as Record<string, unknown>) };
  copy[head] = replaceAt(copy[head], rest, replacement);
  return Array.isArray(doc) ? Object.assign([...doc], copy) : copy;
}

const longDecimals = ['0.' + '1'.repeat(100), '45.' + '9'.repeat(100), '1' + '0'.repeat(100), '-0.' + '0'.repeat(99) + '1', '1e-100', '0.03' + '0'.repeat(97)];
const hugeCounts = [99, 100, 10_000, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e100];
const manySteps = (n: number) => Array.from({ length: n }, (_, i) => (45 + i / 100).toFixed(2));

const weird = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('', '-1', '0', '1e309', '99999999999999999999.999', '2026-02-30', '9999-12-31', '0000-01-01', 'NaN', '=1+1', '\u0000', 'x'.repeat(300)),
  fc.constantFrom(...longDecimals),
  fc.constantFrom(...hugeCounts),
  fc.constantFrom(
    manySteps(100),
    manySteps(5_000),
    Array.from({ length: 2_000 }, () => ({ code: 'PO', steps: ['1'] })),
  ),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double(),
);

describe('fuzzed cost models', () => {
  const base = { unitId: 'A', title: 'fuzz', scenario: sampleScenario('A', 3) };
  const allPaths = paths(base);

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
        const workbook = await analyst('GET', `/cost-models/${created.body.id}/workbook.xlsx`);
        expect(workbook.status, workbook.text.slice(0, 300)).toBeLessThan(500);
        const submitted = await analyst('POST', `/cost-models/${created.body.id}/submit`, undefined, { 'if-match': created.headers.get('etag')! });
        expect([200, 422], submitted.text.slice(0, 300)).toContain(submitted.status);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150), seed: Number(process.env.FUZZ_SEED ?? 20261123) },
    );
  });

  it('the corpus reaches the engine bounds: 100 decimal places and 5,000 steps are refused with the field named', async () => {
    const analyst = client(server.url, tokens.analyst);
    const longRate = replaceAt(base, ['scenario', 'schedule', 'classes', 0, 'steps', 0], longDecimals[1]);
    const refused = await analyst('POST', '/cost-models', longRate);
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toContain('scenario.schedule.classes[0].steps[0]');
    const longSchedule = replaceAt(base, ['scenario', 'schedule', 'classes', 0, 'steps'], manySteps(5_000));
    const tooMany = await analyst('POST', '/cost-models', longSchedule);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors.map((e: { path: string }) => e.path)).toContain('scenario.schedule.classes[0].steps');
  });
});

describe('fuzzed schedule imports', () => {
  const base = sampleSchedule('A-fuzz', '2030-07-01');
  const allPaths = paths(base);

  it('never answer 5xx', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...allPaths), weird, async (path, value) => {
        const reply = await client(server.url, tokens.admin)('POST', '/units/A/schedules/import?dryRun=true', replaceAt(base, path, value));
        expect(reply.status, reply.text.slice(0, 300)).toBeLessThan(500);
        if (reply.status >= 400) expect(reply.headers.get('content-type')).toContain('application/problem+json');
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 100), seed: Number(process.env.FUZZ_SEED ?? 20261201) },
    );
  });
});
