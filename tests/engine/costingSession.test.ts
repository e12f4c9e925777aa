import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costScenario, parseScenario, type Scenario, type ScenarioInput } from '../../shared/index.js';
import { CostingSession, sameJson } from '../../shared/engine/costingSession.js';
import { costIncrease } from '../../shared/engine/costScenario.js';
import { syntheticUnit } from '../../shared/syntheticUnit.js';
import { provisionArb, retroPayDateArb, rowArb, scenarioArb } from './arbitraryScenario.js';

type Input = ScenarioInput;
type Provision = NonNullable<Input['proposals']>[number]['provisions'][number];

// A session must answer every scenario exactly as costScenario does — the same figures, byte for
// byte as JSON, or the same error — whatever it kept from the scenarios costed before.

/** costScenario's answer as text: the result's JSON, or the error's message and issues. */
function outcome(cost: () => unknown): string {
  try {
    return `result ${JSON.stringify(cost())}`;
  } catch (error) {
    const issues = (error as { issues?: unknown }).issues;
    return `error ${error instanceof Error ? error.message : String(error)} ${JSON.stringify(issues ?? null)}`;
  }
}

function parsed(input: Input): Scenario | null {
  const result = parseScenario(input);
  return result.ok ? result.value : null;
}

/** One step from the scenario costed last to the next, as an analyst or the what-if control makes it. */
type Change =
  | { kind: 'percent'; proposal: number; at: number; percent: string }
  | { kind: 'date'; proposal: number; at: number; days: number }
  | { kind: 'add'; proposal: number; at: number; provision: Provision }
  | { kind: 'remove'; proposal: number; at: number }
  | { kind: 'swap'; proposal: number; at: number; with: number }
  | { kind: 'retro'; proposal: number; retroPayDate: string | undefined }
  | { kind: 'whatIf'; proposal: number }
  | { kind: 'rename'; proposal: number }
  | { kind: 'baseline'; medicareRate: string }
  | { kind: 'roster'; at: number; fte: string };

const index = fc.nat({ max: 9 });
const changeArb: fc.Arbitrary<Change> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('percent' as const),
      proposal: index,
      at: index,
      percent: fc.integer({ min: 0, max: 60 }).map((t) => (t / 1000).toFixed(3)),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('date' as const), proposal: index, at: index, days: fc.integer({ min: -200, max: 200 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), proposal: index, at: index, provision: provisionArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), proposal: index, at: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap' as const), proposal: index, at: index, with: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retro' as const), proposal: index, retroPayDate: retroPayDateArb }) },
  fc.record({ kind: fc.constant('whatIf' as const), proposal: index }),
  fc.record({ kind: fc.constant('rename' as const), proposal: index }),
  fc.record({ kind: fc.constant('baseline' as const), medicareRate: fc.constantFrom('0.0145', '0.015') }),
  fc.record({ kind: fc.constant('roster' as const), at: index, fte: fc.constantFrom('1', '0.5', '0.8') }),
);

const shifted = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

function changed(input: Input, change: Change): Input {
  const next = structuredClone(input);
  const proposals = next.proposals ?? [];
  const proposal = proposals.length === 0 || !('proposal' in change) ? undefined : proposals[change.proposal % proposals.length]!;
  const provisions = proposal?.provisions ?? [];
  const at = (i: number) => (provisions.length === 0 ? -1 : i % provisions.length);
  switch (change.kind) {
    case 'percent': {
      const p = provisions[at(change.at)] as Record<string, unknown> | undefined;
      if (p !== undefined && typeof p.percent === 'string') p.percent = change.percent;
      break;
    }
    case 'date': {
      const p = provisions[at(change.at)] as Record<string, unknown> | undefined;
      for (const field of ['effective', 'payDate']) if (p !== undefined && typeof p[field] === 'string') p[field] = shifted(p[field], change.days);
      break;
    }
    case 'add':
      provisions.splice(provisions.length === 0 ? 0 : change.at % (provisions.length + 1), 0, structuredClone(change.provision));
      break;
    case 'remove':
      if (provisions.length > 0) provisions.splice(at(change.at), 1);
      break;
    case 'swap':
      if (provisions.length > 1) [provisions[at(change.at)], provisions[at(change.with)]] = [provisions[at(change.with)]!, provisions[at(change.at)]!];
      break;
    case 'retro':
      if (proposal !== undefined) {
        if (change.retroPayDate === undefined) delete proposal.retroPayDate;
        else proposal.retroPayDate = change.retroPayDate;
      }
      break;
    case 'whatIf':
      // The pane's what-if: only the varied proposal, renamed.
      if (proposal !== undefined) next.proposals = [{ ...proposal, name: `${proposal.name} (what-if)` }];
      break;
    case 'rename':
      if (proposal !== undefined) proposal.name = `${proposal.name}′`;
      break;
    case 'baseline':
      next.assumptions.medicareRate = change.medicareRate;
      break;
    case 'roster': {
      const row = next.roster.rows[change.at % next.roster.rows.length];
      if (row !== undefined) row.fte = change.fte;
      break;
    }
  }
  return next;
}

/** The generated unit with a second proposal, so one proposal can change while the other is kept. */
const startArb = fc
  .tuple(scenarioArb, fc.array(provisionArb, { maxLength: 4 }), fc.array(rowArb, { maxLength: 0 }))
  .map(([input, more]): Input => ({ ...input, proposals: [...(input.proposals ?? []), { name: 'Q', side: 'management', provisions: more }] }));

describe('a costing session', () => {
  it('costs every scenario of a sequence of changes exactly as costScenario does (byte-identical JSON, or the same error)', () => {
    let compared = 0;
    let reused = 0;
    fc.assert(
      fc.property(startArb, fc.array(changeArb, { minLength: 1, maxLength: 6 }), (start, changes) => {
        const session = new CostingSession();
        let input = start;
        for (const change of [null, ...changes]) {
          if (change !== null) input = changed(input, change);
          const scenario = parsed(input);
          if (scenario === null) continue;
          const expected = outcome(() => costScenario(scenario));
          expect(outcome(() => session.cost(scenario))).toBe(expected);
          compared++;
          reused += session.lastReuse.reused;
        }
      }),
      { numRuns: 60 },
    );
    // The session did reuse runs (it is not a plain costing in disguise).
    expect(compared).toBeGreaterThan(100);
    expect(reused).toBeGreaterThan(compared);
  });

  it('answers a what-if on the 200-row synthetic unit reusing the baseline and the provisions before the changed one', () => {
    const unit = parsed(syntheticUnit(200))!;
    const session = new CostingSession();
    expect(JSON.stringify(session.cost(unit))).toBe(JSON.stringify(costScenario(unit)));
    expect(session.lastReuse.context).toBe(false);

    // The union's year-2 raise at 3% instead of 3.5%, alone in the scenario as the pane sends it.
    const union = unit.proposals[0]!;
    const whatIf = (percent: string): Scenario => ({
      ...unit,
      proposals: [
        {
          ...union,
          name: 'Union proposal (what-if)',
          provisions: union.provisions.map((p, i) => (i === 1 ? { ...p, percent } : p)),
        },
      ],
    });
    for (const percent of ['0.03', '0.025']) {
      const scenario = whatIf(percent);
      expect(JSON.stringify(session.cost(scenario))).toBe(JSON.stringify(costScenario(scenario)));
      // Kept: the baseline (itself, no step movement, the value of 1% in each of 3 years), the 1st
      // provision's prefix and the value of 1% in FY2027 (before the raise). Four runs from the first
      // period resume at FY2028's start: provisions 2 and 3's prefixes, the no-step and the no-retro run.
      expect(session.lastReuse).toMatchObject({ context: true, reused: 7, resumed: 4 });
    }
    // The same what-if again: every run comes back.
    const again = whatIf('0.025');
    expect(JSON.stringify(session.cost(again))).toBe(JSON.stringify(costScenario(again)));
    expect(session.lastReuse.reused).toBe(session.lastReuse.runs);

    // Another roster: nothing is kept.
    const roster = { ...again, roster: { ...again.roster, rows: again.roster.rows.slice(1) } };
    expect(JSON.stringify(session.cost(roster))).toBe(JSON.stringify(costScenario(roster)));
    expect(session.lastReuse).toMatchObject({ context: false, reused: 0 });
  });

  it("answers a what-if's comparison (costIncrease) with the full costing's figures, alone or in a session, or the same error", () => {
    /** The comparison's figures taken from the full report — the independent computation here. */
    const fromReport = (scenario: Scenario) =>
      outcome(() => {
        const r = costScenario(scenario);
        return {
          fiscalYears: r.fiscalYears,
          baseline: r.baseline,
          proposals: r.proposals.map((p) => ({
            name: p.name,
            ...(p.side !== undefined ? { side: p.side } : {}),
            byFiscalYear: p.byFiscalYear,
            increase: p.increase,
            increaseTotal: p.increaseTotal,
          })),
        };
      });
    let compared = 0;
    fc.assert(
      fc.property(
        startArb,
        fc.array(changeArb, { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
        (start, changes, report) => {
          const session = new CostingSession();
          let input = start;
          for (const [i, change] of [null, ...changes].entries()) {
            if (change !== null) input = changed(input, change);
            const scenario = parsed(input);
            if (scenario === null) continue;
            const expected = fromReport(scenario);
            expect(outcome(() => costIncrease(scenario))).toBe(expected);
            // A session answers a what-if after reports and other what-ifs alike.
            if (report[i] === true) expect(outcome(() => session.cost(scenario))).toBe(outcome(() => costScenario(scenario)));
            else expect(outcome(() => session.costIncrease(scenario))).toBe(expected);
            compared++;
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(compared).toBeGreaterThan(100);
  });

  it('re-costs one run for a what-if after the costing of the whole scenario', () => {
    const unit = parsed(syntheticUnit(200))!;
    const session = new CostingSession();
    session.cost(unit);
    const city = unit.proposals[1]!;
    const union = unit.proposals[0]!;
    const whatIf = (proposal: typeof city, at: number, percent: string): Scenario => ({
      ...unit,
      proposals: [{ ...proposal, name: `${proposal.name} (what-if)`, provisions: proposal.provisions.map((p, i) => (i === at ? { ...p, percent } : p)) }],
    });
    // The city's first raise (from the first period): the baseline comes back, the whole offer is
    // costed once — where a report re-costs 6 prefixes, no-step and 3 value-of-1% years.
    const first = whatIf(city, 0, '0.03');
    expect(JSON.stringify(session.costIncrease(first).proposals[0]!.increase)).toBe(JSON.stringify(costScenario(first).proposals[0]!.increase));
    expect(session.lastReuse).toEqual({ context: true, runs: 2, reused: 1, resumed: 0 });
    // The union's year-3 raise: its whole costing resumes at FY2029's start from the one kept.
    const third = whatIf(union, 2, '0.025');
    expect(JSON.stringify(session.costIncrease(third).proposals[0]!.increaseTotal)).toBe(JSON.stringify(costScenario(third).proposals[0]!.increaseTotal));
    expect(session.lastReuse).toEqual({ context: true, runs: 2, reused: 1, resumed: 1 });
  });

  it('compares scenario parts structurally, keys in order', () => {
    expect(sameJson({ a: [1, { b: '2' }] }, { a: [1, { b: '2' }] })).toBe(true);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
    expect(sameJson({ a: undefined }, {})).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
