// The tables of a report as each renderer printed them — from the view model, a CSV, a recalculated
// XLSX sheet — in one form: rows (with the group row above them) of cells by column heading, as text
// (the CSV's and the sheet's plain numbers printed as the report prints them).
import type ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { csvRows } from '../../server/xlsx/csvRows.js';
import type { ReportDocument } from '../../shared/reports/reportDocument.js';
import { cellText, EXCEL_FORMAT, fteText } from '../../shared/reports/reportFormat.js';
import type { FigureFormat } from '../../shared/reports/reportDocument.js';
import type { ExpectedTable } from './expectedFigures.js';
import { recalcSheet } from '../xlsx/workbookRecalc.js';

export interface PrintedRow {
  group?: string;
  label: string;
  cells: Record<string, string>;
}
export type PrintedTables = Record<string, PrintedRow[]>;

function withGroups(rows: { label: string; cells: Record<string, string>; isGroup: boolean }[]): PrintedRow[] {
  let group: string | undefined;
  const out: PrintedRow[] = [];
  for (const r of rows) {
    if (r.isGroup) group = r.label;
    else out.push({ ...(group !== undefined ? { group } : {}), label: r.label, cells: r.cells });
  }
  return out;
}

export function fromView(report: ReportDocument): PrintedTables {
  return Object.fromEntries(
    report.tables.map((t) => [
      t.id,
      withGroups(
        t.rows.map((r) => ({
          label: r.label,
          isGroup: r.style === 'group',
          cells: Object.fromEntries(t.columns.map((h, i) => [h, cellText(r.cells[i] ?? null, r.format)])),
        })),
      ),
    ]),
  );
}

export function fromCsv(csv: string, report: ReportDocument): PrintedTables {
  const rows = csvRows(csv).filter((r) => r.some((c) => c !== ''));
  const out: PrintedTables = {};
  for (const table of report.tables) {
    const block = rows.filter((r) => r[0] === table.caption);
    const header = block[0]!;
    expect(header.slice(1)).toEqual([table.labelHeader, ...table.columns]);
    expect(block.length - 1).toBe(table.rows.length);
    // The CSV gives plain numbers (money "-1234.50", a percent as its fraction): printed here as the row prints them.
    out[table.id] = withGroups(
      block.slice(1).map((r, j) => {
        const row = table.rows[j]!;
        expect(r[1]).toBe(row.label);
        return {
          label: r[1]!,
          isGroup: r.slice(2).every((c) => c === '') && row.style === 'group',
          cells: Object.fromEntries(
            table.columns.map((h, i) => {
              const raw = r[2 + i] ?? '';
              const format = row.cells[i]?.format ?? row.format;
              // Money always to the cent, whole dollars whole, a percent's fraction to 4 places (as printed).
              const shape = { money: /^-?\d+\.\d{2}$/, dollars: /^-?\d+$/, percent: /^-?\d+\.\d{4}$/, count: /^\d+$/, fte: /^\d+(\.\d{1,4})?$/ };
              if (raw !== '' && format !== 'text') expect(raw, `${table.id} ${row.label} ${h}`).toMatch(shape[format]);
              return [h, cellText(raw === '' ? null : { value: raw }, format)];
            }),
          ),
        };
      }),
    );
  }
  return out;
}

const formatOf = (numFmt: string | undefined): FigureFormat =>
  (Object.entries(EXCEL_FORMAT).find(([, f]) => f === numFmt)?.[0] as FigureFormat | undefined) ?? 'fte';

/**
 * A sheet written from the report, recalculated by HyperFormula from the file's own cells (cached
 * values ignored): each table is found by its caption in column A, its headings on the next row.
 */
export function fromSheet(sheet: ExcelJS.Worksheet, report: ReportDocument): PrintedTables {
  const hf = recalcSheet(sheet);
  const out: PrintedTables = {};
  try {
    const labels: unknown[] = [];
    for (let r = 1; r <= sheet.rowCount; r++) labels.push(sheet.getCell(r, 1).value);
    for (const table of report.tables) {
      const captionRow = labels.indexOf(table.caption) + 1;
      expect(captionRow, `caption "${table.caption}" on ${sheet.name}`).toBeGreaterThan(0);
      const headerRow = captionRow + 1;
      table.columns.forEach((h, i) => expect(sheet.getCell(headerRow, 2 + i).value).toBe(h));
      const rows = table.rows.map((viewRow, ri) => {
        const row = headerRow + 1 + ri;
        const label = String(sheet.getCell(row, 1).value);
        const cells: Record<string, string> = {};
        table.columns.forEach((h, i) => {
          const cell = sheet.getCell(row, 2 + i);
          const address = cell.address;
          const value = hf.value(address);
          if (value === null || value === '' || (typeof value === 'object' && value !== null))
            cells[h] = value === null || value === '' ? '' : `#ERR ${JSON.stringify(value)}`;
          else if (typeof value === 'string') cells[h] = value;
          else {
            const format = formatOf(cell.numFmt);
            cells[h] = format === 'fte' ? fteText(String(value)) : cellText({ value: format === 'money' ? hf.money(address) : String(value) }, format);
          }
        });
        return { label, cells, isGroup: viewRow.style === 'group' };
      });
      out[table.id] = withGroups(rows);
    }
  } finally {
    hf.destroy();
  }
  return out;
}

/** Every expected figure is printed, in the row of that group and label, under that heading. */
export function expectPrinted(printed: PrintedTables, expected: ExpectedTable[], where: string): number {
  let checked = 0;
  for (const table of expected) {
    const rows = printed[table.id];
    expect(rows, `${where}: table ${table.id}`).toBeDefined();
    // Rows with the same label (the gap under each pair of provisions) are matched in turn.
    const used = new Set<PrintedRow>();
    for (const e of table.rows) {
      const row = rows!.find((r) => !used.has(r) && r.label === e.label && (e.group === undefined || (r.group ?? '').startsWith(e.group)));
      if (row) used.add(row);
      expect(row, `${where}: ${table.id} row "${e.group ? `${e.group} / ` : ''}${e.label}" among ${rows!.map((r) => r.label).join('; ')}`).toBeDefined();
      for (const [heading, text] of Object.entries(e.cells)) {
        expect(row!.cells[heading], `${where}: ${table.id} / ${e.group ?? ''} / ${e.label} / ${heading}`).toBe(text);
        checked++;
      }
    }
  }
  return checked;
}

/** The figures of the expected tables in reading order (row by row), for the PDF's text. */
export function expectedTexts(expected: ExpectedTable[], report: ReportDocument): string[] {
  const out: string[] = [];
  for (const table of expected) {
    const view = report.tables.find((t) => t.id === table.id)!;
    // Reading order is the view's row order; rows with the same label in several groups are taken in turn.
    const seen = new Set<PrintedRow | ExpectedTable['rows'][number]>();
    let group: string | undefined;
    for (const row of view.rows) {
      if (row.style === 'group') {
        group = row.label;
        continue;
      }
      const e = table.rows.find((x) => !seen.has(x) && x.label === row.label && (x.group === undefined || (group ?? '').startsWith(x.group)));
      if (!e) continue;
      seen.add(e);
      for (const h of view.columns) if (e.cells[h]) out.push(e.cells[h]);
    }
  }
  return out;
}
