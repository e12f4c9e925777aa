/**
 * The words of zod's own problems (a list where text was given, a misspelt field, a bad record
 * key), in the plain terms of the rest of our messages. Schemas that say their own message keep
 * it: zod uses the global error only where a schema is silent
 * (https://zod.dev/error-customization, "Error precedence").
 */
import { z } from 'zod';
import { formatPath, type InputIssue } from '../issues.js';

/** What a JSON value is, in the words of a message: "text", "a number", "a list"… */
function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const EXPECTED: Record<string, string> = {
  array: 'a list [ … ]',
  object: 'an object { … }',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

/**
 * The fields an object schema allows, by the key list of an `unrecognized_keys` problem: the
 * problem zod finally reports carries the same array but not the schema, and a message needs both.
 */
const allowedByKeys = new WeakMap<readonly string[], readonly string[]>();

interface RawIssue {
  code?: string;
  input?: unknown;
  expected?: string;
  keys?: readonly string[];
  issues?: readonly { message: string }[];
  inst?: unknown;
}

function globalMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${EXPECTED[issue.expected ?? ''] ?? issue.expected}, not ${jsonKind(issue.input)}`;
    case 'unrecognized_keys': {
      const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
      if (shape !== undefined && issue.keys !== undefined) allowedByKeys.set(issue.keys, Object.keys(shape));
      return `${issue.keys?.join(', ')}: not a field here`;
    }
    case 'invalid_key':
      // A record's key (a wage base's year): the key's own problem, not zod's "Invalid key in record".
      return issue.issues?.map((i) => i.message).join('; ') ?? 'is not an allowed key here';
    default:
      return undefined;
  }
}

z.config({ customError: (issue) => globalMessage(issue) });

/**
 * One message per field zod did not recognise, at the field's own path, with the field meant
 * when the name is a near miss ("Pension" → "pensionTier" is too far; "pensiontier" is not).
 */
export function unrecognizedFieldMessages(keys: readonly string[]): { key: string; message: string }[] {
  const allowed = allowedByKeys.get(keys) ?? [];
  return keys.map((key) => {
    const meant = nearestName(key, allowed);
    const list = allowed.length > 0 ? ` (fields here: ${allowed.join(', ')})` : '';
    return {
      key,
      message: meant !== null ? `is not a field here: did you mean ${meant}?` : `is not a field here: remove it or check its spelling${list}`,
    };
  });
}

/**
 * The allowed name a misspelling most likely meant: same letters ignoring case, at most two edits
 * away, or one name inside the other ("effectiveDate" for effective, "pension" for pensionTier).
 */
export function nearestName(written: string, names: readonly string[]): string | null {
  const lower = written.toLowerCase();
  const same = names.find((n) => n.toLowerCase() === lower);
  if (same !== undefined) return same;
  let best: string | null = null;
  let bestDistance = Math.min(2, Math.floor(written.length / 3));
  for (const name of names) {
    const d = editDistance(lower, name.toLowerCase());
    if (d <= bestDistance && (best === null || d < bestDistance)) {
      best = name;
      bestDistance = d;
    }
  }
  if (best !== null) return best;
  const inside = names.filter((n) => {
    const name = n.toLowerCase();
    return Math.min(name.length, lower.length) >= 4 && (lower.includes(name) || name.includes(lower));
  });
  return inside.length === 1 ? inside[0]! : null;
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit ("cdoe" → code), the
 * commonest typo; names are short (at most 64 characters), so the plain table is fine.
 */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

export function issuesFromZod(error: z.ZodError): InputIssue[] {
  return plainIssues(error.issues, []);
}

/**
 * zod's problems as ours: a misspelt field is named at its own path (zod names the object holding
 * it), and a value that fits one form of a union but breaks that form's rules gets that form's
 * problems (a fund list whose shares are wrong), not "Invalid input".
 */
function plainIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): InputIssue[] {
  return issues.flatMap((issue): InputIssue[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys')
      return unrecognizedFieldMessages(issue.keys).map(({ key, message }) => ({ path: formatPath([...path, key]), message }));
    if (issue.code === 'invalid_union') {
      const fitting = issue.errors.filter((branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (fitting.length === 1) return plainIssues(fitting[0]!, path);
    }
    return [{ path: formatPath(path), message: issue.message }];
  });
}
