import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { costScenario } from '../../shared/engine/costScenario.js';
import { Timeline } from '../../shared/engine/timeline.js';
import { parseScenario } from '../../shared/scenario.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import { syntheticUnit } from '../../shared/syntheticUnit.js';
import { mayBeRefusedBeyondIntegerCents, mayPassIntegerCents } from '../../shared/validation/integerCentsBound.js';
import { monthlyScenario, parse } from './scenarioBuilder.js';

const example = (name: string): Scenario => {
  const parsed = parseScenario(JSON.parse(readFileSync(`examples/${name}.json`, 'utf8')));
  if (!parsed.ok) throw new Error(name);
  return parsed.value;
};
const mayPass = (s: Scenario) => mayPassIntegerCents(s, new Timeline(s).fiscalYears.length);

describe('whether a costing could pass 2⁵³ integer cents (validate costs those that might, to refuse what cost refuses)', () => {
  it('no real scenario comes near: the examples and a 10,000-row unit', () => {
    for (const name of ['police', 'miscellaneous', 'police-settlement-1.2']) expect(mayPass(example(name))).toBe(false);
    const synthetic = parseScenario(syntheticUnit(10_000));
    expect(synthetic.ok && mayPass(synthetic.value)).toBe(false);
  });

  it('inputs near the bounds of §1 do: 10¹² employees in a row, a top step near 10¹², 190 raises of 99%', () => {
    const police = example('police');
    expect(mayPass({ ...police, roster: { ...police.roster, rows: police.roster.rows.map((r, i) => (i === 0 ? { ...r, count: 1e12 } : r)) } })).toBe(true);
    const topStep = structuredClone(police);
    topStep.schedule.classes[0]!.steps[topStep.schedule.classes[0]!.steps.length - 1] = '999999999999.99';
    expect(mayPass(topStep)).toBe(true);
    const raises = structuredClone(police);
    raises.proposals[0]!.provisions = Array.from({ length: 190 }, () => ({ type: 'gwi' as const, percent: '0.99', effective: '2026-07-01' }));
    expect(mayPass(raises)).toBe(true);
  });

  it('is an upper bound: a scenario the engine finds beyond integer cents is one it flags', () => {
    // One row at the 10¹² bound: 999,999,999,999.99 a month, 8 employees, one fiscal year:
    // 999,999,999,999.99 × 8 × 12 = 95,999,999,999,999.04 of wages, past 2⁵³ cents =
    // 90,071,992,547,409.92. The engine costs it in decimals (the work is small).
    const rate = { schedule: { classes: [{ code: 'A', title: 'A', steps: ['999999999999.99'] }] } };
    const s = parse(monthlyScenario({ rows: [{ count: 8 }], ...rate }));
    expect(costScenario(s).baseline.FY2027!.wages).toBe('95999999999999.04');
    expect(mayPass(s)).toBe(true);
    // One employee stays below: 999,999,999,999.99 × 12 = 11,999,999,999,999.88; the bound,
    // 11,999,999,999,999.88 × 1.01 (value of 1%) × 1.1 (long years) × 2 (retro) × 2 (differences)
    // ≈ 5.3 × 10¹³, is below $90 trillion too.
    const one = parse(monthlyScenario(rate));
    expect(costScenario(one).baseline.FY2027!.wages).toBe('11999999999999.88');
    expect(mayPass(one)).toBe(false);
  });

  it('a small scenario is never refused for its size: the decimal costing takes it', () => {
    const police = example('police');
    const one = { ...police, roster: { ...police.roster, rows: police.roster.rows.slice(0, 1).map((r) => ({ ...r, count: 1e12 })) } };
    expect(mayBeRefusedBeyondIntegerCents(one)).toBe(false);
    expect(mayBeRefusedBeyondIntegerCents(example('police'))).toBe(false);
  });
});
