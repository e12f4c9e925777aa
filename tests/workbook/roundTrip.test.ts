import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../shared/scenario.js';
import { Decimal } from '../../shared/money.js';
import { scenarioToSheets, gridValues } from '../../shared/workbook/scenarioToSheets.js';
import { sheetsToScenario } from '../../shared/workbook/sheetsToScenario.js';
import { INPUT_TABLES, SHEET } from '../../shared/workbook/layout.js';
import type { SheetValues } from '../../shared/workbook/grid.js';
import { sample12Scenario, sampleScenario } from './sampleScenario.js';
import { formatWorkbookIssue } from '../../shared/workbook/workbookIssues.js';
import { columnLetter } from '../../shared/workbook/grid.js';

const asRead =
  (withFormats: boolean) =>
  (g: ReturnType<typeof scenarioToSheets>[number]): SheetValues => {
    const v = gridValues(g);
    return withFormats ? v : { name: v.name, cells: v.cells };
  };

describe('scenario → sheets → scenario', () => {
  it('gives back the sample scenario exactly', () => {
    const s = sampleScenario();
    const back = sheetsToScenario(scenarioToSheets(s).map(asRead(true)));
    expect(back).toEqual({ ok: true, scenario: s });
  });

  it('writes the four input sheets in order, ids as text and decimals as numbers with their places in the format', () => {
    const sheets = scenarioToSheets(sampleScenario());
    expect(sheets.map((s) => s.name)).toEqual([SHEET.schedule, SHEET.roster, SHEET.assumptions, SHEET.proposals]);
    const schedule = sheets[0]!;
    expect(schedule.cells[2]!.slice(3, 7)).toEqual(['PO', 'Police Officer', 12, 45.12]);
    expect(schedule.formats[3]![6]).toBe('#,##0.00'); // "58.10" → 58.1 shown with 2 places
    const assumptions = sheets[2]!;
    expect(assumptions.cells[2]![5]).toBe(0.1325);
    expect(assumptions.formats[2]![5]).toBe('0.00%');
    expect(assumptions.formats[3]![5]).toBe('0.00%'); // "0.1410"
    expect(sheets[1]!.cells[2]![0]).toBe('E1001');
    expect(sheets[1]!.formats[2]![0]).toBe('@');
  });

  it('without number formats, decimals read back with the same value (money padded to 2 places)', () => {
    const s = sampleScenario();
    const back = sheetsToScenario(scenarioToSheets(s).map(asRead(false)));
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.scenario.assumptions.pension.classic![1]!.rate).toBe('0.141');
    expect(back.scenario.assumptions.health.family![0]!.monthly).toBe('2150.00');
    expect(back.scenario.schedule.classes[1]!.steps[0]).toBe('58.10');
    expect(back.scenario.roster).toEqual(s.roster);
  });

  it('reads what analysts type: text numbers, percents, dates as serials and Date objects, yes/no', () => {
    const sheets = scenarioToSheets(sampleScenario()).map(asRead(false));
    const roster = sheets[1]!;
    roster.cells[2]![3] = '1.0'; // FTE as text
    roster.cells[2]![5] = 43722; // hire date as an Excel serial: 2019-09-14
    roster.cells[2]![6] = new Date(Date.UTC(2026, 8, 14));
    roster.cells[2]![8] = 'no';
    roster.cells[2]![0] = 1001; // an id typed as a number
    const assumptions = sheets[2]!;
    assumptions.cells[2]![5] = '13.25%';
    const back = sheetsToScenario(sheets);
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    const row = back.scenario.roster.rows[0]!;
    expect(row).toMatchObject({ id: '1001', fte: '1.0', hireDate: '2019-09-14', nextStepDate: '2026-09-14', socialSecurity: false });
    expect(back.scenario.assumptions.pension.classic![0]!.rate).toBe('0.1325');
  });

  it('gives back a scenario with every 1.2 field exactly: funds, departments, dated and filtered roll-ups, the new provisions and lump sums, retro pay, budget, term costs', () => {
    const s = sample12Scenario();
    const sheets = scenarioToSheets(s);
    expect(sheetsToScenario(sheets.map(asRead(true)), { checks: 'schema' })).toEqual({ ok: true, scenario: s });
    const roster = sheets[1]!;
    expect(roster.cells[1]!.slice(14, 16)).toEqual(['Fund', 'Department']);
    expect(roster.cells.slice(2, 5).map((r) => r[14])).toEqual(['GF', 'GF:0.6, GRANT:0.4', '"ONE:FUND":1']);
    const assumptions = sheets[2]!;
    const rollups = assumptions.cells.slice(1, 6).map((r) => r.slice(14, 20));
    expect(rollups).toEqual([
      ['Name', 'Rate', 'On', 'From', 'Classes', 'Pension tiers'],
      ["Workers' comp", 0.031, 'taxable', null, null, null],
      ['STRS', 0.216, 'pensionable', '2025-07-01', 'PO', 'classic, pepra'],
      ['STRS', 0.221, null, '2027-07-01', null, null],
      ['OPEB', 0.015, 'taxable', '2026-01-01', null, null],
    ]);
    const termCosts = assumptions.cells.find((r) => r[0] === 'Term costs');
    expect(termCosts?.[1]).toBe('term');
    const proposals = sheets[3]!;
    expect(proposals.cells[2]!.slice(0, 3)).toEqual(['City offer', 'management', '2026-10-15']);
    expect(proposals.cells[3]!.slice(0, 3)).toEqual(['Budgeted 2%', 'budget', null]);
  });

  it('reads a 1.1 workbook (without the 1.2 columns and settings) to the same scenario', () => {
    const s = sampleScenario();
    const sheets = scenarioToSheets(s).map(asRead(true));
    // The 1.2 columns sit at the end of their tables: blanking them leaves the 1.1 layout (1.1 column counts).
    const columns11: Record<string, number> = { RosterRows: 14, OtherRollups: 3, ProposalList: 2, ProvisionRows: 21 };
    for (const table of INPUT_TABLES) {
      const keep = columns11[table.name];
      if (keep === undefined) continue;
      const sheet = sheets.find((x) => x.name === table.sheet)!;
      for (let c = table.firstColumn + keep; c < table.firstColumn + table.columns.length; c++) for (const row of sheet.cells) row[c] = null;
    }
    for (const sheet of sheets) sheet.cells = sheet.cells.filter((r) => r[0] !== 'Term costs');
    expect(sheets[1]!.cells[1]!.filter((h) => h !== null)).toEqual([
      ...'ID,Class,Step,FTE,Count,Hire date,Next step date,Pension tier,Social Security,Medicare,Health tier,Overtime hours,Special pays,Vacant'.split(','),
      'Setting',
      'Value',
    ]);
    expect(sheetsToScenario(sheets)).toEqual({ ok: true, scenario: s });
  });

  it('a percent typed as 3 (300%) is refused at its cell, and 0.03 shown as 3% is fine', () => {
    const s = sampleScenario();
    const sheets = scenarioToSheets(s).map(asRead(true));
    const proposals = sheets[3]!;
    const percentColumn = proposals.cells[1]!.indexOf('Percent');
    proposals.cells[2]![percentColumn] = 3;
    proposals.formats![2]![percentColumn] = '0';
    const r = sheetsToScenario(sheets);
    expect(r.ok ? [] : r.issues.map(formatWorkbookIssue)).toEqual([`Proposals!${columnLetter(percentColumn)}3 (Percent): 3 would be 300%: write 0.03 for 3%`]);
    proposals.cells[2]![percentColumn] = 0.03;
    proposals.formats![2]![percentColumn] = '0%';
    expect(sheetsToScenario(sheets)).toEqual({ ok: true, scenario: s });
  });

  it('finds tables that an analyst moved down and right', () => {
    const sheets = scenarioToSheets(sampleScenario()).map(asRead(true));
    const roster = sheets[1]!;
    roster.cells = [[], [], ...roster.cells.map((r) => [null, ...r])];
    roster.formats = [[], [], ...roster.formats!.map((r) => [null, ...r])];
    const back = sheetsToScenario(sheets);
    expect(back.ok).toBe(true);
  });
});

// ── property: any valid scenario survives the round trip ───────────────────────────────────

const code = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,5}$/);
const text = fc.oneof(
  fc.string({ maxLength: 12 }).filter((s) => s.trim() === s && s !== ''),
  fc.constantFrom('=1+2', '+SUM(A1)', '-minus', '@cmd', "'quoted", 'Ünïcødé ✓'),
);
/** Decimal strings with 0–4 places, trailing zeros included, sometimes beyond double precision. */
const decimal = (maxWhole: number) =>
  fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: maxWhole }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 9999 }))
        .map(([w, p, f]) => (p === 0 ? String(w) : `${w}.${String(f).padStart(4, '0').slice(0, p)}`)),
    },
    { weight: 1, arbitrary: fc.constant('123456789.0123456789') },
  );
const positive = (maxWhole: number) => decimal(maxWhole).filter((d) => new Decimal(d).gt(0));
const fraction = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 4 })).map(([f, p]) => `0.${String(f).padStart(4, '0').slice(0, p)}`);
/** A fund code (sometimes holding ":" or ","), or a split whose shares add up to exactly 1. */
const fundCode = fc.oneof(code, fc.constantFrom('A:B', 'X,Y', 'Ünï'));
const fund = fc.oneof(
  fundCode,
  fc.uniqueArray(fundCode, { minLength: 2, maxLength: 3 }).chain((funds) =>
    fc.array(fc.integer({ min: 1, max: 9 }), { minLength: funds.length - 1, maxLength: funds.length - 1 }).map((tenths) => {
      // Shares in tenths, the last part gets the rest (at least 0.1): e.g. 0.3, 0.2, 0.5.
      const shares = tenths.map((t) => Math.max(1, Math.floor(t / funds.length)));
      return funds.map((f, i) => ({
        fund: f,
        share: i < shares.length ? `0.${shares[i]}` : String(new Decimal(1).minus(shares.reduce((a, b) => a + b, 0) / 10)),
      }));
    }),
  ),
);
const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

const scenarioArb = fc
  .record({
    classes: fc.uniqueArray(
      fc.record({
        code,
        title: fc.option(text, { nil: undefined }),
        steps: fc.array(positive(200), { minLength: 1, maxLength: 7 }),
        stepMonths: fc.integer({ min: 1, max: 24 }),
      }),
      { minLength: 1, maxLength: 3, selector: (c) => c.code },
    ),
    ratePlaces: fc.integer({ min: 0, max: 4 }),
    rows: fc.array(
      fc.record({
        id: code,
        stepPick: fc.nat(),
        classPick: fc.nat(),
        fte: fc.constantFrom('1', '0.5', '0.75', '1.0'),
        count: fc.integer({ min: 1, max: 40 }),
        hireDate: fc.option(day, { nil: undefined }),
        ss: fc.boolean(),
        vacant: fc.boolean(),
        ot: decimal(300),
        pays: fc.subarray(['A,1', 'B "q"']),
        fund: fc.option(fund, { nil: undefined }),
        department: fc.option(code, { nil: undefined }),
      }),
      { maxLength: 6 },
    ),
    pension: fc.array(fc.record({ from: day, rate: fraction }), { minLength: 1, maxLength: 3 }),
    rollups: fc.uniqueArray(
      fc.record({
        name: text,
        rate: fc.option(fraction, { nil: undefined }),
        rates: fc.uniqueArray(fc.record({ from: day, rate: fraction }), { minLength: 1, maxLength: 3, selector: (r) => r.from }),
        on: fc.constantFrom('pensionable', 'taxable'),
        pensionTiers: fc.option(fc.constant(['classic']), { nil: undefined }),
      }),
      { maxLength: 3, selector: (r) => r.name },
    ),
    termCosts: fc.constantFrom('fiscalYears', 'term'),
    wageBases: fc.uniqueArray(fc.integer({ min: 2020, max: 2035 }), { maxLength: 3 }),
    unitName: text,
    proposals: fc.uniqueArray(
      fc.record({
        name: text,
        side: fc.option(fc.constantFrom('union', 'management', 'joint', 'other'), { nil: undefined }),
        retroPayDate: fc.option(day, { nil: undefined }),
        provisions: fc.array(
          fc.oneof(
            fc.record({ type: fc.constant('gwi'), percent: fraction, effective: day, label: fc.option(text, { nil: undefined }) }),
            fc.record({ type: fc.constant('lumpSum'), amount: decimal(5000), payDate: day, prorateByFte: fc.boolean() }),
            fc.record({ type: fc.constant('stepFreeze'), effective: day, months: fc.integer({ min: 1, max: 24 }), mode: fc.constantFrom('keep', 'slide') }),
            fc.record({
              type: fc.constant('flat'),
              amount: decimal(90000),
              fiscalYears: fc.uniqueArray(
                fc.integer({ min: 2025, max: 2030 }).map((y) => `FY${y}`),
                { minLength: 1, maxLength: 3 },
              ),
            }),
            fc.record({
              type: fc.constant('longevity'),
              effective: day,
              bands: fc.uniqueArray(fc.record({ years: fc.integer({ min: 0, max: 30 }), percent: fraction }), { maxLength: 3, selector: (b) => b.years }),
            }),
            fc.record({ type: fc.constant('pensionRate'), effective: day, tier: fc.constant('classic'), delta: fc.constantFrom('-0.03', '0.005') }),
            fc.record({ type: fc.constant('lumpSum'), percent: fraction, payDate: day, pensionable: fc.boolean() }),
            fc.record({ type: fc.constant('lumpSum'), days: decimal(20), daysPerYear: fc.constantFrom('185', '260.5'), payDate: day }),
            fc.record({ type: fc.constant('minimumRate'), amount: positive(60), rateBasis: fc.constantFrom('hourly', 'annual'), effective: day }),
            fc.record({ type: fc.constant('flat'), amount: decimal(90000), fiscalYears: fc.constant(['FY2027']), fund, department: code }),
          ),
          { maxLength: 4 },
        ),
      }),
      { maxLength: 3, selector: (p) => p.name },
    ),
  })
  .map((g) => ({
    format: 'bargaining-costing/scenario@1',
    unit: { id: 'U1', name: g.unitName },
    calendar: { payFrequency: 'monthly' },
    term: { start: '2026-07-01', end: '2028-06-30', costs: g.termCosts },
    schedule: { id: 'S1', effective: '2025-07-01', ratePlaces: g.ratePlaces, classes: g.classes.map((c) => ({ ...c, title: c.title ?? '' })) },
    roster: {
      extractDate: '2019-12-31',
      rows: g.rows.map((r, i) => {
        const cls = g.classes[r.classPick % g.classes.length]!;
        return {
          id: `${r.id}-${i}`,
          class: cls.code,
          step: 1 + (r.stepPick % cls.steps.length),
          fte: r.fte,
          count: r.count,
          ...(r.hireDate ? { hireDate: r.hireDate } : {}),
          socialSecurity: r.ss,
          vacant: r.vacant,
          overtimeHours: r.ot,
          pays: r.pays,
          pensionTier: 'classic',
          ...(r.fund === undefined ? {} : { fund: r.fund }),
          ...(r.department === undefined ? {} : { department: r.department }),
        };
      }),
    },
    assumptions: {
      id: 'A1',
      pension: { classic: g.pension },
      socialSecurity: { wageBase: Object.fromEntries(g.wageBases.map((y) => [String(y), '176100'])) },
      // A roll-up has one rate or dated rates; the first ones are limited to the first class.
      otherRollups: g.rollups.map(({ rate, rates, ...r }, i) => ({
        ...r,
        ...(rate === undefined ? { rates } : { rate }),
        ...(i === 0 ? { classes: [g.classes[0]!.code] } : {}),
      })),
      specialPays: { 'A,1': { percent: '0.05', pensionable: true }, 'B "q"': { amount: '12.50', per: 'hour' } },
    },
    // Provisions that name what the generated schedule has: a class's step, a roll-up.
    proposals: g.proposals.map((p, pi) => ({
      ...p,
      provisions: [
        ...p.provisions,
        ...(pi === 0
          ? [
              { type: 'setRate', class: g.classes[0]!.code, step: 1, amount: '42.50', effective: '2026-07-01' },
              { type: 'dropSteps', classes: [g.classes[0]!.code], count: 1, effective: '2027-07-01' },
            ]
          : []),
        ...(pi === 0 && g.rollups.length > 0 ? [{ type: 'rollupRate', name: g.rollups[0]!.name, effective: '2027-01-01', delta: '-0.002' }] : []),
      ],
    })),
  }));

describe('round-trip property', () => {
  it('every valid scenario comes back equal, with and without text that looks like a formula', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const parsed = parseScenario(input);
        if (!parsed.ok) throw new Error(`generator made an invalid scenario: ${JSON.stringify(parsed.issues)}`);
        // The generator makes schema-valid scenarios, not always costable ones: the format is what is checked here.
        const back = sheetsToScenario(scenarioToSheets(parsed.value).map(asRead(true)), { checks: 'schema' });
        expect(back).toEqual({ ok: true, scenario: parsed.value });
      }),
      { numRuns: 150 },
    );
  });
});

describe('lists in one cell', () => {
  it('codes holding commas, semicolons or quotes are quoted and read back', () => {
    const s = sampleScenario();
    s.assumptions.specialPays['A,B'] = { percent: '0.01', pensionable: false };
    s.assumptions.specialPays['say "hi"; ok'] = { percent: '0.02', pensionable: false };
    s.roster.rows[0]!.pays = ['POST_INT', 'A,B', 'say "hi"; ok'];
    const sheets = scenarioToSheets(s);
    expect(sheets[1]!.cells[2]![12]).toBe('POST_INT, "A,B", "say ""hi""; ok"');
    expect(sheetsToScenario(sheets.map(asRead(true)))).toEqual({ ok: true, scenario: s });
  });

  it('an unterminated quote in a list is a problem named by its cell', () => {
    const sheets = scenarioToSheets(sampleScenario()).map(asRead(true));
    sheets[1]!.cells[2]![12] = 'POST_INT, "BIL';
    const r = sheetsToScenario(sheets);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ cell: 'Roster!M3', header: 'Special pays' });
  });
});
