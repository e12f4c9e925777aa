import { Decimal, describeProvision, type CostingResult, type Scenario } from '../../../shared/index.js';
import { proposalWords } from '../../../shared/reports/reportContext.js';

/** A readable per-fiscal-year summary for the terminal. */
export function costingTable(result: CostingResult, scenario: Scenario): string {
  const fys = result.fiscalYears;
  const out: string[] = [];
  const rosterCount = result.positions ?? scenario.roster.rows.reduce((n, r) => n + r.count, 0);
  const fte = result.fte !== undefined ? ` (${result.vacantPositions ?? 0} vacant), ${result.fte} FTE` : '';
  out.push(
    `${scenario.unit.name || scenario.unit.id} — ${rosterCount} positions${fte}, schedule ${result.snapshot.scheduleId}, assumptions ${result.snapshot.assumptionsId}`,
  );
  out.push(`Term ${scenario.term.start} to ${scenario.term.end}; ${fys.map((fy) => `${fy}: ${result.periodsByFiscalYear[fy]} pay periods`).join(', ')}`);
  out.push('');
  const rows: string[][] = [['', ...fys, 'Term']];
  const termOf = (values: string[]) => values.reduce((a, v) => a.plus(v), new Decimal(0)).toFixed(2);
  const money = (label: string, values: string[]) => rows.push([label, ...values.map(group), group(termOf(values))]);
  money(
    'Baseline',
    fys.map((fy) => result.baseline[fy]!.total),
  );
  // The 1.2 figures (COSTING.md §7), when the costing has them.
  const perYear = (label: string, byFy: Record<string, string | null> | undefined) => {
    if (byFy) rows.push([label, ...fys.map((fy) => (byFy[fy] === null || byFy[fy] === undefined ? 'n/a' : group(byFy[fy]))), '']);
  };
  perYear('  Value of 1% (status quo)', result.baselineValueOfOnePercent);
  perYear('  Per FTE', result.baselinePerFte);
  if (result.baselineStepMovement)
    money(
      '  Step movement',
      fys.map((fy) => result.baselineStepMovement![fy]!.total),
    );
  result.proposals.forEach((p, pi) => {
    rows.push([]);
    rows.push([proposalWords(p)]);
    money(
      '  Cost',
      fys.map((fy) => p.byFiscalYear[fy]!.total),
    );
    money(
      '  Increase',
      fys.map((fy) => p.increase[fy]!.total),
    );
    rows.push(['  % of base', ...fys.map((fy) => percent(p.percentOfBase[fy] ?? null)), '']);
    money(
      '  Value of 1%',
      fys.map((fy) => p.valueOfOnePercent[fy]!),
    );
    rows.push(['  Lift (ongoing)', ...fys.map(() => ''), group(p.ongoingAnnualIncrease)]);
    rows.push(['  Compounded wage increase', ...fys.map(() => ''), percent(p.compoundedWageIncrease)]);
    if (p.increaseOverPriorYear)
      money(
        '  Change over prior year',
        fys.map((fy) => p.increaseOverPriorYear![fy]!.total),
      );
    if (p.stepMovement && result.baselineStepMovement) {
      money(
        '  Step movement (settlement)',
        fys.map((fy) => new Decimal(p.stepMovement![fy]!.total).minus(result.baselineStepMovement![fy]!.total).toFixed(2)),
      );
    }
    perYear('  Increase per FTE', p.increasePerFte);
    if (p.overBudget)
      rows.push([
        '  Over (under) budget',
        ...fys.map((fy) => group(p.overBudget![fy]!)),
        group(p.overBudgetTotal ?? termOf(fys.map((fy) => p.overBudget![fy]!))),
      ]);
    for (const charge of p.byProvision) {
      // Plain words (the provision registry), the label after them: "General wage increase 3% (Jul 1, 2026) — 3% year 1".
      const provision = scenario.proposals[pi]?.provisions[charge.index - 1];
      const words = provision ? describeProvision(provision) : charge.type;
      money(
        `    ${words}${charge.label ? ` — ${charge.label}` : ''}`,
        fys.map((fy) => charge.byFiscalYear[fy]!),
      );
    }
  });
  const widths = rows.reduce<number[]>((w, r) => r.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  for (const r of rows) {
    out.push(
      r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
    );
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
