/**
 * The public disclosure of a proposed agreement (AB 1200 / Gov. Code 3547.5 style), for one
 * proposal: the county office form's lines for the base year (the status quo of the first fiscal
 * year) and each year of the agreement — the year's cost over the status quo, its change over the
 * prior year (the engine's `increaseOverPriorYear`) and that change as a percent of the line's
 * base-year amount — then total compensation, step and column, FTE and the average cost per FTE.
 *
 * Whole dollars, as the form prints them: each line is its engine figures (to the cent) summed and
 * rounded half away from zero; Total compensation is the SUM of the rounded lines above it, so the
 * printed column adds up.
 */

import type { Scenario } from '../schemas/scenario.js';
import type { CompleteCosting, CompleteProposal } from './costingFigures.js';
import {
  DISCLOSURE_LINE_WORDS,
  ROLLUP_LINES_CAPTION,
  ROLLUP_LINES_CAPTION_ID,
  disclosureLines,
  mappedComponents,
  type DisclosureLine,
  type DisclosureMapping,
} from './disclosureMapping.js';
import { bannerWords, modelWords, proposalWords, provenanceNotes, termWords, unitWords, type ReportContext } from './reportContext.js';
import { columnRefs, figure, roundDollars, TableBuilder, type CellRef, type ReportCell, type ReportDocument } from './reportDocument.js';
import { COMPONENT_LABELS } from '../workbook/layout.js';
import { fteText } from './reportFormat.js';

export interface DisclosureOptions extends ReportContext {
  mapping: DisclosureMapping;
  /** The proposal disclosed; default the first that is not the budget. */
  proposal?: string;
}

/** The proposal a view is about, by name; without a name the first that is not the budget. */
export function chooseProposal(
  result: CompleteCosting,
  name: string | undefined,
  option = '--proposal',
): { ok: true; proposal: CompleteProposal; index: number } | { ok: false; path: string; message: string } {
  const names = result.proposals.map((p) => `"${p.name}"`).join(', ');
  const index =
    name === undefined
      ? Math.max(
          0,
          result.proposals.findIndex((p) => p.side !== 'budget'),
        )
      : result.proposals.findIndex((p) => p.name === name);
  const proposal = result.proposals[index];
  if (!proposal)
    return {
      ok: false,
      path: option,
      message: name === undefined ? 'the scenario has no proposals' : `no proposal is named "${name}": the proposals are ${names}`,
    };
  return { ok: true, proposal, index };
}

export function disclosure(result: CompleteCosting, scenario: Scenario, p: CompleteProposal, options: DisclosureOptions): ReportDocument {
  const { mapping } = options;
  const fys = result.fiscalYears;
  const base = fys[0]!;
  const componentsOf = (line: DisclosureLine) => mappedComponents.filter((c) => mapping.components[c] === line);
  const rollupsOf = (line: DisclosureLine) => Object.keys(mapping.rollups).filter((n) => mapping.rollups[n] === line);

  // Columns: base year, then per fiscal year: cost over the status quo, change over the prior year, percent.
  const columns = [`${base} status quo`];
  fys.forEach((fy) => columns.push(`${fy} cost`, `${fy} change`, `${fy} %`));
  const baseCol = 0;
  const costCol = (k: number) => 1 + 3 * k;
  const changeCol = (k: number) => 2 + 3 * k;
  const pctCol = (k: number) => 3 + 3 * k;
  const t = new TableBuilder('disclosure', `Cost of the proposed agreement: ${proposalWords(p)}`, 'Compensation', columns);

  const lineRows = disclosureLines.map((line) => {
    const comps = componentsOf(line);
    const names = rollupsOf(line);
    const cells: (ReportCell | null)[] = [
      roundDollars([...comps.map((c) => result.baseline[base]![c]), ...names.map((n) => result.baselineRollupsByName[base]?.[n] ?? '0')]),
    ];
    fys.forEach((fy, k) => {
      const prior = fys[k - 1];
      cells.push(roundDollars([...comps.map((c) => p.increase[fy]![c]), ...names.map((n) => p.increaseRollupsByName[fy]?.[n] ?? '0')]));
      // The engine's change over the prior year per component; roll-ups by name are only given per
      // year, so theirs is this year's increase minus the prior year's.
      cells.push(
        roundDollars([
          ...comps.map((c) => p.increaseOverPriorYear[fy]![c]),
          ...names.map((n) => p.increaseRollupsByName[fy]?.[n] ?? '0'),
          ...(prior ? names.map((n) => negate(p.increaseRollupsByName[prior]?.[n] ?? '0')) : []),
        ]),
      );
      cells.push(null);
    });
    return t.add(DISCLOSURE_LINE_WORDS[line], 'dollars', cells);
  });
  const percent = (numerator: CellRef, denominator: CellRef): ReportCell => ({ ...t.ratio(numerator, denominator), format: 'percent' });
  const percentCells = (row: number, baseRow: number) =>
    fys.forEach((_, k) => (t.rows[row]!.cells[pctCol(k)] = percent({ row, col: changeCol(k) }, { row: baseRow, col: baseCol })));
  lineRows.forEach((row) => percentCells(row, row));

  const totalRow = t.add(
    'Total compensation',
    'dollars',
    columns.map((_, col) => (isPctCol(col) ? null : t.sum(columnRefs(lineRows, col)))),
    'total',
  );
  percentCells(totalRow, totalRow);

  // Step and column: the settlement's step movement (proposal − baseline) over the counted lines' components.
  const counted = mapping.stepAndColumn;
  const stepComps = mappedComponents.filter((c) => counted.includes(mapping.components[c]));
  const rollupNames = Object.keys(mapping.rollups);
  const rollupsCounted = rollupNames.every((n) => counted.includes(mapping.rollups[n]!));
  const stepOf = (fy: string) =>
    [...stepComps, ...(rollupsCounted ? (['otherRollups'] as const) : [])].flatMap((c) => [
      p.stepMovement[fy]![c],
      negate(result.baselineStepMovement[fy]![c]),
    ]);
  const stepCells: (ReportCell | null)[] = [null];
  fys.forEach((fy, k) => {
    stepCells.push(roundDollars(stepOf(fy)));
    const prior = fys[k - 1];
    stepCells.push(roundDollars([...stepOf(fy), ...(prior ? stepOf(prior).map(negate) : [])]));
    stepCells.push(null);
  });
  const stepRow = t.add('Step and column (included above)', 'dollars', stepCells, 'memo');
  fys.forEach((_, k) => (t.rows[stepRow]!.cells[pctCol(k)] = percent({ row: stepRow, col: changeCol(k) }, { row: totalRow, col: baseCol })));

  const fteCells: (ReportCell | null)[] = [figure(result.fte)];
  fys.forEach(() => fteCells.push(figure(result.fte), null, null));
  t.add('Number of FTE', 'fte', fteCells);

  const perFte: (ReportCell | null)[] = [roundDollars([result.baselinePerFte[base] ?? '0'])];
  fys.forEach((fy) => perFte.push(roundDollars([p.increasePerFte[fy] ?? '0']), null, null));
  const perFteRow = t.add('Average cost per FTE', 'dollars', perFte);
  fys.forEach((_, k) => {
    const cells = t.rows[perFteRow]!.cells;
    cells[changeCol(k)] =
      k === 0 ? t.sum([{ row: perFteRow, col: costCol(0) }]) : t.difference({ row: perFteRow, col: costCol(k) }, { row: perFteRow, col: costCol(k - 1) });
    cells[pctCol(k)] = percent({ row: perFteRow, col: changeCol(k) }, { row: perFteRow, col: baseCol });
  });

  const how = new TableBuilder('mapping', 'How the lines are made up', 'Line', ['Components and roll-ups']);
  for (const line of disclosureLines) {
    const parts = [...componentsOf(line).map((c) => COMPONENT_LABELS[c]), ...rollupsOf(line)];
    how.add(DISCLOSURE_LINE_WORDS[line], 'text', [{ value: parts.join(', ') || '(nothing)' }]);
  }
  how.add('Step and column counts', 'text', [
    {
      value:
        counted.map((l) => DISCLOSURE_LINE_WORDS[l]).join(', ') +
        (rollupsCounted || rollupNames.length === 0 ? '' : ' (roll-ups left out: they are split across lines counted and not counted)'),
    },
  ]);

  // Each named roll-up on its own line (§7: "STRS" and "PERS" apart), with its cost over the status
  // quo each year to the cent; the line column is what the workbook's reader takes (mappingFromSheet).
  const perRollup = new TableBuilder(ROLLUP_LINES_CAPTION_ID, ROLLUP_LINES_CAPTION, 'Roll-up', ['Line', ...fys.map((fy) => `${fy} cost`), 'Term cost']);
  for (const name of rollupNames) {
    const costs = fys.map((fy): ReportCell => ({ value: p.increaseRollupsByName[fy]?.[name] ?? '0', format: 'money' }));
    const row = perRollup.rows.length;
    perRollup.add(name, 'text', [{ value: DISCLOSURE_LINE_WORDS[mapping.rollups[name]!] }, ...costs, null]);
    perRollup.rows[row]!.cells[fys.length + 1] = { ...perRollup.sum(fys.map((_, k) => ({ row, col: 1 + k }))), format: 'money' };
  }

  function isPctCol(col: number): boolean {
    return col > 0 && col % 3 === 0;
  }

  const lines = [
    termWords(scenario),
    `Proposal disclosed: ${proposalWords(p)}; ${fteText(result.fte)} FTE (${result.positions} positions, ${result.vacantPositions} vacant)`,
  ];
  const model = modelWords(options);
  if (model) lines.push(model);
  const banner = bannerWords(options);
  return {
    view: 'disclosure',
    title: 'Public disclosure of proposed agreement (Gov. Code 3547.5)',
    unit: unitWords(scenario),
    lines,
    ...(banner ? { banner } : {}),
    tables: [
      t.table(
        'Whole dollars: each line is the engine\u2019s figures to the cent, summed and rounded half away from zero; Total compensation is the sum of the rounded lines. ' +
          'Cost: that year over the status quo. Change: over the prior year. %: the change \u00f7 the line\u2019s base-year amount (step and column: \u00f7 total compensation). ' +
          'Average cost per FTE: status quo total, then the increase, per FTE.',
      ),
      how.table(),
      ...(rollupNames.length
        ? [
            perRollup.table(
              // A public document: which line each roll-up is counted in, not how to change it
              // (the analyst edits this table in the workbook: README, "Reports").
              'The disclosure line each named roll-up is counted in: Salary schedule, Other compensation, Statutory benefits, or Health and welfare.',
            ),
          ]
        : []),
    ],
    notes: provenanceNotes(result, scenario, options),
    landscape: true,
  };
}

function negate(amount: string): string {
  return amount.startsWith('-') ? amount.slice(1) : amount === '0' || /^0(\.0+)?$/.test(amount) ? amount : `-${amount}`;
}
