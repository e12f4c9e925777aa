/**
 * A scenario the schema refuses is still checked as far as it can be. Roster rows the schema
 * refused are set aside, and so are the provisions of a proposal with a refused provision; what is
 * left goes through the cross-reference and costing-time checks. So one malformed row does not hide
 * a misspelt tier ten rows on, or a missing wage base: an analyst sees every problem in one pass.
 *
 * Setting aside never invents a problem: a row's checks depend only on the row and on parts that
 * are kept whole, and a proposal's provisions are set aside together (a `setRate` may need the step
 * an `addStep` before it adds). A problem anywhere else (the calendar, the schedule, a proposal's
 * own fields) stops here: the rest cannot be costed without it. Paths, and the row indices that
 * messages cite, are mapped back to the document as written.
 */
import { formatPath, parsePath, type InputIssue } from '../issues.js';
import { scenarioSchema } from '../schemas/scenario.js';
import { issuesFromZod } from '../schemas/zodMessages.js';
import { costingIssues } from './costingIssues.js';

export interface AroundSchemaIssues {
  /** The schema's problems, then those found in what was left (no problem twice). */
  issues: InputIssue[];
  /** Only those found in what was left. */
  beyond: InputIssue[];
  /** Costing-time problems found but not listed (costingIssues' own cap). */
  omitted: number;
  /** Warnings about what was left (a negative lump sum). */
  warnings: InputIssue[];
}

/** Rounds of setting aside: a row refused by a cross-reference (an unknown class) is only found once its neighbours parse. */
const ROUNDS = 3;

export function checkAroundSchemaIssues(input: unknown, schemaIssues: readonly InputIssue[]): AroundSchemaIssues {
  const out = new UniqueIssues(schemaIssues);
  let warnings: InputIssue[] = [];
  let omitted = 0;
  let document = input;
  let rowOrigin: number[] | null = null;
  let current = schemaIssues;
  for (let round = 0; round < ROUNDS; round++) {
    const narrowed = setAside(document, current, rowOrigin);
    if (narrowed === null) break;
    ({ document, rowOrigin } = narrowed);
    const toWritten = writtenPaths(rowOrigin);
    const parsed = scenarioSchema.safeParse(document);
    if (parsed.success) {
      const check = costingIssues(parsed.data);
      out.addAll(check.issues.map(toWritten));
      warnings = check.warnings.map(toWritten);
      omitted = check.omitted;
      break;
    }
    current = issuesFromZod(parsed.error);
    out.addAll(current.map(toWritten));
  }
  return { issues: out.list, beyond: out.list.slice(out.firstCount), omitted, warnings };
}

interface Narrowed {
  document: unknown;
  /** For each row kept, its index in the document as written. */
  rowOrigin: number[];
}

/** The document without the rows and provisions these problems are in; null when some problem is elsewhere, or none is. */
function setAside(document: unknown, issues: readonly InputIssue[], rowOrigin: number[] | null): Narrowed | null {
  const doc = document as { roster?: { rows?: unknown }; proposals?: unknown } | null;
  const rows = doc?.roster?.rows;
  const proposals = doc?.proposals;
  const badRows = new Set<number>();
  const badProposals = new Set<number>();
  for (const issue of issues) {
    const path = parsePath(issue.path);
    if (path[0] === 'roster' && path[1] === 'rows' && typeof path[2] === 'number' && Array.isArray(rows)) badRows.add(path[2]);
    else if (path[0] === 'proposals' && typeof path[1] === 'number' && path[2] === 'provisions' && Array.isArray(proposals)) badProposals.add(path[1]);
    else return null;
  }
  if (badRows.size === 0 && badProposals.size === 0) return null;
  const keptRows: unknown[] = [];
  const origin: number[] = [];
  (rows as unknown[] | undefined)?.forEach((row, i) => {
    if (badRows.has(i)) return;
    keptRows.push(row);
    origin.push(rowOrigin === null ? i : rowOrigin[i]!);
  });
  const narrowed: Record<string, unknown> = { ...(doc as object) };
  if (Array.isArray(rows)) narrowed.roster = { ...doc!.roster, rows: keptRows };
  if (Array.isArray(proposals))
    narrowed.proposals = proposals.map((p: unknown, i) => (badProposals.has(i) && typeof p === 'object' && p !== null ? { ...p, provisions: [] } : p));
  return { document: narrowed, rowOrigin: origin };
}

/** Maps a problem on the narrowed document back to the document as written: `rows[3]` in its path and its message. */
function writtenPaths(rowOrigin: readonly number[]): (issue: InputIssue) => InputIssue {
  const row = (i: number) => rowOrigin[i] ?? i;
  return ({ path, message }) => {
    const parts = parsePath(path);
    if (parts[0] === 'roster' && parts[1] === 'rows' && typeof parts[2] === 'number') parts[2] = row(parts[2]);
    return { path: formatPath(parts), message: message.replace(/\brows\[(\d+)\]/g, (_, i: string) => `rows[${row(Number(i))}]`) };
  };
}

class UniqueIssues {
  readonly list: InputIssue[] = [];
  private readonly seen = new Set<string>();
  /** How many of `list` came from the first problems given. */
  readonly firstCount: number;

  constructor(first: readonly InputIssue[]) {
    this.addAll(first);
    this.firstCount = this.list.length;
  }

  addAll(issues: readonly InputIssue[]): void {
    for (const issue of issues) {
      const key = `${issue.path}\u0000${issue.message}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.list.push(issue);
    }
  }
}
