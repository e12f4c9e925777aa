import { z } from 'zod';
import { isValidIsoDate } from '../dates.js';
import { DECIMAL_PATTERN } from '../money.js';
import { Decimal } from '../money.js';
import './zodMessages.js';

/**
 * What a field holds, for the workbook layout and the pane's proposal builder (COSTING.md §9):
 * read from the schema by `fieldKinds`, so a field's kind is written once, where it is defined.
 */
export type FieldKind = 'percent' | 'decimal' | 'date' | 'int' | 'choice' | 'classes' | 'text' | 'boolean' | 'fiscalYears';
export const fieldKinds = z.registry<{ kind: FieldKind }>();

function ofKind<T extends z.ZodType>(schema: T, kind: FieldKind): T {
  fieldKinds.add(schema, { kind });
  return schema;
}

/** The error option of every schema a missing key can reach: a missing field "is required" (§9). */
export const requiredField = (issue: { code?: string; input?: unknown }): string | undefined =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;
const requiredOr = (otherwise: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : otherwise);

/** COSTING.md §1 bounds on every decimal string. */
export const MAX_DECIMAL_PLACES = 10;
export const MAX_STEPS = 99;
export const MAX_FISCAL_YEARS = 10;
export const MAX_PROVISIONS = 200;
export const MAX_PROPOSALS = 20;

function decimalProblem(text: string, example = '"45.12"'): string | null {
  if (!DECIMAL_PATTERN.test(text)) return `must be a decimal string such as ${example}`;
  const point = text.indexOf('.');
  if (point !== -1 && text.length - point - 1 > MAX_DECIMAL_PLACES)
    return `has ${text.length - point - 1} decimal places: at most ${MAX_DECIMAL_PLACES} are allowed`;
  // |x| < 10¹² exactly when the whole part, leading zeros aside, has at most 12 digits (read from the text: rosters are large).
  const whole = (point === -1 ? text : text.slice(0, point)).replace(/^-?0*/, '');
  if (whole.length > 12) return 'must be below 1000000000000 (10¹²) in absolute value';
  return null;
}

function wellFormed(text: string): boolean {
  return decimalProblem(text) === null;
}

/** A decimal written as a JSON string; a JSON number is refused so no float sneaks in. `example` shows the field's kind of value. */
const decimalStringShowing = (example: string, problemOf: (text: string) => string | null) =>
  ofKind(
    z.string({ error: requiredOr(`must be a decimal string such as ${example}, not a JSON number`) }).superRefine((text, ctx) => {
      const problem = problemOf(text);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    }),
    'decimal',
  );

/** A decimal written as a JSON string ("45.12"). */
export const decimalString = decimalStringShowing('"45.12"', (text) => decimalProblem(text));

const PERCENT_SIGN = /^\s*(-?\d+(\.\d+)?)\s*%\s*$/;

/** A percent as a JSON string: "0.03" is 3%; "3%" is said how to write. */
const percentString = decimalStringShowing('"0.03" (3%)', (text) => {
  const signed = PERCENT_SIGN.exec(text);
  if (signed) return `write "${new Decimal(signed[1]!).div(100).toString()}" for ${signed[1]!}%: a percent is a fraction, without the % sign`;
  return decimalProblem(text, '"0.03" (3%)');
});

/** How many distinct texts each bounded decimal remembers its verdict on. */
const JUDGED_TEXTS = 10_000;

function boundedDecimal(check: (d: Decimal) => boolean, message: string | ((d: Decimal) => string), kind: FieldKind = 'decimal') {
  // Roster values repeat (FTE "1", overtime "0"): each distinct text is judged once, up to a bound
  // so a long-running server's memo cannot grow without limit.
  const judged = new Map<string, string | null>();
  const problemOf = (text: string): string | null => {
    let problem = judged.get(text);
    if (problem === undefined) {
      // The refinement runs even after the format check failed: only judge well-formed decimals
      // (decimalString has said what is wrong with the others).
      if (!wellFormed(text)) problem = null;
      else {
        const d = new Decimal(text);
        problem = check(d) ? null : typeof message === 'string' ? message : message(d);
      }
      if (judged.size < JUDGED_TEXTS) judged.set(text, problem);
    }
    return problem;
  };
  return ofKind(
    (kind === 'percent' ? percentString : decimalString).superRefine((text, ctx) => {
      const problem = problemOf(text);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    }),
    kind,
  );
}

/** "3 would be 300%: write 0.03 for 3%" — the mistake a percent field invites. */
function asPercentHint(d: Decimal): string {
  const fraction = d.dividedBy(100);
  // Only a hint that is itself a valid percent: 250000 was not meant as 2500 (a typo, not a percent).
  if (fraction.abs().lt(1) && fraction.decimalPlaces() <= MAX_DECIMAL_PLACES)
    return `${d.toString()} would be ${d.times(100).toString()}%: write ${fraction.toString()} for ${d.toString()}%`;
  return `${d.toString()} is out of range: a percent is a fraction between -1 and 1 (0.03 is 3%)`;
}

export const nonNegativeDecimal = boundedDecimal((d) => d.gte(0), 'must not be negative');
export const positiveDecimal = boundedDecimal((d) => d.gt(0), 'must be greater than zero');
/** A percent (§1): a fraction strictly between −1 and 1, 0.03 is 3%. */
export const percent = boundedDecimal((d) => d.gt(-1) && d.lt(1), asPercentHint, 'percent');
/** A percent that cannot be negative (a special pay or longevity band). */
export const nonNegativePercent = boundedDecimal(
  (d) => d.gte(0) && d.lt(1),
  (d) => (d.lt(0) ? 'must not be negative' : asPercentHint(d)),
  'percent',
);
/** A rate (pension, roll-up, Medicare, Social Security): a fraction in [0, 1). */
export const rate = boundedDecimal(
  (d) => d.gte(0) && d.lt(1),
  (d) => (d.lt(0) ? 'must not be negative (a rate is a fraction: 0.0145 is 1.45%)' : asPercentHint(d)),
  'percent',
);
/** A change to a rate: a fraction strictly between −1 and 1. */
export const delta = boundedDecimal((d) => d.gt(-1) && d.lt(1), asPercentHint, 'percent');
/**
 * A roster row's FTE. COSTING.md bounds it only as a decimal (§1): 0.5 is half time; above 1 (a row
 * budgeted at 1.25) and 0 (a position carried unfunded) cost as written, and `validate` warns of both
 * (costingIssues.ts, rosterWarnings).
 */
export const fte = boundedDecimal((d) => d.gte(0), 'must not be negative (1 is full time, 0.5 half time)');
/** A fund's share of a row: in (0, 1]. */
export const share = boundedDecimal((d) => d.gt(0) && d.lte(1), 'must be greater than 0 and at most 1 (a fraction: 0.6 is 60%)');

export const isoDate = ofKind(
  z.string({ error: requiredOr('must be a date written YYYY-MM-DD') }).superRefine((text, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) ctx.addIssue({ code: 'custom', message: 'must be a date written YYYY-MM-DD' });
    else if (!isValidIsoDate(text)) ctx.addIssue({ code: 'custom', message: `${text} does not exist` });
  }),
  'date',
);

export const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  ofKind(
    z
      .number({ error: requiredOr('must be a whole number') })
      .int({ error: 'must be a whole number' })
      .min(min, { error: `must be at least ${min}` })
      .max(max, { error: `must be at most ${max}` }),
    'int',
  );

/**
 * Characters a workbook (XML 1.0) cannot hold: C0 controls but tab, newline and carriage return,
 * U+FFFE, U+FFFF and unpaired surrogates (https://www.w3.org/TR/xml/#charsets).
 */
export function unsafeCharacters(text: string): string[] {
  // Made on the first bad character: nearly every text has none, and a roster has hundreds of thousands.
  let found: Set<string> | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    const bad = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff);
    if (bad) (found ??= new Set<string>()).add(`U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return found === null ? [] : [...found];
}

/** Free text (labels, titles, names): refuses what a workbook cannot hold, naming the characters. */
export const freeText = (min: number, max: number) =>
  ofKind(
    z
      .string({ error: requiredOr('must be text') })
      .min(min, { error: min === 1 ? 'must not be empty' : `must be at least ${min} characters` })
      .max(max, { error: `must be at most ${max} characters` })
      .superRefine((text, ctx) => {
        const bad = unsafeCharacters(text);
        if (bad.length > 0)
          ctx.addIssue({ code: 'custom', message: `contains ${bad.join(', ')}, which a workbook cannot hold: remove ${bad.length === 1 ? 'it' : 'them'}` });
      }),
    'text',
  );

export const code = freeText(1, 64);

/**
 * Entries keyed by code (pension and health tiers, special pays). A key `__proto__` is refused where
 * it is written: zod drops it (as a key it would set the object's prototype), so its entries would
 * silently vanish and every row naming it would read as unknown.
 */
export const codeRecord = <T extends z.ZodType>(value: T) =>
  z.preprocess(
    (input, ctx) => {
      if (typeof input === 'object' && input !== null && Object.hasOwn(input, '__proto__'))
        ctx.addIssue({
          code: 'custom',
          path: ['__proto__'],
          message: "__proto__ cannot be a code (it names every object's prototype): rename it here and where rows use it",
        });
      return input;
    },
    z.record(code, value),
  );

/** A choice among fixed words; the words are the schema's, so every reader lists the same. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  ofKind(z.enum(values, { error: (issue) => (issue.input === undefined ? 'is required' : `must be one of ${values.join(', ')}`) }), 'choice');

export const bool = () => ofKind(z.boolean({ error: requiredOr('must be true or false') }), 'boolean');

/** A list of class codes a provision is limited to. */
export const classCodes = (message: string) => ofKind(z.array(code, { error: requiredField }).min(1, { error: message }), 'classes');
