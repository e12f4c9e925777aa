// The engine in worker threads gives exactly the in-process results and errors.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { costScenario } from '../../shared/engine/costScenario.js';
import { CostingInputError } from '../../shared/issues.js';
import { parseScenario } from '../../shared/scenario.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import { CostingPool, JobAbortedError } from '../../server/costing/costingPool.js';
import { inProcessScenarioWork } from '../../server/http/costModelBodies.js';
import { costModelContentHash } from '../../server/services/contentHash.js';
import { DomainError } from '../../server/services/domainErrors.js';
import { sampleScenario } from './support/sampleScenario.js';

const pool = new CostingPool(2);
afterAll(() => pool.close());

function scenario(edit: (s: any) => void = () => {}, rows = 6): Scenario {
  const input = sampleScenario('A', rows) as any;
  edit(input);
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  return parsed.value;
}

describe('costing worker pool', () => {
  it('returns exactly what the engine returns in-process, for queued concurrent costings', async () => {
    const scenarios = [scenario(), scenario(undefined, 40), scenario((s) => (s.proposals[0].provisions[0].percent = '0.045')), scenario(undefined, 12)];
    const results = await Promise.all(scenarios.map((s) => pool.cost(s)));
    results.forEach((result, i) => expect(result).toEqual(costScenario(scenarios[i]!)));
  });

  it('rebuilds a CostingInputError with its issues', async () => {
    const s = scenario((x) => (x.assumptions.pension = {}));
    const error = await pool.cost(s).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CostingInputError);
    let inProcess: unknown;
    try {
      costScenario(s);
    } catch (e) {
      inProcess = e;
    }
    expect((error as CostingInputError).issues).toEqual((inProcess as CostingInputError).issues);
  });

  it('keeps working after a costing failed', async () => {
    expect((await pool.cost(scenario())).fiscalYears).toEqual(['FY2027', 'FY2028']);
  });

  it('reads a cost-model body and costs a stored scenario exactly as the request thread would', async () => {
    const inProcess = inProcessScenarioWork(costScenario);
    const work = pool.scenarioWork();
    const text = JSON.stringify({ unitId: 'A', title: 'off the thread', scenario: sampleScenario('A', 9) });
    const draft = await work.draftBody(text, 100);
    expect(draft).toEqual(await inProcess.draftBody(text, 100));
    expect(draft.rosterRows).toBe(9);
    const costed = await work.costStored(draft.scenarioJson, true);
    expect(costed).toEqual(await inProcess.costStored(draft.scenarioJson, true));
    expect(costed.contentHash).toBe(costModelContentHash(JSON.parse(draft.scenarioJson), JSON.parse(costed.resultJson)));
    // The content-hash check of an approved model, off the request thread: as the request thread's.
    const stored = { scenarioJson: draft.scenarioJson, resultJson: costed.resultJson, contentHash: costed.contentHash ?? null };
    const altered = { ...stored, scenarioJson: draft.scenarioJson.replace('"45.12"', '"45.13"') };
    expect(altered.scenarioJson).not.toBe(stored.scenarioJson);
    expect([await work.intact(stored), await work.intact(altered)]).toEqual([true, false]);
    expect([await inProcess.intact(stored), await inProcess.intact(altered)]).toEqual([true, false]);
  });

  it('reads a body given as bytes: a whole buffer is moved to the worker, a pooled slice copied', async () => {
    const text = JSON.stringify({ unitId: 'A', title: 'bytes', scenario: sampleScenario('A', 40) });
    const expected = await inProcessScenarioWork(costScenario).draftBody(text, 100);
    const whole = Buffer.concat([Buffer.from(text, 'utf8')], Buffer.byteLength(text));
    expect(whole.byteLength).toBeGreaterThan(4096); // its own memory, not Node's buffer pool
    expect(await pool.scenarioWork().draftBody(whole, 100)).toEqual(expected);
    expect(whole.byteLength).toBe(0); // moved, not copied
    const small = JSON.stringify({ title: 'renamed' });
    const pooled = Buffer.from(small, 'utf8');
    expect(pooled.byteLength).toBeLessThan(pooled.buffer.byteLength);
    expect(await pool.scenarioWork().editBody(pooled, 'A', 100)).toEqual({ title: 'renamed', scenarioJson: undefined });
    expect(pooled.toString('utf8')).toBe(small);
  });

  it('rebuilds a refused body as the same domain error, with the field named', async () => {
    const tooLong = await pool
      .scenarioWork()
      .draftBody(JSON.stringify({ unitId: 'A', title: 't', scenario: sampleScenario('A', 9) }), 8)
      .catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(DomainError);
    expect(tooLong).toMatchObject({ kind: 'invalid-input', issues: [{ path: 'scenario.roster.rows' }] });
    const malformed = await pool
      .scenarioWork()
      .editBody('{"title": ', 'A', 8)
      .catch((e: unknown) => e);
    expect(malformed).toMatchObject({ kind: 'malformed-json', issues: [{ path: 'body', message: 'not valid JSON' }] });
  });

  it('stops a running job when its signal fires, and replaces the worker', async () => {
    const abort = new AbortController();
    const record = {
      id: 'm',
      unitId: 'A',
      title: 't',
      lineageId: 'm',
      modelVersion: 1,
      supersedesId: null,
      scenarioJson: JSON.stringify(scenario(undefined, 3000)),
      state: 'draft',
      revision: 1,
      resultJson: null,
      contentHash: null,
      createdBy: 'a',
      createdAt: '2026-01-01T00:00:00Z',
      updatedBy: 'a',
      updatedAt: '2026-01-01T00:00:00Z',
      submittedBy: null,
      submittedAt: null,
      decidedBy: null,
      decidedAt: null,
      decisionComment: null,
    } as const;
    const job = pool.workbook({ ...record }, null, abort.signal);
    abort.abort();
    await expect(job).rejects.toBeInstanceOf(JobAbortedError);
    expect((await pool.cost(scenario())).fiscalYears).toEqual(['FY2027', 'FY2028']);
  });

  it('refuses work once closed', async () => {
    const other = new CostingPool(1);
    await other.close();
    await expect(other.cost(scenario())).rejects.toThrow(/closed/);
  });
});

describe('costing worker priority (issue 10 item 16)', () => {
  /** The nice value of each of this process's threads (Linux /proc), by thread id. */
  const threadNiceness = () =>
    new Map(
      readdirSync('/proc/self/task').map((id) => {
        const fields = readFileSync(`/proc/self/task/${id}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return [Number(id), Number(fields[16])] as const; // field 19 of stat(5), "nice"
      }),
    );

  it.runIf(process.platform === 'linux')('lowers the priority of its worker threads only (the request thread keeps its own)', async () => {
    const before = threadNiceness();
    const niced = new CostingPool(1, { niceness: 10 });
    try {
      const s = scenario();
      expect(await niced.cost(s)).toEqual(costScenario(s));
      const after = threadNiceness();
      const started = [...after].filter(([id]) => !before.has(id));
      expect(started.filter(([, nice]) => nice === 10)).toHaveLength(1);
      for (const [id, nice] of before) if (after.has(id)) expect(after.get(id)).toBe(nice);
    } finally {
      await niced.close();
    }
  });
});
