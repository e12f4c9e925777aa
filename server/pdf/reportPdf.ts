/**
 * reportPdf(report, scenario, context) → Promise<Buffer>: a report view model printed with pdfkit
 * (no browser): US Letter, landscape where the view is wide, the unit and model in the page header,
 * the state and "Page x of y" in the footer (left and right, never overlapping), tables that carry
 * their caption and column headings onto every page they continue on, and the chart drawn as
 * vector paths from the same shapes as every other rendering of it (shared/reports/chartLayout.ts).
 *
 * Whatever the number of proposals or fiscal years: a figure is never broken across lines (each
 * column is at least as wide as its widest figure, and figures are drawn unwrapped); a heading
 * wraps only at its spaces. A table too wide for the page is printed smaller, down to FLOOR points
 * (a portrait report turns landscape first), and beyond that its columns are split into parts, each
 * repeating the row labels, "(continued)" in the caption. A group (its title row and rows) is kept
 * on one page when it fits on one, a group's last row never starts a page alone, and the footnotes
 * never make a page of their own: the rows before them go over with them.
 *
 * The standard Helvetica fonts need no font files; they encode Windows-1252, so the few characters
 * outside it that our texts use are replaced by their nearest ASCII ("−" by "-").
 * pdfkit API: https://pdfkit.org/docs/getting_started.html (bufferPages, switchToPage, margins).
 */
import PDFDocument from 'pdfkit';
import type { Scenario } from '../../shared/schemas/scenario.js';
import { chartLayout, legendLayout } from '../../shared/reports/chartLayout.js';
import { pageTexts, unitWords, type ReportContext } from '../../shared/reports/reportContext.js';
import type { ReportChart, ReportDocument, ReportRow, ReportTable, RowStyle } from '../../shared/reports/reportDocument.js';
import { cellText } from '../../shared/reports/reportFormat.js';

type Doc = PDFKit.PDFDocument;

const MARGIN = 36;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';
const GREY = '#595959';
const RULE = '#BFBFBF';
const HEADER_FILL = '#D9E1F2';

/** Windows-1252 has no U+2212 and a few others: print their nearest ASCII instead. */
export function pdfText(text: string): string {
  return text
    .replace(/[\u2212\u2010\u2011]/g, '-')
    .replace(/[\u2264]/g, '<=')
    .replace(/[\u2265]/g, '>=')
    .replace(
      // eslint-disable-next-line no-control-regex -- the range starts at U+0000 on purpose: every Latin-1 character, controls included, is kept
      /[^\u0000-\u00FF\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178]/g,
      '?',
    );
}

export function reportPdf(report: ReportDocument, scenario: Scenario, ctx: ReportContext = {}): Promise<Buffer> {
  const created = ctx.generatedAt ? new Date(ctx.generatedAt) : new Date(0);
  const doc = new PDFDocument({
    size: 'LETTER',
    autoFirstPage: false,
    margins: { top: MARGIN + 12, bottom: MARGIN + 12, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `${report.title}: ${report.unit}`, Author: 'Bargaining Costing', Creator: 'Bargaining Costing', CreationDate: created, ModDate: created },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Every page (the first and each one added later) takes the document's options: the orientation is decided once, here.
  doc.options.layout = report.landscape || turnsLandscape(doc, report) ? 'landscape' : 'portrait';
  doc.addPage();

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font(BOLD).fontSize(15).fillColor('black').text(pdfText(report.title), left, doc.page.margins.top, { width });
  doc.font(FONT).fontSize(11).text(pdfText(report.unit), { width });
  if (report.banner) doc.moveDown(0.2).font(BOLD).fontSize(11).fillColor('#C00000').text(pdfText(report.banner), { width }).fillColor('black');
  doc.font(FONT).fontSize(8.5).fillColor(GREY);
  for (const line of report.lines) doc.text(pdfText(line), { width });
  doc.fillColor('black').moveDown(0.6);

  // The footnotes follow the last table on its page: its last rows go over with them rather than leave them a page alone.
  doc.font(ITALIC).fontSize(7.5);
  const notesHeight = report.notes.reduce((h, note) => h + doc.heightOfString(pdfText(note), { width }) + 2, 0);
  // (The 10 points are the gap a table leaves under itself.)
  const tail = notesHeight < (bottomOf(doc) - doc.page.margins.top) / 2 ? notesHeight + 10 : 0;
  contentTop.set(doc, { page: doc.page, y: doc.y });

  let y = doc.y;
  if (report.chart) y = drawSummary(doc, report, report.chart, left, y, width, tail);
  else report.tables.forEach((table, i) => (y = drawTable(doc, table, left, y, width, i === report.tables.length - 1 ? tail : 0)));

  doc.font(ITALIC).fontSize(7.5).fillColor(GREY);
  for (const note of report.notes) {
    const h = doc.heightOfString(pdfText(note), { width });
    if (y + h > bottomOf(doc)) y = newPage(doc);
    doc.text(pdfText(note), left, y, { width });
    y = doc.y + 2;
  }
  doc.fillColor('black');

  decoratePages(doc, pageTexts(scenario, ctx, report.title), {
    // The PDF has room for the whole of the header: it is fitted to the page below, not to a count of characters.
    headerLeft: `${unitWords(scenario)} — ${report.title}`,
    headerRight: ctx.model ? `${ctx.model.title}${ctx.model.version !== undefined ? `, version ${ctx.model.version}` : ''}` : '',
  });
  doc.end();
  return done;
}

const LETTER_SHORT = 612;
const LETTER_LONG = 792;

/** A portrait view turns landscape when one of its tables would print smaller than its size, or split, on a portrait page and less so on a landscape one. */
function turnsLandscape(doc: Doc, report: ReportDocument): boolean {
  const portrait = LETTER_SHORT - 2 * MARGIN;
  const landscape = LETTER_LONG - 2 * MARGIN;
  return report.tables.some((table) => {
    const upright = planTable(doc, table, portrait);
    if (upright.parts.length === 1 && upright.size === baseSize(table)) return false;
    const wide = planTable(doc, table, landscape);
    return wide.parts.length < upright.parts.length || wide.size > upright.size;
  });
}

/**
 * The council summary: the first table on the left, the chart and the tables that fit beside it on
 * the right (a summary on one page); what does not fit there (a wide first table, a fund table with
 * many proposals) is printed across the page below, in order.
 */
function drawSummary(doc: Doc, report: ReportDocument, chart: ReportChart, left: number, top: number, width: number, tail: number): number {
  const [first, ...rest] = report.tables;
  const leftWidth = width * 0.56;
  const gap = 14;
  const rightX = left + leftWidth + gap;
  const rightWidth = width - leftWidth - gap;
  const bottom = bottomOf(doc);
  const firstPlan = first ? planTable(doc, first, leftWidth) : undefined;

  // Beside the chart only at its size, in one part, and with its labels wrapping no more than across the page.
  const beside =
    first &&
    firstPlan &&
    firstPlan.parts.length === 1 &&
    firstPlan.size === baseSize(first) &&
    tableHeight(doc, first, firstPlan) <= tableHeight(doc, first, planTable(doc, first, width)) * 1.1;
  if (!first || !firstPlan || !beside) {
    // Too many fiscal years (or too long names) to sit beside the chart: everything across the page, one under another.
    let y = first ? drawTable(doc, first, left, top, width, rest.length ? 0 : tail) : top;
    const h = chartHeight(doc, chart, width);
    if (y + h > bottomOf(doc)) y = newPage(doc);
    drawChart(doc, chart, left, y, width, h);
    y += h + 8;
    rest.forEach((table, i) => (y = drawTable(doc, table, left, y, width, i === rest.length - 1 ? tail : 0)));
    return y;
  }

  // The right column takes the tables that fit it whole (one part, on this page); from the first that does not, the rest go below.
  const chartH = chartHeight(doc, chart, rightWidth);
  let rightBottom = top + chartH + 8;
  const right: ReportTable[] = [];
  const below: ReportTable[] = [];
  for (const table of rest) {
    const plan = below.length ? undefined : planTable(doc, table, rightWidth);
    const h = plan && plan.parts.length === 1 ? tableHeight(doc, table, plan) : Infinity;
    if (rightBottom + h <= bottom) {
      right.push(table);
      rightBottom += h;
    } else below.push(table);
  }
  const leftEnd = top + tableHeight(doc, first, firstPlan);
  // With nothing below, the left table is the last on the page: it keeps room for the right column's overhang and the footnotes.
  const leftTail = below.length ? 0 : leftEnd > bottom ? tail : tail + Math.max(0, rightBottom - leftEnd);

  const startPage = lastPage(doc);
  const leftBottom = drawTable(doc, first, left, top, leftWidth, leftTail, firstPlan);
  const spilled = lastPage(doc) > startPage;
  doc.switchToPage(startPage);
  drawChart(doc, chart, rightX, top, rightWidth, chartH);
  let y = top + chartH + 8;
  for (const table of right) y = drawTable(doc, table, rightX, y, rightWidth, 0);
  doc.switchToPage(lastPage(doc));
  y = spilled ? leftBottom : Math.max(leftBottom, y);
  below.forEach((table, i) => (y = drawTable(doc, table, left, y, width, i === below.length - 1 ? tail : 0)));
  return y;
}

/** Where the first page's content starts, under the title and its lines: a table starting there gains nothing by starting a page. */
const contentTop = new WeakMap<Doc, { page: PDFKit.PDFPage; y: number }>();

function atPageTop(doc: Doc, y: number): boolean {
  const first = contentTop.get(doc);
  return y <= (first && first.page === doc.page ? first.y : doc.page.margins.top) + 1;
}

function lastPage(doc: Doc): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
}

function bottomOf(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function newPage(doc: Doc): number {
  doc.addPage();
  return doc.page.margins.top;
}

/** `text` cut to `width` with an ellipsis, only when it does not fit (in the current font). */
function fitted(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let n = text.length;
  while (n > 0 && doc.widthOfString(`${text.slice(0, n).trimEnd()}\u2026`) > width) n--;
  return `${text.slice(0, n).trimEnd()}\u2026`;
}

/** Draws one line, never wrapped, left or right aligned in a box from x of the given width. */
function line(doc: Doc, text: string, x: number, y: number, width: number, align: 'left' | 'right'): void {
  doc.text(text, align === 'right' ? x + width - doc.widthOfString(text) : x, y, { lineBreak: false });
}

/**
 * Header (unit and report; model) and footer (state; page x of y) on every page, in the margins.
 * Each side takes the room it needs; only when the two would meet is the longer cut, with "…".
 */
function decoratePages(doc: Doc, texts: { footerLeft: string }, header: { headerLeft: string; headerRight: string }): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const saved = margins.bottom;
    margins.bottom = 0; // writing inside the bottom margin must not start a new page
    const w = doc.page.width - margins.left - margins.right;
    doc.font(FONT).fontSize(7.5).fillColor(GREY);
    const pair = (leftText: string, rightText: string, y: number) => {
      const gap = 12;
      const l = pdfText(leftText);
      const r = pdfText(rightText);
      const lw = doc.widthOfString(l);
      const rw = doc.widthOfString(r);
      // The shorter side whole when it takes no more than half; the other side has the rest.
      let rightRoom = rw;
      if (lw + rw + gap > w) rightRoom = rw <= w / 2 - gap / 2 ? rw : lw <= w / 2 - gap / 2 ? w - lw - gap : w / 2 - gap / 2;
      const leftRoom = w - rightRoom - (r ? gap : 0);
      if (l) line(doc, fitted(doc, l, leftRoom), margins.left, y, leftRoom, 'left');
      if (r) line(doc, fitted(doc, r, rightRoom), margins.left + w - rightRoom, y, rightRoom, 'right');
    };
    pair(header.headerLeft, header.headerRight, MARGIN - 6);
    pair(texts.footerLeft, `Page ${i - range.start + 1} of ${range.count}`, doc.page.height - MARGIN);
    margins.bottom = saved;
  }
  doc.fillColor('black');
}

/** The smallest size a table prints at: below it, its columns are split into parts instead. */
const FLOOR = 7;
const SIZE_STEP = 0.5;

/** The size a table prints at when it fits. */
function baseSize(table: ReportTable): number {
  return table.columns.length > 9 ? 7 : 8;
}

const fontOf = (style: RowStyle) => (style === 'total' || style === 'group' ? BOLD : style === 'memo' ? ITALIC : FONT);
const isText = (row: ReportRow, col: number) => (row.cells[col]?.format ?? row.format) === 'text';
const longestWord = (doc: Doc, text: string) => Math.max(0, ...text.split(/\s+/).map((w) => doc.widthOfString(w)));
/** pdfkit's line breaking compares widths in floating point: a hair of room more than the text. */
const SLACK = 1;

/** What a table's columns want at a size, and what they cannot go under (their widest figure, their longest word). */
interface Measured {
  need: number[];
  min: number[];
  labelNeed: number;
  labelMin: number;
}

function measureTable(doc: Doc, table: ReportTable, size: number): Measured {
  doc.font(FONT).fontSize(size);
  const texts = table.rows.map((r) => r.cells.map((c) => pdfText(cellText(c, r.format))));
  const need = table.columns.map((h, ci) => Math.max(doc.widthOfString(pdfText(h)) * 0.6, ...texts.map((r) => doc.widthOfString(r[ci] ?? ''))) + 8);
  const labelNeed =
    Math.max(doc.widthOfString(pdfText(table.labelHeader)), ...table.rows.map((r) => doc.widthOfString(pdfText(r.label)) + (r.style === 'group' ? 0 : 8))) + 8;
  doc.font(BOLD);
  const min = table.columns.map((h) => longestWord(doc, pdfText(h)) + 6 + SLACK);
  let labelMin = longestWord(doc, pdfText(table.labelHeader)) + 6 + SLACK;
  table.rows.forEach((row, ri) => {
    doc.font(fontOf(row.style));
    // A group's title runs across the whole table: it sets no width.
    if (row.style !== 'group') labelMin = Math.max(labelMin, longestWord(doc, pdfText(row.label)) + 12 + SLACK);
    texts[ri]!.forEach((t, ci) => {
      if (ci >= min.length || !t) return;
      min[ci] = Math.max(min[ci]!, (isText(row, ci) ? longestWord(doc, t) : doc.widthOfString(t)) + 6 + SLACK);
    });
  });
  return { need, min, labelNeed, labelMin };
}

interface Part {
  /** The table's figure columns this part prints (indices into `columns`). */
  cols: number[];
  label: number;
  widths: number[];
  width: number;
}

interface TablePlan {
  size: number;
  parts: Part[];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Widths for the label and the given columns in `width`, or null when their figures and words cannot all fit whole. */
function fit(m: Measured, cols: number[], width: number): Omit<Part, 'cols' | 'width'> | null {
  const need = cols.map((c) => m.need[c]!);
  const min = cols.map((c) => m.min[c]!);
  const figures = sum(need);
  // As always: the label its room up to 28% of the width, then the figures, the label giving way first.
  let label = Math.min(m.labelNeed, Math.max(width * 0.28, width - figures));
  let scale = (width - label) / Math.max(1, figures);
  if (scale < 1) {
    label = Math.max(width * 0.2, width - figures);
    scale = (width - label) / Math.max(1, figures);
  }
  // Spare room (scale > 1) widens the figure columns evenly, so numbers line up under wide headings.
  const widths = need.map((n) => n * Math.max(scale, 0));
  // The labels may wrap, but not down to a word a line: they keep an eighth of the width or so (less when they need less).
  const labelMin = Math.max(m.labelMin, Math.min(m.labelNeed, width * 0.12));
  if (label >= labelMin && widths.every((w, i) => w >= min[i]!)) return { label, widths };
  // Otherwise each column gets what it cannot go under, and the room left is shared by what each wants beyond that.
  if (labelMin + sum(min) > width) return null;
  const want = need.map((n, i) => Math.max(n, min[i]!));
  const labelWant = Math.max(m.labelNeed, labelMin);
  const spare = width - labelMin - sum(min);
  const gaps = [labelWant - labelMin, ...want.map((w, i) => w - min[i]!)];
  const wanted = sum(gaps);
  if (spare <= wanted) {
    const k = wanted > 0 ? spare / wanted : 0;
    return { label: labelMin + gaps[0]! * k, widths: min.map((w, i) => w + gaps[i + 1]! * k) };
  }
  const extra = (spare - wanted) / Math.max(1, sum(want));
  return { label: labelWant, widths: want.map((w) => w * (1 + extra)) };
}

/**
 * How a table prints in `width`: at its size if it fits, else smaller down to FLOOR, else split
 * into parts of columns (at the largest size that needs no more parts than FLOOR does).
 */
function planTable(doc: Doc, table: ReportTable, width: number): TablePlan {
  const all = table.columns.map((_, i) => i);
  const base = baseSize(table);
  for (let size = base; size >= FLOOR; size -= SIZE_STEP) {
    const f = fit(measureTable(doc, table, size), all, width);
    if (f) return { size, parts: [{ cols: all, width, ...f }] };
  }
  let best: TablePlan | undefined;
  for (let size = FLOOR; size <= Math.max(base, 8); size += SIZE_STEP) {
    const m = measureTable(doc, table, size);
    let parts = splitColumns(table, m, width);
    if (best && parts.length > best.parts.length) break;
    // As even as the parts can be: no more columns in a part than that many parts need.
    for (let most = Math.ceil(all.length / parts.length); most < all.length; most++) {
      const even = splitColumns(table, m, width, most);
      if (even.length === parts.length) {
        parts = even;
        break;
      }
    }
    best = { size, parts };
  }
  return best!;
}

/** The columns in parts that each fit `width`; a part ends where a heading's first word changes (a fiscal year's cost, change and %) when it can. */
function splitColumns(table: ReportTable, m: Measured, width: number, most = Infinity): Part[] {
  const lead = (c: number) => table.columns[c]!.split(/\s+/)[0];
  const n = table.columns.length;
  const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
  const parts: Part[] = [];
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && end - start < most && fit(m, range(start, end + 1), width)) end++;
    if (end < n && lead(end) === lead(end - 1)) {
      const boundary = range(start + 1, end)
        .reverse()
        .find((c) => lead(c) !== lead(c - 1));
      if (boundary !== undefined && boundary - start >= (end - start) / 2) end = boundary;
    }
    const cols = range(start, end);
    // A part a little narrower than the page where it needs less: its columns as wide as they want, not stretched across.
    const natural = Math.max(m.labelNeed, m.labelMin) + sum(cols.map((c) => Math.max(m.need[c]!, m.min[c]!)));
    const partWidth = Math.min(width, natural);
    const f = fit(m, cols, partWidth) ?? fit(m, cols, width) ?? { label: m.labelMin, widths: cols.map((c) => m.min[c]!) };
    parts.push({ cols, width: partWidth, ...f });
    start = end;
  }
  return parts;
}

interface Geometry {
  size: number;
  part: Part;
  /** x of the label column, then of each of the part's columns. */
  x: number[];
  w: number[];
}

function geometry(plan: TablePlan, part: Part, x: number): Geometry {
  const w = [part.label, ...part.widths];
  const xs: number[] = [];
  let at = x;
  for (const cw of w) {
    xs.push(at);
    at += cw;
  }
  return { size: plan.size, part, x: xs, w };
}

function captionHeight(doc: Doc, text: string, g: Geometry): number {
  doc.font(BOLD).fontSize(g.size + 1.5);
  return doc.heightOfString(pdfText(text), { width: g.part.width }) + 2;
}

function headerHeight(doc: Doc, table: ReportTable, g: Geometry): number {
  doc.font(BOLD).fontSize(g.size);
  const heads = [table.labelHeader, ...g.part.cols.map((c) => table.columns[c]!)];
  return Math.max(g.size + 3.5, ...heads.map((h, i) => doc.heightOfString(pdfText(h), { width: g.w[i]! - 6 }) + 4));
}

function rowHeight(doc: Doc, row: ReportRow, g: Geometry): number {
  doc.font(fontOf(row.style)).fontSize(g.size);
  const indent = row.style === 'group' ? 0 : 6;
  let h = Math.max(g.size + 3.5, doc.heightOfString(pdfText(row.label), { width: (row.style === 'group' ? g.part.width : g.w[0]!) - 6 - indent }) + 4);
  g.part.cols.forEach((c, i) => {
    const t = pdfText(cellText(row.cells[c] ?? null, row.format));
    if (t && isText(row, c)) h = Math.max(h, doc.heightOfString(t, { width: g.w[i + 1]! - 6 }) + 4);
  });
  return h;
}

function noteHeight(doc: Doc, table: ReportTable, width: number): number {
  if (!table.note) return 0;
  doc.font(ITALIC).fontSize(7);
  return doc.heightOfString(pdfText(table.note), { width }) + 2;
}

/** A table's height as printed whole (no page break). */
function tableHeight(doc: Doc, table: ReportTable, plan: TablePlan): number {
  return sum(
    plan.parts.map((part, k) => {
      const g = geometry(plan, part, 0);
      const caption = `${table.caption}${k > 0 ? ' (continued)' : ''}`;
      const note = k === plan.parts.length - 1 ? noteHeight(doc, table, part.width) : 0;
      return captionHeight(doc, caption, g) + headerHeight(doc, table, g) + sum(table.rows.map((r) => rowHeight(doc, r, g))) + note + 10;
    }),
  );
}

/**
 * Draws a table from y; returns the y under it. `tail`: the height that must follow its last row on
 * the same page (the footnotes after the last table). A table that runs off the page continues with
 * its caption and headings; a table too wide for the page is printed in parts of its columns.
 */
function drawTable(doc: Doc, table: ReportTable, x: number, y: number, width: number, tail = 0, plan = planTable(doc, table, width)): number {
  plan.parts.forEach((part, k) => {
    const last = k === plan.parts.length - 1;
    y = drawPart(doc, table, geometry(plan, part, x), `${table.caption}${k > 0 ? ' (continued)' : ''}`, y, last ? tail : 0, last);
  });
  return y;
}

function drawPart(doc: Doc, table: ReportTable, g: Geometry, caption: string, y: number, tail: number, withNote: boolean): number {
  const { size, part } = g;
  const x = g.x[0]!;
  const rows = table.rows;
  const n = rows.length;
  const heights = rows.map((r) => rowHeight(doc, r, g));
  const note = withNote ? noteHeight(doc, table, part.width) : 0;
  const top = doc.page.margins.top;
  const bottom = bottomOf(doc);
  const headH = captionHeight(doc, caption, g) + headerHeight(doc, table, g);
  const fresh = bottom - top - headH;
  // What follows the last row on its page: the table's note and the caller's tail.
  const after = (r: number) => (r === n - 1 ? note + tail : 0);
  // A block is a group's title row and its rows (the rows before the first title are a block too).
  const blockEnd: number[] = new Array<number>(n);
  for (let r = n - 1, end = n - 1; r >= 0; r--) {
    blockEnd[r] = end;
    if (rows[r]!.style === 'group') end = r - 1;
  }
  const span = (a: number, b: number) => sum(heights.slice(a, b + 1)) + after(b);

  // A column of words (even with a few figures in it) is headed on the left, like its words.
  const textColumn = (col: number) => rows.some((r) => r.cells[col] && isText(r, col));
  const head = (continued: boolean) => {
    doc
      .font(BOLD)
      .fontSize(size + 1.5)
      .fillColor('#1F4E79');
    doc.text(pdfText(`${caption}${continued && !caption.endsWith('(continued)') ? ' (continued)' : ''}`), x, y, { width: part.width, lineBreak: true });
    y = doc.y + 2;
    const hh = headerHeight(doc, table, g);
    doc.rect(x, y, part.width, hh).fill(HEADER_FILL);
    doc.fillColor('black').font(BOLD).fontSize(size);
    [table.labelHeader, ...part.cols.map((c) => table.columns[c]!)].forEach((h, i) => {
      doc.text(pdfText(h), g.x[i]! + 3, y + 2, { width: g.w[i]! - 6, align: i === 0 || textColumn(part.cols[i - 1]!) ? 'left' : 'right' });
    });
    y += hh;
    doc
      .moveTo(x, y)
      .lineTo(x + part.width, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
  };

  // The caption and headings start a page rather than end one: with the first group when it fits on a page, else three rows.
  if (n > 0) {
    const first = span(0, blockEnd[0]!);
    const start = first <= fresh ? first : span(0, Math.min(n - 1, 2));
    if (y + headH + start > bottom && !atPageTop(doc, y)) y = newPage(doc);
  }
  head(false);
  let onPage = 0;
  rows.forEach((row, r) => {
    const h = heights[r]!;
    if (onPage > 0) {
      let turn = false;
      if (row.style === 'group') {
        const end = blockEnd[r]!;
        // The group whole on the next page when it fits on one; else its title with two of its rows at least.
        if (y + span(r, end) > bottom) turn = span(r, end) <= fresh || y + span(r, Math.min(end, r + 2)) > bottom;
      } else if (y + h + after(r) > bottom) turn = true;
      // A group's last row never starts a page alone: the row before it goes over too.
      else if (r + 1 === blockEnd[r] && rows[r - 1]?.style !== 'group' && y + span(r, r + 1) > bottom) turn = true;
      if (turn) {
        y = newPage(doc);
        head(true);
        onPage = 0;
      }
    }
    doc.font(fontOf(row.style)).fontSize(size).fillColor('black');
    if (row.style === 'total')
      doc
        .moveTo(g.x[1] ?? x, y)
        .lineTo(x + part.width, y)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
    const indent = row.style === 'group' ? 0 : 6;
    // A group row has no figures: its label may run across the whole table.
    doc.text(pdfText(row.label), x + 3 + indent, y + 2, { width: (row.style === 'group' ? part.width : g.w[0]!) - 6 - indent });
    part.cols.forEach((c, i) => {
      const t = pdfText(cellText(row.cells[c] ?? null, row.format));
      if (!t) return;
      // Words wrap in their column; a figure is one unbroken line, right-aligned.
      if (isText(row, c)) doc.text(t, g.x[i + 1]! + 3, y + 2, { width: g.w[i + 1]! - 6, align: 'left' });
      else line(doc, t, g.x[i + 1]! + 3, y + 2, g.w[i + 1]! - 6, 'right');
    });
    y += h;
    onPage++;
  });
  if (withNote && table.note) {
    doc.font(ITALIC).fontSize(7).fillColor(GREY);
    if (y + note > bottom) y = newPage(doc);
    doc.text(pdfText(table.note), x, y + 2, { width: part.width });
    y = doc.y;
    doc.fillColor('black');
  }
  return y + 10;
}

/** The chart's height: the plot as tall as ever, and room under it for as many legend rows as the names need. */
function chartHeight(doc: Doc, chart: ReportChart, width: number): number {
  doc.font(FONT).fontSize(7);
  const legend = legendLayout(
    chart.series.map((s) => pdfText(s.name)),
    0,
    width - 70,
    7,
    (t) => doc.widthOfString(t),
  );
  return 162 + legend.height;
}

function drawChart(doc: Doc, chart: ReportChart, x: number, y: number, width: number, height: number): void {
  doc.font(FONT).fontSize(7);
  const named = { ...chart, series: chart.series.map((s) => ({ ...s, name: pdfText(s.name) })) };
  const shapes = chartLayout(named, width, height, 7, (t) => doc.widthOfString(t));
  doc.save();
  doc
    .font(BOLD)
    .fontSize(8.5)
    .fillColor('black')
    .text(pdfText(shapes.title.text), x, y + shapes.title.y, { width, align: 'center' });
  doc.font(FONT).fontSize(6.5);
  for (const grid of shapes.gridLines) {
    doc
      .moveTo(x + shapes.plot.left, y + grid.y)
      .lineTo(x + shapes.plot.right, y + grid.y)
      .lineWidth(grid.zero ? 0.8 : 0.3)
      .strokeColor(grid.zero ? '#404040' : RULE)
      .stroke();
    doc.fillColor(GREY);
    line(doc, pdfText(grid.label), x, y + grid.y - 3, shapes.plot.left - 4, 'right');
  }
  for (const bar of shapes.bars) doc.rect(x + bar.x, y + bar.y, bar.w, Math.max(bar.h, 0.01)).fill(bar.color);
  // Fiscal years under their bars, smaller where many share the width, never running into each other.
  const groupWidth = (shapes.plot.right - shapes.plot.left) / Math.max(1, shapes.categoryLabels.length);
  doc.font(FONT).fontSize(7);
  const widest = Math.max(1, ...shapes.categoryLabels.map((l) => doc.widthOfString(pdfText(l.text))));
  doc.fillColor('black').fontSize(Math.max(4, Math.min(7, (7 * (groupWidth - 2)) / widest)));
  for (const label of shapes.categoryLabels) {
    const t = pdfText(label.text);
    doc.text(t, x + label.x - doc.widthOfString(t) / 2, y + label.y, { lineBreak: false });
  }
  doc.fontSize(7);
  for (const item of shapes.legend) {
    doc.rect(x + item.x, y + item.y + 1, 7, 7).fill(item.color);
    doc.fillColor('black');
    item.lines.forEach((t, i) => doc.text(fitted(doc, t, item.width), x + item.x + 10, y + item.y + i * 9, { lineBreak: false }));
  }
  doc.restore();
}
