// What each report must print, worked out here from the engine's result directly (not from the
// view models), so every printed figure is compared with the costing: rows by group and label,
// cells by column heading, each as its printed text.
import { Decimal } from '../../shared/money.js';
import type { CostingResult, ComponentName } from '../../shared/result.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import { describeProvision } from '../../shared/provisions/registry.js';
import { moneyText, percentText } from '../../shared/reports/reportFormat.js';

export interface ExpectedRow {
  /** The group row above it (its label's start), if any. */
  group?: string;
  label: string;
  /** Column heading → printed text. */
  cells: Record<string, string>;
}

export interface ExpectedTable {
  id: string;
  rows: ExpectedRow[];
}

type Full = Omit<Required<CostingResult>, 'proposals'> & { proposals: Required<CostingResult['proposals'][number]>[] };

const sum = (values: readonly (string | null | undefined)[]) => values.reduce<Decimal>((a, v) => a.plus(v ?? 0), new Decimal(0));
const money = (d: Decimal | string) => moneyText(new Decimal(d).toFixed(2));
const dollars = (d: Decimal) => moneyText(d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0), 0);
const whole = (d: Decimal) => d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
const words = (p: { name: string; side?: string | undefined }) => (p.side ? `${p.name} (${p.side[0]!.toUpperCase()}${p.side.slice(1)})` : p.name);
const fyCells = (fys: string[], value: (fy: string) => string, term?: string) => {
  const cells: Record<string, string> = {};
  for (const fy of fys) cells[fy] = value(fy);
  if (term !== undefined) cells['Term total'] = term;
  return cells;
};

export function expectedSummary(costing: CostingResult): ExpectedTable[] {
  const r = costing as Full;
  const fys = r.fiscalYears;
  const rows: ExpectedRow[] = [
    { label: 'Status quo cost (baseline)', cells: fyCells(fys, (fy) => money(r.baseline[fy]!.total), money(sum(fys.map((fy) => r.baseline[fy]!.total)))) },
    { label: 'Status quo: each 1% costs', cells: fyCells(fys, (fy) => money(r.baselineValueOfOnePercent[fy]!)) },
  ];
  for (const p of r.proposals)
    rows.push({
      group: 'Increase over the status quo',
      label: words(p),
      cells: fyCells(fys, (fy) => money(p.increase[fy]!.total), money(p.increaseTotal.total)),
    });
  for (const p of r.proposals) rows.push({ group: 'Percent of base', label: words(p), cells: fyCells(fys, (fy) => percentText(p.percentOfBase[fy]!)) });
  for (const p of r.proposals) {
    if (p.overBudget)
      rows.push({
        group: 'Over (under) the budgeted amount',
        label: words(p),
        cells: fyCells(fys, (fy) => money(p.overBudget[fy]!), money(p.overBudgetTotal)),
      });
  }
  for (const p of r.proposals) rows.push({ group: 'Each 1% more costs', label: words(p), cells: fyCells(fys, (fy) => money(p.valueOfOnePercent[fy]!)) });
  for (const p of r.proposals) rows.push({ group: 'Increase per FTE', label: words(p), cells: fyCells(fys, (fy) => money(p.increasePerFte[fy]!)) });

  const ongoing: ExpectedRow[] = r.proposals.map((p) => ({
    label: words(p),
    cells: { 'Ongoing annual cost (lift)': money(p.ongoingAnnualIncrease), 'Compounded wage increase': percentText(p.compoundedWageIncrease) },
  }));
  const tables = [
    { id: 'cost', rows },
    { id: 'ongoing', rows: ongoing },
  ];
  const funds = Object.keys(r.baselineByFund);
  if (funds.length === 1 && funds[0] === 'unassigned') funds.length = 0; // nothing to split
  if (funds.length) {
    const fundRows: ExpectedRow[] = funds.map((f) => ({
      label: f === 'unassigned' ? 'Unassigned' : f,
      cells: Object.fromEntries(r.proposals.map((p) => [words(p), money(sum(fys.map((fy) => p.increaseByFund[f]![fy]!.total)))])),
    }));
    // The funds add up to the increase exactly, flat amounts included (COSTING.md §7).
    fundRows.push({ label: 'Total', cells: Object.fromEntries(r.proposals.map((p) => [words(p), money(p.increaseTotal.total)])) });
    tables.push({ id: 'funds', rows: fundRows });
  }
  return tables;
}

export interface ExpectedLines {
  salarySchedule: ComponentName[];
  otherCompensation: ComponentName[];
  statutoryBenefits: ComponentName[];
  healthAndWelfare: ComponentName[];
  /** Named roll-ups per line (their sum is the otherRollups component). */
  rollups: Record<string, 'salarySchedule' | 'otherCompensation' | 'statutoryBenefits' | 'healthAndWelfare'>;
  /** Components the step-and-column line sums. */
  stepComponents: ComponentName[];
}

export const LINE_WORDS = {
  salarySchedule: 'Salary schedule',
  otherCompensation: 'Other compensation',
  statutoryBenefits: 'Statutory benefits',
  healthAndWelfare: 'Health and welfare',
} as const;

/** The county form's default: every named roll-up is a statutory benefit; step and column counts salary and statutory. */
export function defaultLines(costing: CostingResult): ExpectedLines {
  const names = Object.keys((costing as Full).baselineRollupsByName[costing.fiscalYears[0]!] ?? {});
  return {
    salarySchedule: ['wages'],
    otherCompensation: ['specialPays', 'longevity', 'overtime', 'lumpSums', 'flat'],
    statutoryBenefits: ['pension', 'socialSecurity', 'medicare'],
    healthAndWelfare: ['health'],
    rollups: Object.fromEntries(names.map((n) => [n, 'statutoryBenefits' as const])),
    stepComponents: ['wages', 'pension', 'socialSecurity', 'medicare', 'otherRollups'],
  };
}

/**
 * The disclosure in whole dollars: a line is its cents figures summed then rounded half away from
 * zero; Total compensation is the sum of the four rounded lines (what the form adds up).
 */
export function expectedDisclosure(costing: CostingResult, proposal: number, lines: ExpectedLines): ExpectedTable[] {
  const r = costing as Full;
  const p = r.proposals[proposal]!;
  const fys = r.fiscalYears;
  const base = fys[0]!;
  const keys = ['salarySchedule', 'otherCompensation', 'statutoryBenefits', 'healthAndWelfare'] as const;
  const rollupsOf = (line: (typeof keys)[number]) => Object.keys(lines.rollups).filter((n) => lines.rollups[n] === line);
  const lineAmount = (line: (typeof keys)[number], comps: Record<string, string>, rollups: Record<string, string> | undefined) =>
    sum([...lines[line].map((c) => comps[c]), ...rollupsOf(line).map((n) => rollups?.[n])]);

  const rows: ExpectedRow[] = [];
  const totals = { base: new Decimal(0), cost: fys.map(() => new Decimal(0)), change: fys.map(() => new Decimal(0)) };
  for (const line of keys) {
    const b = whole(lineAmount(line, r.baseline[base]!, r.baselineRollupsByName[base]));
    totals.base = totals.base.plus(b);
    const cells: Record<string, string> = { [`${base} status quo`]: dollars(b) };
    fys.forEach((fy, k) => {
      const cost = whole(lineAmount(line, p.increase[fy]!, p.increaseRollupsByName[fy]));
      // The engine's change over the prior year per component; a named roll-up's is its increase minus the prior year's.
      const prior = fys[k - 1];
      const change = whole(
        sum(lines[line].map((c) => p.increaseOverPriorYear[fy]![c]))
          .plus(sum(rollupsOf(line).map((n) => p.increaseRollupsByName[fy]![n])))
          .minus(prior ? sum(rollupsOf(line).map((n) => p.increaseRollupsByName[prior]![n])) : 0),
      );
      totals.cost[k] = totals.cost[k]!.plus(cost);
      totals.change[k] = totals.change[k]!.plus(change);
      cells[`${fy} cost`] = dollars(cost);
      cells[`${fy} change`] = dollars(change);
      cells[`${fy} %`] = b.isZero() ? '' : percentText(change.div(b).toFixed());
    });
    rows.push({ label: LINE_WORDS[line], cells });
  }
  const totalCells: Record<string, string> = { [`${base} status quo`]: dollars(totals.base) };
  fys.forEach((fy, k) => {
    totalCells[`${fy} cost`] = dollars(totals.cost[k]!);
    totalCells[`${fy} change`] = dollars(totals.change[k]!);
    totalCells[`${fy} %`] = percentText(totals.change[k]!.div(totals.base).toFixed());
  });
  rows.push({ label: 'Total compensation', cells: totalCells });

  const step = (fy: string) => sum(lines.stepComponents.flatMap((c) => [p.stepMovement[fy]![c], new Decimal(r.baselineStepMovement[fy]![c]).neg().toFixed()]));
  const stepCells: Record<string, string> = {};
  fys.forEach((fy, k) => {
    const prior = fys[k - 1];
    stepCells[`${fy} cost`] = dollars(whole(step(fy)));
    const change = whole(step(fy).minus(prior ? step(prior) : 0));
    stepCells[`${fy} change`] = dollars(change);
    stepCells[`${fy} %`] = percentText(change.div(totals.base).toFixed());
  });
  rows.push({ label: 'Step and column (included above)', cells: stepCells });

  const fteCells: Record<string, string> = { [`${base} status quo`]: r.fte };
  for (const fy of fys) fteCells[`${fy} cost`] = r.fte;
  rows.push({ label: 'Number of FTE', cells: fteCells });

  const perFteBase = whole(new Decimal(r.baselinePerFte[base]!));
  const perFte: Record<string, string> = { [`${base} status quo`]: dollars(perFteBase) };
  fys.forEach((fy, k) => {
    const cost = whole(new Decimal(p.increasePerFte[fy]!));
    const prior = fys[k - 1];
    const change = cost.minus(prior ? whole(new Decimal(p.increasePerFte[prior]!)) : 0);
    perFte[`${fy} cost`] = dollars(cost);
    perFte[`${fy} change`] = dollars(change);
    perFte[`${fy} %`] = percentText(change.div(perFteBase).toFixed());
  });
  rows.push({ label: 'Average cost per FTE', cells: perFte });
  return [{ id: 'disclosure', rows }];
}

export function expectedReconcile(costing: CostingResult, scenario: Scenario, a: number, b: number): ExpectedTable[] {
  const r = costing as Full;
  const fys = r.fiscalYears;
  const A = r.proposals[a]!;
  const B = r.proposals[b]!;
  const rows: ExpectedRow[] = [
    {
      label: 'Status quo cost (the same baseline for both)',
      cells: fyCells(fys, (fy) => money(r.baseline[fy]!.total), money(sum(fys.map((fy) => r.baseline[fy]!.total)))),
    },
  ];
  // The pairs as the issue asks: same type and label where they correspond, then same type, each in order.
  const pa = scenario.proposals[a]!.provisions;
  const pb = scenario.proposals[b]!.provisions;
  const usedB = new Set<number>();
  const matched = new Map<number, number>();
  for (const sameLabel of [true, false]) {
    pa.forEach((prov, i) => {
      if (matched.has(i)) return;
      const j = pb.findIndex((q, k) => !usedB.has(k) && q.type === prov.type && (!sameLabel || (q.label ?? '') === (prov.label ?? '')));
      if (j >= 0) {
        usedB.add(j);
        matched.set(i, j);
      }
    });
  }
  const pairs: [number | undefined, number | undefined][] = pa.map((_, i) => [i, matched.get(i)]);
  pb.forEach((_, j) => {
    if (!usedB.has(j)) pairs.push([undefined, j]);
  });
  for (const [i, j] of pairs) {
    const ca = i === undefined ? undefined : A.byProvision[i]!;
    const cb = j === undefined ? undefined : B.byProvision[j]!;
    if (ca) rows.push({ label: `${A.name}: ${describeProvision(pa[i!]!)}`, cells: fyCells(fys, (fy) => money(ca.byFiscalYear[fy]!), money(ca.total)) });
    if (cb) rows.push({ label: `${B.name}: ${describeProvision(pb[j!]!)}`, cells: fyCells(fys, (fy) => money(cb.byFiscalYear[fy]!), money(cb.total)) });
    const gap = (fy: string | null) => money(sum([fy ? ca?.byFiscalYear[fy] : ca?.total]).minus(sum([fy ? cb?.byFiscalYear[fy] : cb?.total])));
    rows.push({ label: `Gap (${A.name} − ${B.name})`, cells: fyCells(fys, (fy) => gap(fy), gap(null)) });
  }
  // The charges add up to each increase exactly, so the totals are the engine's increases.
  rows.push({ group: 'Total increase', label: A.name, cells: fyCells(fys, (fy) => money(A.increase[fy]!.total), money(A.increaseTotal.total)) });
  rows.push({ group: 'Total increase', label: B.name, cells: fyCells(fys, (fy) => money(B.increase[fy]!.total), money(B.increaseTotal.total)) });
  rows.push({
    group: 'Total increase',
    label: `Gap (${A.name} − ${B.name})`,
    cells: fyCells(
      fys,
      (fy) => money(new Decimal(A.increase[fy]!.total).minus(B.increase[fy]!.total)),
      money(new Decimal(A.increaseTotal.total).minus(B.increaseTotal.total)),
    ),
  });
  return [{ id: 'reconcile', rows }];
}

export function expectedBySplit(costing: CostingResult, by: 'fund' | 'department'): ExpectedTable[] {
  const r = costing as Full;
  const fys = r.fiscalYears;
  const table = (id: string, split: Record<string, Record<string, { total: string }>>, total: (fy: string) => string): ExpectedTable => {
    const rows: ExpectedRow[] = Object.keys(split).map((k) => ({
      label: k === 'unassigned' ? 'Unassigned' : k,
      cells: fyCells(fys, (fy) => money(split[k]![fy]!.total), money(sum(fys.map((fy) => split[k]![fy]!.total)))),
    }));
    rows.push({ label: 'Total', cells: fyCells(fys, (fy) => money(total(fy)), money(sum(fys.map(total)))) });
    return { id, rows };
  };
  return [
    table('baseline', by === 'fund' ? r.baselineByFund : r.baselineByDepartment, (fy) => r.baseline[fy]!.total),
    ...r.proposals.map((p, i) => table(`increase-${i + 1}`, by === 'fund' ? p.increaseByFund : p.increaseByDepartment, (fy) => p.increase[fy]!.total)),
  ];
}
