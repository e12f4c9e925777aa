import { describe, expect, it } from 'vitest';
import { checkScenario, parseScenario, parseScenarioText } from '../../shared/scenario.js';
import type { Provision } from '../../shared/schemas/scenario.js';
import { costingIssues } from '../../shared/validation/costingIssues.js';
import { cost, monthlyScenario, parse } from './scenarioBuilder.js';

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
    s.extra = true;
    const issues = issuesOf(s);
    expect(issues).toContain('roster.rows[0].fte: must be a decimal string such as "45.12", not a JSON number');
    expect(issues).toContain('term.start: 2026-02-30 does not exist');
    // Named at the field itself, not at the object holding it.
    expect(issues).toContain(
      'extra: is not a field here: remove it or check its spelling (fields here: format, unit, calendar, term, schedule, roster, assumptions, proposals)',
    );
  });

  it('refuses a JSON float even when it is whole (§1: "a JSON float anywhere is an error"), which JSON.parse cannot see', () => {
    const text = JSON.stringify(monthlyScenario({ rows: [{ count: 2 }, { step: 2, label: 'count: 1.0, step: 2e0' } as never] }))
      .replace('"count":2', '"count":2.0')
      .replace('"step":2', '"step":2e0')
      .replace('"hoursPerYear":2080', '"hoursPerYear":2080.00');
    const r = parseScenarioText(text);
    expect(r.ok).toBe(false);
    // The text inside a string is not a number: only the three tokens are named.
    expect(r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'schedule.hoursPerYear: 2080.00 is a JSON float (COSTING.md §1): write 2080 where a whole number belongs, or "2080.00" where a decimal does',
      'roster.rows[0].count: 2.0 is a JSON float (COSTING.md §1): write 2 where a whole number belongs, or "2.0" where a decimal does',
      'roster.rows[1].step: 2e0 is a JSON float (COSTING.md §1): write 2 where a whole number belongs, or "2e0" where a decimal does',
    ]);
    // No whole number to suggest for 1e308 or 0.5 (Number would print 1e+308): a decimal string is the fix.
    const huge = parseScenarioText(JSON.stringify(monthlyScenario({ rows: [{ count: 2 }] })).replace('"count":2', '"count":1e308'));
    expect(huge.ok ? [] : huge.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'roster.rows[0].count: 1e308 is a JSON float (COSTING.md §1): write a decimal as a string, e.g. "100.00", and a whole number without a point or exponent',
    ]);
    // Written as integers, the same rows are accepted.
    const clean = parseScenarioText(JSON.stringify(monthlyScenario({ rows: [{ count: 2 }, { step: 2 }] })));
    expect(clean.ok).toBe(true);
  });

  it('says at which line and column a JSON syntax error is, with the line, for a person with an editor', () => {
    // A trailing comma after the second row (line 4): JSON.parse names only the character position.
    const text = '{\n  "rows": [\n    {"id": "E1"},\n    {"id": "E2"},\n  ]\n}\n';
    const r = parseScenarioText(text);
    expect(r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      `(document): not valid JSON at line 5, column 3 (]): ${(() => {
        try {
          JSON.parse(text);
          return '';
        } catch (error) {
          return (error as Error).message;
        }
      })()}`,
    ]);
  });

  it('requires firstPeriodStart for biweekly pay, unique roster ids, defined pay codes and classes', () => {
    const s = monthlyScenario({
      calendar: { payFrequency: 'biweekly' },
      rows: [
        { id: 'X', pays: ['NOPE'] },
        { id: 'X', class: 'Z' },
      ],
      provisions: [{ type: 'gwi', percent: '0.02', effective: '2026-07-01', classes: ['Q'] }],
    });
    const issues = issuesOf(s);
    expect(issues).toEqual(
      expect.arrayContaining([
        'calendar.firstPeriodStart: is required for biweekly pay (the first day of any pay period)',
        'roster.rows[1].id: roster id X is used twice (also rows[0])',
        'roster.rows[0].pays[0]: special pay `NOPE` is not defined in assumptions.specialPays (pays defined: none)',
        'roster.rows[1].class: class `Z` is not in the schedule (classes: A, B)',
        'proposals[0].provisions[0].classes[0]: class `Q` is not in the schedule (classes: A, B)',
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

  it("says zod's problems in plain words: a misspelt field at its own path with the field meant, a list where text was given, a bad year key, a fund that is neither form", () => {
    const s = monthlyScenario({ rows: [{}, {}, {}] }) as unknown as { roster: { rows: Record<string, unknown>[] }; assumptions: Record<string, unknown> };
    s.roster.rows[0]!.pensiontier = 'classic'; // one letter's case away from pensionTier
    s.roster.rows[1]!.pays = 'POST';
    s.roster.rows[2]!.fund = 5;
    s.assumptions.socialSecurity = { wageBase: { '27': '168600' } };
    expect(issuesOf(s)).toEqual([
      'roster.rows[0].pensiontier: is not a field here: did you mean pensionTier?',
      'roster.rows[1].pays: must be a list [ … ], not text',
      'roster.rows[2].fund: must be a fund code ("GF") or a list of {fund, share} whose shares add up to 1',
      'assumptions.socialSecurity.wageBase["27"]: must be a calendar year such as "2027"',
    ]);
  });

  it('a renamed field: the field meant is required, and the name written is not a field, with the one meant', () => {
    const s = monthlyScenario({ provisions: [{ type: 'gwi', effectiveDate: '2026-07-01', percent: '0.03' } as unknown as Provision] });
    expect(issuesOf(s)).toEqual([
      'proposals[0].provisions[0].effective: is required',
      'proposals[0].provisions[0].effectiveDate: is not a field here: did you mean effective?',
    ]);
  });

  it('a fund split whose shares are wrong gets the split\'s own problem, not "Invalid input"', () => {
    const s = monthlyScenario({
      rows: [
        {
          fund: [
            { fund: 'GF', share: '0.5' },
            { fund: 'GRANT', share: '0.6' },
          ],
        },
      ],
    });
    expect(issuesOf(s)).toEqual(['roster.rows[0].fund: the shares add up to 1.1: they must add up to exactly 1']);
  });

  it('a tier named by a provision or a roll-up filter must have rates: a misspelling is refused with the tiers that exist, never a silent zero', () => {
    const assumptions = {
      pension: { classic: [{ from: '2020-01-01', rate: '0.1' }], pepra: [{ from: '2020-01-01', rate: '0.08' }] },
      health: { family: [{ from: '2020-01-01', monthly: '1500.00' }] },
      otherRollups: [{ name: 'Retiree health', rate: '0.02', pensionTiers: ['Classic'] }],
    };
    const s = monthlyScenario({
      assumptions,
      provisions: [
        { type: 'pensionRate', effective: '2027-01-01', tier: 'Classic', delta: '-0.01' },
        { type: 'health', effective: '2027-01-01', tier: 'Family', monthly: '1600.00' },
      ],
    });
    expect(issuesOf(s)).toEqual([
      'assumptions.otherRollups[0].pensionTiers[0]: pension tier `Classic` has no rates in assumptions.pension; tiers with rates: classic, pepra',
      'proposals[0].provisions[0].tier: pension tier `Classic` has no rates in assumptions.pension; tiers with rates: classic, pepra',
      'proposals[0].provisions[1].tier: health tier `Family` has no contributions in assumptions.health; tiers with contributions: family',
    ]);
  });

  it('a special pay named like an object property (constructor, toString) is not found in the prototype', () => {
    const s = monthlyScenario({ rows: [{ pays: ['constructor'] }] });
    expect(issuesOf(s)).toEqual(['roster.rows[0].pays[0]: special pay `constructor` is not defined in assumptions.specialPays (pays defined: none)']);
  });

  it('a percent hint is only given when it is itself a valid percent', () => {
    const rates = (medicareRate: string) => issuesOf(monthlyScenario({ assumptions: { medicareRate } }));
    expect(rates('1.45')).toEqual(['assumptions.medicareRate: 1.45 would be 145%: write 0.0145 for 1.45%']);
    // 250000 / 100 = 2500 is no percent either, and 0.000000000145 has 12 places.
    expect(rates('250000')).toEqual(['assumptions.medicareRate: 250000 is out of range: a percent is a fraction between -1 and 1 (0.03 is 3%)']);
    expect(rates('1.0000000145')).toEqual(['assumptions.medicareRate: 1.0000000145 is out of range: a percent is a fraction between -1 and 1 (0.03 is 3%)']);
  });

  it('a UTF-8 byte-order mark before the JSON is skipped (RFC 8259 §8.1)', () => {
    const text = JSON.stringify(monthlyScenario());
    expect(parseScenarioText(`\uFEFF${text}`)).toEqual(parseScenarioText(text));
    expect(parseScenarioText(`\uFEFF${text}`).ok).toBe(true);
  });

  it('checks the rest of a document around the rows and provisions the schema refuses, citing rows as written', () => {
    const s = monthlyScenario({
      rows: [
        { pensionTier: 'classic' },
        { step: 'x' as unknown as number }, // set aside: the schema refuses it
        { pensionTier: 'Classic' },
        { id: 'R1' }, // set aside in the second round: its id is R1's
        { class: 'ZZ' },
        { pensionTier: 'pepra' },
      ],
      assumptions: { pension: { classic: [{ from: '2020-01-01', rate: '0.1' }] } },
      provisions: [{ type: 'lumpSum', amount: '-100.00', payDate: '2026-08-01' }],
    }) as unknown as { proposals: unknown[] };
    // A proposal with a refused provision has all its provisions set aside: the first one's warning still comes.
    s.proposals.push({
      name: 'Bad',
      provisions: [
        { type: 'gwi', percent: '3', effective: '2026-08-01' },
        { type: 'lumpSum', amount: '-5.00', payDate: '2026-08-01' },
      ],
    });
    const r = checkScenario(s);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'roster.rows[1].step: must be a whole number',
      'proposals[1].provisions[0].percent: 3 would be 300%: write 0.03 for 3%',
      'roster.rows[3].id: roster id R1 is used twice (also rows[0])',
      'roster.rows[4].class: class `ZZ` is not in the schedule (classes: A, B)',
      'roster.rows[2].pensionTier: pension tier `Classic` has no rates in assumptions.pension (row R3); tiers with rates: classic',
      'roster.rows[5].pensionTier: pension tier `pepra` has no rates in assumptions.pension (row R6); tiers with rates: classic',
    ]);
    expect(r.warnings.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'proposals[0].provisions[0].amount: a negative one-time payment (-100.00): a give-back; check the sign',
    ]);
  });

  it('a problem outside rows and provisions (the calendar) stops there: the rest cannot be costed without it', () => {
    const s = monthlyScenario({ calendar: { payFrequency: 'fortnightly' as 'weekly' }, rows: [{ pensionTier: 'Classic' }] });
    const r = checkScenario(s);
    expect(!r.ok && r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(['calendar.payFrequency: must be one of biweekly, weekly, semimonthly, monthly']);
  });

  it('a negative one-time payment is a give-back warning however it is given: amount, percent or days', () => {
    const s = monthlyScenario({
      provisions: [
        { type: 'lumpSum', percent: '-0.01', payDate: '2026-12-15' },
        { type: 'lumpSum', days: '-2', payDate: '2026-12-15' },
      ],
    });
    expect(checkScenario(s).warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'proposals[0].provisions[0].percent: a negative one-time payment (-0.01): a give-back; check the sign',
      'proposals[0].provisions[1].days: a negative one-time payment (-2): a give-back; check the sign',
    ]);
  });

  it('a specialPay without classes for a code no row has changes nothing: a warning, not a silent zero', () => {
    const s = monthlyScenario({
      rows: [{ pays: ['POST'] }],
      assumptions: { specialPays: { POST: { percent: '0.05' } } },
      provisions: [
        { type: 'specialPay', code: 'post', percent: '0.06', effective: '2026-07-01' },
        { type: 'specialPay', code: 'POST', percent: '0.06', effective: '2026-07-01' },
      ],
    });
    expect(checkScenario(s).warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'proposals[0].provisions[0].code: no roster row has special pay `post`: this provision changes nothing; check the code, or give classes to grant it to every row of those classes',
    ]);
  });

  it('__proto__ as a tier or pay code is refused where it is defined: a parsed key so named vanishes', () => {
    // JSON.parse keeps "__proto__" as a key; zod's records drop it, so without this check the
    // tier's rates would be silently gone and the row would read as in an unknown tier.
    const text = JSON.stringify(monthlyScenario({ rows: [{ pensionTier: 'classic' }] })).replace(
      '"assumptions":{"id":"A1"}',
      '"assumptions":{"id":"A1","pension":{"classic":[{"from":"2020-01-01","rate":"0.1"}],"__proto__":[{"from":"2020-01-01","rate":"0.1"}]},"specialPays":{"__proto__":{"percent":"0.05"}}}',
    );
    const r = parseScenarioText(text);
    expect(!r.ok && r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      "assumptions.pension.__proto__: __proto__ cannot be a code (it names every object's prototype): rename it here and where rows use it",
      "assumptions.specialPays.__proto__: __proto__ cannot be a code (it names every object's prototype): rename it here and where rows use it",
    ]);
  });

  it("a fixed cost's fiscal year that is neither FY2027 nor 2027 says what to write", () => {
    const s = monthlyScenario({ provisions: [{ type: 'flat', amount: '1000.00', fiscalYears: [true as unknown as string] }] });
    expect(issuesOf(s)).toEqual(['proposals[0].provisions[0].fiscalYears[0]: must name a fiscal year such as "FY2027" (or 2027)']);
  });

  it('an empty class code is said once: it must not be empty (not also "not in the schedule")', () => {
    expect(issuesOf(monthlyScenario({ rows: [{ class: '' }] }))).toEqual(['roster.rows[0].class: must not be empty']);
  });

  it('a swap of two letters is one edit: cdoe suggests code', () => {
    const s = monthlyScenario() as unknown as { schedule: { classes: Record<string, unknown>[] } };
    s.schedule.classes[1] = { cdoe: 'B', steps: ['4000.00'] };
    expect(issuesOf(s)).toEqual(['schedule.classes[1].code: is required', 'schedule.classes[1].cdoe: is not a field here: did you mean code?']);
  });

  it('reports JSON syntax errors as an issue', () => {
    const r = parseScenarioText('{"format": ');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]!.path).toBe('(document)');
  });

  it('a tier with no rate in effect is an error naming the row and the date, never a silent zero', () => {
    expect(() => cost(monthlyScenario({ rows: [{ pensionTier: 'safety' }] }))).toThrow(
      'roster.rows[0].pensionTier: pension tier `safety` has no rates in assumptions.pension (row R1); tiers with rates: none',
    );
    expect(() =>
      cost(monthlyScenario({ rows: [{ healthTier: 'family' }], assumptions: { health: { family: [{ from: '2027-01-01', monthly: '100.00' }] } } })),
    ).toThrow(
      'roster.rows[0].healthTier: health tier family has no contribution in effect in the first costed period (2026-07-01 – 2026-07-31, paid 2026-07-31) (row R1): its first contribution is from 2027-01-01; add one from 2026-07-01 or earlier in assumptions.health.family',
    );
    expect(() =>
      cost(
        monthlyScenario({
          rows: [{ pensionTier: 'Classic' }],
          assumptions: { pension: { classic: [{ from: '2020-01-01', rate: '0.1' }], pepra: [{ from: '2020-01-01', rate: '0.08' }] } },
        }),
      ),
    ).toThrow('roster.rows[0].pensionTier: pension tier `Classic` has no rates in assumptions.pension (row R1); tiers with rates: classic, pepra');
  });
});

describe('bounds (COSTING.md §1 1.2)', () => {
  it('an FTE above 1 or of 0 costs as written (§1 bounds it only as a decimal), with a warning', () => {
    const input = monthlyScenario({
      rows: [{ fte: '1.25' }, { fte: '0', healthTier: 'h' }],
      provisions: [{ type: 'gwi', percent: '0.03', effective: '2026-07-01' }],
      assumptions: { health: { h: [{ from: '2020-01-01', monthly: '1000.00' }] } },
    });
    expect(checkScenario(input).warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      "roster.rows[0].fte: an FTE above 1 (1.25): row R1 costs 125% of one full-time employee's pay; for several positions, use count",
      'roster.rows[1].fte: an FTE of 0: row R2 costs no pay; its health and any amount not prorated by FTE are still costed',
    ]);
    const result = cost(input);
    // Monthly rates, 12 periods: R1 base 5,000.00 × 12 × 1.25 / 12 = 6,250.00 a period, 75,000.00 in
    // FY2027; R2 no pay, health 1,000.00 × 12 / 12 = 1,000.00 a period, 12,000.00.
    expect(result.baseline.FY2027).toMatchObject({ wages: '75000.00', health: '12000.00', total: '87000.00' });
    // 3%: 5,150.00 × 1.25 = 6,437.50 a period, 187.50 more × 12 = 2,250.00; R2's none.
    expect(result.proposals[0]!.increase.FY2027).toMatchObject({ wages: '2250.00', total: '2250.00' });
    // FTE 1.25 + 0: per FTE 87,000.00 / 1.25 = 69,600.00 and 2,250.00 / 1.25 = 1,800.00.
    expect(result.fte).toBe('1.25');
    expect(result.baselinePerFte?.FY2027).toBe('69600.00');
    expect(result.proposals[0]!.increasePerFte?.FY2027).toBe('1800.00');
  });

  it('a repeated bad value is reported at every place it appears, with the same words (verdicts are remembered per text)', () => {
    const bad = () => monthlyScenario({ rows: [{ fte: '-0.5' }, { fte: '1' }, { fte: '-0.5' }] });
    const expected = [
      'roster.rows[0].fte: must not be negative (1 is full time, 0.5 half time)',
      'roster.rows[2].fte: must not be negative (1 is full time, 0.5 half time)',
    ];
    expect(issuesOf(bad()).filter((i) => i.includes('.fte'))).toEqual(expected);
    // A second file: the remembered verdicts give the same issues.
    expect(issuesOf(bad()).filter((i) => i.includes('.fte'))).toEqual(expected);
  });

  it('a percent is a fraction: "3" would be 300%', () => {
    expect(issuesOf(monthlyScenario({ provisions: [{ type: 'gwi', percent: '3', effective: '2026-07-01' }] }))).toEqual([
      'proposals[0].provisions[0].percent: 3 would be 300%: write 0.03 for 3%',
    ]);
    expect(issuesOf(monthlyScenario({ provisions: [{ type: 'gwi', percent: '-1', effective: '2026-07-01' }] }))).toEqual([
      'proposals[0].provisions[0].percent: -1 would be -100%: write -0.01 for -1%',
    ]);
    expect(issuesOf(monthlyScenario({ provisions: [{ type: 'gwi', percent: '0.9999999999', effective: '2026-07-01' }] }))).toEqual([]);
    // The other ways a person writes 3%: each message shows a percent, not a pay rate.
    expect(issuesOf(monthlyScenario({ provisions: [{ type: 'gwi', percent: '3%', effective: '2026-07-01' }] }))).toEqual([
      'proposals[0].provisions[0].percent: write "0.03" for 3%: a percent is a fraction, without the % sign',
    ]);
    expect(issuesOf(monthlyScenario({ provisions: [{ type: 'gwi', percent: 0.03 as never, effective: '2026-07-01' }] }))).toEqual([
      'proposals[0].provisions[0].percent: must be a decimal string such as "0.03" (3%), not a JSON number',
    ]);
    expect(issuesOf(monthlyScenario({ provisions: [{ type: 'gwi', percent: 'three', effective: '2026-07-01' }] }))).toEqual([
      'proposals[0].provisions[0].percent: must be a decimal string such as "0.03" (3%)',
    ]);
  });

  it('at most 10 decimal places and below 10¹²', () => {
    expect(issuesOf(monthlyScenario({ schedule: { classes: [{ code: 'A', title: 'A', steps: ['99999999999999999999.00'] }] } }))).toEqual([
      'schedule.classes[0].steps[0]: must be below 1000000000000 (10¹²) in absolute value',
    ]);
    expect(issuesOf(monthlyScenario({ rows: [{ fte: '0.12345678901' }] }))).toEqual(['roster.rows[0].fte: has 11 decimal places: at most 10 are allowed']);
  });

  it('rates lie in [0, 1), at most 99 steps, 10 fiscal years, 20 proposals', () => {
    expect(issuesOf(monthlyScenario({ assumptions: { medicareRate: '1' } }))).toEqual(['assumptions.medicareRate: 1 would be 100%: write 0.01 for 1%']);
    const steps = Array.from({ length: 100 }, (_, i) => `${1000 + i}.00`);
    expect(issuesOf(monthlyScenario({ schedule: { classes: [{ code: 'A', title: 'A', steps }] } }))).toEqual([
      'schedule.classes[0].steps: a class has at most 99 steps',
    ]);
    expect(issuesOf(monthlyScenario({ term: { start: '2026-07-01', end: '2036-07-01' } }))).toEqual([
      'term.end: the term spans 11 fiscal years (FY2027–FY2037): a costing covers at most 10',
    ]);
    const many = { ...monthlyScenario(), proposals: Array.from({ length: 21 }, (_, i) => ({ name: `P${i}`, provisions: [] })) };
    expect(issuesOf(many)).toEqual(['proposals: a scenario has at most 20 proposals']);
  });

  it('a missing or renamed field is required; free text refuses what a workbook cannot hold', () => {
    const issues = issuesOf(monthlyScenario({ provisions: [{ type: 'gwi', percent: '0.03', effectiveDate: '2026-07-01' } as never] }));
    expect(issues).toContain('proposals[0].provisions[0].effective: is required');
    expect(issues.some((i) => i.includes('effectiveDate'))).toBe(true);
    expect(issuesOf(monthlyScenario({ provisions: [{ type: 'gwi', percent: '0.03', effective: '2026-07-01', label: 'bad\u0007\uFFFF' }] }))).toEqual([
      'proposals[0].provisions[0].label: contains U+0007, U+FFFF, which a workbook cannot hold: remove them',
    ]);
  });

  it('1.2 fields: fund shares add up to 1, one budget, roll-up names exist', () => {
    expect(
      issuesOf(
        monthlyScenario({
          rows: [
            {
              fund: [
                { fund: 'GF', share: '0.6' },
                { fund: 'GRANT', share: '0.3' },
              ],
            },
          ],
        }),
      ),
    ).toEqual(['roster.rows[0].fund: the shares add up to 0.9: they must add up to exactly 1']);
    expect(issuesOf(monthlyScenario({ rows: [{ department: 'unassigned' }] }))).toEqual([
      'roster.rows[0].department: "unassigned" is reserved for rows without a fund or department: use another code',
    ]);
    expect(
      issuesOf(
        monthlyScenario({
          assumptions: { otherRollups: [{ name: 'STRS', rate: '0.1' }] },
          provisions: [{ type: 'rollupRate', name: 'strs', rate: '0.2', effective: '2026-07-01' }],
        }),
      ),
    ).toEqual(['proposals[0].provisions[0].name: roll-up `strs` is not in assumptions.otherRollups; roll-ups: STRS']);
    expect(issuesOf(monthlyScenario({ provisions: [{ type: 'lumpSum', percent: '0.035', payDate: '2026-12-15', prorateByFte: true }] }))).toEqual([
      'proposals[0].provisions[0].prorateByFte: prorateByFte goes with amount only: a percent lump sum already takes the FTE from the base pay',
    ]);
  });
});

describe('costingIssues: validate refuses everything cost refuses, every problem at once', () => {
  const check = (input: Parameters<typeof parse>[0]) => costingIssues(parse(input));
  const lines = (list: readonly { path: string; message: string }[]) => list.map((i) => `${i.path}: ${i.message}`);
  const tiers = { pension: { classic: [{ from: '2020-07-01', rate: '0.1325' }], pepra: [{ from: '2020-07-01', rate: '0.0812' }] } };

  it('an unknown tier lists the tiers that have rates; every row that names it is reported', () => {
    const input = monthlyScenario({ rows: [{ pensionTier: 'Classic' }, { pensionTier: 'classic' }, { pensionTier: 'Classic' }], assumptions: tiers });
    expect(lines(check(input).issues)).toEqual([
      'roster.rows[0].pensionTier: pension tier `Classic` has no rates in assumptions.pension (row R1); tiers with rates: classic, pepra',
      'roster.rows[2].pensionTier: pension tier `Classic` has no rates in assumptions.pension (row R3); tiers with rates: classic, pepra',
    ]);
    expect(() => cost(input)).toThrow(/pensionTier/);
  });

  it('rates that start after the first costed period: the period, the first rate and what to add', () => {
    // Monthly pay, FY2027: the first costed period is July 2026, paid on its last day (no lag).
    const input = monthlyScenario({ rows: [{ healthTier: 'family' }], assumptions: { health: { family: [{ from: '2027-01-01', monthly: '100.00' }] } } });
    expect(lines(check(input).issues)).toEqual([
      'roster.rows[0].healthTier: health tier family has no contribution in effect in the first costed period (2026-07-01 – 2026-07-31, paid 2026-07-31) (row R1): its first contribution is from 2027-01-01; add one from 2026-07-01 or earlier in assumptions.health.family',
    ]);
    expect(() => cost(input)).toThrow(/healthTier/);
    const inTime = monthlyScenario({ rows: [{ healthTier: 'family' }], assumptions: { health: { family: [{ from: '2026-07-01', monthly: '100.00' }] } } });
    expect(check(inTime).issues).toEqual([]);
    expect(() => cost(inTime)).not.toThrow();
  });

  it('with term.costs "term" the first costed period is the term\'s, as for cost', () => {
    // Term from Oct 1: costing whole fiscal years starts with July 2026, costing the term with October.
    const rates = { health: { family: [{ from: '2026-10-01', monthly: '100.00' }] } };
    const whole = monthlyScenario({ rows: [{ healthTier: 'family' }], term: { start: '2026-10-01', end: '2027-06-30' }, assumptions: rates });
    expect(lines(check(whole).issues)).toEqual([
      expect.stringMatching(
        /^roster\.rows\[0\]\.healthTier: health tier family has no contribution in effect in the first costed period \(2026-07-01 – 2026-07-31/,
      ),
    ]);
    expect(() => cost(whole)).toThrow(/healthTier/);
    const term = monthlyScenario({ rows: [{ healthTier: 'family' }], term: { start: '2026-10-01', end: '2027-06-30', costs: 'term' }, assumptions: rates });
    expect(check(term).issues).toEqual([]);
    expect(() => cost(term)).not.toThrow();
    // A term in which no monthly period is paid: one problem, not a crash.
    const empty = monthlyScenario({ term: { start: '2026-10-02', end: '2026-10-20', costs: 'term' } });
    expect(lines(check(empty).issues)).toEqual(['term: no pay period is paid within the term: there is nothing to cost']);
    expect(() => cost(empty)).toThrow(/nothing to cost/);
  });

  it('a missing Social Security wage base: each calendar year the horizon pays in, with the years given', () => {
    // FY2027 monthly pays July 2026 … June 2027: calendar years 2026 and 2027.
    const input = monthlyScenario({ rows: [{}, { socialSecurity: true }], assumptions: { socialSecurity: { rate: '0.062', wageBase: { '2025': '176100' } } } });
    expect(lines(check(input).issues)).toEqual([
      'assumptions.socialSecurity.wageBase: no Social Security wage base for 2026, needed from the period paid 2026-07-31 by row R2 (roster.rows[1]) and every row with socialSecurity: true; years with a wage base: 2025',
      'assumptions.socialSecurity.wageBase: no Social Security wage base for 2027, needed from the period paid 2027-01-31 by row R2 (roster.rows[1]) and every row with socialSecurity: true; years with a wage base: 2025',
    ]);
    expect(() => cost(input)).toThrow(/wage base/);
  });

  it('lists at most 200 problems and counts the rest', () => {
    const input = monthlyScenario({ rows: Array.from({ length: 250 }, () => ({ pensionTier: 'none' })) });
    const result = check(input);
    expect(result.issues).toHaveLength(200);
    expect(result.omitted).toBe(50);
    const checked = checkScenario(input);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues).toHaveLength(201);
    expect(checked.issues[200]).toEqual({ path: '(document)', message: '… and 50 more problems not listed: fix these and validate again' });
  });

  it('schema problems are capped the same way: 250 bad FTEs list 200 and count 50', () => {
    const checked = checkScenario(monthlyScenario({ rows: Array.from({ length: 250 }, () => ({ fte: '-2' })) }));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues).toHaveLength(201);
    expect(checked.issues[0]!.path).toBe('roster.rows[0].fte');
    expect(checked.issues[200]!.message).toBe('… and 50 more problems not listed: fix these and validate again');
  });

  it('a special pay added across kinds fails in every costing that holds it, as cost does', () => {
    const input = monthlyScenario({
      assumptions: { specialPays: { POST: { percent: '0.05' } } },
      provisions: [{ type: 'specialPay', code: 'POST', amount: '100.00', per: 'month', mode: 'add', effective: '2026-09-01' }],
    });
    expect(lines(check(input).issues)).toEqual([
      'proposals[0].provisions[0]: cannot add an amount per month to special pay POST, which is a percent of base pay (class A): use mode "set", or add the same kind',
    ]);
    expect(() => cost(input)).toThrow(/cannot add/);
  });

  it('negative one-time and flat amounts are allowed, with a warning each', () => {
    const input = monthlyScenario({
      provisions: [
        { type: 'lumpSum', amount: '-500.00', payDate: '2026-12-15' },
        { type: 'flat', amount: '-1000.00', fiscalYears: ['FY2027', 'FY2031'] },
      ],
    });
    const result = check(input);
    expect(result.issues).toEqual([]);
    expect(lines(result.warnings)).toEqual([
      'proposals[0].provisions[0].amount: a negative one-time payment (-500.00): a give-back; check the sign',
      'proposals[0].provisions[1].amount: a negative flat amount (-1000.00): a saving; check the sign',
      'proposals[0].provisions[1].fiscalYears[1]: FY2031 is outside the costed fiscal years (FY2027 – FY2027): this amount is not costed there',
    ]);
    expect(() => cost(input)).not.toThrow();
  });

  it('a setRate listed before the addStep that creates its step fails in its own prefix costing; listed after, it is fine', () => {
    // Class B has 2 steps. The addStep (Sep 1) makes step 3 before the setRate's date (Jan 1), but
    // byProvision costs provision 1 alone first, where class B still has 2 steps.
    const setRate = { type: 'setRate' as const, class: 'B', step: 3, amount: '4500.00', effective: '2027-01-01' };
    const addStep = { type: 'addStep' as const, percent: '0.05', effective: '2026-09-01', classes: ['B'] };
    expect(lines(check(monthlyScenario({ provisions: [setRate, addStep] })).issues)).toEqual([
      'proposals[0].provisions[0].step: class B has no step 3 on 2027-01-01 (2 steps): a provision that creates the step must come before this one: listed before it, and dated on or before 2027-01-01',
    ]);
    expect(() => cost(monthlyScenario({ provisions: [setRate, addStep] }))).toThrow(/no step 3/);
    expect(check(monthlyScenario({ provisions: [addStep, setRate] })).issues).toEqual([]);
    expect(() => cost(monthlyScenario({ provisions: [addStep, setRate] }))).not.toThrow();
  });

  it('dropSteps must leave a step; addStep may not pass 99 steps', () => {
    const drop = monthlyScenario({ provisions: [{ type: 'dropSteps', classes: ['B'], count: 2, effective: '2026-09-01' }] });
    expect(lines(check(drop).issues)).toEqual([
      'proposals[0].provisions[0].count: a class must keep at least one step: it has 2 on 2026-09-01, and 2 would be dropped (class B)',
    ]);
    const steps99 = Array.from({ length: 99 }, (_, i) => `${1000 + i}.00`);
    const full = monthlyScenario({
      schedule: { classes: [{ code: 'A', title: 'A', steps: steps99 }] },
      provisions: [{ type: 'addStep', percent: '0.05', effective: '2026-09-01' }],
    });
    expect(lines(check(full).issues)).toEqual(['proposals[0].provisions[0]: on 2026-09-01 the class would have 100 steps: at most 99 (class A)']);
    expect(() => cost(drop)).toThrow(/keep at least one step/);
    expect(() => cost(full)).toThrow(/100 steps/);
  });

  it('a retro pay date after the last costed pay date is refused; on the last one it is fine', () => {
    // FY2027 monthly, no lag: the last costed period is June 2027, paid 2027-06-30.
    const late = monthlyScenario({ provisions: [{ type: 'gwi', percent: '0.03', effective: '2026-07-01' }] });
    late.proposals![0]!.retroPayDate = '2027-07-01';
    expect(lines(check(late).issues)).toEqual([
      'proposals[0].retroPayDate: 2027-07-01 is after the last costed pay date 2027-06-30: the retro pay would fall outside the costing; give a date on or before 2027-06-30, or leave retroPayDate out',
    ]);
    expect(() => cost(late)).toThrow(/retroPayDate/);
    late.proposals![0]!.retroPayDate = '2027-06-30';
    expect(check(late).issues).toEqual([]);
    expect(() => cost(late)).not.toThrow();
  });

  it('a dated roll-up that starts late is refused when it applies to some row, once, with the row count', () => {
    const rollups = [
      { name: 'STRS', rates: [{ from: '2026-08-01', rate: '0.216' }], classes: ['A'] },
      { name: 'PERS', rates: [{ from: '2026-08-01', rate: '0.3379' }], classes: ['B'] },
    ];
    const input = monthlyScenario({ rows: [{}, { step: 2 }], assumptions: { otherRollups: rollups } });
    expect(lines(check(input).issues)).toEqual([
      'assumptions.otherRollups[0].rates: roll-up STRS has no rate in effect in the first costed period (2026-07-01 – 2026-07-31, paid 2026-07-31), and applies to 2 roster rows (first: R1): its first rate is from 2026-08-01; add one from 2026-07-01 or earlier',
    ]);
    expect(() => cost(input)).toThrow(/STRS/);
  });
});
