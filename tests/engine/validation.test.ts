import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from '../../shared/index.js';
import { cost, monthlyScenario } from './scenarioBuilder.js';

const issuesOf = (input: unknown) => {
  const r = parseScenario(input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('scenario validation names the JSON path and the reason', () => {
  it('refuses an impossible step with the class and its step count', () => {
    const s = monthlyScenario({ rows: [{}, { step: 9 }] });
    expect(issuesOf(s)).toEqual(['roster.rows[1].step: step 9 does not exist in class A (3 steps)']);
  });

  it('refuses unknown keys, JSON floats and malformed dates', () => {
    const s = monthlyScenario({ rows: [{ fte: 0.5 as unknown as string }] }) as unknown as Record<string, unknown>;
    (s.term as Record<string, unknown>).start = '2026-02-30';
    (s).extra = true;
    const issues = issuesOf(s);
    expect(issues).toContain('roster.rows[0].fte: must be a decimal string such as "45.12", not a JSON number');
    expect(issues).toContain('term.start: must be a calendar date written YYYY-MM-DD');
    expect(issues.some((i) => i.startsWith('(document)') && i.includes('extra'))).toBe(true);
  });

  it('requires firstPeriodStart for biweekly pay, unique roster ids, defined pay codes and classes', () => {
    const s = monthlyScenario({
      calendar: { payFrequency: 'biweekly' },
      rows: [{ id: 'X', pays: ['NOPE'] }, { id: 'X', class: 'Z' }],
      provisions: [{ type: 'gwi', percent: '0.02', effective: '2026-07-01', classes: ['Q'] }],
    });
    const issues = issuesOf(s);
    expect(issues).toEqual(
      expect.arrayContaining([
        'calendar.firstPeriodStart: is required for biweekly pay (the first day of any pay period)',
        'roster.rows[1].id: roster id X is used twice (also rows[0])',
        'roster.rows[0].pays[0]: special pay NOPE is not defined in assumptions.specialPays',
        'roster.rows[1].class: class Z is not in the schedule',
        'proposals[0].provisions[0].classes[0]: class Q is not in the schedule',
      ]),
    );
  });

  it('a step date on or before the extract date is stale for a row below the top step only', () => {
    expect(issuesOf(monthlyScenario({ rows: [{ step: 1, nextStepDate: '2026-05-01' }] }))).toEqual([
      'roster.rows[0].nextStepDate: step date 2026-05-01 is on or before the extract date 2026-05-31 for a row below the top step: the payroll extract is stale',
    ]);
    expect(issuesOf(monthlyScenario({ rows: [{ step: 3, nextStepDate: '2026-05-01' }] }))).toEqual([]);
    expect(issuesOf(monthlyScenario({ rows: [{ step: 1, vacant: true, nextStepDate: '2026-05-01' }] }))).toEqual([]);
  });

  it('reports JSON syntax errors as an issue', () => {
    const r = parseScenarioText('{"format": ');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]!.path).toBe('(document)');
  });

  it('a tier with no rate in effect is an error naming the row and the date, never a silent zero', () => {
    expect(() => cost(monthlyScenario({ rows: [{ pensionTier: 'safety' }] }))).toThrow(
      'roster.rows[0].pensionTier: no pension rate for tier safety is in effect on 2026-07-01 (row R1)',
    );
    expect(() =>
      cost(monthlyScenario({ rows: [{ healthTier: 'family' }], assumptions: { health: { family: [{ from: '2027-01-01', monthly: '100.00' }] } } })),
    ).toThrow('roster.rows[0].healthTier: no health contribution for tier family is in effect on 2026-07-01 (row R1)');
  });
});

describe('amounts beyond exact arithmetic', () => {
  it('are a costing input error, not a crash', () => {
    expect(() => cost(monthlyScenario({ schedule: { classes: [{ code: 'A', title: 'A', steps: ['99999999999999999999.00'] }] } }))).toThrow(
      /^\(document\): an amount is too large to cost exactly to the cent/,
    );
  });
});
