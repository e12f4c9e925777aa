import { readFileSync } from 'node:fs';
import { checkScenarioText, type CheckedScenario } from '../../shared/scenario.js';

/**
 * Reads and checks a scenario: a JSON file (COSTING.md §9), or an analyst's costing workbook
 * (`.xlsx`, the shared workbook layout), whose problems are named by cell. Every check a costing
 * makes runs here (`checkScenario`), so `validate` refuses what `cost` refuses. An unreadable
 * file is an issue, not a crash.
 */
export async function readScenarioFile(file: string): Promise<CheckedScenario> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    return { ok: false, issues: [{ path: file, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }], warnings: [] };
  }
  if (/\.xlsx$/i.test(file)) {
    const { readScenarioWorkbook } = await import('../xlsx/readScenarioWorkbook.js');
    const read = await readScenarioWorkbook(bytes);
    const plain = (issues: readonly { path: string; message: string }[] = []) => issues.map(({ path, message }) => ({ path, message }));
    return read.ok ? { ok: true, value: read.scenario, warnings: plain(read.warnings) } : { ok: false, issues: plain(read.issues), warnings: [] };
  }
  return checkScenarioText(bytes.toString('utf8'));
}
