import type { Scenario } from '../schemas/scenario.js';
import type { CostingResult } from '../result.js';

export function costScenario(_scenario: Scenario): CostingResult {
  throw new Error('costing engine not written yet');
}
