// A costing that exercises every report: funds (one split position) and departments, a flat amount
// charged to a fund, two named roll-ups (one a retiree health-and-welfare roll-up), a budget
// proposal listed last, a retroactive settlement, union and management offers whose provisions
// match by type and label, and one provision only one side has.
import { parseScenario, type Scenario } from '../../shared/index.js';

export function fundedScenarioInput(): Record<string, unknown> {
  return {
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
    term: { start: '2026-07-01', end: '2029-06-30' },
    schedule: {
      id: 'POA-2025-07',
      effective: '2025-07-01',
      rateBasis: 'hourly',
      hoursPerYear: 2080,
      ratePlaces: 2,
      classes: [
        { code: 'PO', title: 'Police Officer', stepMonths: 12, steps: ['45.12', '47.38', '49.75', '52.24', '54.85'] },
        { code: 'SGT', title: 'Police Sergeant', stepMonths: 12, steps: ['58.10', '61.00', '64.05'] },
      ],
    },
    roster: {
      extractDate: '2026-05-31',
      rows: [
        {
          id: 'E1001',
          class: 'PO',
          step: 2,
          count: 3,
          hireDate: '2019-09-14',
          nextStepDate: '2026-09-14',
          pensionTier: 'classic',
          healthTier: 'family',
          overtimeHours: '120',
          pays: ['POST_INT'],
          fund: 'GF',
          department: 'PATROL',
        },
        {
          id: 'E1002',
          class: 'PO',
          step: 5,
          hireDate: '2012-03-01',
          pensionTier: 'classic',
          healthTier: 'family',
          fund: [
            { fund: 'GF', share: '0.6' },
            { fund: 'GRANT', share: '0.4' },
          ],
          department: 'PATROL',
        },
        {
          id: 'E1003',
          class: 'SGT',
          step: 1,
          fte: '0.5',
          hireDate: '2021-01-04',
          nextStepDate: '2027-01-04',
          pensionTier: 'classic',
          healthTier: 'family',
          fund: 'GF',
          department: 'INVEST',
        },
        { id: 'V1', class: 'PO', step: 1, vacant: true, pensionTier: 'classic' },
      ],
    },
    assumptions: {
      id: 'FY27-budget-v3',
      pension: { classic: [{ from: '2025-07-01', rate: '0.1325' }] },
      socialSecurity: { rate: '0.062', wageBase: { '2026': '184500', '2027': '190800', '2028': '197400', '2029': '204000' } },
      medicareRate: '0.0145',
      otherRollups: [
        { name: "Workers' comp", rate: '0.031', on: 'taxable' },
        { name: 'Retiree health', rate: '0.02', on: 'pensionable' },
      ],
      health: { family: [{ from: '2026-01-01', monthly: '2150.00' }] },
      specialPays: { POST_INT: { percent: '0.05', pensionable: true } },
      longevity: [{ years: 10, percent: '0.025' }],
      overtimeMultiplier: '1.5',
    },
    proposals: [
      {
        name: 'POA proposal',
        side: 'union',
        retroPayDate: '2026-12-15',
        provisions: [
          { type: 'gwi', percent: '0.05', effective: '2026-07-01', label: 'Year 1' },
          { type: 'gwi', percent: '0.04', effective: '2027-07-01', label: 'Year 2' },
          { type: 'lumpSum', amount: '1500.00', payDate: '2027-01-15', prorateByFte: true, label: 'Signing bonus' },
          { type: 'addStep', percent: '0.05', effective: '2027-07-01' },
        ],
      },
      {
        name: 'City offer',
        side: 'management',
        provisions: [
          { type: 'gwi', percent: '0.03', effective: '2026-07-01', label: 'Year 1' },
          { type: 'gwi', percent: '0.025', effective: '2027-07-01', label: 'Year 2' },
          { type: 'lumpSum', amount: '1000.00', payDate: '2027-01-15', prorateByFte: true, label: 'Signing bonus' },
          { type: 'flat', amount: '25000.00', fiscalYears: ['FY2028'], fund: 'GRANT', department: 'ADMIN', label: 'Training pool' },
        ],
      },
      { name: '2% budgeted', side: 'budget', provisions: [{ type: 'gwi', percent: '0.02', effective: '2026-07-01' }] },
    ],
  };
}

export function fundedScenario(): Scenario {
  const parsed = parseScenario(fundedScenarioInput());
  if (!parsed.ok) throw new Error(`funded scenario invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return parsed.value;
}
