/**
 * A report view model as terminal text and as CSV. The text prints each figure exactly as the PDF
 * and the sheets show it (shared/reports/reportFormat.ts); the CSV, for other programs, gives each
 * figure as a plain number (money to the cent, "-1234.50"; a percent as its fraction to 4 places, as printed) as
 * `cost --format csv` does, and its text never as a formula (textSafety.ts).
 */
import type { ReportDocument, ReportTable } from '../../../shared/reports/reportDocument.js';
import { cellNumber, cellText } from '../../../shared/reports/reportFormat.js';
import { csvField } from '../../../shared/workbook/textSafety.js';

function tableLines(table: ReportTable): string[] {
  const rows: string[][] = [[table.labelHeader, ...table.columns]];
  const kinds: ('label' | 'number' | 'text')[][] = [rows[0]!.map((_, i) => (i === 0 ? 'label' : 'number'))];
  for (const r of table.rows) {
    const indent = r.style === 'group' ? '' : '  ';
    rows.push([`${indent}${r.label}`, ...table.columns.map((_, ci) => cellText(r.cells[ci] ?? null, r.format))]);
    kinds.push(['label', ...(table.columns.map((_, ci) => ((r.cells[ci]?.format ?? r.format) === 'text' ? 'text' : 'number')) as ('number' | 'text')[])]);
  }
  const widths = rows.reduce<number[]>((w, r) => r.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  const out = [table.caption, '-'.repeat(Math.min(120, table.caption.length))];
  rows.forEach((r, ri) =>
    out.push(
      r
        .map((cell, i) => (kinds[ri]![i] === 'number' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    ),
  );
  if (table.note) out.push(table.note);
  return out;
}

export function reportText(report: ReportDocument): string {
  const out = [`${report.title}: ${report.unit}`];
  if (report.banner) out.push(`*** ${report.banner} ***`);
  out.push(...report.lines, '');
  for (const table of report.tables) out.push(...tableLines(table), '');
  if (report.chart) out.push(`(${report.chart.title}: chart in the PDF and XLSX formats)`, '');
  out.push(...report.notes.map((n) => `Note: ${n}`));
  return `${out.join('\n')}\n`;
}

/** Each table as a block: its caption and headings, then one line per row; a blank line between tables. */
export function reportCsv(report: ReportDocument): string {
  const lines: string[] = [];
  for (const table of report.tables) {
    lines.push([table.caption, table.labelHeader, ...table.columns].map(csvField).join(','));
    for (const r of table.rows)
      lines.push([table.caption, r.label, ...table.columns.map((_, ci) => cellNumber(r.cells[ci] ?? null, r.format))].map(csvField).join(','));
    lines.push('');
  }
  return lines.join('\n');
}
