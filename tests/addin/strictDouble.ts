/**
 * The browser tests' strict Excel double (tests/browser/double/excelDouble.js), loaded in Node so
 * the add-in's Excel code is tested against the same rules without a browser: queued batches that
 * fail as a whole from the failing command on, load-only-what-was-asked, Text cells kept literally,
 * cell-edit mode and a configurable `isSetSupported`. A fresh workbook per call.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SOURCE = readFileSync(fileURLToPath(new URL('../browser/double/excelDouble.js', import.meta.url)), 'utf8');

export interface DoubleStats {
  syncs: number;
  runs: number;
  largestRequestBytes: number;
  suspendedCalculation: number;
  suspendedScreen: number;
  fullCalculations: number;
  calculationModeChanges: number;
  writesWithoutSuspendedCalculation: number;
  refusedInCellEdit: number;
  delayedForCellEdit: number;
  rangeCalculations: string[];
}

export interface StrictDouble {
  Excel: {
    run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
    run<T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  };
  officeContext: { requirements: { isSetSupported(name: string, version?: string): boolean } };
  model: { calculationMode: string; stats: DoubleStats; sheets: { name: string }[] };
  paste(sheet: string, address: string, rows: unknown[][]): void;
  cell(sheet: string, address: string): unknown;
  formula(sheet: string, address: string): string | null;
  block(sheet: string, address: string): unknown[][] | undefined;
  cellFormat(sheet: string, address: string): { numberFormat: string; style: Record<string, unknown> };
  columnWidth(sheet: string, columnLetters: string): number | undefined;
  pageLayout(
    sheet: string,
  ): { orientation: string; zoom: Record<string, number | null>; titleRows: string | null; headers: Record<string, string>; pageBreaks: number[] } | undefined;
  table(name: string): { name: string; sheet: string; address: string; style: string } | null;
  failNextSync(code: string, message?: string): void;
  startCellEdit(): void;
  endCellEdit(): void;
  supportSets(sets: Record<string, string | null>): void;
  summary(): {
    sheets: { name: string; charts: { name: string; type: string; source: string; seriesBy: string; title: string }[] }[];
    tables: { name: string; sheet: string; address: string }[];
    names: { name: string; reference: string }[];
  };
}

/** A new in-memory workbook; `installOffice` also makes it the `Office`/`Excel` the add-in's code sees. */
export function strictDouble(options: { installOffice?: boolean } = {}): StrictDouble {
  const window: Record<string, unknown> = {};
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the double is a browser script (SOURCE) that must run as-is, with its own `window`
  new Function('window', SOURCE)(window);
  const double = window.__excelDouble as StrictDouble;
  if (options.installOffice) {
    const global = globalThis as Record<string, unknown>;
    global.Office = { context: double.officeContext };
    global.Excel = double.Excel;
  }
  return double;
}

/** Undo `installOffice`. */
export function uninstallOffice(): void {
  const global = globalThis as Record<string, unknown>;
  delete global.Office;
  delete global.Excel;
}
