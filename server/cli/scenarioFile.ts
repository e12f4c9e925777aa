import { readFileSync } from 'node:fs';
import { parseScenarioText, type ParseResult } from '../../shared/scenario.js';
import type { Scenario } from '../../shared/schemas/scenario.js';

/**
 * Reads and validates a scenario: a JSON file (COSTING.md §9), or an analyst's costing workbook
 * (`.xlsx`, the shared workbook layout), whose problems are named by cell. An unreadable file is
 * an issue, not a crash.
 */
export async function readScenarioFile(file: string): Promise<ParseResult<Scenario>> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    return { ok: false, issues: [{ path: file, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }] };
  }
  if (/\.xlsx$/i.test(file)) {
    const { readScenarioWorkbook } = await import('../xlsx/readScenarioWorkbook.js');
    const read = await readScenarioWorkbook(bytes);
    return read.ok ? { ok: true, value: read.scenario } : { ok: false, issues: read.issues.map(({ path, message }) => ({ path, message })) };
  }
  return parseScenarioText(bytes.toString('utf8'));
}
