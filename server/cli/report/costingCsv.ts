import { componentNames, type CostingResult } from '../../../shared/index.js';
import { csvField } from '../../../shared/workbook/textSafety.js';

/** One row per (scenario, fiscal year): baseline, each proposal, and each proposal's increase; names never formulas (textSafety.ts). */
export function costingCsv(result: CostingResult): string {
  const header = ['scenario', 'kind', 'fiscalYear', 'periods', ...componentNames, 'total', 'percentOfBase', 'valueOfOnePercent'];
  const lines = [header.join(',')];
  for (const fy of result.fiscalYears) {
    const c = result.baseline[fy]!;
    lines.push(['Baseline', 'cost', fy, String(result.periodsByFiscalYear[fy]), ...componentNames.map((n) => c[n]), c.total, '', ''].map(csvField).join(','));
  }
  for (const p of result.proposals) {
    for (const [kind, table] of [
      ['cost', p.byFiscalYear],
      ['increase', p.increase],
    ] as const) {
      for (const fy of result.fiscalYears) {
        const c = table[fy]!;
        const extra = kind === 'increase' ? [p.percentOfBase[fy] ?? '', p.valueOfOnePercent[fy]!] : ['', ''];
        lines.push([p.name, kind, fy, String(result.periodsByFiscalYear[fy]), ...componentNames.map((n) => c[n]), c.total, ...extra].map(csvField).join(','));
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
