import { Decimal } from '../money.js';

/**
 * An exact decimal as a BigInt over a power of ten. The costing's cache-miss path multiplies
 * these and divides once, last (COSTING.md §1), rounding half away from zero to cents.
 */
export interface Fixed {
  readonly n: bigint;
  readonly places: number;
}

const POW10: bigint[] = Array.from({ length: 80 }, (_, i) => 10n ** BigInt(i));

/** 10^places for any number of places (the table covers the usual ones). */
function pow10(places: number): bigint {
  return POW10[places] ?? 10n ** BigInt(places);
}

/** Exact for any decimal: the digits are read from the text, never through a float or a rounded product. */
export function fixed(value: Decimal | string | number): Fixed {
  const text = new Decimal(value).toFixed();
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const point = digits.indexOf('.');
  const places = point === -1 ? 0 : digits.length - point - 1;
  const n = BigInt(point === -1 ? digits : digits.slice(0, point) + digits.slice(point + 1));
  return { n: negative ? -n : n, places };
}

export function integer(value: number | bigint): Fixed {
  return { n: BigInt(value), places: 0 };
}

export function times(a: Fixed, b: Fixed): Fixed {
  return { n: a.n * b.n, places: a.places + b.places };
}

export function plus(a: Fixed, b: Fixed): Fixed {
  if (a.places === b.places) return { n: a.n + b.n, places: a.places };
  if (a.places > b.places) return { n: a.n + b.n * pow10(a.places - b.places), places: a.places };
  return { n: a.n * pow10(b.places - a.places) + b.n, places: b.places };
}

export const ZERO: Fixed = { n: 0n, places: 0 };
export const ONE: Fixed = { n: 1n, places: 0 };

/** round₂(numerator / denominator) in integer cents, half away from zero. */
export function centsOf(numerator: Fixed, denominator: bigint = 1n): number {
  let num = numerator.n * 100n;
  let den = denominator * pow10(numerator.places);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const x = negative ? -num : num;
  let q = x / den;
  if (2n * (x - q * den) >= den) q += 1n;
  const cents = Number(negative ? -q : q);
  if (!Number.isSafeInteger(cents)) throw new RangeError('amount out of range');
  return cents;
}

/** round₂(numerator / denominator) for a decimal denominator (paid days over a work year). */
export function centsOfRatio(numerator: Fixed, denominator: Fixed): number {
  return centsOf({ n: numerator.n * pow10(denominator.places), places: numerator.places }, denominator.n);
}
