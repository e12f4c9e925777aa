import { Decimal, type CostingResult, type Scenario } from '../../../shared/index.js';

/** A readable per-fiscal-year summary for the terminal. */
export function costingTable(result: CostingResult, scenario: Scenario): string {
  const fys = result.fiscalYears;
  const out: string[] = [];
  const rosterCount = scenario.roster.rows.reduce((n, r) => n + r.count, 0);
  out.push(`${scenario.unit.name || scenario.unit.id} — ${rosterCount} positions, schedule ${result.snapshot.scheduleId}, assumptions ${result.snapshot.assumptionsId}`);
  out.push(`Term ${scenario.term.start} to ${scenario.term.end}; ${fys.map((fy) => `${fy}: ${result.periodsByFiscalYear[fy]} pay periods`).join(', ')}`);
  out.push('');
  const rows: string[][] = [['', ...fys, 'Term']];
  const termOf = (values: string[]) => values.reduce((a, v) => a.plus(v), new Decimal(0)).toFixed(2);
  const money = (label: string, values: string[]) => rows.push([label, ...values.map(group), group(termOf(values))]);
  money('Baseline', fys.map((fy) => result.baseline[fy]!.total));
  for (const p of result.proposals) {
    rows.push([]);
    rows.push([`${p.name}${p.side ? ` (${p.side})` : ''}`]);
    money('  Cost', fys.map((fy) => p.byFiscalYear[fy]!.total));
    money('  Increase', fys.map((fy) => p.increase[fy]!.total));
    rows.push(['  % of base', ...fys.map((fy) => percent(p.percentOfBase[fy] ?? null)), '']);
    money('  Value of 1%', fys.map((fy) => p.valueOfOnePercent[fy]!));
    rows.push(['  Lift (ongoing)', ...fys.map(() => ''), group(p.ongoingAnnualIncrease)]);
    rows.push(['  Compounded wage increase', ...fys.map(() => ''), percent(p.compoundedWageIncrease)]);
    for (const charge of p.byProvision) {
      money(`    ${charge.index}. ${charge.label ?? charge.type}`, fys.map((fy) => charge.byFiscalYear[fy]!));
    }
  }
  const widths = rows.reduce<number[]>((w, r) => r.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  for (const r of rows) {
    out.push(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
  }
  return `${out.join('\n')}\n`;
}

function group(money: string): string {
  const [whole, frac] = money.split('.') as [string, string | undefined];
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac !== undefined ? `.${frac}` : ''}`;
}

function percent(ratio: string | null): string {
  return ratio === null ? 'n/a' : `${new Decimal(ratio).times(100).toFixed(2)}%`;
}
