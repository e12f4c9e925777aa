/**
 * One cell ↔ one scenario value, by column kind (layout.ts documents the conventions).
 *
 * Decimals: Excel holds numbers as doubles. A decimal string is written as a number only when the
 * double prints back (shortest round-trip form) to the same value — every decimal of up to 15
 * significant digits — and the cell's number format shows exactly the places of the string, so
 * reading the number back with its format gives the same string ("2150.00" → 2150 with
 * "#,##0.00" → "2150.00"). Anything else is written as text and read back verbatim.
 */
import { isValidIsoDate, formatDay } from '../dates.js';
import { Decimal, DECIMAL_PATTERN } from '../money.js';
import type { CellValue } from './grid.js';
import type { ColumnKind } from './layout.js';
import { NUMBER_FORMAT } from './layout.js';

export interface WrittenCell {
  value: CellValue;
  format: string | null;
}

export type ReadCell<T> = { ok: true; value: T | undefined } | { ok: false; reason: string };

const zeros = (n: number) => '0'.repeat(n);

export function decimalPlaces(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** True when Number(text) prints back to the same decimal value. */
export function isExactAsDouble(text: string): boolean {
  const n = Number(text);
  if (!Number.isFinite(n)) return false;
  return new Decimal(String(n)).eq(new Decimal(text));
}

/** The number format that shows `places` places for a column kind. */
export function decimalFormat(kind: ColumnKind, places: number): string {
  if (kind === 'rate' && places >= 2) return places === 2 ? '0%' : `0.${zeros(places - 2)}%`;
  if (kind === 'money' || kind === 'stepRate') return places === 0 ? '#,##0' : `#,##0.${zeros(places)}`;
  return places === 0 ? '0' : `0.${zeros(places)}`;
}

/** Places a number format shows (minimum digits after the point; +2 for a percentage), if any. */
export function placesFromFormat(format: string | null | undefined): number | undefined {
  if (!format || /^general$/i.test(format) || format === '@') return undefined;
  const section = format
    .split(';')[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '');
  if (!/[0#]/.test(section)) return undefined;
  const dot = section.indexOf('.');
  let places = 0;
  if (dot >= 0) {
    for (let i = dot + 1; i < section.length && /[0#]/.test(section[i]!); i++) if (section[i] === '0') places++;
  }
  return section.includes('%') ? places + 2 : places;
}

export function writeDecimal(kind: ColumnKind, text: string): WrittenCell {
  if (isExactAsDouble(text)) return { value: Number(text), format: decimalFormat(kind, decimalPlaces(text)) };
  return { value: text, format: NUMBER_FORMAT.text };
}

/** Writes one scenario value into a cell of the given kind; undefined/empty lists → empty cell. */
export function writeCell(kind: ColumnKind, value: unknown): WrittenCell {
  if (value === undefined || value === null) return { value: null, format: kind === 'integer' || kind === 'boolean' ? null : formatOfEmpty(kind) };
  switch (kind) {
    case 'text':
    case 'code':
    case 'enum':
    case 'date':
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- scenario values are strings, numbers or booleans
      return { value: String(value), format: NUMBER_FORMAT.text };
    case 'integer':
      return { value: Number(value), format: NUMBER_FORMAT.integer };
    case 'decimal':
    case 'money':
    case 'rate':
    case 'stepRate':
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- scenario values are strings, numbers or booleans
      return writeDecimal(kind, String(value));
    case 'boolean':
      return { value: Boolean(value), format: null };
    case 'list':
    case 'fiscalYears':
      return { value: (value as unknown[]).length ? (value as unknown[]).map((v) => listItem(String(v))).join(', ') : null, format: NUMBER_FORMAT.text };
    case 'fund': {
      const fund = value as string | { fund: string; share: string }[];
      return {
        value: typeof fund === 'string' ? listItem(fund, /:/) : fund.map((part) => `${listItem(part.fund, /:/)}:${part.share}`).join(', '),
        format: NUMBER_FORMAT.text,
      };
    }
    case 'bands': {
      const bands = value as { years: number; percent: string }[];
      return { value: bands.length ? bands.map((b) => `${b.years}:${b.percent}`).join('; ') : NO_BANDS, format: NUMBER_FORMAT.text };
    }
  }
}

/** A list item that holds a separator (or `also`), a quote or edge spaces is written in double quotes. */
function listItem(item: string, also?: RegExp): string {
  return /[,;"]|^\s|\s$/.test(item) || item === '' || (also?.test(item) ?? false) ? `"${item.replace(/"/g, '""')}"` : item;
}

/** Splits "A, B; \"C, D\"" into items; double quotes keep separators, "" is a quote. */
function splitList(text: string): string[] | undefined {
  return splitListItems(text)?.map((item) => item.text);
}

/**
 * Each item with whether it was quoted and, for a quoted item, what follows the closing quote up
 * to the separator (a fund split's ":0.6").
 */
function splitListItems(text: string): { text: string; quoted: boolean; tail: string }[] | undefined {
  const items: { text: string; quoted: boolean; tail: string }[] = [];
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ') i++;
    if (i >= text.length) break;
    if (text[i] === '"') {
      let item = '';
      i++;
      for (;;) {
        if (i >= text.length) return undefined;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            item += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        item += text.charAt(i++);
      }
      let end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== ';') end++;
      const tail = text.slice(i, end).trim();
      if (tail !== '' && !tail.startsWith(':')) return undefined;
      items.push({ text: item, quoted: true, tail });
      i = end + 1;
    } else {
      let end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== ';') end++;
      const item = text.slice(i, end).trim();
      if (item !== '') items.push({ text: item, quoted: false, tail: '' });
      i = end + 1;
    }
  }
  return items;
}

function formatOfEmpty(kind: ColumnKind): string | null {
  return kind === 'text' ||
    kind === 'code' ||
    kind === 'enum' ||
    kind === 'date' ||
    kind === 'list' ||
    kind === 'fiscalYears' ||
    kind === 'bands' ||
    kind === 'fund'
    ? NUMBER_FORMAT.text
    : null;
}

// ── reading ─────────────────────────────────────────────────────────────────────────────────

export function isEmptyCell(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

function shown(raw: unknown): string {
  if (raw instanceof Date) return raw.toISOString();
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Excel's 1900 date system: serial 25569 is 1970-01-01 (serials after 1900-03-01). */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2958465) return undefined;
  return formatDay(Math.floor(serial) - 25569);
}

export interface ReadOptions {
  /** The cell's number format, when the reader knows it. */
  format?: string | null | undefined;
  /** Places for a number read from a cell without a known format. */
  defaultPlaces?: number;
  /** For `enum`: the allowed words, matched case-insensitively. */
  choices?: readonly string[];
}

export function readDecimal(kind: ColumnKind, raw: unknown, options: ReadOptions = {}): ReadCell<string> {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, reason: `must be a number, found ${shown(raw)}` };
    const places = placesFromFormat(options.format) ?? options.defaultPlaces ?? 0;
    const shortest = String(raw);
    // The shortest round-trip form, padded to the places the cell shows (no Decimal needed unless exponent form).
    const plain = /e/i.test(shortest) ? new Decimal(shortest).toFixed() : shortest;
    const have = decimalPlaces(plain);
    const padded = have >= places ? plain : `${plain}${have === 0 ? '.' : ''}${zeros(places - have)}`;
    return { ok: true, value: fixNegativeZero(padded) };
  }
  if (typeof raw === 'string') {
    let text = raw.trim().replace(/^\$/, '').replace(/,/g, '');
    let percent = false;
    if (text.endsWith('%')) {
      // Only a rate is a percent: "3%" in a pay rate, an amount or hours is a slip, not 0.03 of a dollar.
      if (kind !== 'rate') return { ok: false, reason: `must be a number such as 45.12, found ${shown(raw)}: a percent belongs in a rate column` };
      percent = true;
      text = text.slice(0, -1).trim();
    }
    if (text.startsWith('+')) text = text.slice(1);
    if (/^-?\.\d+$/.test(text)) text = text.replace('.', '0.');
    if (!DECIMAL_PATTERN.test(text)) return { ok: false, reason: `must be a number such as 45.12, found ${shown(raw)}` };
    if (percent) return { ok: true, value: fixNegativeZero(new Decimal(text).div(100).toFixed()) };
    return { ok: true, value: text };
  }
  return { ok: false, reason: `must be a number such as 45.12, found ${shown(raw)}` };
}

function fixNegativeZero(text: string): string {
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

export function readInteger(raw: unknown): ReadCell<number> {
  if (typeof raw === 'number' && Number.isSafeInteger(raw)) return { ok: true, value: raw };
  if (typeof raw === 'string' && /^\s*-?\d{1,15}\s*$/.test(raw)) return { ok: true, value: Number(raw.trim()) };
  return { ok: false, reason: `must be a whole number, found ${shown(raw)}` };
}

export function readDate(raw: unknown): ReadCell<string> {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { ok: false, reason: 'must be a date written YYYY-MM-DD' };
    return { ok: true, value: raw.toISOString().slice(0, 10) };
  }
  if (typeof raw === 'number') {
    const iso = excelSerialToIso(raw);
    return iso ? { ok: true, value: iso } : { ok: false, reason: `must be a date written YYYY-MM-DD, found ${shown(raw)}` };
  }
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (isValidIsoDate(text)) return { ok: true, value: text };
    const withTime = /^(\d{4}-\d{2}-\d{2})T00:00(:00(\.000)?)?Z?$/.exec(text);
    if (withTime && isValidIsoDate(withTime[1]!)) return { ok: true, value: withTime[1]! };
    // Written right but not in the calendar (2019-02-30): said as the scenario file's check says it.
    const written = /^\d{4}-\d{2}-\d{2}/.exec(text);
    if (written && (written[0] === text || withTime)) return { ok: false, reason: `${written[0]} does not exist` };
  }
  return { ok: false, reason: `must be a date written YYYY-MM-DD, found ${shown(raw)}` };
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

export function readBoolean(raw: unknown): ReadCell<boolean> {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  if (raw === 1 || raw === 0) return { ok: true, value: raw === 1 };
  if (typeof raw === 'string') {
    const word = raw.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return { ok: true, value: true };
    if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  }
  return { ok: false, reason: `must be TRUE or FALSE, found ${shown(raw)}` };
}

export function readText(raw: unknown, trim: boolean): ReadCell<string> {
  if (typeof raw === 'string') return { ok: true, value: trim ? raw.trim() : raw };
  if (typeof raw === 'number' && Number.isFinite(raw)) return { ok: true, value: String(raw) };
  if (typeof raw === 'boolean') return { ok: true, value: raw ? 'TRUE' : 'FALSE' };
  return { ok: false, reason: `must be text, found ${shown(raw)}` };
}

export function readList(raw: unknown): ReadCell<string[]> {
  const text = readText(raw, true);
  if (!text.ok) return text;
  const items = splitList(text.value ?? '');
  if (!items) return { ok: false, reason: `a list is written "A, B, C" (quote an item that holds a comma: "A, B"), found ${shown(raw)}` };
  return { ok: true, value: items };
}

export function readFiscalYears(raw: unknown): ReadCell<(string | number)[]> {
  const list = readList(raw);
  if (!list.ok) return list;
  const out: (string | number)[] = [];
  for (const item of list.value ?? []) {
    if (/^\d{4}$/.test(item)) out.push(Number(item));
    else if (/^fy\s*\d{4}$/i.test(item)) out.push(`FY${item.replace(/^fy\s*/i, '')}`);
    else return { ok: false, reason: `fiscal years are written like "FY2027, FY2028", found ${shown(item)}` };
  }
  return { ok: true, value: out };
}

/**
 * A fund (COSTING.md §7): one code ("GF"), or a split "GF:0.6, GRANT:0.4" — each part a code and
 * its share, a fraction ("60%" is read as 0.6). A code holding ":" or a separator is quoted.
 */
export function readFund(raw: unknown): ReadCell<string | { fund: string; share: string }[]> {
  const text = readText(raw, true);
  if (!text.ok) return text;
  const items = splitListItems(text.value ?? '');
  const hint = `a fund is a code such as GF, or shares such as "GF:0.6, GRANT:0.4", found ${shown(raw)}`;
  if (!items || items.length === 0) return { ok: false, reason: hint };
  const parts: { fund: string; share: string }[] = [];
  for (const item of items) {
    let code = item.text;
    let share: string | undefined;
    const colon = item.quoted ? (item.tail === '' ? -1 : 0) : code.lastIndexOf(':');
    if (colon >= 0) {
      const shareText = item.quoted ? item.tail.slice(1) : code.slice(colon + 1);
      if (!item.quoted) code = code.slice(0, colon).trim();
      const read = readDecimal('rate', shareText.trim());
      if (!read.ok || read.value === undefined) return { ok: false, reason: hint };
      share = read.value;
    }
    if (share === undefined) {
      if (items.length > 1) return { ok: false, reason: `give each fund of a split its share, such as "GF:0.6, GRANT:0.4", found ${shown(raw)}` };
      return { ok: true, value: code };
    }
    parts.push({ fund: code, share });
  }
  return { ok: true, value: parts };
}

/** An empty band list (a provision that removes longevity) is written as this word. */
export const NO_BANDS = 'none';

export function readBands(raw: unknown): ReadCell<{ years: number; percent: string }[]> {
  const text = readText(raw, true);
  if (!text.ok) return text;
  if (text.value?.toLowerCase() === NO_BANDS) return { ok: true, value: [] };
  const bands: { years: number; percent: string }[] = [];
  for (const part of (text.value ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const m = /^(\d{1,3})\s*:\s*(.+)$/.exec(part);
    const percent = m ? readDecimal('rate', m[2]!) : undefined;
    if (!m || !percent || !percent.ok || percent.value === undefined) {
      return { ok: false, reason: `bands are written "years:percent; years:percent" such as "10:0.025; 20:0.05", found ${shown(part)}` };
    }
    bands.push({ years: Number(m[1]), percent: percent.value });
  }
  return { ok: true, value: bands };
}

/** Reads one cell of a column kind; an empty cell reads as `undefined`. */
export function readCell(kind: ColumnKind, raw: unknown, options: ReadOptions = {}): ReadCell<unknown> {
  if (isEmptyCell(raw) && !(kind === 'text' && typeof raw === 'string' && raw !== '')) return { ok: true, value: undefined };
  switch (kind) {
    case 'text':
      return readText(raw, false);
    case 'code':
      return readText(raw, true);
    case 'enum': {
      const text = readText(raw, true);
      if (!text.ok || !options.choices || text.value === undefined) return text;
      const match = options.choices.find((c) => c.toLowerCase() === text.value!.toLowerCase());
      return match ? { ok: true, value: match } : { ok: false, reason: `must be one of ${options.choices.join(', ')}, found ${shown(text.value)}` };
    }
    case 'integer':
      return readInteger(raw);
    case 'decimal':
    case 'money':
    case 'rate':
    case 'stepRate':
      return readDecimal(kind, raw, options);
    case 'date':
      return readDate(raw);
    case 'boolean':
      return readBoolean(raw);
    case 'list':
      return readList(raw);
    case 'fiscalYears':
      return readFiscalYears(raw);
    case 'bands':
      return readBands(raw);
    case 'fund':
      return readFund(raw);
  }
}
