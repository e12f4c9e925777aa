import { scenarioSchema, type Scenario } from './schemas/scenario.js';
import type { InputIssue } from './issues.js';
import { issuesFromZod } from './schemas/zodMessages.js';
import { checkAroundSchemaIssues } from './validation/aroundSchemaIssues.js';
import { costingIssues, rosterOfDocument, type WarnedRoster } from './validation/costingIssues.js';
import { listedIssues } from './validation/issueList.js';
import { jsonFloatIssues } from './validation/jsonFloats.js';
import { jsonSyntaxErrorAt } from './validation/jsonSyntax.js';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: InputIssue[] };

/** A scenario checked for everything a costing refuses, with warnings about what it allows. */
export type CheckedScenario = ({ ok: true; value: Scenario } | { ok: false; issues: InputIssue[] }) & { warnings: InputIssue[] };

/** Validates an unknown JSON value as a scenario document (COSTING.md §9), defaults applied. */
export function parseScenario(input: unknown): ParseResult<Scenario> {
  const parsed = scenarioSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: issuesFromZod(parsed.error) };
}

/** Parses JSON text; a syntax error is reported as an issue, not thrown. */
export function parseScenarioText(text: string): ParseResult<Scenario> {
  const json = parseJson(text);
  return json.ok ? parseScenario(json.value) : json;
}

/**
 * JSON text → value; a syntax error is an issue. A UTF-8 byte-order mark (Notepad and Excel's
 * "UTF-8" save write one) is not part of the JSON and is skipped, as RFC 8259 §8.1 allows a parser to.
 */
export function parseJson(text: string): ParseResult<unknown> {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    const value = JSON.parse(json) as unknown;
    const floats = jsonFloatIssues(json);
    return floats.length === 0 ? { ok: true, value } : { ok: false, issues: floats };
  } catch (error) {
    return { ok: false, issues: [{ path: '(document)', message: `not valid JSON${syntaxErrorPlace(json)}: ${(error as Error).message}` }] };
  }
}

/**
 * Where a JSON syntax error is, for a person with an editor: " at line L, column C (the line's
 * text near it)", or "" when the walk finds none (JSON.parse refused something it accepts).
 */
function syntaxErrorPlace(json: string): string {
  const at = jsonSyntaxErrorAt(json);
  if (at === null) return '';
  const lineStart = json.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = json.indexOf('\n', at);
  const line = json.slice(lineStart, lineEnd < 0 ? json.length : lineEnd).replace(/\r$/, '');
  let lineNumber = 1;
  for (let i = json.indexOf('\n'); i >= 0 && i < lineStart; i = json.indexOf('\n', i + 1)) lineNumber++;
  const column = at - lineStart + 1;
  // At most 60 characters of the line, around the column.
  const from = Math.max(0, column - 40);
  const shown = `${from > 0 ? '…' : ''}${line.slice(from, from + 60).trim()}${from + 60 < line.length ? '…' : ''}`;
  return ` at line ${lineNumber}, column ${column} (${shown})`;
}

/** The number of rows in a parsed but unvalidated scenario's roster (0 when it has no row list). */
export function rosterRowCount(input: unknown): number {
  const rows = (input as { roster?: { rows?: unknown } } | null)?.roster?.rows;
  return Array.isArray(rows) ? rows.length : 0;
}

/**
 * checkScenario on the parsed document with only roster rows [start, end): a costing thread's own
 * range (bargaining-costing cost on several threads). A row's checked value depends only on the
 * row, so these rows are that range of the whole document checked. `wholeRosterWarnings`: the
 * warnings about rows (an FTE above 1, a special pay no row has) are of the whole roster, as a
 * one-thread check gives them — for the thread that reports them.
 */
export function checkScenarioRows(input: unknown, [start, end]: readonly [number, number], options: { wholeRosterWarnings?: boolean } = {}): CheckedScenario {
  const document = input as { roster: { rows: unknown[] } };
  const range = { ...document, roster: { ...document.roster, rows: document.roster.rows.slice(start, end) } };
  return checkScenario(range, options.wholeRosterWarnings === true ? rosterOfDocument(document.roster.rows) : undefined);
}

/**
 * The schema, then every costing-time check (`costingIssues`): what `validate` reports and what
 * `cost` refuses before it costs anything. At most 200 problems are listed, the rest counted;
 * when the schema refuses rows or provisions, the rest is still checked (`checkAroundSchemaIssues`).
 * `roster`: the rows its row-wide warnings read, when they are more than the input's (checkScenarioRows).
 */
export function checkScenario(input: unknown, roster?: WarnedRoster): CheckedScenario {
  const parsed = parseScenario(input);
  return parsed.ok ? checkParsedScenario(parsed.value, roster) : refusedScenario(input, parsed.issues);
}

/**
 * A document the schema refused, with these problems: the rest of it still checked, so one bad row
 * does not hide the other problems (`checkAroundSchemaIssues`), 200 listed.
 */
export function refusedScenario(input: unknown, schemaIssues: readonly InputIssue[]): CheckedScenario & { ok: false } {
  const around = checkAroundSchemaIssues(input, schemaIssues);
  return { ok: false, issues: listedIssues(around.issues, around.omitted), warnings: around.warnings };
}

export function checkScenarioText(text: string): CheckedScenario {
  const json = parseJson(text);
  return json.ok ? checkScenario(json.value) : { ...json, warnings: [] };
}

/** The costing-time checks of a scenario the schema accepted. */
export function checkParsedScenario(scenario: Scenario, roster?: WarnedRoster): CheckedScenario {
  const check = costingIssues(scenario, undefined, roster);
  return check.issues.length > 0
    ? { ok: false, issues: listedIssues(check.issues, check.omitted), warnings: check.warnings }
    : { ok: true, value: scenario, warnings: check.warnings };
}
