import { readFileSync } from 'node:fs';
import { parseScenarioText, type ParseResult, type Scenario } from '../../shared/index.js';

/** Reads and validates a scenario JSON file; an unreadable file is an issue, not a crash. */
export function readScenarioFile(file: string): ParseResult<Scenario> {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    return { ok: false, issues: [{ path: file, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }] };
  }
  return parseScenarioText(text);
}
