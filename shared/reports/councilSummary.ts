/**
 * The council summary (one page): what each proposal costs over the status quo per fiscal year
 * and over the term, percent of base, value of 1%, over/under the budgeted amount, the ongoing
 * cost, positions and FTE, the split by fund, and a bar chart of the increase per fiscal year.
 */

import { byCodePoint } from '../codePointOrder.js';
import type { Scenario } from '../schemas/scenario.js';
import type { CompleteCosting } from './costingFigures.js';
import { bannerWords, modelWords, proposalWords, provenanceNotes, termWords, unitWords, type ReportContext } from './reportContext.js';
import { columnRefs, figure, rowRefs, sumOf, TableBuilder, type ReportCell, type ReportChart, type ReportDocument } from './reportDocument.js';
import { fteText } from './reportFormat.js';
import { fundWords } from './fundDepartment.js';

export function councilSummary(result: CompleteCosting, scenario: Scenario, ctx: ReportContext = {}): ReportDocument {
  const fys = result.fiscalYears;
  const fyCols = fys.map((_, i) => i);
  const proposals = result.proposals;
  const t = new TableBuilder('cost', 'Cost over the status quo', '', [...fys, 'Term total']);
  /** A money row per fiscal year, with a term-total SUM when the figures add over the term. */
  const moneyRow = (label: string, cells: ReportCell[], termTotal: boolean, style: 'normal' | 'total' = 'normal') => {
    const row = t.add(label, 'money', cells, style);
    if (termTotal) t.rows[row]!.cells.push(t.sum(rowRefs(row, fyCols)));
    return row;
  };

  const baseRow = moneyRow(
    'Status quo cost (baseline)',
    fys.map((fy) => figure(result.baseline[fy]!.total)),
    true,
  );
  moneyRow(
    'Status quo: each 1% costs',
    fys.map((fy) => figure(result.baselineValueOfOnePercent[fy]!)),
    false,
  );

  t.group('Increase over the status quo');
  const increaseRows = proposals.map((p) =>
    moneyRow(
      proposalWords(p),
      fys.map((fy) => figure(p.increase[fy]!.total)),
      true,
    ),
  );

  t.group('Percent of base (increase ÷ first-year status quo cost)');
  proposals.forEach((p, i) =>
    t.add(
      proposalWords(p),
      'percent',
      fyCols.map((col) => t.ratio({ row: increaseRows[i]!, col }, { row: baseRow, col: 0 })),
    ),
  );

  const budget = proposals.findIndex((p) => p.side === 'budget');
  if (budget >= 0) {
    t.group(`Over (under) the budgeted amount (${proposals[budget]!.name})`);
    proposals.forEach((p, i) => {
      if (i === budget || !p.overBudget) return;
      moneyRow(
        proposalWords(p),
        fyCols.map((col) => t.difference({ row: increaseRows[i]!, col }, { row: increaseRows[budget]!, col })),
        true,
      );
    });
  }

  t.group('Each 1% more costs');
  proposals.forEach((p) =>
    moneyRow(
      proposalWords(p),
      fys.map((fy) => figure(p.valueOfOnePercent[fy]!)),
      false,
    ),
  );

  t.group(`Increase per FTE (${fteText(result.fte)} FTE)`);
  proposals.forEach((p) =>
    moneyRow(
      proposalWords(p),
      fys.map((fy) => figure(p.increasePerFte[fy] ?? '')),
      false,
    ),
  );

  const ongoing = new TableBuilder('ongoing', 'Ongoing cost and wage increase', 'Proposal', ['Ongoing annual cost (lift)', 'Compounded wage increase']);
  for (const p of proposals) {
    ongoing.add(proposalWords(p), 'money', [figure(p.ongoingAnnualIncrease), { value: p.compoundedWageIncrease, format: 'percent' }]);
  }

  // A unit that names no fund has only "unassigned": no split to show.
  const funds = Object.keys(result.baselineByFund)
    .sort(byCodePoint)
    .filter((_, __, all) => !(all.length === 1 && all[0] === 'unassigned'));
  const fund = new TableBuilder(
    'funds',
    'Increase by fund over the term',
    'Fund',
    proposals.map((p) => proposalWords(p)),
  );
  const fundRows = funds.map((code) =>
    fund.add(
      fundWords(code),
      'money',
      proposals.map((p) => figure(termTotal(fys, p.increaseByFund[code]))),
    ),
  );
  if (funds.length)
    fund.add(
      'Total',
      'money',
      proposals.map((_, col) => fund.sum(columnRefs(fundRows, col))),
      'total',
    );

  const lines = [termWords(scenario), `${result.positions} positions (${result.vacantPositions} vacant), ${fteText(result.fte)} FTE`];
  const model = modelWords(ctx);
  if (model) lines.push(model);
  const banner = bannerWords(ctx);
  const tables = [t.table(), ongoing.table('The ongoing cost is one full year at the rates, steps and pays of the last pay period of the term.')];
  if (funds.length) tables.push(fund.table());
  const series: ReportChart['series'] = proposals.map((p, i) => ({
    name: proposalWords(p),
    values: fys.map((fy) => p.increase[fy]!.total),
    source: { table: 'cost', row: increaseRows[i]!, cols: fyCols },
  }));
  return {
    view: 'summary',
    title: 'Council summary',
    unit: unitWords(scenario),
    lines,
    ...(banner ? { banner } : {}),
    tables,
    chart: { title: 'Increase over the status quo by fiscal year', categories: fys, series },
    notes: provenanceNotes(result, scenario, ctx),
    landscape: true,
  };
}

/** A per-fund or per-department block's total over the term. */
export function termTotal(fys: readonly string[], byFy: Record<string, { total: string }> | undefined): string {
  return sumOf(fys.map((fy) => byFy?.[fy]?.total ?? '0'));
}
