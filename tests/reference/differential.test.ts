// Differential test: the optimized engine (shared/engine) against the naive reference reading of
// COSTING.md (shared/reference/referenceCosting.ts), figure by figure, to the cent.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costScenario, parseScenario, type Scenario } from '../../shared/index.js';
import { scenarioArb } from '../engine/arbitraryScenario.js';
import { namedCases } from './namedCases.js';
import {
  longTermScenarioArb,
  manyProvisionsScenarioArb,
  manyStepsScenarioArb,
  outOfBoundsScenarioArb,
  roundingScenarioArb,
  wideScenarioArb,
} from './wideScenario.js';
import { ReferenceRefusal, referenceCost } from '../../shared/reference/referenceCosting.js';
import { compare, compareInput } from './compareWithEngine.js';

function parsed(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(`invalid scenario: ${JSON.stringify(result.issues)}`);
  return result.value;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
}

describe('engine against the naive reference reading of COSTING.md', () => {
  const agreeOn = (input: unknown) => {
    const diffs = compareInput(input);
    if (diffs.length > 0) throw new Error(`${diffs.length} figures differ:\n${diffs.slice(0, 12).join('\n')}`);
  };
  const runs = (n: number) => ({ numRuns: Math.round(n * Number(process.env.DIFF_RUNS_SCALE ?? 1)) });

  // The naive reference costs a wide scenario in about a second (every prefix, value of 1% per
  // year, the no-step costings), hence the longer timeouts.
  const slow = 600_000;
  it(
    'random scenarios (tests/engine/arbitraryScenario.ts) agree on every figure, to the cent',
    () => {
      fc.assert(fc.property(scenarioArb, agreeOn), runs(25));
    },
    slow,
  );

  it(
    'wider random scenarios (other calendars, terms, bases, pays, overrides, every 1.2 field) agree on every figure',
    () => {
      fc.assert(fc.property(wideScenarioArb, agreeOn), runs(25));
    },
    slow,
  );

  it(
    'random scenarios with 10-place rates, FTEs and pays and odd hours (rounding ties) agree on every figure',
    () => {
      fc.assert(fc.property(roundingScenarioArb, agreeOn), runs(15));
    },
    slow,
  );

  it(
    'terms of up to 10 fiscal years agree on every figure',
    () => {
      fc.assert(fc.property(longTermScenarioArb, agreeOn), runs(8));
    },
    slow,
  );

  it(
    'classes of up to 99 steps with 10-place rates agree on every figure',
    () => {
      fc.assert(fc.property(manyStepsScenarioArb, agreeOn), runs(10));
    },
    slow,
  );

  it(
    'proposals of 100 to 200 provisions agree on every figure',
    () => {
      fc.assert(fc.property(manyProvisionsScenarioArb, agreeOn), runs(2));
    },
    slow,
  );

  it(
    'an input just outside a bound of §1 is refused by both, at the same path',
    () => {
      fc.assert(
        fc.property(outOfBoundsScenarioArb, ({ input, path }) => {
          const parsed = parseScenario(input);
          expect(parsed.ok ? [] : parsed.issues.map((i) => i.path)).toContain(path);
          expect(() => referenceCost(structuredClone(input))).toThrow(ReferenceRefusal);
          expect(compareInput(input)).toEqual([]);
        }),
        runs(40),
      );
    },
    slow,
  );

  /** Hand-built cases that must be refused (an error naming the row), by both sides. */
  const refused = new Set(['healthTierNoEntryYet', 'healthTierProvisionCovers', 'ssMissingBase']);
  for (const [name, input] of Object.entries(namedCases)) {
    it(`hand-built case ${name} ${refused.has(name) ? 'is refused by both' : 'agrees on every figure'}`, () => {
      // Refused: by the engine's validation or its costing, at the path the reference names.
      if (refused.has(name)) expect(() => referenceCost(structuredClone(input))).toThrow(ReferenceRefusal);
      else expect(() => referenceCost(parsed(input))).not.toThrow();
      expect(compareInput(input)).toEqual([]);
    });
  }

  it('hand computation: a pension delta stacks on a same-day rate override whatever the order (A1)', () => {
    // Monthly pay, 5,000.00 a month, tier p: 0.10 from 2020, 0.20 from 2027-01-01 (assumptions).
    // Proposal: delta −0.03 then rate 0.15, both 2026-09-01. The rate overrides the assumptions
    // (including the 2027 entry); the delta adds to it: Jul–Aug 0.10 → 2 × 500.00; Sep–Jun 0.12 →
    // 10 × 600.00; FY2027 7,000.00. Baseline: 6 × 500.00 + 6 × 1,000.00 = 9,000.00.
    const r = referenceCost(parsed(namedCases.pensionDeltaThenRateSameDay));
    expect(r.baseline.FY2027!.pension).toBe('9000.00');
    expect(r.proposals[0]!.byFiscalYear.FY2027!.pension).toBe('7000.00');
    expect(costScenario(parsed(namedCases.pensionDeltaThenRateSameDay)).proposals[0]!.byFiscalYear.FY2027!.pension).toBe('7000.00');
  });

  it('hand computation: Social Security YTD at the start of a horizon with a 261-day pay lag', () => {
    // Biweekly from 2020-01-01, pay date = end + 261, FY (June start) 2027 = pay dates 2026-06-01 …
    // 2027-05-31: first costed period 2025-09-03…16, paid 2026-06-04. Eleven earlier periods are paid
    // in 2026 (the first 2025-04-02…15, paid 2026-01-01): YTD₀ = 11 × 3,288.00 (80 h × 41.10).
    // .062 × 3,288.00 = 203.856. 2026: 16 periods paid 2026-06-04 … 2026-12-31, withholding telescopes
    // to round₂(203.856 × 27) − round₂(203.856 × 11) = 5,504.11 − 2,242.42 = 3,261.69 (the base,
    // 198,000, never binds); 2027: 10 periods from YTD 0, round₂(203.856 × 10) = 2,038.56.
    // FY2027: 5,300.25 (YTD₀ = 0 would give 5,300.26).
    const r = referenceCost(parsed(namedCases.ssLongLag));
    expect(r.baseline.FY2027!.socialSecurity).toBe('5300.25');
  });

  it('hand computation: a slid step date never lands before the end of the freeze (R4)', () => {
    // Biweekly from 2026-06-20; monthly rates 5,000 / 5,100 / 5,200 → 2,307.69 / 2,353.85 / 2,400.00 a
    // period. Step dates 2026-09-01 and 2027-09-01; freeze 2026-09-10 + 3 months (to 12-10), slide.
    // 09-01 triggers the period starting 09-12, inside the freeze: it moves to max(12-01, 12-10) =
    // 12-10 → period 12-19 instead of 09-12: 7 periods × −46.16 = −323.12 in FY2027 (12-01 would
    // give 6 periods). 2027-09-01 moves by 3 months to 12-01 → period 2027-12-04 instead of 09-11:
    // 6 × −46.15 = −276.90 in FY2028.
    const r = referenceCost(parsed(namedCases.freezeSlideBeforeE2)).proposals[0]!;
    expect([r.increase.FY2027!.wages, r.increase.FY2028!.wages]).toEqual(['-323.12', '-276.90']);
  });

  it('the reference reproduces the guides of COSTING.md §8 (payroll 3%×3, 3% + 2% in one year)', () => {
    const payroll = referenceCost(parsed(namedCases.guidePayroll)).proposals[0]!;
    const fys = ['FY2027', 'FY2028', 'FY2029'];
    expect(fys.map((fy) => payroll.increase[fy]!.wages)).toEqual(['30000.00', '60900.00', '92727.00']);
    expect(payroll.increaseTotal.wages).toBe('183627.00');
    // The guide's 5,145.00 / 10,444.35 / 15,902.68, within monthly per-period rounding.
    expect(fys.map((fy) => payroll.increase[fy]!.pension)).toEqual(['5145.00', '10444.32', '15902.64']);
    expect(payroll.compoundedWageIncrease).toBe('0.092727');
    const inYear = referenceCost(parsed(namedCases.guideInYear));
    expect(inYear.proposals[0]!.percentOfBase.FY2027).toBe('0.040300');
    // Lift 5.06%: 120,000 × 1.03 × 1.02 − 120,000 = 6,072.00.
    expect(inYear.proposals[0]!.ongoingAnnualIncrease).toBe('6072.00');
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
