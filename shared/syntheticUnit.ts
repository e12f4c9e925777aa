import type { ScenarioInput } from './schemas/scenario.js';
import { isoDaysAfter as isoDay, seededRandom as sequence } from './seededRandom.js';

const DEPARTMENTS = ['PD', 'FIN', 'PW', 'LIB'] as const;
// Every tenth row is paid from two funds (COSTING.md 1.2 §7 splits it), the rest from one.
const fundOf = (i: number) =>
  i % 10 === 9
    ? [
        { fund: 'GF', share: '0.6' },
        { fund: 'GAS', share: '0.4' },
      ]
    : i % 3 === 0
      ? 'GAS'
      : 'GF';

/**
 * A synthetic bargaining unit: `classCount` classes (60 unless given) × 6 steps, a 3-year biweekly
 * horizon, with `rows` roster rows spread over realistic hire and step dates, funds and
 * departments; a union proposal with retro pay, a management proposal, and the budget (2% a year)
 * they are measured against; a dated roll-up. Funds and departments follow the row's index, so the
 * random sequence (and so every other field) is what it was before they were added. The benchmarks
 * cost it, and the engine's warm-up (engine/warmUp.ts) costs a small one.
 */
export function syntheticUnit(rows: number, seed = 42, classCount = 60): ScenarioInput {
  const random = sequence(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const classes = Array.from({ length: classCount }, (_, c) => {
    const first = 24 + c * 0.85;
    return {
      code: `C${String(c + 1).padStart(2, '0')}`,
      title: `Classification ${c + 1}`,
      stepMonths: 12,
      steps: Array.from({ length: 6 }, (_, s) => (first * 1.05 ** s).toFixed(2)),
    };
  });
  return {
    format: 'bargaining-costing/scenario@1',
    unit: { id: 'SYN', name: `Synthetic unit (${rows} rows)` },
    calendar: {
      fiscalYearStartMonth: 7,
      payFrequency: 'biweekly',
      firstPeriodStart: '2026-06-20',
      payLagDays: 6,
      fiscalYearBy: 'payDate',
      effectiveRule: 'periodStart',
    },
    term: { start: '2026-07-01', end: '2029-06-30' },
    schedule: { id: 'SYN-2025', effective: '2025-07-01', rateBasis: 'hourly', hoursPerYear: 2080, ratePlaces: 2, classes },
    roster: {
      extractDate: '2026-05-31',
      rows: Array.from({ length: rows }, (_, i) => {
        const step = 1 + Math.floor(random() * 6);
        return {
          id: `E${100000 + i}`,
          class: pick(classes).code,
          step,
          fte: pick(['1', '1', '1', '1', '1', '1', '0.5', '0.75']),
          hireDate: isoDay('1998-01-01', Math.floor(random() * 10000)),
          ...(step < 6 ? { nextStepDate: isoDay('2026-06-01', Math.floor(random() * 365)) } : {}),
          pensionTier: pick(['classic', 'classic', 'pepra']),
          socialSecurity: random() < 0.3,
          healthTier: pick(['single', 'plusOne', 'family']),
          overtimeHours: pick(['0', '0', '40', '120', '250']),
          pays: random() < 0.4 ? [pick(['POST', 'BIL', 'NIGHT', 'CERT'])] : [],
          vacant: random() < 0.05,
          fund: fundOf(i),
          department: DEPARTMENTS[i % DEPARTMENTS.length]!,
        };
      }),
    },
    assumptions: {
      id: 'SYN-assumptions',
      pension: {
        classic: [
          { from: '2025-07-01', rate: '0.1325' },
          { from: '2027-07-01', rate: '0.1390' },
        ],
        pepra: [{ from: '2025-07-01', rate: '0.0910' }],
      },
      socialSecurity: { rate: '0.062', wageBase: { '2026': '184500', '2027': '190800', '2028': '197400', '2029': '204000' } },
      medicareRate: '0.0145',
      otherRollups: [
        { name: "Workers' comp", rate: '0.031', on: 'taxable' },
        {
          name: 'Retiree health',
          rates: [
            { from: '2025-07-01', rate: '0.02' },
            { from: '2027-07-01', rate: '0.025' },
          ],
          on: 'pensionable',
        },
      ],
      health: {
        single: [
          { from: '2026-01-01', monthly: '850.00' },
          { from: '2027-01-01', monthly: '905.00' },
        ],
        plusOne: [{ from: '2026-01-01', monthly: '1600.00' }],
        family: [
          { from: '2026-01-01', monthly: '2150.00' },
          { from: '2027-01-01', monthly: '2290.00' },
        ],
      },
      specialPays: {
        POST: { percent: '0.05', pensionable: true },
        BIL: { amount: '100.00', per: 'month', pensionable: false },
        NIGHT: { amount: '1.25', per: 'hour' },
        CERT: { percent: '0.025', pensionable: true },
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
        name: 'Union proposal',
        side: 'union',
        retroPayDate: '2026-10-15',
        provisions: [
          { type: 'gwi', percent: '0.04', effective: '2026-07-01', label: '4% year 1' },
          { type: 'gwi', percent: '0.035', effective: '2027-07-01', label: '3.5% year 2' },
          { type: 'gwi', percent: '0.03', effective: '2028-07-01', label: '3% year 3' },
          { type: 'addStep', percent: '0.05', effective: '2027-01-01', label: 'New top step' },
          { type: 'specialPay', code: 'POST', effective: '2027-07-01', percent: '0.01', mode: 'add', label: 'POST +1%' },
          { type: 'lumpSum', amount: '1500.00', payDate: '2026-12-15', prorateByFte: true, label: 'Signing bonus' },
        ],
      },
      {
        name: 'City offer',
        side: 'management',
        provisions: [
          { type: 'gwi', percent: '0.02', effective: '2026-07-01' },
          { type: 'gwi', percent: '0.02', effective: '2027-07-01' },
          { type: 'stepFreeze', effective: '2026-07-01', months: 6, mode: 'keep' },
          { type: 'health', tier: 'family', monthly: '2200.00', effective: '2027-01-01' },
          { type: 'pensionRate', tier: 'classic', delta: '-0.02', effective: '2027-07-01', label: 'Employee pick-up' },
          { type: 'flat', amount: '250000.00', fiscalYears: ['FY2028'], label: 'Wellness pool', fund: 'GF', department: 'PW' },
        ],
      },
      {
        name: 'Budgeted',
        side: 'budget',
        provisions: [
          { type: 'gwi', percent: '0.02', effective: '2026-07-01' },
          { type: 'gwi', percent: '0.02', effective: '2027-07-01' },
          { type: 'gwi', percent: '0.02', effective: '2028-07-01' },
        ],
      },
    ],
  };
}
