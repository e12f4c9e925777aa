import type { Page } from 'playwright-core';
import type { Block } from './analystData.js';

/** What the test reads of the in-memory workbook (see tests/browser/double/excelDouble.js). */
export interface WorkbookSummary {
  sheets: { name: string; protected: boolean; charts: { name: string; type: string; source: string; seriesBy: string; title: string }[]; cells: number }[];
  tables: { name: string; sheet: string; address: string }[];
  names: { name: string; reference: string }[];
  settings: string[];
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
  calculationMode: string;
  stats: { syncs: number; runs: number; largestRequestBytes: number };
}

interface DoubleHandle {
  paste(sheet: string, address: string, rows: Block): void;
  cell(sheet: string, address: string): unknown;
  block(sheet: string, address: string): unknown[][] | undefined;
  failNextSync(code: string, message?: string): void;
  summary(): WorkbookSummary;
}

type WithDouble = typeof globalThis & { __excelDouble: DoubleHandle };

/** The test's hands on the workbook: paste like an analyst, look at cells, break the next sync. */
export class ExcelPage {
  constructor(readonly page: Page) {}

  paste(sheet: string, address: string, rows: Block): Promise<void> {
    return this.page.evaluate(([s, a, r]) => (globalThis as WithDouble).__excelDouble.paste(s, a, r), [sheet, address, rows] as const);
  }

  cell(sheet: string, address: string): Promise<unknown> {
    return this.page.evaluate(([s, a]) => (globalThis as WithDouble).__excelDouble.cell(s, a), [sheet, address] as const);
  }

  block(sheet: string, address: string): Promise<unknown[][] | undefined> {
    return this.page.evaluate(([s, a]) => (globalThis as WithDouble).__excelDouble.block(s, a), [sheet, address] as const);
  }

  failNextSync(code: string, message?: string): Promise<void> {
    return this.page.evaluate(([c, m]) => (globalThis as WithDouble).__excelDouble.failNextSync(c, m), [code, message] as const);
  }

  summary(): Promise<WorkbookSummary> {
    return this.page.evaluate(() => (globalThis as WithDouble).__excelDouble.summary());
  }
}
