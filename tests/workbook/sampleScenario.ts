// A small scenario in the shape of COSTING.md §9, for the workbook and xlsx tests.
import { parseScenario } from '../../shared/scenario.js';
import type { Scenario } from '../../shared/schemas/scenario.js';

export const sampleScenarioInput = {
  format: 'bargaining-costing/scenario@1',
  unit: { id: 'POA', name: 'Police Officers Association' },
  calendar: {
    fiscalYearStartMonth: 7,
    payFrequency: 'biweekly',
    firstPeriodStart: '2026-06-20',
    payLagDays: 6,
    fiscalYearBy: 'payDate',
    effectiveRule: 'periodStart',
  },
  term: { start: '2026-07-01', end: '2028-06-30' },
  schedule: {
    id: 'POA-2025-07',
    effective: '2025-07-01',
    rateBasis: 'hourly',
    hoursPerYear: 2080,
    ratePlaces: 2,
    classes: [
      { code: 'PO', title: 'Police Officer', stepMonths: 12, steps: ['45.12', '47.38', '49.75', '52.24', '54.85'] },
      { code: 'SGT', title: 'Sergeant', stepMonths: 12, steps: ['58.10', '61.00', '64.05'] },
    ],
  },
  roster: {
    extractDate: '2026-05-31',
    rows: [
      {
        id: 'E1001',
        class: 'PO',
        step: 2,
        fte: '1',
        count: 1,
        hireDate: '2019-09-14',
        nextStepDate: '2026-09-14',
        pensionTier: 'classic',
        socialSecurity: false,
        medicare: true,
        healthTier: 'family',
        overtimeHours: '120',
        pays: ['POST_INT'],
        vacant: false,
      },
      { id: 'E1002', class: 'PO', step: 5, fte: '0.5', count: 1, hireDate: '2010-01-04', pensionTier: 'classic', healthTier: 'single', overtimeHours: '40' },
      {
        id: 'E1003',
        class: 'SGT',
        step: 1,
        count: 3,
        hireDate: '2015-03-01',
        nextStepDate: '2027-03-01',
        pensionTier: 'pepra',
        socialSecurity: true,
        healthTier: 'family',
        pays: ['POST_INT', 'BIL'],
      },
      { id: 'VAC-1', class: 'PO', step: 1, vacant: true, pensionTier: 'pepra', healthTier: 'single' },
    ],
  },
  assumptions: {
    id: 'FY27-budget-v3',
    pension: {
      classic: [
        { from: '2025-07-01', rate: '0.1325' },
        { from: '2027-07-01', rate: '0.1410' },
      ],
      pepra: [{ from: '2025-07-01', rate: '0.0850' }],
    },
    socialSecurity: { rate: '0.062', wageBase: { '2026': '184500', '2027': '190800', '2028': '197400' } },
    medicareRate: '0.0145',
    otherRollups: [{ name: "Workers' comp", rate: '0.031', on: 'taxable' }],
    health: { family: [{ from: '2026-01-01', monthly: '2150.00' }], single: [{ from: '2026-01-01', monthly: '850.50' }] },
    specialPays: { POST_INT: { percent: '0.05', pensionable: true }, BIL: { amount: '100.00', per: 'month' } },
    longevity: [
      { years: 10, percent: '0.025' },
      { years: 15, percent: '0.05' },
    ],
    overtimeMultiplier: '1.5',
  },
  proposals: [
    {
      name: 'City offer',
      side: 'management',
      provisions: [
        { type: 'gwi', percent: '0.03', effective: '2026-07-01', label: '3% year 1' },
        { type: 'lumpSum', amount: '1000.00', payDate: '2026-12-15', prorateByFte: true },
        { type: 'gwi', percent: '0.02', effective: '2027-07-01' },
      ],
    },
    {
      name: 'Union proposal',
      side: 'union',
      provisions: [
        { type: 'gwi', percent: '0.05', effective: '2026-07-01', label: '=HYPERLINK("http://x","click")' },
        { type: 'addStep', percent: '0.05', effective: '2027-01-01', classes: ['PO'] },
        { type: 'stepFreeze', effective: '2027-07-01', months: 6, mode: 'slide' },
        { type: 'specialPay', code: 'BIL', effective: '2027-01-01', amount: '150.00', per: 'month', mode: 'set' },
        {
          type: 'longevity',
          effective: '2027-07-01',
          bands: [
            { years: 10, percent: '0.03' },
            { years: 20, percent: '0.06' },
          ],
        },
        { type: 'health', effective: '2027-01-01', tier: 'family', monthly: '2300.00' },
        { type: 'pensionRate', effective: '2027-07-01', tier: 'classic', delta: '-0.01' },
        { type: 'overtimeHours', effective: '2027-07-01', hours: '150', classes: ['SGT'] },
        { type: 'flat', amount: '25000.00', fiscalYears: ['FY2027', 'FY2028'], label: '+uniform allowance pool' },
        { type: 'equity', percent: '0.015', effective: '2027-01-01', classes: ['SGT'] },
        { type: 'flatIncrease', amount: '0.50', effective: '2027-07-01' },
      ],
    },
    { name: 'Empty', provisions: [] },
  ],
};

export function sampleScenario(): Scenario {
  const parsed = parseScenario(sampleScenarioInput);
  if (!parsed.ok) throw new Error(`sample scenario is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

/** Every field COSTING.md 1.2 adds (§9), for the workbook round trip. */
export const sample12ScenarioInput = {
  ...sampleScenarioInput,
  term: { start: '2026-07-01', end: '2028-03-31', costs: 'term' },
  roster: {
    ...sampleScenarioInput.roster,
    rows: [
      { ...sampleScenarioInput.roster.rows[0]!, fund: 'GF', department: 'PATROL' },
      {
        ...sampleScenarioInput.roster.rows[1]!,
        fund: [
          { fund: 'GF', share: '0.6' },
          { fund: 'GRANT', share: '0.4' },
        ],
        department: 'INVEST',
      },
      { ...sampleScenarioInput.roster.rows[2]!, fund: [{ fund: 'ONE:FUND', share: '1' }] },
      sampleScenarioInput.roster.rows[3]!,
    ],
  },
  assumptions: {
    ...sampleScenarioInput.assumptions,
    otherRollups: [
      { name: "Workers' comp", rate: '0.031', on: 'taxable' },
      {
        name: 'STRS',
        rates: [
          { from: '2025-07-01', rate: '0.2160' },
          { from: '2027-07-01', rate: '0.2210' },
        ],
        classes: ['PO'],
        pensionTiers: ['classic', 'pepra'],
      },
      { name: 'OPEB', rates: [{ from: '2026-01-01', rate: '0.015' }], on: 'taxable' },
    ],
  },
  proposals: [
    {
      name: 'City offer',
      side: 'management',
      retroPayDate: '2026-10-15',
      provisions: [
        { type: 'gwi', percent: '0.03', effective: '2026-07-01' },
        { type: 'lumpSum', percent: '0.035', payDate: '2026-12-15', pensionable: true, label: '3.5% one-time' },
        { type: 'lumpSum', days: '2', daysPerYear: '185', payDate: '2027-01-15', classes: ['SGT'] },
        { type: 'lumpSum', amount: '-250.00', payDate: '2027-02-15', prorateByFte: true },
        { type: 'setRate', class: 'PO', step: 1, amount: '46.00', effective: '2026-07-01' },
        { type: 'minimumRate', amount: '47.25', rateBasis: 'hourly', effective: '2027-01-01', classes: ['PO'] },
        { type: 'dropSteps', classes: ['PO'], count: 1, effective: '2027-07-01' },
        { type: 'rollupRate', name: 'STRS', effective: '2027-01-01', rate: '0.2190' },
        { type: 'rollupRate', name: "Workers' comp", effective: '2027-07-01', delta: '-0.002' },
        {
          type: 'flat',
          amount: '12000.00',
          fiscalYears: ['FY2027'],
          fund: [
            { fund: 'GF', share: '0.75' },
            { fund: 'GRANT', share: '0.25' },
          ],
          department: 'PATROL',
        },
        { type: 'flat', amount: '5000.00', fiscalYears: ['FY2028'], fund: 'GF' },
      ],
    },
    { name: 'Budgeted 2%', side: 'budget', provisions: [{ type: 'gwi', percent: '0.02', effective: '2026-07-01' }] },
  ],
};

export function sample12Scenario(): Scenario {
  const parsed = parseScenario(sample12ScenarioInput);
  if (!parsed.ok) throw new Error(`1.2 sample scenario is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}
