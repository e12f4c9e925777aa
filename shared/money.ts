import { Decimal as DecimalBase } from 'decimal.js';

/**
 * The one Decimal type of the product: 60 significant digits, so products of rates, FTEs and
 * hours stay exact until the single rounding to cents. ROUND_HALF_UP in decimal.js rounds half
 * away from zero (-0.005 -> -0.01), as COSTING.md §1 requires.
 */
export const Decimal = DecimalBase.clone({ precision: 60, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

export function dec(value: string | number | Decimal): Decimal {
  return new Decimal(value);
}

/** Round half away from zero to `places` places. */
export function roundTo(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

export function roundCents(value: Decimal): Decimal {
  return roundTo(value, 2);
}

/** Money leaves as a decimal string with exactly 2 places. */
export function formatMoney(value: Decimal): string {
  return fixNegativeZero(roundCents(value).toFixed(2));
}

/** Ratios leave as a decimal string with exactly 6 places. */
export function formatRatio(value: Decimal): string {
  return fixNegativeZero(roundTo(value, 6).toFixed(6));
}

/** Integer cents (a JS number, exact below 2^53) to a money string. */
export function centsToMoney(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount out of range: ${cents} cents`);
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  return `${negative ? '-' : ''}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

function fixNegativeZero(text: string): string {
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}
