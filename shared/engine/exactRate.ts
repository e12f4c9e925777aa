import { Decimal } from '../money.js';
import { fixed } from './fixedPoint.js';

/**
 * A decimal rate as an integer numerator over a power of ten, so the inner costing loop can take
 * round₂(rate × cents) with integer arithmetic and no binary fractions.
 */
export interface ExactRate {
  readonly numerator: number;
  readonly scale: number; // 10^places
  /** Largest |cents| whose product with the numerator is exact in a double (0: always use BigInt). */
  readonly safeCents: number;
  readonly big: { numerator: bigint; scale: bigint };
}

export function exactRate(value: Decimal | string): ExactRate {
  // Read exactly from the digits (a Decimal product would round past 60 significant digits).
  const exact = fixed(new Decimal(value));
  const places = exact.places;
  const big = { numerator: exact.n, scale: 10n ** BigInt(places) };
  const n = Number(exact.n);
  const scale = 10 ** places;
  const safeCents = Number.isSafeInteger(n) && Number.isSafeInteger(scale) && n !== 0 ? Math.floor(Number.MAX_SAFE_INTEGER / Math.abs(n)) : 0;
  return { numerator: n, scale, safeCents, big };
}

/** round(a / d) half away from zero, for safe integers a and a positive safe integer d. */
export function divideRounded(a: number, d: number): number {
  const negative = a < 0;
  const x = negative ? -a : a;
  let q = Math.floor(x / d);
  let r = x - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (2 * r >= d) q += 1;
  return negative ? -q : q;
}

function divideRoundedBig(a: bigint, d: bigint): bigint {
  const negative = a < 0n;
  const x = negative ? -a : a;
  let q = x / d;
  if (2n * (x - q * d) >= d) q += 1n;
  return negative ? -q : q;
}

/** round₂(rate × amount) for an amount in integer cents; the result in cents. */
export function applyRate(cents: number, rate: ExactRate): number {
  if (cents === 0 || rate.numerator === 0) return 0;
  if (cents <= rate.safeCents && cents >= -rate.safeCents) return divideRounded(cents * rate.numerator, rate.scale);
  return Number(divideRoundedBig(BigInt(cents) * rate.big.numerator, rate.big.scale));
}

export function decimalToCents(value: Decimal): number {
  const cents = value.times(100);
  if (!cents.isInteger()) throw new RangeError(`not rounded to cents: ${value.toString()}`);
  return cents.toNumber();
}
