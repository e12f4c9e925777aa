/** One problem with an input, named by where it is: `roster.rows[12].step`. */
export interface InputIssue {
  path: string;
  message: string;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(document)';
}

/** The inverse of `formatPath`: "roster.rows[3].pensionTier" → ['roster', 'rows', 3, 'pensionTier']. */
export function parsePath(text: string): (string | number)[] {
  if (text === '(document)') return [];
  const out: (string | number)[] = [];
  const part = /\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  while (part.lastIndex < text.length) {
    const start = part.lastIndex;
    const m = part.exec(text);
    if (!m || m.index !== start) return [...out, text.slice(start)];
    out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]!) as string)));
  }
  return out;
}

export function formatIssue(issue: InputIssue): string {
  return `${issue.path}: ${issue.message}`;
}

/** Raised when a scenario is well-formed but cannot be costed (a missing tier rate, wage base…). */
export class CostingInputError extends Error {
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'CostingInputError';
    this.issues = issues;
  }
}
