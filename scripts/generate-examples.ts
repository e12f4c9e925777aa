// Writes examples/police.json and examples/miscellaneous.json: fictional but realistic units,
// deterministic (a fixed pseudo-random sequence), so the README's figures stay reproducible.
import { writeFileSync } from 'node:fs';
import { isoDaysAfter as iso, seededRandom as sequence } from '../shared/seededRandom.js';
import { parseScenario, type ScenarioInput } from '../shared/index.js';

const stepsFrom = (first: number, count: number, ratio = 1.05, places = 2) =>
  Array.from({ length: count }, (_, i) => (Math.round(first * ratio ** i * 10 ** places) / 10 ** places).toFixed(places));

type Row = ScenarioInput['roster']['rows'][number];

function roster(
  random: () => number,
  plan: { class: string; count: number; steps: number; pays?: [string, number][] }[],
  extra: (r: () => number) => Partial<Row>,
): Row[] {
  const rows: Row[] = [];
  let n = 1000;
  for (const p of plan) {
    for (let i = 0; i < p.count; i++) {
      const step = 1 + Math.floor(random() * p.steps);
      const years = Math.floor(random() * 28);
      const vacant = random() < 0.04;
      rows.push({
        id: `E${++n}`,
        class: p.class,
        step,
        hireDate: iso('1998-07-01', Math.floor((28 - years) * 365 + random() * 300)),
        ...(step < p.steps ? { nextStepDate: iso('2026-06-01', Math.floor(random() * 364)) } : {}),
        pays: (p.pays ?? []).filter(([, share]) => random() < share).map(([code]) => code),
        vacant,
        ...extra(random),
      });
    }
  }
  return rows;
}

function police(): ScenarioInput {
  const random = sequence(7);
  return {
    format: 'bargaining-costing/scenario@1',
    unit: { id: 'POA', name: 'Rivermouth Police Officers Association' },
    calendar: {
      fiscalYearStartMonth: 7,
      payFrequency: 'biweekly',
      firstPeriodStart: '2026-06-20',
      payLagDays: 6,
      fiscalYearBy: 'payDate',
      effectiveRule: 'periodStart',
    },
    term: { start: '2026-07-01', end: '2029-06-30' },
    schedule: {
      id: 'POA-2025-07',
      effective: '2025-07-01',
      rateBasis: 'hourly',
      hoursPerYear: 2080,
      ratePlaces: 2,
      classes: [
        { code: 'PO', title: 'Police Officer', stepMonths: 12, steps: ['45.12', '47.38', '49.75', '52.24', '54.85'] },
        { code: 'CPL', title: 'Police Corporal', stepMonths: 12, steps: stepsFrom(52.6, 5) },
        { code: 'SGT', title: 'Police Sergeant', stepMonths: 12, steps: stepsFrom(60.45, 5) },
        { code: 'LT', title: 'Police Lieutenant', stepMonths: 12, steps: stepsFrom(71.2, 4) },
        { code: 'RECR', title: 'Police Recruit', stepMonths: 6, steps: ['36.80', '38.64'] },
      ],
    },
    roster: {
      extractDate: '2026-05-31',
      rows: roster(
        random,
        [
          {
            class: 'PO',
            count: 152,
            steps: 5,
            pays: [
              ['POST_INT', 0.45],
              ['BIL', 0.12],
              ['FTO', 0.1],
            ],
          },
          {
            class: 'CPL',
            count: 31,
            steps: 5,
            pays: [
              ['POST_ADV', 0.6],
              ['BIL', 0.1],
            ],
          },
          { class: 'SGT', count: 26, steps: 5, pays: [['POST_ADV', 0.8]] },
          { class: 'LT', count: 9, steps: 4, pays: [['POST_ADV', 1]] },
          { class: 'RECR', count: 12, steps: 2 },
        ],
        (r) => ({
          pensionTier: r() < 0.55 ? 'classic' : 'pepra',
          socialSecurity: false,
          medicare: true,
          healthTier: ['single', 'plusOne', 'family', 'family'][Math.floor(r() * 4)]!,
          overtimeHours: String([60, 120, 180, 240, 320][Math.floor(r() * 5)]),
        }),
      ),
    },
    assumptions: {
      id: 'FY27-budget-v3',
      pension: {
        classic: [
          { from: '2025-07-01', rate: '0.3125' },
          { from: '2027-07-01', rate: '0.3240' },
        ],
        pepra: [{ from: '2025-07-01', rate: '0.1575' }],
      },
      socialSecurity: { rate: '0.062', wageBase: { '2026': '184500', '2027': '190800', '2028': '197400', '2029': '204000' } },
      medicareRate: '0.0145',
      otherRollups: [{ name: "Workers' comp", rate: '0.0625', on: 'taxable' }],
      health: {
        single: [
          { from: '2026-01-01', monthly: '950.00' },
          { from: '2027-01-01', monthly: '1010.00' },
        ],
        plusOne: [
          { from: '2026-01-01', monthly: '1700.00' },
          { from: '2027-01-01', monthly: '1805.00' },
        ],
        family: [
          { from: '2026-01-01', monthly: '2150.00' },
          { from: '2027-01-01', monthly: '2290.00' },
        ],
      },
      specialPays: {
        POST_INT: { percent: '0.05', pensionable: true },
        POST_ADV: { percent: '0.075', pensionable: true },
        BIL: { amount: '100.00', per: 'month', pensionable: true },
        FTO: { amount: '2.00', per: 'hour', pensionable: false },
      },
      longevity: [
        { years: 10, percent: '0.025' },
        { years: 15, percent: '0.05' },
        { years: 20, percent: '0.075' },
      ],
      overtimeMultiplier: '1.5',
    },
    proposals: [
      {
        name: 'POA proposal',
        side: 'union',
        provisions: [
          { type: 'gwi', percent: '0.05', effective: '2026-07-01', label: '5% year 1' },
          { type: 'gwi', percent: '0.04', effective: '2027-07-01', label: '4% year 2' },
          { type: 'gwi', percent: '0.04', effective: '2028-07-01', label: '4% year 3' },
          { type: 'addStep', percent: '0.05', effective: '2027-07-01', classes: ['PO', 'CPL', 'SGT'], label: 'New step 6' },
          { type: 'specialPay', code: 'POST_ADV', effective: '2027-07-01', percent: '0.025', mode: 'add', label: 'Advanced POST +2.5%' },
          { type: 'lumpSum', amount: '2000.00', payDate: '2026-12-15', label: 'Retention bonus' },
        ],
      },
      {
        name: 'City offer',
        side: 'management',
        provisions: [
          { type: 'gwi', percent: '0.025', effective: '2026-07-01', label: '2.5% year 1' },
          { type: 'gwi', percent: '0.025', effective: '2027-07-01', label: '2.5% year 2' },
          { type: 'gwi', percent: '0.02', effective: '2028-07-01', label: '2% year 3' },
          { type: 'pensionRate', tier: 'classic', delta: '-0.03', effective: '2027-07-01', label: 'Classic members pick up 3%' },
          { type: 'health', tier: 'family', monthly: '2350.00', effective: '2027-01-01', label: 'Family cap $2,350' },
          { type: 'lumpSum', amount: '1000.00', payDate: '2026-12-15', prorateByFte: true, label: 'Ratification bonus' },
        ],
      },
    ],
  };
}

function miscellaneous(): ScenarioInput {
  const random = sequence(11);
  const classes = [
    ['OA1', 'Office Assistant I', 44200],
    ['OA2', 'Office Assistant II', 48750],
    ['ACL', 'Account Clerk', 51300],
    ['AA', 'Administrative Analyst', 76400],
    ['MW1', 'Maintenance Worker I', 50100],
    ['MW2', 'Maintenance Worker II', 56800],
    ['MECH', 'Equipment Mechanic', 68900],
    ['ELEC', 'Electrician', 79600],
    ['PLAN', 'Associate Planner', 82300],
    ['ET', 'Engineering Technician', 71100],
    ['LIB', 'Librarian', 69400],
    ['REC', 'Recreation Coordinator', 58200],
  ] as const;
  return {
    format: 'bargaining-costing/scenario@1',
    unit: { id: 'MISC', name: 'Rivermouth Miscellaneous Employees (clerical and trades)' },
    calendar: {
      fiscalYearStartMonth: 7,
      payFrequency: 'biweekly',
      firstPeriodStart: '2026-06-27',
      payLagDays: 5,
      fiscalYearBy: 'payDate',
      effectiveRule: 'periodStart',
    },
    term: { start: '2026-07-01', end: '2029-06-30' },
    schedule: {
      id: 'MISC-2025-07',
      effective: '2025-07-01',
      rateBasis: 'annual',
      hoursPerYear: 2080,
      ratePlaces: 0,
      classes: classes.map(([code, title, first]) => ({ code, title, stepMonths: 12, steps: stepsFrom(first, 5, 1.05, 0) })),
    },
    roster: {
      extractDate: '2026-05-31',
      rows: roster(
        random,
        classes.map(([code], i) => ({
          class: code,
          count: [38, 30, 24, 26, 34, 28, 14, 10, 12, 18, 16, 20][i]!,
          steps: 5,
          pays: [
            ['BIL', 0.15],
            ['CERT', code === 'ELEC' || code === 'MECH' ? 0.6 : 0.05],
          ] as [string, number][],
        })),
        (r) => ({
          fte: r() < 0.1 ? '0.5' : r() < 0.05 ? '0.75' : '1',
          pensionTier: r() < 0.4 ? 'classic' : 'pepra',
          socialSecurity: true,
          medicare: true,
          healthTier: ['single', 'plusOne', 'family'][Math.floor(r() * 3)]!,
          overtimeHours: String([0, 0, 0, 20, 60][Math.floor(r() * 5)]),
        }),
      ),
    },
    assumptions: {
      id: 'FY27-budget-v3',
      pension: { classic: [{ from: '2025-07-01', rate: '0.1610' }], pepra: [{ from: '2025-07-01', rate: '0.0790' }] },
      socialSecurity: { rate: '0.062', wageBase: { '2026': '184500', '2027': '190800', '2028': '197400', '2029': '204000' } },
      medicareRate: '0.0145',
      otherRollups: [
        { name: "Workers' comp", rate: '0.021', on: 'taxable' },
        { name: 'Deferred comp match', rate: '0.01', on: 'pensionable' },
      ],
      health: {
        single: [{ from: '2026-01-01', monthly: '820.00' }],
        plusOne: [{ from: '2026-01-01', monthly: '1540.00' }],
        family: [
          { from: '2026-01-01', monthly: '1990.00' },
          { from: '2027-01-01', monthly: '2110.00' },
        ],
      },
      specialPays: {
        BIL: { amount: '75.00', per: 'month', pensionable: true },
        CERT: { percent: '0.03', pensionable: true },
      },
      longevity: [
        { years: 10, percent: '0.02' },
        { years: 20, percent: '0.04' },
      ],
      overtimeMultiplier: '1.5',
    },
    proposals: [
      {
        name: 'Union proposal',
        side: 'union',
        provisions: [
          { type: 'gwi', percent: '0.045', effective: '2026-07-01', label: '4.5% year 1' },
          { type: 'gwi', percent: '0.04', effective: '2027-07-01', label: '4% year 2' },
          { type: 'gwi', percent: '0.035', effective: '2028-07-01', label: '3.5% year 3' },
          { type: 'equity', percent: '0.05', effective: '2026-07-01', classes: ['MW1', 'MW2', 'MECH', 'ELEC'], label: 'Trades equity 5%' },
          { type: 'specialPay', code: 'BIL', effective: '2026-07-01', amount: '125.00', per: 'month', pensionable: true, label: 'Bilingual to $125/month' },
          { type: 'lumpSum', amount: '1500.00', payDate: '2026-12-15', prorateByFte: true, label: 'One-time payment' },
        ],
      },
      {
        name: 'City offer',
        side: 'management',
        provisions: [
          { type: 'gwi', percent: '0.02', effective: '2026-07-01', label: '2% year 1' },
          { type: 'gwi', percent: '0.02', effective: '2027-07-01', label: '2% year 2' },
          { type: 'gwi', percent: '0.02', effective: '2028-07-01', label: '2% year 3' },
          { type: 'stepFreeze', effective: '2026-07-01', months: 6, mode: 'slide', label: 'Six-month step delay' },
          { type: 'equity', percent: '0.025', effective: '2027-01-01', classes: ['MECH', 'ELEC'], label: 'Mechanic and electrician equity 2.5%' },
          { type: 'flat', amount: '150000.00', fiscalYears: ['FY2027'], label: 'Wellness and training fund' },
        ],
      },
    ],
  };
}

for (const [file, scenario] of [
  ['examples/police.json', police()],
  ['examples/miscellaneous.json', miscellaneous()],
] as const) {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`);
  writeFileSync(file, `${JSON.stringify(scenario, null, 2)}\n`);
  console.log(`${file}: ${scenario.roster.rows.length} roster rows`);
}
