import { unsafeCharacters } from '../../shared/schemas/primitives.js';

/** What a character XML cannot hold becomes on export: visible, and valid in a workbook. */
const REPLACEMENT = '\uFFFD';

/**
 * A copy of `value` whose strings hold only characters a workbook's XML can (the set of
 * `unsafeCharacters`). Input is refused with such characters; this keeps records stored before
 * that check (an approved model cannot be changed) exportable.
 */
export function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') return xmlSafeText(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafe) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, xmlSafe(v)])) as T;
  }
  return value;
}

function xmlSafeText(text: string): string {
  if (unsafeCharacters(text).length === 0) return text;
  // A string iterates by code point: a surrogate pair arrives whole, an unpaired surrogate alone.
  let out = '';
  for (const ch of text) out += unsafeCharacters(ch).length === 0 ? ch : REPLACEMENT;
  return out;
}
