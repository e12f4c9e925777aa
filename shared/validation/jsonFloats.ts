import { formatPath, type InputIssue } from '../issues.js';

/**
 * COSTING.md §1: "integers … arrive as JSON integers; a JSON float anywhere is an error". Every
 * decimal of a scenario is a string, so a number token with a fraction or an exponent (`1.0`,
 * `2080.0`, `1e0`) is refused — `JSON.parse` turns `1.0` into 1 and cannot tell, so the text is
 * read for them. One with a fraction (`45.12`) parses to a value the schema refuses by itself.
 *
 * A quick search finds where one may be (a number right after `:`, `[` or `,`); only then is the
 * text walked token by token, to skip strings and name the path. `text` must be valid JSON.
 */
export function jsonFloatIssues(text: string, limit = 200): InputIssue[] {
  if (!/[:,[]\s*-?\d+(?:\.|[eE])/.test(text)) return [];
  const issues: InputIssue[] = [];
  // The path to the value being read: object keys and array indices.
  const path: (string | number)[] = [];
  const inArray: boolean[] = [];
  let i = 0;
  const n = text.length;
  while (i < n && issues.length < limit) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const afterString = j + 1;
      let k = afterString;
      while (k < n && (text[k] === ' ' || text[k] === '\n' || text[k] === '\r' || text[k] === '\t')) k++;
      // A string followed by ':' is the key of the next value.
      if (text[k] === ':' && inArray.length > 0 && !inArray[inArray.length - 1]) path[path.length - 1] = JSON.parse(text.slice(i, afterString)) as string;
      i = afterString;
    } else if (ch === '{' || ch === '[') {
      inArray.push(ch === '[');
      path.push(ch === '[' ? 0 : '');
      i++;
    } else if (ch === '}' || ch === ']') {
      inArray.pop();
      path.pop();
      i++;
    } else if (ch === ',') {
      if (inArray[inArray.length - 1]) path[path.length - 1] = (path[path.length - 1] as number) + 1;
      i++;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      let j = i + 1;
      while (j < n && /[0-9.eE+-]/.test(text[j]!)) j++;
      const token = text.slice(i, j);
      // A float with a fraction (`45.12`) is left to the schema, which names what to write instead.
      if (/[.eE]/.test(token) && Number.isInteger(Number(token))) {
        issues.push({
          path: path.length === 0 ? '(document)' : formatPath(path),
          message: floatMessage(token),
        });
      }
      i = j;
    } else {
      i++;
    }
  }
  return issues;
}

function floatMessage(token: string): string {
  // Where a decimal belongs (`"fte": 1.0`) the fix is a string, not the integer: say both.
  const whole = Number(token);
  // 1e308 or 1.5: no whole number to suggest (Number would print 1e+308); a decimal string is the fix.
  if (!Number.isSafeInteger(whole))
    return `${token} is a JSON float (COSTING.md §1): write a decimal as a string, e.g. "100.00", and a whole number without a point or exponent`;
  return `${token} is a JSON float (COSTING.md §1): write ${whole} where a whole number belongs, or "${token}" where a decimal does`;
}
