import { parseScenario } from '../scenario.js';
import type { Scenario, ScenarioInput } from '../schemas/scenario.js';
import { syntheticUnit } from '../syntheticUnit.js';

/**
 * Rosters from this size on are costed after the warm-up (docs/ARCHITECTURE.md, "Warm-up"). Cold
 * processes, alternated: 1,000 rows 0.48–0.50 s with it against 0.55–0.58 s without; 300 rows
 * 0.35–0.43 s against 0.28–0.36 s, where it costs more than it saves.
 */
export const WARM_UP_MIN_ROWS = 1_000;

/**
 * The warm-up costing: 24 rows in 4 classes of the synthetic unit, whose proposals take the row
 * loop's rarer branches — retro pay, resumed prefixes, value of 1%, split funds, lump sums, vacant
 * rows, step freezes and new steps — plus one more proposal with the provisions and lump-sum forms
 * the synthetic unit lacks (dropSteps, setRate, minimumRate, rollupRate, a sliding freeze, lump
 * sums as a percent and as days, pensionable), and a row paid past the Social Security wage base.
 */
export function warmUpScenario(): Scenario {
  const input: ScenarioInput = syntheticUnit(24, 7, 4);
  input.proposals = [
    ...(input.proposals ?? []),
    {
      name: 'Every other provision',
      side: 'management',
      retroPayDate: '2027-02-01',
      provisions: [
        { type: 'gwi', percent: '0.03', effective: '2026-07-01' },
        { type: 'minimumRate', amount: '30.00', rateBasis: 'hourly', effective: '2026-07-01', classes: ['C01'] },
        { type: 'dropSteps', classes: ['C02'], count: 1, effective: '2027-01-01' },
        { type: 'lumpSum', percent: '0.02', payDate: '2027-03-15', pensionable: true },
        { type: 'lumpSum', days: '2', payDate: '2027-04-15' },
        { type: 'setRate', class: 'C03', step: 2, amount: '40.00', effective: '2027-07-01' },
        { type: 'stepFreeze', effective: '2027-07-01', months: 3, mode: 'slide' },
        { type: 'rollupRate', name: 'Retiree health', effective: '2028-07-01', delta: '-0.005' },
      ],
    },
  ];
  // A row paid past the Social Security wage base in a year, as real rosters' top earners are.
  const rows = input.roster.rows;
  rows[0] = { ...rows[0]!, socialSecurity: true, overtimeHours: '4000' };
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`the warm-up scenario is invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return parsed.value;
}
