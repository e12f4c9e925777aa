import type { CostingResult } from '../../../shared/result.js';
import { formatDollars, formatPercent, orderForComparison } from '../costing/comparison.js';

export interface SummaryLine {
  proposal: string;
  side: string;
  termIncrease: string;
  firstYearPercent: string;
  lift: string;
}

/** What a manager reads before deciding: each proposal's cost over the term, first-year share, lift. */
export function summaryLines(result: CostingResult): SummaryLine[] {
  const firstYear = result.fiscalYears[0];
  return orderForComparison(result.proposals).map((p) => ({
    proposal: p.name,
    side: p.side ?? '',
    termIncrease: formatDollars(p.increaseTotal.total),
    firstYearPercent: firstYear ? formatPercent(p.percentOfBase[firstYear] ?? null) : '—',
    lift: formatDollars(p.ongoingAnnualIncrease),
  }));
}
