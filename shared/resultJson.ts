import { byCodePoint } from './codePointOrder.js';
import type { CostingResult } from './result.js';

/**
 * A costing result as JSON text, with the fund and department keys in code-point order (COSTING.md
 * §7: "sorted by code point"), as the engine built them.
 *
 * `JSON.stringify` cannot write that order for codes that look like array indices: a JavaScript
 * object lists such keys first, in numeric order (ECMA-262 OrdinaryOwnPropertyKeys), so funds
 * `100`, `20`, `A` came out as `20`, `100`, `A`. JSON text itself has no such rule (RFC 8259 §4:
 * names are a sequence), so this writer puts those maps' keys in code-point order and writes every
 * other value exactly as `JSON.stringify(value, null, space)` does. A reader that parses the text
 * into JavaScript objects gets the numeric order back; one that keeps the text's order (Python's
 * `json`, a text diff) sees the spec's.
 */
export function costingResultJson(result: CostingResult, space = 0): string {
  return write(result, '', ' '.repeat(Math.max(0, Math.min(10, space))), 'result');
}

// The maps keyed by fund or department (§9), at the top level and on each proposal.
const CODE_POINT_MAPS: Record<string, ReadonlySet<string>> = {
  result: new Set(['baselineByFund', 'baselineByDepartment']),
  proposal: new Set(['byFund', 'increaseByFund', 'byDepartment', 'increaseByDepartment']),
};

type Place = 'result' | 'proposals' | 'proposal' | 'codePointMap' | 'other';

function write(value: unknown, gap: string, indent: string, place: Place): string {
  // Undefined never gets here: object keys holding it are left out, array elements become null.
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = gap + indent;
  const open = (bracket: string, parts: string[], close: string) =>
    parts.length === 0
      ? `${bracket}${close}`
      : indent === ''
        ? `${bracket}${parts.join(',')}${close}`
        : `${bracket}\n${inner}${parts.join(`,\n${inner}`)}\n${gap}${close}`;
  if (Array.isArray(value)) {
    const element: Place = place === 'proposals' ? 'proposal' : 'other';
    return open(
      '[',
      value.map((v) => write(v ?? null, inner, indent, element)),
      ']',
    );
  }
  const record = value as Record<string, unknown>;
  let keys = Object.keys(record).filter((key) => record[key] !== undefined);
  if (place === 'codePointMap') keys = keys.sort(byCodePoint);
  const colon = indent === '' ? ':' : ': ';
  const parts = keys.map((key) => `${JSON.stringify(key)}${colon}${write(record[key], inner, indent, childPlace(place, key))}`);
  return open('{', parts, '}');
}

function childPlace(place: Place, key: string): Place {
  if (place === 'result') return key === 'proposals' ? 'proposals' : CODE_POINT_MAPS.result!.has(key) ? 'codePointMap' : 'other';
  if (place === 'proposal') return CODE_POINT_MAPS.proposal!.has(key) ? 'codePointMap' : 'other';
  return 'other';
}
