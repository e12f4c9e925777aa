import type { ScenarioInput } from '../../shared/schemas/scenario.js';

/**
 * The City of Riverton, a fictional mid-sized city with three bargaining units. Rates, tiers and
 * benefit costs are realistic for a West Coast city in 2026, but invented.
 */
export interface DemoClass {
  code: string;
  title: string;
  /** Step 1 rate in the schedule's rate basis. */
  start: string;
  steps: number;
  /** Step-to-step increase, e.g. 0.05. */
  stepIncrease: string;
  /** Roster rows of this class. */
  rows: number;
}

export interface DemoUnit {
  id: string;
  name: string;
  calendar: ScenarioInput['calendar'];
  rateBasis: 'hourly' | 'monthly' | 'annual' | 'biweekly';
  hoursPerYear: number;
  classes: DemoClass[];
  assumptions: ScenarioInput['assumptions'];
  /** Special pay codes rows may hold, with the share of rows that hold each. */
  payShares: Record<string, number>;
  socialSecurity: boolean;
  overtimeHours: [number, number];
}

const wageBase = { '2026': '184500', '2027': '190800', '2028': '197400', '2029': '204000', '2030': '210600' };
const health = {
  employee: [
    { from: '2026-01-01', monthly: '865.00' },
    { from: '2027-01-01', monthly: '925.00' },
  ],
  'employee-plus-one': [
    { from: '2026-01-01', monthly: '1690.00' },
    { from: '2027-01-01', monthly: '1810.00' },
  ],
  family: [
    { from: '2026-01-01', monthly: '2150.00' },
    { from: '2027-01-01', monthly: '2300.00' },
  ],
};

export const demoTerm = { start: '2026-07-01', end: '2029-06-30' };
export const demoExtractDate = '2026-05-31';

export const demoUnits: DemoUnit[] = [
  {
    id: 'RPOA',
    name: 'Riverton Police Officers Association',
    calendar: {
      fiscalYearStartMonth: 7,
      payFrequency: 'biweekly',
      firstPeriodStart: '2026-06-20',
      payLagDays: 6,
      fiscalYearBy: 'payDate',
      effectiveRule: 'periodStart',
    },
    rateBasis: 'hourly',
    hoursPerYear: 2080,
    classes: [
      { code: 'PO', title: 'Police Officer', start: '45.12', steps: 5, stepIncrease: '0.05', rows: 96 },
      { code: 'CPL', title: 'Police Corporal', start: '54.30', steps: 4, stepIncrease: '0.04', rows: 18 },
      { code: 'SGT', title: 'Police Sergeant', start: '60.85', steps: 4, stepIncrease: '0.05', rows: 22 },
      { code: 'LT', title: 'Police Lieutenant', start: '71.40', steps: 3, stepIncrease: '0.05', rows: 7 },
    ],
    assumptions: {
      id: 'FY27-budget-v3',
      pension: {
        'safety-classic': [
          { from: '2025-07-01', rate: '0.2512' },
          { from: '2027-07-01', rate: '0.2590' },
        ],
        'safety-pepra': [{ from: '2025-07-01', rate: '0.1410' }],
      },
      socialSecurity: { rate: '0.062', wageBase },
      medicareRate: '0.0145',
      otherRollups: [{ name: "Workers' compensation", rate: '0.0460', on: 'taxable' }],
      health,
      specialPays: {
        POST_INT: { percent: '0.05', pensionable: true },
        POST_ADV: { percent: '0.075', pensionable: true },
        BIL: { amount: '150.00', per: 'month', pensionable: true },
        FTO: { amount: '2.00', per: 'hour', pensionable: false },
      },
      longevity: [
        { years: 10, percent: '0.025' },
        { years: 15, percent: '0.05' },
        { years: 20, percent: '0.075' },
      ],
      overtimeMultiplier: '1.5',
    },
    payShares: { POST_INT: 0.45, POST_ADV: 0.25, BIL: 0.15, FTO: 0.1 },
    socialSecurity: false,
    overtimeHours: [60, 320],
  },
  {
    id: 'RFFA',
    name: 'Riverton Firefighters, IAFF Local 4410',
    calendar: {
      fiscalYearStartMonth: 7,
      payFrequency: 'biweekly',
      firstPeriodStart: '2026-06-27',
      payLagDays: 6,
      fiscalYearBy: 'payDate',
      effectiveRule: 'periodStart',
    },
    rateBasis: 'hourly',
    hoursPerYear: 2912,
    classes: [
      { code: 'FF', title: 'Firefighter', start: '29.40', steps: 5, stepIncrease: '0.05', rows: 48 },
      { code: 'FFPM', title: 'Firefighter/Paramedic', start: '31.75', steps: 5, stepIncrease: '0.05', rows: 24 },
      { code: 'ENG', title: 'Fire Engineer', start: '37.10', steps: 4, stepIncrease: '0.045', rows: 21 },
      { code: 'CAPT', title: 'Fire Captain', start: '42.60', steps: 4, stepIncrease: '0.05', rows: 21 },
    ],
    assumptions: {
      id: 'FY27-budget-v3',
      pension: { 'safety-classic': [{ from: '2025-07-01', rate: '0.2687' }], 'safety-pepra': [{ from: '2025-07-01', rate: '0.1455' }] },
      socialSecurity: { rate: '0.062', wageBase },
      medicareRate: '0.0145',
      otherRollups: [{ name: "Workers' compensation", rate: '0.0520', on: 'taxable' }],
      health,
      specialPays: {
        EMT: { amount: '200.00', per: 'month', pensionable: true },
        HAZMAT: { percent: '0.03', pensionable: true },
        APPARATUS: { percent: '0.02', pensionable: false },
      },
      longevity: [
        { years: 10, percent: '0.02' },
        { years: 15, percent: '0.04' },
        { years: 20, percent: '0.06' },
      ],
      overtimeMultiplier: '1.5',
    },
    payShares: { EMT: 0.6, HAZMAT: 0.2, APPARATUS: 0.1 },
    socialSecurity: false,
    overtimeHours: [120, 480],
  },
  {
    id: 'RMEA',
    name: 'Riverton Municipal Employees Association (miscellaneous)',
    calendar: { fiscalYearStartMonth: 7, payFrequency: 'semimonthly', payLagDays: 5, fiscalYearBy: 'payDate', effectiveRule: 'periodStart' },
    rateBasis: 'monthly',
    hoursPerYear: 2080,
    classes: [
      { code: 'OA2', title: 'Office Assistant II', start: '3925.00', steps: 5, stepIncrease: '0.05', rows: 42 },
      { code: 'ACCT1', title: 'Account Clerk I', start: '4180.00', steps: 5, stepIncrease: '0.05', rows: 26 },
      { code: 'ADMA', title: 'Administrative Analyst', start: '6540.00', steps: 5, stepIncrease: '0.05', rows: 30 },
      { code: 'MW2', title: 'Maintenance Worker II', start: '4710.00', steps: 5, stepIncrease: '0.05', rows: 58 },
      { code: 'EQM', title: 'Equipment Mechanic', start: '5635.00', steps: 5, stepIncrease: '0.05', rows: 18 },
      { code: 'ETECH', title: 'Engineering Technician', start: '5980.00', steps: 5, stepIncrease: '0.05', rows: 22 },
      { code: 'PLAN', title: 'Associate Planner', start: '7415.00', steps: 5, stepIncrease: '0.05', rows: 14 },
      { code: 'LIBA', title: 'Library Assistant', start: '3780.00', steps: 5, stepIncrease: '0.05', rows: 28 },
    ],
    assumptions: {
      id: 'FY27-budget-v3',
      pension: { classic: [{ from: '2025-07-01', rate: '0.1188' }], pepra: [{ from: '2025-07-01', rate: '0.0795' }] },
      socialSecurity: { rate: '0.062', wageBase },
      medicareRate: '0.0145',
      otherRollups: [{ name: "Workers' compensation", rate: '0.0180', on: 'taxable' }],
      health,
      specialPays: {
        BIL: { amount: '100.00', per: 'month', pensionable: true },
        CERT: { percent: '0.025', pensionable: true },
        STANDBY: { amount: '50.00', per: 'period', pensionable: false },
      },
      longevity: [
        { years: 10, percent: '0.02' },
        { years: 20, percent: '0.04' },
      ],
      overtimeMultiplier: '1.5',
    },
    payShares: { BIL: 0.12, CERT: 0.18, STANDBY: 0.08 },
    socialSecurity: true,
    overtimeHours: [0, 90],
  },
];
