import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticUnit } from '../../shared/syntheticUnit.js';
import { CostingContext, rosterFacts } from '../../shared/engine/costingContext.js';
import { costRowRange, rowRanges, withRowRange } from '../../shared/engine/costRowRange.js';
import { assembleCosting } from '../../shared/engine/costScenario.js';
import { addRowPartials, fromTransfer, toTransfer } from '../../shared/engine/rowPartials.js';
import { CostingInputError, costScenario, parseScenario, type Scenario, type ScenarioInput } from '../../shared/index.js';
import { scenarioArb } from './arbitraryScenario.js';

// The row phase / assembly split behind `COSTING_THREADS` (server/costing/costScenarioInParallel.ts):
// costing the roster in consecutive ranges and assembling the partials, in row order, must give
// costScenario's result to the byte, wherever the roster is cut.

/** Cut points of 1..5 ranges of `rows` rows (a range may be empty). */
const cutsArb = (rows: number) =>
  fc
    .array(fc.integer({ min: 0, max: rows }), { minLength: 0, maxLength: 4 })
    .map((cuts) => [0, ...cuts.sort((a, b) => a - b), rows].flatMap((end, i, all) => (i === 0 ? [] : [[all[i - 1]!, end] as [number, number]])));

/** The result of costing each range apart (every other range through the transfer form) and assembling. */
function costInRanges(scenario: Scenario, ranges: readonly [number, number][]): string {
  const roster = rosterFacts(scenario);
  const partials = ranges.map(([start, end], i) => {
    const range = costRowRange(new CostingContext(withRowRange(scenario, start, end), roster));
    return i % 2 === 1 ? fromTransfer(structuredClone(toTransfer(range))) : range;
  });
  return JSON.stringify(assembleCosting(scenario, roster, addRowPartials(partials)));
}

function parsed(input: ScenarioInput): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.value;
}

/** costScenario's result, or null (skipped) for a scenario the rules refuse. */
function whole(scenario: Scenario): string | null {
  try {
    return JSON.stringify(costScenario(scenario));
  } catch (error) {
    if (error instanceof CostingInputError) return null;
    throw error;
  }
}

describe('costing in row ranges', () => {
  it('assembling the partials of any 1..5 ranges gives costScenario’s result to the byte (generated scenarios)', () => {
    const caseArb = scenarioArb.chain((scenario) => fc.tuple(fc.constant(scenario), cutsArb(scenario.roster.rows.length)));
    fc.assert(
      fc.property(caseArb, ([input, ranges]) => {
        const read = parseScenario(input);
        fc.pre(read.ok);
        const scenario = (read as { value: Scenario }).value;
        const expected = whole(scenario);
        fc.pre(expected !== null);
        expect(costInRanges(scenario, ranges)).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('the synthetic unit (split funds, retro pay, a budget, dated roll-ups) costs the same in any 1..5 ranges', () => {
    const scenario = parsed(syntheticUnit(240));
    const expected = JSON.stringify(costScenario(scenario));
    fc.assert(
      fc.property(cutsArb(240), (ranges) => {
        expect(costInRanges(scenario, ranges)).toBe(expected);
      }),
      { numRuns: 8 },
    );
    // The ranges the CLI uses.
    for (const threads of [1, 2, 3, 5]) expect(costInRanges(scenario, rowRanges(240, threads))).toBe(expected);
  });

  it('rowRanges cuts the roster into consecutive ranges as equal as they can be', () => {
    expect(rowRanges(10, 3)).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
    expect(rowRanges(2, 4)).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(rowRanges(0, 2)).toEqual([[0, 0]]);
  });

  it('the transfer form holds integer cents exactly and refuses a fraction of a cent', () => {
    const scenario = parsed(syntheticUnit(20));
    const partials = costRowRange(new CostingContext(scenario));
    const back = fromTransfer(structuredClone(toTransfer(partials)));
    expect(back).toEqual(partials);
    partials.baseline.byFiscalYear[0] = 0.5;
    expect(() => toTransfer(partials)).toThrow(RangeError);
  });
});
