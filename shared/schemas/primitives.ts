import { z } from 'zod';
import { isValidIsoDate } from '../dates.js';
import { DECIMAL_PATTERN } from '../money.js';
import { Decimal } from '../money.js';

/** A decimal written as a JSON string ("45.12"); a JSON number is refused so no float sneaks in. */
export const decimalString = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a decimal string such as "45.12", not a JSON number') })
  .regex(DECIMAL_PATTERN, { message: 'must be a decimal string such as "45.12"' });

function boundedDecimal(check: (d: Decimal) => boolean, message: string) {
  // zod runs a refinement even after the pattern check failed: only judge well-formed decimals.
  return decimalString.refine((s) => !DECIMAL_PATTERN.test(s) || check(new Decimal(s)), { message });
}

export const nonNegativeDecimal = boundedDecimal((d) => d.gte(0), 'must not be negative');
export const positiveDecimal = boundedDecimal((d) => d.gt(0), 'must be greater than zero');
/** A fractional change such as a raise ("0.03"); below -100% is impossible. */
export const percentChange = boundedDecimal((d) => d.gt(-1), 'must be greater than -1 (a fraction: 0.03 is 3%)');
/** A rate or share between 0 and 1 inclusive ("0.1325"). */
export const unitFraction = boundedDecimal((d) => d.gte(0) && d.lte(1), 'must be between 0 and 1 (a fraction: 0.0145 is 1.45%)');
export const fteFraction = boundedDecimal((d) => d.gt(0) && d.lte(1), 'must be greater than 0 and at most 1');

export const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine(isValidIsoDate, { message: 'must be a calendar date written YYYY-MM-DD' });

export const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .number({ error: 'must be a whole number' })
    .int({ message: 'must be a whole number' })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` });

export const code = z.string().min(1, { message: 'must not be empty' }).max(64, { message: 'must be at most 64 characters' });
