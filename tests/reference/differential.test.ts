// Differential test: the optimized engine (shared/engine) against the naive reference reading of
// COSTING.md (tests/reference/referenceCosting.ts), figure by figure, to the cent.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costScenario, parseScenario, type CostingResult, type Scenario } from '../../shared/index.js';
import { scenarioArb } from '../engine/arbitraryScenario.js';
import { referenceCost, type ReferenceCostingResult } from './referenceCosting.js';

/** The figures the reference computes, taken from the engine's result (per-class detail dropped). */
function comparable(r: CostingResult): ReferenceCostingResult {
  return {
    fiscalYears: r.fiscalYears,
    periodsByFiscalYear: r.periodsByFiscalYear,
    baseline: r.baseline,
    proposals: r.proposals.map((p) => ({
      name: p.name,
      ...(p.side !== undefined ? { side: p.side } : {}),
      byFiscalYear: p.byFiscalYear,
      increase: p.increase,
      increaseTotal: p.increaseTotal,
      byProvision: p.byProvision,
      valueOfOnePercent: p.valueOfOnePercent,
      ongoingAnnualIncrease: p.ongoingAnnualIncrease,
      compoundedWageIncrease: p.compoundedWageIncrease,
      percentOfBase: p.percentOfBase,
    })),
    snapshot: r.snapshot,
  };
}

type Outcome = { ok: true; value: ReferenceCostingResult } | { ok: false; error: string };

function run(f: () => ReferenceCostingResult): Outcome {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** Paths where the two results differ, "proposals.0.increase.FY2027.wages: engine 1.00 ≠ reference 1.01". */
function differences(engine: unknown, reference: unknown, path = ''): string[] {
  if (typeof engine === 'object' && engine !== null && typeof reference === 'object' && reference !== null) {
    const keys = new Set([...Object.keys(engine), ...Object.keys(reference)]);
    return [...keys].flatMap((k) => differences((engine as Record<string, unknown>)[k], (reference as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return engine === reference ? [] : [`${path}: engine ${JSON.stringify(engine)} ≠ reference ${JSON.stringify(reference)}`];
}

function compare(scenario: Scenario): string[] {
  const engine = run(() => comparable(costScenario(scenario)));
  const reference = run(() => referenceCost(scenario));
  if (!engine.ok || !reference.ok) {
    if (!engine.ok && !reference.ok) return [];
    return [`engine ${engine.ok ? 'costed' : `threw: ${engine.error}`}; reference ${reference.ok ? 'costed' : `threw: ${reference.error}`}`];
  }
  return differences(engine.value, reference.value);
}

function parsed(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(`invalid scenario: ${JSON.stringify(result.issues)}`);
  return result.value;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
}

describe('engine against the naive reference reading of COSTING.md', () => {
  it('random scenarios agree on every figure, to the cent', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const result = parseScenario(input);
        fc.pre(result.ok);
        if (!result.ok) return;
        const diffs = compare(result.value);
        if (diffs.length > 0) throw new Error(`${diffs.length} figures differ:\n${diffs.slice(0, 12).join('\n')}`);
      }),
      { numRuns: Number(process.env.DIFF_RUNS ?? 60) },
    );
  });

  // The naive reference takes ~20–40 s on a few hundred rows, so by default the examples are
  // compared on their first 40 roster rows; DIFF_FULL_EXAMPLES=1 compares every row (this passed).
  const rowLimit = process.env.DIFF_FULL_EXAMPLES ? Infinity : 40;
  for (const file of ['tests/fixtures/spec-example.json', 'examples/police.json', 'examples/miscellaneous.json']) {
    it(`${file} agrees on every figure${Number.isFinite(rowLimit) ? ` (first ${rowLimit} roster rows)` : ''}`, () => {
      const scenario = parsed(readJson(file));
      scenario.roster.rows = scenario.roster.rows.slice(0, rowLimit);
      expect(compare(scenario)).toEqual([]);
    });
  }
});
