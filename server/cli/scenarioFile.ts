import { readFileSync } from 'node:fs';
import { checkScenario, checkScenarioRows, parseJson, rosterRowCount, type CheckedScenario } from '../../shared/scenario.js';

/** Where reading a scenario file spent its time (bargaining-costing cost --timings); a workbook is all validation. */
export interface ReadTimings {
  jsonParseSeconds: number;
  validationSeconds: number;
}

/** What a caller does with a JSON file while it is read (`bargaining-costing cost`). */
export interface ReadHooks {
  /** Given the file's text before it is parsed (CostingThreads.prepare). */
  onJsonText?: (text: string) => void;
  /** Given the roster's row count once the JSON is parsed, before it is validated (the engine's warm-up, warmUpEngineFor). */
  beforeValidation?: (rowCount: number) => void;
  /**
   * The first rows [0, end) to check here when other threads check the rest of a roster of this
   * many rows (CostingThreads.firstRange); null: check every row here.
   */
  firstRange?: (rowCount: number) => [number, number] | null;
}

/**
 * A scenario read. When only its first rows were checked here (`ReadHooks.firstRange`), `value`
 * holds those rows and `restCheckedElsewhere` the roster's row count and the parsed document (to
 * check whole, for the exact messages, if the other threads' checks do not come back clean).
 */
export type ReadScenario = CheckedScenario & { restCheckedElsewhere?: { rowCount: number; document: unknown } };

/**
 * Reads and checks a scenario: a JSON file (COSTING.md §9), or an analyst's costing workbook
 * (`.xlsx`, the shared workbook layout), whose problems are named by cell. Every check a costing
 * makes runs here (`checkScenario`), so `validate` refuses what `cost` refuses. An unreadable
 * file is an issue, not a crash.
 */
export async function readScenarioFile(
  file: string,
  timings: ReadTimings = { jsonParseSeconds: 0, validationSeconds: 0 },
  hooks: ReadHooks = {},
): Promise<ReadScenario> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    return { ok: false, issues: [{ path: file, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }], warnings: [] };
  }
  const secondsSince = (start: number) => (performance.now() - start) / 1000;
  let start = performance.now();
  if (/\.xlsx$/i.test(file)) {
    const { readScenarioWorkbook } = await import('../xlsx/readScenarioWorkbook.js');
    const read = await readScenarioWorkbook(bytes);
    timings.validationSeconds = secondsSince(start);
    const plain = (issues: readonly { path: string; message: string }[] = []) => issues.map(({ path, message }) => ({ path, message }));
    return read.ok ? { ok: true, value: read.scenario, warnings: plain(read.warnings) } : { ok: false, issues: plain(read.issues), warnings: [] };
  }
  const text = bytes.toString('utf8');
  hooks.onJsonText?.(text);
  const json = parseJson(text);
  timings.jsonParseSeconds = secondsSince(start);
  if (!json.ok) return { ...json, warnings: [] };
  const rowCount = rosterRowCount(json.value);
  hooks.beforeValidation?.(rowCount);
  start = performance.now();
  const first = hooks.firstRange?.(rowCount) ?? null;
  if (first !== null) {
    const checked = checkFirstRange(json.value, first);
    if (checked !== null) {
      timings.validationSeconds = secondsSince(start);
      return { ...checked, restCheckedElsewhere: { rowCount, document: json.value } };
    }
  }
  const checked = checkScenario(json.value);
  timings.validationSeconds = secondsSince(start);
  return checked;
}

/**
 * The scenario with only rows [start, end), checked, when it passes and no row id of the whole
 * roster is used twice (the one check that spans ranges); null otherwise (check the whole).
 */
function checkFirstRange(document: unknown, range: [number, number]): CheckedScenario | null {
  const seen = new Set<unknown>();
  for (const row of (document as { roster: { rows: unknown[] } }).roster.rows) {
    const id = (row as { id?: unknown } | null)?.id;
    if (seen.has(id)) return null;
    seen.add(id);
  }
  const checked = checkScenarioRows(document, range, { wholeRosterWarnings: true });
  return checked.ok ? checked : null;
}
