/**
 * reportPdf(report, scenario, context) → Promise<Buffer>: a report view model printed with pdfkit
 * (no browser): US Letter, landscape where the view is wide, the unit and model in the page header,
 * the state and "Page x of y" in the footer (left and right, never overlapping), tables that carry
 * their caption and column headings onto every page they continue on, and the chart drawn as
 * vector paths from the same shapes as every other rendering of it (shared/reports/chartLayout.ts).
 *
 * The standard Helvetica fonts need no font files; they encode Windows-1252, so the few characters
 * outside it that our texts use are replaced by their nearest ASCII ("−" by "-").
 * pdfkit API: https://pdfkit.org/docs/getting_started.html (bufferPages, switchToPage, margins).
 */
import PDFDocument from 'pdfkit';
import type { Scenario } from '../../shared/schemas/scenario.js';
import { chartLayout } from '../../shared/reports/chartLayout.js';
import { pageTexts, type ReportContext } from '../../shared/reports/reportContext.js';
import type { ReportDocument, ReportTable } from '../../shared/reports/reportDocument.js';
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
    layout: report.landscape ? 'landscape' : 'portrait',
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

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font(BOLD).fontSize(15).fillColor('black').text(pdfText(report.title), left, doc.page.margins.top, { width });
  doc.font(FONT).fontSize(11).text(pdfText(report.unit), { width });
  if (report.banner) doc.moveDown(0.2).font(BOLD).fontSize(11).fillColor('#C00000').text(pdfText(report.banner), { width }).fillColor('black');
  doc.font(FONT).fontSize(8.5).fillColor(GREY);
  for (const line of report.lines) doc.text(pdfText(line), { width });
  doc.fillColor('black').moveDown(0.6);

  let y = doc.y;
  if (report.chart) {
    // The first table on the left; the chart and the other tables stacked on the right: a summary on one page.
    const leftWidth = width * 0.56;
    const gap = 14;
    const rightX = left + leftWidth + gap;
    const rightWidth = width - leftWidth - gap;
    const top = y;
    const [first, ...rest] = report.tables;
    const startPage = lastPage(doc);
    const leftBottom = first ? drawTable(doc, first, left, top, leftWidth) : top;
    const spilled = lastPage(doc) > startPage;
    doc.switchToPage(startPage);
    drawChart(doc, report.chart, rightX, top, rightWidth, 175);
    let right = top + 183;
    for (const table of rest) right = drawTable(doc, table, rightX, right, rightWidth);
    doc.switchToPage(lastPage(doc));
    y = spilled ? leftBottom : Math.max(leftBottom, right);
  } else {
    for (const table of report.tables) y = drawTable(doc, table, left, y, width);
  }

  doc.font(ITALIC).fontSize(7.5).fillColor(GREY);
  for (const note of report.notes) {
    const h = doc.heightOfString(pdfText(note), { width });
    if (y + h > bottomOf(doc)) y = newPage(doc);
    doc.text(pdfText(note), left, y, { width });
    y = doc.y + 2;
  }
  doc.fillColor('black');

  decoratePages(doc, pageTexts(scenario, ctx, report.title));
  doc.end();
  return done;
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

/** Header (unit and report; model) and footer (state; page x of y) on every page, in the margins. */
function decoratePages(doc: Doc, texts: { headerLeft: string; headerRight: string; footerLeft: string }): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const saved = margins.bottom;
    margins.bottom = 0; // writing inside the bottom margin must not start a new page
    const w = doc.page.width - margins.left - margins.right;
    const half = w / 2 - 6;
    doc.font(FONT).fontSize(7.5).fillColor(GREY);
    doc.text(pdfText(texts.headerLeft), margins.left, MARGIN - 6, { width: half, lineBreak: false, ellipsis: true });
    doc.text(pdfText(texts.headerRight), margins.left + w - half, MARGIN - 6, { width: half, align: 'right', lineBreak: false, ellipsis: true });
    const footY = doc.page.height - MARGIN;
    doc.text(pdfText(texts.footerLeft), margins.left, footY, { width: half, lineBreak: false, ellipsis: true });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, margins.left + w - half, footY, { width: half, align: 'right', lineBreak: false });
    margins.bottom = saved;
  }
  doc.fillColor('black');
}

interface Columns {
  x: number[];
  w: number[];
}

function columnsFor(doc: Doc, table: ReportTable, x: number, width: number, size: number): Columns {
  doc.font(FONT).fontSize(size);
  const texts = table.rows.map((r) => r.cells.map((c) => pdfText(cellText(c, r.format))));
  const need = table.columns.map((h, ci) => Math.max(doc.widthOfString(pdfText(h)) * 0.6, ...texts.map((r) => doc.widthOfString(r[ci] ?? ''))) + 8);
  const labelNeed =
    Math.max(doc.widthOfString(pdfText(table.labelHeader)), ...table.rows.map((r) => doc.widthOfString(pdfText(r.label)) + (r.style === 'group' ? 0 : 8))) + 8;
  const figures = need.reduce((a, b) => a + b, 0);
  let label = Math.min(labelNeed, Math.max(width * 0.28, width - figures));
  let scale = (width - label) / Math.max(1, figures);
  if (scale < 1) {
    // Not enough room: the label column gives way first, down to a third of the width.
    label = Math.max(width * 0.2, width - figures);
    scale = (width - label) / Math.max(1, figures);
  }
  // Spare room (scale > 1) widens the figure columns evenly, so numbers line up under wide headings.
  const w = [label, ...need.map((n) => n * Math.max(scale, 0))];
  const xs: number[] = [];
  let at = x;
  for (const cw of w) {
    xs.push(at);
    at += cw;
  }
  return { x: xs, w };
}

/** Draws a table from y; returns the y under it. A table that runs off the page continues with its caption and headings. */
function drawTable(doc: Doc, table: ReportTable, x: number, y: number, width: number): number {
  const size = table.columns.length > 9 ? 7 : 8;
  const cols = columnsFor(doc, table, x, width, size);
  const rowHeight = size + 3.5;
  const headerHeight = () => {
    doc.font(BOLD).fontSize(size);
    return Math.max(rowHeight, ...[table.labelHeader, ...table.columns].map((h, i) => doc.heightOfString(pdfText(h), { width: cols.w[i]! - 6 }) + 4));
  };

  // A column of words (even with a few figures in it) is headed on the left, like its words.
  const textColumn = (col: number) => table.rows.some((r) => r.cells[col] && (r.cells[col].format ?? r.format) === 'text');
  const caption = (continued: boolean) => {
    doc
      .font(BOLD)
      .fontSize(size + 1.5)
      .fillColor('#1F4E79');
    doc.text(pdfText(`${table.caption}${continued ? ' (continued)' : ''}`), x, y, { width, lineBreak: true });
    y = doc.y + 2;
    const hh = headerHeight();
    doc.rect(x, y, width, hh).fill(HEADER_FILL);
    doc.fillColor('black').font(BOLD).fontSize(size);
    [table.labelHeader, ...table.columns].forEach((h, i) => {
      doc.text(pdfText(h), cols.x[i]! + 3, y + 2, { width: cols.w[i]! - 6, align: i === 0 || textColumn(i - 1) ? 'left' : 'right' });
    });
    y += hh;
    doc
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
  };

  if (y + rowHeight * 3 + 20 > bottomOf(doc)) y = newPage(doc);
  caption(false);
  for (const row of table.rows) {
    const texts = row.cells.map((c) => pdfText(cellText(c, row.format)));
    doc.font(FONT).fontSize(size);
    const wrapped = row.format === 'text' ? Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: cols.w[i + 1]! - 6 }))) + 4 : rowHeight;
    const labelHeight = doc.heightOfString(pdfText(row.label), { width: (row.style === 'group' ? width : cols.w[0]!) - 12 }) + 4;
    const h = Math.max(rowHeight, wrapped, labelHeight);
    if (y + h > bottomOf(doc)) {
      y = newPage(doc);
      caption(true);
    }
    const bold = row.style === 'total' || row.style === 'group';
    doc
      .font(bold ? BOLD : row.style === 'memo' ? ITALIC : FONT)
      .fontSize(size)
      .fillColor('black');
    if (row.style === 'total')
      doc
        .moveTo(cols.x[1] ?? x, y)
        .lineTo(x + width, y)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
    const indent = row.style === 'group' ? 0 : 6;
    // A group row has no figures: its label may run across the whole table.
    doc.text(pdfText(row.label), cols.x[0]! + 3 + indent, y + 2, { width: (row.style === 'group' ? width : cols.w[0]!) - 6 - indent });
    texts.forEach((t, i) => {
      if (!t) return;
      doc.text(t, cols.x[i + 1]! + 3, y + 2, { width: cols.w[i + 1]! - 6, align: (row.cells[i]?.format ?? row.format) === 'text' ? 'left' : 'right' });
    });
    y += h;
  }
  if (table.note) {
    doc.font(ITALIC).fontSize(7).fillColor(GREY);
    const noteHeight = doc.heightOfString(pdfText(table.note), { width });
    if (y + noteHeight > bottomOf(doc)) y = newPage(doc);
    doc.text(pdfText(table.note), x, y + 2, { width });
    y = doc.y;
    doc.fillColor('black');
  }
  return y + 10;
}

function drawChart(doc: Doc, chart: NonNullable<ReportDocument['chart']>, x: number, y: number, width: number, height: number): void {
  const shapes = chartLayout(chart, width, height, 7);
  doc.save();
  doc
    .font(BOLD)
    .fontSize(8.5)
    .fillColor('black')
    .text(pdfText(shapes.title.text), x, y + shapes.title.y, { width, align: 'center' });
  doc.font(FONT).fontSize(6.5);
  for (const line of shapes.gridLines) {
    doc
      .moveTo(x + shapes.plot.left, y + line.y)
      .lineTo(x + shapes.plot.right, y + line.y)
      .lineWidth(line.zero ? 0.8 : 0.3)
      .strokeColor(line.zero ? '#404040' : RULE)
      .stroke();
    doc.fillColor(GREY).text(pdfText(line.label), x, y + line.y - 3, { width: shapes.plot.left - 4, align: 'right', lineBreak: false });
  }
  for (const bar of shapes.bars) doc.rect(x + bar.x, y + bar.y, bar.w, Math.max(bar.h, 0.01)).fill(bar.color);
  doc.fillColor('black').fontSize(7);
  for (const label of shapes.categoryLabels) doc.text(pdfText(label.text), x + label.x - 40, y + label.y, { width: 80, align: 'center', lineBreak: false });
  for (const item of shapes.legend) {
    doc.rect(x + item.x, y + item.y + 1, 7, 7).fill(item.color);
    doc
      .fillColor('black')
      .text(pdfText(item.text), x + item.x + 10, y + item.y, { width: (width - shapes.plot.left) / 3 - 14, lineBreak: false, ellipsis: true });
  }
  doc.restore();
}
