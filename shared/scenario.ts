import { scenarioSchema, type Scenario } from './schemas/scenario.js';
import { issuesFromZod, type InputIssue } from './issues.js';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: InputIssue[] };

/** Validates an unknown JSON value as a scenario document (COSTING.md §9), defaults applied. */
export function parseScenario(input: unknown): ParseResult<Scenario> {
  const parsed = scenarioSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: issuesFromZod(parsed.error) };
}

/** Parses JSON text; a syntax error is reported as an issue, not thrown. */
export function parseScenarioText(text: string): ParseResult<Scenario> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '(document)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return parseScenario(json);
}
