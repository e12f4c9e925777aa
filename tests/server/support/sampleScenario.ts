import type { ScenarioInput } from '../../../shared/schemas/scenario.js';

export const sampleSchedule = (id = 'S-2025-07', effective = '2025-07-01') => ({
  id,
  effective,
  rateBasis: 'hourly' as const,
  hoursPerYear: 2080,
  ratePlaces: 2,
  classes: [
    { code: 'PO', title: 'Police Officer', stepMonths: 12, steps: ['45.12', '47.38', '49.75', '52.24', '54.85'] },
    { code: 'SGT', title: 'Sergeant', stepMonths: 12, steps: ['60.85', '63.89'] },
  ],
});

/** A small but complete scenario for `unitId`: a few rows, one proposal with schedule provisions. */
export function sampleScenario(unitId: string, rows = 4): ScenarioInput {
  return {
    format: 'bargaining-costing/scenario@1',
    unit: { id: unitId, name: `Unit ${unitId}` },
    calendar: { fiscalYearStartMonth: 7, payFrequency: 'monthly', payLagDays: 0, fiscalYearBy: 'payDate', effectiveRule: 'periodStart' },
    term: { start: '2026-07-01', end: '2028-06-30' },
    schedule: sampleSchedule(),
    roster: {
      extractDate: '2026-05-31',
      rows: Array.from({ length: rows }, (_, i) => ({
        id: `E${1000 + i}`,
        class: i % 5 === 4 ? 'SGT' : 'PO',
        step: i % 5 === 4 ? 1 : (i % 4) + 1,
        hireDate: '2019-09-14',
        nextStepDate: '2026-09-14',
        pensionTier: 'classic',
        healthTier: 'family',
        overtimeHours: '100',
      })),
    },
    assumptions: {
      id: 'test-assumptions',
      pension: { classic: [{ from: '2025-07-01', rate: '0.1325' }] },
      socialSecurity: { rate: '0.062', wageBase: { '2026': '184500', '2027': '190800', '2028': '197400' } },
      medicareRate: '0.0145',
      health: { family: [{ from: '2026-01-01', monthly: '2150.00' }] },
    },
    proposals: [
      {
        name: 'Settlement',
        side: 'joint',
        provisions: [
          { type: 'gwi', percent: '0.03', effective: '2026-07-01', label: '3% year 1' },
          { type: 'equity', percent: '0.015', effective: '2026-07-01', classes: ['SGT'] },
          { type: 'gwi', percent: '0.025', effective: '2027-07-01' },
          { type: 'addStep', percent: '0.05', effective: '2027-07-01', classes: ['PO'] },
          { type: 'lumpSum', amount: '500.00', payDate: '2026-12-15' },
        ],
      },
    ],
  };
}
