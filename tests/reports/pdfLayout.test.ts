// The PDF layout for inputs the file format allows but the examples do not show: many proposals
// (the fund table and the chart legend of the council summary), a long term (the disclosure's three
// columns a year), long names, and page breaks. Each figure of the costing must print whole (one
// text item, never split across lines), no two texts may overprint, headings break only at spaces,
// and no page holds only the footnotes. Each PDF page is also rendered to test-results/reports/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { costScenario, parseScenario, type Scenario } from '../../shared/index.js';
import { buildReport, type ReportOptions } from '../../shared/reports/index.js';
import type { ReportDocument, ReportView } from '../../shared/reports/reportDocument.js';
import { cellText } from '../../shared/reports/reportFormat.js';
import { chartLayout } from '../../shared/reports/chartLayout.js';
import { pdfText as printable, reportPdf } from '../../server/pdf/reportPdf.js';
import { fundedScenarioInput } from './fundedScenario.js';
import { pdfPngs, pdfText } from './pdfText.js';

const context = { generatedAt: '2026-11-23T18:05:00.000Z', timeZone: 'America/Los_Angeles' };

type Input = Record<string, unknown> & { term: { start: string; end: string }; proposals: Record<string, unknown>[] };

function scenarioOf(input: Input): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return parsed.value;
}

/** `n` proposals: the input's own, then alternatives of a general wage increase a year (1%, 1.5%, …). */
function withProposals(input: Input, n: number, name = (i: number) => `Alt ${i}`): Input {
  const startYear = Number(input.term.start.slice(0, 4));
  const endYear = Number(input.term.end.slice(0, 4));
  const extra = Array.from({ length: Math.max(0, n - input.proposals.length) }, (_, i) => ({
    name: name(i + 1),
    provisions: Array.from({ length: endYear - startYear }, (_, y) => ({
      type: 'gwi',
      percent: (0.01 + 0.005 * i).toFixed(3),
      effective: `${startYear + y}-07-01`,
      label: `Year ${y + 1}`,
    })),
  }));
  return { ...input, proposals: [...input.proposals, ...extra].slice(0, n) };
}

/** The term extended to `years` fiscal years (the Social Security wage base carried forward). */
function withYears(input: Input, years: number): Input {
  const start = Number(input.term.start.slice(0, 4));
  const assumptions = structuredClone(input.assumptions) as { socialSecurity: { wageBase: Record<string, string> } };
  const base = assumptions.socialSecurity.wageBase;
  const last = Object.keys(base).sort().at(-1)!;
  for (let y = Number(last) + 1; y <= start + years + 1; y++) base[String(y)] = base[last]!;
  return { ...input, assumptions, term: { start: input.term.start, end: `${start + years}-06-30` } };
}

function policeSettlement(): Input {
  return JSON.parse(readFileSync('examples/police-settlement-1.2.json', 'utf8')) as Input;
}

function report(view: ReportView, scenario: Scenario, options: ReportOptions = {}): ReportDocument {
  const built = buildReport(view, costScenario(scenario), scenario, { ...context, ...options });
  if (!built.ok) throw new Error(built.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return built.report;
}

interface Item {
  s: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Every page's text items with their boxes (y down), as PDF.js reads them. */
async function pdfItems(pdf: Uint8Array): Promise<{ width: number; height: number; items: Item[] }[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = content.items.flatMap((it) =>
      'str' in it && it.str.trim() !== ''
        ? [{ s: it.str, x: it.transform[4] as number, y: height - (it.transform[5] as number), w: it.width, h: it.height }]
        : [],
    );
    pages.push({ width, height, items });
  }
  await doc.destroy();
  return pages;
}

/** Pairs of text items on one page whose boxes overlap, and items outside the page's margins. */
function clashes(pages: Awaited<ReturnType<typeof pdfItems>>): string[] {
  const found: string[] = [];
  pages.forEach((page, p) => {
    const items = page.items;
    for (const a of items) if (a.x < 30 || a.x + a.w > page.width - 30) found.push(`page ${p + 1}: "${a.s}" in the margin`);
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i]!;
        const b = items[j]!;
        if (Math.abs(a.y - b.y) < Math.min(a.h, b.h) * 0.8 && a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1) found.push(`page ${p + 1}: "${a.s}" over "${b.s}"`);
      }
  });
  return found;
}

/** Every non-empty cell of every table, as the report prints it. */
function figures(doc: ReportDocument): string[] {
  return doc.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.flatMap((c) => (c && c.value !== '' ? [printable(cellText(c, r.format))] : []))));
}

const moneyLike = /^\(?-?\$?[\d,]+(\.\d+)?%?\)?$/;

/**
 * The checks every layout must pass: each figure printed as one whole text item (as often as the
 * tables hold it); each text item that looks like a figure is one of the figures (or a chart axis
 * label), never a piece of one; every word of a column heading whole; nothing overprinted; and every
 * page after the first holding more than the footnotes.
 */
async function expectIntact(
  doc: ReportDocument,
  scenario: Scenario,
  name: string,
): Promise<{ pages: string[][]; items: Awaited<ReturnType<typeof pdfItems>> }> {
  const pdf = await reportPdf(doc, scenario, context);
  const read = await pdfText(pdf);
  const items = read.pages.flat().map((s) => s.trim());
  const count = new Map<string, number>();
  for (const s of items) count.set(s, (count.get(s) ?? 0) + 1);
  const wanted = new Map<string, number>();
  for (const f of figures(doc)) if (moneyLike.test(f)) wanted.set(f, (wanted.get(f) ?? 0) + 1);
  const missing = [...wanted].filter(([f, n]) => (count.get(f) ?? 0) < n).map(([f, n]) => `${f} ×${n} (printed ${count.get(f) ?? 0})`);
  expect(missing, `${name}: figures not printed whole`).toEqual([]);

  // The chart's axis labels are figures too (the same at any size).
  const axis = new Set(doc.chart ? chartLayout(doc.chart, 300, 200, 7).gridLines.map((g) => g.label) : []);
  // Words of the labels and texts may start a line of their own ("Family cap" / "$2,350"); figures may not.
  const texts = [
    ...doc.lines,
    ...doc.notes,
    ...(doc.chart?.series.map((s) => s.name) ?? []),
    ...doc.tables.flatMap((t) => [
      t.caption,
      ...t.rows.flatMap((r) => [r.label, ...r.cells.map((c) => (c && (c.format ?? r.format) === 'text' ? c.value : ''))]),
    ]),
  ];
  const textWords = new Set(texts.flatMap((t) => printable(t).split(/\s+/)));
  const fragments = items.filter((s) => moneyLike.test(s) && !wanted.has(s) && !axis.has(s) && !/^\d+$/.test(s) && !textWords.has(s));
  expect(fragments, `${name}: pieces of figures`).toEqual([]);

  const words = new Set(items.flatMap((s) => s.split(/\s+/)));
  for (const table of doc.tables)
    for (const heading of [table.labelHeader, ...table.columns])
      for (const word of printable(heading).split(/\s+/).filter(Boolean)) expect(words.has(word), `${name}: heading word "${word}" of "${heading}"`).toBe(true);

  const boxes = await pdfItems(pdf);
  expect(clashes(boxes), `${name}: overprinted`).toEqual([]);

  const noteWords = new Set(doc.notes.flatMap((n) => printable(n).split(/\s+/)));
  read.pages.forEach((page, p) => {
    if (p === 0) return;
    // Leave out the running header and the footer; what is left must be more than the footnotes.
    const body = page.filter((s) => !/^Page \d+ of \d+$/.test(s) && !s.startsWith(printable(doc.unit)));
    expect(
      body.some((s) => s.split(/\s+/).some((w) => !noteWords.has(w))),
      `${name}: page ${p + 1} holds only the footnotes`,
    ).toBe(true);
  });
  await pdfPngs(pdf, `layout-${name}`);
  return { pages: read.pages, items: boxes };
}

describe('PDF layout: many proposals, a long term, page breaks', () => {
  it('a council summary of 7 proposals with funds: every fund figure whole, legend and headings intact', async () => {
    const scenario = scenarioOf(withProposals(policeSettlement(), 7));
    const doc = report('summary', scenario);
    expect(doc.tables.find((t) => t.id === 'funds')!.columns).toHaveLength(7);
    const { pages } = await expectIntact(doc, scenario, 'summary-7');
    expect(pages.flat()).toContain('$12,146,622.64');
    expect(pages.length).toBeLessThanOrEqual(3);
    // The chart's legend names every proposal, each whole on its line.
    for (const s of doc.chart!.series)
      expect(
        pages[0]!.some((t) => t.includes(printable(s.name))),
        s.name,
      ).toBe(true);
  });

  it('a disclosure over a 10-year term: its columns split into parts that repeat the labels, every figure whole', async () => {
    const scenario = scenarioOf(withYears(policeSettlement(), 10));
    const doc = report('disclosure', scenario);
    expect(doc.tables[0]!.columns).toHaveLength(31);
    const { pages } = await expectIntact(doc, scenario, 'disclosure-10y');
    const all = pages.flat();
    expect(all).toContain(`${doc.tables[0]!.caption} (continued)`);
    // The row labels on each part.
    expect(all.filter((s) => s === 'Total compensation').length).toBeGreaterThanOrEqual(2);
    // A fiscal year's cost, change and % stay in one part: each heading's year sits with its word.
    for (const fy of ['FY2027', 'FY2036']) expect(all.filter((s) => s === fy).length).toBeGreaterThanOrEqual(3);
  });

  it('a council summary over 10 years with 5 proposals: the cost table across the page, split where it must be', async () => {
    const scenario = scenarioOf(withProposals(withYears(policeSettlement(), 10), 5));
    await expectIntact(report('summary', scenario), scenario, 'summary-10y');
  });

  it('20 proposals (the most the format allows) with long names: the fund table split into parts, the legend in rows', async () => {
    const long = (i: number) => `Alternative ${i} with a fairly long descriptive name`;
    const scenario = scenarioOf(withProposals(fundedScenarioInput() as Input, 20, long));
    const doc = report('summary', scenario);
    const { pages } = await expectIntact(doc, scenario, 'summary-20');
    expect(pages.flat()).toContain('Increase by fund over the term (continued)');
  });

  it('a reconciliation over a 6-year term: every figure whole', async () => {
    const scenario = scenarioOf(withYears(policeSettlement(), 6));
    await expectIntact(report('reconcile', scenario), scenario, 'reconcile-6y');
  });

  it('a portrait report whose table does not fit the page upright turns landscape rather than split it', async () => {
    const doc = synthetic(2, 3, ['A footnote.']);
    const table = doc.tables[0]!;
    table.columns = Array.from({ length: 9 }, (_, i) => `Year ${i + 1}`);
    for (const row of table.rows) if (row.style !== 'group') row.cells = table.columns.map((_, i) => ({ value: `${123456789 + i}.12` }));
    const scenario = scenarioOf(fundedScenarioInput() as Input);
    const pdf = await pdfText(await reportPdf(doc, scenario, context));
    expect(pdf.sizes[0]!.width).toBeGreaterThan(pdf.sizes[0]!.height);
    expect(pdf.pages.flat()).not.toContain('Groups (continued)');
    await expectIntact(doc, scenario, 'turns-landscape');
  });

  it('the running header is whole where there is room for it', async () => {
    const scenario = scenarioOf(policeSettlement());
    const doc = report('summary', scenario);
    const read = await pdfText(await reportPdf(doc, scenario, context));
    expect(read.pages[0]).toContain(`${printable(doc.unit)} — ${doc.title}`);
  });
});

/** A report of one table: groups of `size` rows (a title row, then rows), the given footnotes. */
function synthetic(groups: number, size: number, notes: string[], landscape = false): ReportDocument {
  const rows: ReportDocument['tables'][number]['rows'] = [];
  for (let g = 0; g < groups; g++) {
    rows.push({ label: `Group ${g + 1}`, format: 'text', cells: [], style: 'group' });
    for (let r = 0; r < size; r++)
      rows.push({
        label: `Row ${g + 1}.${r + 1}`,
        format: 'money',
        cells: [{ value: `${1000 * (g + 1) + r}.25` }, { value: `-${g + 1}${r}.5` }],
        style: 'normal',
      });
  }
  return {
    view: 'reconcile',
    title: 'Layout check',
    unit: 'Unit (U)',
    lines: ['One line'],
    tables: [{ id: 't', caption: 'Groups', labelHeader: 'Item', columns: ['First', 'Second'], rows }],
    notes,
    landscape,
  };
}

describe('PDF page breaks', () => {
  const scenario = scenarioOf(fundedScenarioInput() as Input);

  it('a group (its title and rows) is kept on one page; the headings repeat on each page', async () => {
    const doc = synthetic(12, 6, ['A footnote.']);
    const { pages } = await expectIntact(doc, scenario, 'groups');
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, p) => {
      if (p === 0) return;
      const at = page.indexOf('Second');
      expect(page[at - 2], `page ${p + 1} heading`).toBe('Item');
      // The first row under the headings is a group's title.
      expect(page[at + 1], `page ${p + 1} starts with`).toMatch(/^Group \d+$/);
    });
  });

  it('a group too long for a page never leaves its last row alone at the top of the next', async () => {
    for (let size = 42; size <= 50; size++) {
      const doc = synthetic(1, size, ['A footnote.']);
      const { pages } = await expectIntact(doc, scenario, `long-group-${size}`);
      const last = pages.at(-1)!;
      const rowsOnLast = last.filter((s) => /^Row /.test(s));
      expect(rowsOnLast.length === 0 || rowsOnLast.length >= 2, `${size} rows: ${rowsOnLast.join(', ')}`).toBe(true);
    }
  });

  it('the footnotes never make a page of their own', async () => {
    const notes = ['Costed from a schedule, a roster and assumptions.', 'Approved by someone.', 'Produced Nov 23, 2026.'];
    for (let rows = 40; rows <= 48; rows++) await expectIntact(synthetic(1, rows, notes), scenario, `notes-${rows}`);
  });
});
