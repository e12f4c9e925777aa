/**
 * Reconciliation of two proposals (union vs management, or any two) over the same baseline: each
 * provision's charge per fiscal year side by side, matched by type and label where they correspond
 * (in order within the same type and label), the gap per fiscal year and over the term, and what
 * each side assumed differently.
 */

import type { Scenario } from '../schemas/scenario.js';
import type { CompleteCosting, CompleteProposal } from './costingFigures.js';
import { describeProvision, provisionNames, type Provision } from '../provisions/registry.js';
import { plainDate } from '../provisions/wording.js';
import { bannerWords, modelWords, proposalWords, provenanceNotes, termWords, unitWords, type ReportContext } from './reportContext.js';
import { figure, rowRefs, TableBuilder, type CellRef, type ReportDocument } from './reportDocument.js';

interface Side {
  result: CompleteProposal;
  provisions: readonly Provision[];
  retroPayDate: string | undefined;
}

interface Pair {
  key: string;
  a: number | undefined;
  b: number | undefined;
}

/**
 * Pairs provisions that correspond: first the same type and label, in order; then, of those left,
 * the same type in order (a "3% year 1" wage increase against a "2.5% year 1" one). The rest stand alone.
 */
export function matchProvisions(a: readonly Provision[], b: readonly Provision[]): Pair[] {
  const labelKey = (p: Provision) => `${p.type}\u0000${p.label ?? ''}`;
  const matchOf = new Map<number, number>();
  const usedB = new Set<number>();
  for (const key of [labelKey, (p: Provision) => p.type]) {
    a.forEach((p, i) => {
      if (matchOf.has(i)) return;
      const j = b.findIndex((q, k) => !usedB.has(k) && key(q) === key(p));
      if (j < 0) return;
      matchOf.set(i, j);
      usedB.add(j);
    });
  }
  const pairs: Pair[] = a.map((p, i) => ({ key: labelKey(p), a: i, b: matchOf.get(i) }));
  b.forEach((p, j) => {
    if (!usedB.has(j)) pairs.push({ key: labelKey(p), a: undefined, b: j });
  });
  return pairs;
}

export function reconciliation(result: CompleteCosting, scenario: Scenario, a: number, b: number, ctx: ReportContext = {}): ReportDocument {
  const fys = result.fiscalYears;
  const fyCols = fys.map((_, i) => i);
  const termCol = fys.length;
  const side = (i: number): Side => ({
    result: result.proposals[i]!,
    provisions: scenario.proposals[i]!.provisions,
    retroPayDate: scenario.proposals[i]!.retroPayDate,
  });
  const A = side(a);
  const B = side(b);
  const nameA = A.result.name;
  const nameB = B.result.name;

  const t = new TableBuilder('reconcile', `${proposalWords(A.result)} and ${proposalWords(B.result)}, provision by provision`, 'Provision', [
    ...fys,
    'Term total',
  ]);
  const withTerm = (row: number) => {
    t.rows[row]!.cells[termCol] = t.sum(rowRefs(row, fyCols));
    return row;
  };
  const chargeRow = (s: Side, name: string, index: number | undefined): number => {
    if (index === undefined) return t.add(`${name}: no such provision`, 'money', [], 'normal');
    const charge = s.result.byProvision[index]!;
    return withTerm(
      t.add(
        `${name}: ${describeProvision(s.provisions[index]!)}`,
        'money',
        fys.map((fy) => figure(charge.byFiscalYear[fy] ?? '0')),
      ),
    );
  };
  const gapRow = (label: string, ra: number, rb: number, style: 'normal' | 'total' = 'normal') =>
    t.add(
      label,
      'money',
      [...fyCols, termCol].map((col) => t.difference({ row: ra, col }, { row: rb, col })),
      style,
    );

  t.add(
    'Status quo cost (the same baseline for both)',
    'money',
    fys.map((fy) => figure(result.baseline[fy]!.total)),
  );
  withTerm(t.rows.length - 1);

  const pairs = matchProvisions(A.provisions, B.provisions);
  const rowsA: number[] = [];
  const rowsB: number[] = [];
  const differences: { item: string; a: string; b: string }[] = [];
  for (const pair of pairs) {
    const pa = A.provisions[pair.a ?? -1];
    const pb = B.provisions[pair.b ?? -1];
    const sample = pa ?? pb!;
    const labels = [...new Set([pa?.label, pb?.label].filter((l): l is string => l !== undefined))];
    const item = `${provisionNames[sample.type]}${labels.length ? `: ${labels.join(' / ')}` : ''}`;
    t.group(item);
    const ra = chargeRow(A, nameA, pair.a);
    const rb = chargeRow(B, nameB, pair.b);
    if (pair.a !== undefined) rowsA.push(ra);
    if (pair.b !== undefined) rowsB.push(rb);
    gapRow(`Gap (${nameA} − ${nameB})`, ra, rb);
    const da = pair.a === undefined ? '—' : describeProvision(A.provisions[pair.a]!);
    const db = pair.b === undefined ? '—' : describeProvision(B.provisions[pair.b]!);
    if (da !== db) differences.push({ item, a: da, b: db });
  }

  t.group('Total increase over the status quo');
  const totalOf = (name: string, rows: number[]) =>
    t.add(
      name,
      'money',
      [...fyCols, termCol].map((col) => t.sum(rows.map((row): CellRef => ({ row, col })))),
      'total',
    );
  const ta = totalOf(nameA, rowsA);
  const tb = totalOf(nameB, rowsB);
  gapRow(`Gap (${nameA} − ${nameB})`, ta, tb, 'total');

  const assumed = new TableBuilder('assumptions', 'What each assumed', 'Item', [proposalWords(A.result), proposalWords(B.result)]);
  const words = (item: string, va: string, vb: string) => assumed.add(item, 'text', [{ value: va }, { value: vb }]);
  const retro = (d: string | undefined) => (d ? `Back pay paid ${plainDate(d)}` : 'None: cost in the year earned');
  if (A.retroPayDate !== B.retroPayDate) words('Retroactive pay', retro(A.retroPayDate), retro(B.retroPayDate));
  for (const d of differences) words(d.item, d.a, d.b);
  assumed.add('Compounded wage increase', 'percent', [figure(A.result.compoundedWageIncrease), figure(B.result.compoundedWageIncrease)]);
  assumed.add('Ongoing annual cost (lift)', 'money', [figure(A.result.ongoingAnnualIncrease), figure(B.result.ongoingAnnualIncrease)]);

  const lines = [termWords(scenario)];
  const model = modelWords(ctx);
  if (model) lines.push(model);
  const banner = bannerWords(ctx);
  return {
    view: 'reconcile',
    title: 'Reconciliation of two proposals',
    unit: unitWords(scenario),
    lines,
    ...(banner ? { banner } : {}),
    tables: [
      t.table('Each provision is charged what it adds when applied in its proposal\u2019s order; the charges add up to the proposal\u2019s increase exactly.'),
      assumed.table(),
    ],
    notes: provenanceNotes(result, scenario, ctx),
    landscape: fys.length > 3,
  };
}
