import { describe, expect, it } from 'vitest';
import { CostingContext, rosterFacts } from '../../shared/engine/costingContext.js';
import { costRowRange, engineWarmedUp, withRowRange } from '../../shared/engine/costRowRange.js';
import { assembleCosting } from '../../shared/engine/costScenario.js';
import { addRowPartials } from '../../shared/engine/rowPartials.js';
import { WARM_UP_MIN_ROWS, warmUpScenario } from '../../shared/engine/warmUp.js';
import { costScenario, parseScenario, type Scenario } from '../../shared/index.js';
import { syntheticUnit } from '../../shared/syntheticUnit.js';

// The warm-up (shared/engine/warmUp.ts) is worth its ~50 ms only while its costing takes the row
// loop's rarer branches before a large costing does: these tests keep it able to, and keep it
// invisible in the figures.

describe('the engine warm-up', () => {
  it('is a valid scenario that costs', () => {
    const result = costScenario(warmUpScenario());
    expect(result.proposals).toHaveLength(4);
    expect(result.proposals.map((p) => p.byProvision.length)).toEqual([6, 6, 3, 8]);
  });

  it('takes the branches a first large costing would otherwise meet cold', () => {
    const scenario = warmUpScenario();
    const rows = scenario.roster.rows;
    expect(rows.some((r) => r.vacant)).toBe(true);
    expect(rows.some((r) => !r.vacant)).toBe(true);
    expect(rows.some((r) => Array.isArray(r.fund))).toBe(true);
    expect(rows.some((r) => r.socialSecurity)).toBe(true);
    expect(rows.some((r) => r.pays.length > 0)).toBe(true);
    expect(rows.some((r) => r.overtimeHours !== '0')).toBe(true);
    expect(rows.some((r) => r.nextStepDate === undefined)).toBe(true);
    const provisions = scenario.proposals.flatMap((p) => p.provisions);
    const lumpSums = provisions.filter((p) => p.type === 'lumpSum');
    expect(lumpSums.some((p) => p.amount !== undefined)).toBe(true);
    expect(lumpSums.some((p) => p.percent !== undefined && p.pensionable === true)).toBe(true);
    expect(lumpSums.some((p) => p.days !== undefined)).toBe(true);
    expect(new Set(provisions.map((p) => p.type))).toEqual(
      new Set(['gwi', 'addStep', 'specialPay', 'lumpSum', 'stepFreeze', 'health', 'pensionRate', 'flat', 'minimumRate', 'dropSteps', 'setRate', 'rollupRate']),
    );
    expect(scenario.proposals.filter((p) => p.retroPayDate !== undefined)).toHaveLength(2);
    expect(scenario.proposals.some((p) => p.side === 'budget')).toBe(true);
  });

  it('leaves the figures as they are: a costing that runs it equals one assembled from ranges too small to', () => {
    const read = parseScenario(syntheticUnit(WARM_UP_MIN_ROWS, 11));
    if (!read.ok) throw new Error('synthetic unit invalid');
    const scenario: Scenario = read.value;
    const roster = rosterFacts(scenario);
    const half = WARM_UP_MIN_ROWS / 2;
    // First, below the threshold: no warm-up has run in this test file's module instance yet.
    const inRanges = [
      [0, half],
      [half, WARM_UP_MIN_ROWS],
    ].map(([start, end]) => costRowRange(new CostingContext(withRowRange(scenario, start!, end!), roster)));
    const assembled = JSON.stringify(assembleCosting(scenario, roster, addRowPartials(inRanges)));
    expect(engineWarmedUp()).toBe(false);
    // Then the whole roster, which reaches the threshold and runs the warm-up first.
    expect(JSON.stringify(costScenario(scenario))).toBe(assembled);
    expect(engineWarmedUp()).toBe(true);
  });
});
