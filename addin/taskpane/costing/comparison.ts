import type { CostingResult, ProposalResult } from '../../../shared/result.js';

/** One line of the side-by-side comparison: a label and one figure per proposal. */
export interface ComparisonRow {
  label: string;
  kind: 'money' | 'ratio';
  figures: (string | null)[];
}

/** Union first, then management, then the rest, each keeping its order in the workbook. */
export function orderForComparison(proposals: readonly ProposalResult[]): ProposalResult[] {
  const rank = (p: ProposalResult) => (p.side === 'union' ? 0 : p.side === 'management' ? 1 : 2);
  return [...proposals].sort((a, b) => rank(a) - rank(b));
}

/** The rows of the union-versus-management table: increase per fiscal year, over the term, the lift. */
export function comparisonRows(result: CostingResult, proposals: readonly ProposalResult[]): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const fy of result.fiscalYears) {
    rows.push({ label: `${fy} increase`, kind: 'money', figures: proposals.map((p) => p.increase[fy]?.total ?? null) });
    rows.push({ label: `${fy} % of base`, kind: 'ratio', figures: proposals.map((p) => p.percentOfBase[fy] ?? null) });
  }
  rows.push({ label: 'Increase over the term', kind: 'money', figures: proposals.map((p) => p.increaseTotal.total) });
  rows.push({ label: 'Lift (ongoing annual)', kind: 'money', figures: proposals.map((p) => p.ongoingAnnualIncrease) });
  rows.push({ label: 'Compounded wage increase', kind: 'ratio', figures: proposals.map((p) => p.compoundedWageIncrease) });
  const firstYear = result.fiscalYears[0];
  if (firstYear) rows.push({ label: `Each 1% costs (${firstYear})`, kind: 'money', figures: proposals.map((p) => p.valueOfOnePercent[firstYear] ?? null) });
  return rows;
}

/** "1234.5" → "$1,234.50"; "-20" → "−$20.00". Display only: the figures stay strings elsewhere. */
export function formatDollars(money: string | null): string {
  if (money === null) return '—';
  const value = Number(money);
  const text = Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${value < 0 ? '−' : ''}$${text}`;
}

/** "0.035" → "3.50%". */
export function formatPercent(ratio: string | null): string {
  if (ratio === null) return '—';
  return `${(Number(ratio) * 100).toFixed(2)}%`;
}

export function formatFigure(kind: ComparisonRow['kind'], value: string | null): string {
  return kind === 'money' ? formatDollars(value) : formatPercent(value);
}
