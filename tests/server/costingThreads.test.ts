import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CostingThreads } from '../../server/costing/costScenarioInParallel.js';
import { mergedRosterFacts, rosterFacts } from '../../shared/engine/costingContext.js';
import { withRowRange } from '../../shared/engine/costRowRange.js';
import { threadRanges } from '../../server/costing/threadRanges.js';
import { costScenario, parseScenario, type Scenario, type ScenarioInput } from '../../shared/index.js';
import { checkScenario, checkScenarioRows } from '../../shared/scenario.js';
import { syntheticUnit } from '../../shared/syntheticUnit.js';
import { scenarioArb } from '../engine/arbitraryScenario.js';
import { monthlyScenario } from '../engine/scenarioBuilder.js';

// CostingThreads (bargaining-costing cost on several threads): a worker may read and validate its
// own rows from the file's text (prepare) instead of being sent them. Whichever way its rows reach
// it, the result is costScenario's to the byte.

function parsed(input: ScenarioInput): Scenario {
  const read = parseScenario(input);
  if (!read.ok) throw new Error(read.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return read.value;
}

describe('costing on several threads', () => {
  it('a range of rows checked on its own (checkScenarioRows) is that range of the whole roster checked (generated scenarios)', () => {
    const caseArb = scenarioArb.chain((input) => fc.tuple(fc.constant(input), fc.integer({ min: 1, max: 4 })));
    fc.assert(
      fc.property(caseArb, ([input, threads]) => {
        const whole = checkScenario(input);
        fc.pre(whole.ok);
        const value = (whole as { value: Scenario }).value;
        const raw: unknown = JSON.parse(JSON.stringify(input));
        for (const [start, end] of threadRanges(value.roster.rows.length, threads, 1)) {
          const range = checkScenarioRows(raw, [start, end]);
          expect(range.ok).toBe(true);
          const { roster, ...rest } = (range as { value: Scenario }).value;
          const { roster: wholeRoster, ...wholeRest } = value;
          expect(rest).toEqual(wholeRest);
          expect(roster).toEqual({ ...wholeRoster, rows: wholeRoster.rows.slice(start, end) });
        }
      }),
      { numRuns: 40 },
    );
  });

  it("the roster's facts merged from its ranges' are the whole roster's (generated scenarios)", () => {
    const caseArb = scenarioArb.chain((input) => fc.tuple(fc.constant(input), fc.integer({ min: 1, max: 5 })));
    fc.assert(
      fc.property(caseArb, ([input, threads]) => {
        const whole = parseScenario(input);
        fc.pre(whole.ok);
        const value = (whole as { value: Scenario }).value;
        const parts = threadRanges(value.roster.rows.length, threads, 1).map(([start, end]) => rosterFacts(withRowRange(value, start, end)));
        expect(mergedRosterFacts(parts)).toEqual(rosterFacts(value));
      }),
      { numRuns: 60 },
    );
  });

  it('costs with each thread holding and checking only its own range (costFirstRange) as costScenario does; a worker whose rows fail leaves the costing to the whole path', async () => {
    for (const [rows, seed, threadCount] of [
      [240, 5, 3],
      [301, 9, 2],
    ] as const) {
      const input = syntheticUnit(rows, seed);
      const expected = JSON.stringify(costScenario(parsed(input)));
      const threads = new CostingThreads({ threads: threadCount, minRowsPerThread: 1 });
      threads.prepare(JSON.stringify(input));
      const first = checkScenarioRows(input, threads.firstRange(rows)!);
      if (!first.ok) throw new Error('first range refused');
      const result = await threads.costFirstRange(first.value, rows);
      expect(threads.used).toBe(threadCount);
      expect(threads.sentRows).toBe(0);
      expect(JSON.stringify(result)).toBe(expected);
    }
    // The last row names a tier with no rates: its worker does not prepare, so the caller costs the whole.
    const spoiled = syntheticUnit(240, 5);
    spoiled.roster.rows[239]!.pensionTier = 'Classic';
    const threads = new CostingThreads({ threads: 2, minRowsPerThread: 1 });
    threads.prepare(JSON.stringify(spoiled));
    const first = checkScenarioRows(spoiled, threads.firstRange(240)!);
    if (!first.ok) throw new Error('first range refused');
    expect(await threads.costFirstRange(first.value, 240)).toBeNull();
    expect(checkScenario(spoiled).ok).toBe(false);
    await threads.close();
  }, 120_000);

  it('a range with amounts beyond integer cents sends the whole scenario to the decimal costing, as costScenario does', async () => {
    const input = monthlyScenario({
      schedule: { rateBasis: 'hourly', classes: [{ code: 'A', title: 'A', steps: ['999999999999.99'] }] },
      rows: [{}, { fte: '0.5' }, { count: 3 }, {}],
      provisions: [{ type: 'gwi', percent: '0.03', effective: '2027-01-01' }],
    });
    const expected = costScenario(parsed(input));
    // 5 full-time employees at 2,079,999,999,999,979.20 and one half-time at 1,039,999,999,999,989.60.
    expect(expected.baseline.FY2027!.wages).toBe('11439999999999885.60');
    const threads = new CostingThreads({ threads: 2, minRowsPerThread: 1 });
    threads.prepare(JSON.stringify(input));
    const first = checkScenarioRows(input, threads.firstRange(4)!);
    if (!first.ok) throw new Error('first range refused');
    // Each range overflows on its thread: the caller then checks and costs the whole file.
    expect(await threads.costFirstRange(first.value, 4)).toBeNull();
    expect(JSON.stringify(await threads.cost(parsed(input)))).toBe(JSON.stringify(expected));
  }, 120_000);

  it('stops the workers a roster leaves without a range, and still costs it as costScenario does', async () => {
    const input = syntheticUnit(150, 3);
    const threads = new CostingThreads({ threads: 3, minRowsPerThread: 60 });
    threads.prepare(JSON.stringify(input));
    // 150 rows at 60 or more a thread: two ranges, so the third thread's worker is stopped.
    threads.releaseUnneeded(150);
    const result = await threads.cost(parsed(input));
    expect(threads.used).toBe(2);
    expect(JSON.stringify(result)).toBe(JSON.stringify(costScenario(parsed(input))));
    const alone = new CostingThreads({ threads: 2, minRowsPerThread: 200 });
    alone.prepare(JSON.stringify(input));
    alone.releaseUnneeded(150);
    expect(alone.firstRange(150)).toBeNull();
    expect(JSON.stringify(await alone.cost(parsed(input)))).toBe(JSON.stringify(costScenario(parsed(input))));
    expect(alone.used).toBe(1);
  }, 120_000);

  it('costs prepared rows, rows sent, and rows sent after a text that does not match, all as costScenario does', async () => {
    const input = syntheticUnit(240, 5);
    const scenario = parsed(input);
    const expected = JSON.stringify(costScenario(scenario));
    const cases: [string, (threads: CostingThreads) => void, number][] = [
      ['prepared from the text', (t) => t.prepare(JSON.stringify(input)), 0],
      ['sent (no text)', () => undefined, 2],
      ['sent (a text with other rows)', (t) => t.prepare(JSON.stringify(syntheticUnit(300, 5))), 2],
      ['sent (a text that is not JSON)', (t) => t.prepare('{"roster": '), 2],
    ];
    for (const [name, prepare, sent] of cases) {
      const threads = new CostingThreads({ threads: 3, minRowsPerThread: 1 });
      prepare(threads);
      const result = await threads.cost(scenario);
      expect(threads.used, name).toBe(3);
      expect(threads.sentRows, name).toBe(sent);
      expect(JSON.stringify(result), name).toBe(expected);
    }
  }, 120_000);
});
