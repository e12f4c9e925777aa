/**
 * By fund and by department (COSTING.md 1.2 §7): the status quo cost and each proposal's increase
 * per fund (or department) per fiscal year and over the term. The rows add up to the costing's
 * totals exactly (flat amounts included), so each table's Total row is a live SUM.
 */
import { byCodePoint } from '../codePointOrder.js';
import type { ByFiscalYear, Components } from '../result.js';
import type { Scenario } from '../schemas/scenario.js';
import type { CompleteCosting } from './costingFigures.js';
import { bannerWords, modelWords, proposalWords, provenanceNotes, termWords, unitWords, type ReportContext } from './reportContext.js';
import { columnRefs, figure, rowRefs, TableBuilder, type ReportDocument, type ReportTable } from './reportDocument.js';

const UNASSIGNED = 'unassigned';

export function fundWords(code: string): string {
  return code === UNASSIGNED ? 'Unassigned' : code;
}

type Split = Record<string, ByFiscalYear<Components>>;

function splitTable(id: string, caption: string, keyHeader: string, fys: string[], split: Split): ReportTable {
  const fyCols = fys.map((_, i) => i);
  const t = new TableBuilder(id, caption, keyHeader, [...fys, 'Term total']);
  // Code-point order (§7): a JavaScript object lists codes like `100` first, in numeric order.
  const rows = Object.keys(split)
    .sort(byCodePoint)
    .map((key) => {
      const row = t.add(
        fundWords(key),
        'money',
        fys.map((fy) => figure(split[key]![fy]!.total)),
      );
      t.rows[row]!.cells.push(t.sum(rowRefs(row, fyCols)));
      return row;
    });
  t.add(
    'Total',
    'money',
    [...fyCols, fys.length].map((col) => t.sum(columnRefs(rows, col))),
    'total',
  );
  return t.table();
}

export function bySplit(by: 'fund' | 'department', result: CompleteCosting, scenario: Scenario, ctx: ReportContext = {}): ReportDocument {
  const fys = result.fiscalYears;
  const heading = by === 'fund' ? 'Fund' : 'Department';
  const tables = [splitTable('baseline', `Status quo cost by ${by}`, heading, fys, by === 'fund' ? result.baselineByFund : result.baselineByDepartment)];
  result.proposals.forEach((p, i) => {
    tables.push(
      splitTable(
        `increase-${i + 1}`,
        `Increase over the status quo by ${by}: ${proposalWords(p)}`,
        heading,
        fys,
        by === 'fund' ? p.increaseByFund : p.increaseByDepartment,
      ),
    );
  });
  const lines = [termWords(scenario)];
  const model = modelWords(ctx);
  if (model) lines.push(model);
  const banner = bannerWords(ctx);
  return {
    view: by === 'fund' ? 'by-fund' : 'by-department',
    title: by === 'fund' ? 'Cost by fund' : 'Cost by department',
    unit: unitWords(scenario),
    lines,
    ...(banner ? { banner } : {}),
    tables,
    notes: [
      by === 'fund'
        ? 'A position split between funds is charged to each by its share, per employee and fiscal year; flat amounts go to the fund they name.'
        : 'Flat amounts go to the department they name; rows and amounts without one are Unassigned.',
      ...provenanceNotes(result, scenario, ctx),
    ],
    landscape: fys.length > 4,
  };
}
