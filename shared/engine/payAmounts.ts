import type { AmountPer } from '../schemas/scenario.js';
import type { ExactRate } from './exactRate.js';
import { ONE, ZERO, centsOf, integer, plus, times, type Fixed } from './fixedPoint.js';

/**
 * One employee's pay for one period as the costing loop holds it: integer cents in a small
 * Float64Array, at these offsets.
 */
export const PAY_BASE = 0;
export const PAY_SPECIAL_PAYS = 1;
export const PAY_LONGEVITY = 2;
export const PAY_OVERTIME = 3;
/** The pensionable part of the special pays. */
export const PAY_PENSIONABLE_SPECIAL_PAYS = 4;
/** base + pensionable special pays + longevity */
export const PAY_PENSIONABLE = 5;
/** base + all special pays + longevity + overtime (lump sums are added per period) */
export const PAY_TAXABLE = 6;
export const PAY_FIELDS = 7;

/** A special pay as in force for a class: a percent of base pay, or an amount per hour/period/month/year. */
export type PayDefinition =
  | { id: number; kind: 'percent'; percent: ExactRate; percentFixed: Fixed; pensionable: boolean }
  | { id: number; kind: 'amount'; amount: Fixed; per: AmountPer; pensionable: boolean };

/** The schedule's hours H, periods P and rate basis as the multiplier that turns a rate into a year. */
export interface PayBasis {
  hoursPerYear: bigint;
  periodsPerYear: bigint;
  /** hourly: H; annual: 1; monthly: 12; biweekly: 26 — a rate × this is a year's pay. */
  ratePerYear: bigint;
}

/** Base pay = round₂(rate × (year factor) × f / P): hourly r·H·f/P, annual r·f/P, … — divided last. */
export function baseCents(rate: Fixed, fte: Fixed, basis: PayBasis): number {
  return centsOf(times(times(rate, integer(basis.ratePerYear)), fte), basis.periodsPerYear);
}

/** An amount special pay for one period at FTE f: hour a·H·f/P, period a·f, month 12a·f/P, year a·f/P. */
export function amountPayCents(amount: Fixed, per: AmountPer, fte: Fixed, basis: PayBasis): number {
  const af = times(amount, fte);
  switch (per) {
    case 'hour':
      return centsOf(times(af, integer(basis.hoursPerYear)), basis.periodsPerYear);
    case 'period':
      return centsOf(af);
    case 'month':
      return centsOf(times(af, integer(12)), basis.periodsPerYear);
    case 'year':
      return centsOf(af, basis.periodsPerYear);
  }
}

/**
 * An amount pay's part of the FLSA regular rate, times H: its exact per-period amount at f = 1
 * divided by H/P, then × H — hour a·H, period a·P, month 12a, year a. Keeping the × H lets the
 * overtime formula divide once, last.
 */
function regularRatePartTimesHours(amount: Fixed, per: AmountPer, basis: PayBasis): Fixed {
  switch (per) {
    case 'hour':
      return times(amount, integer(basis.hoursPerYear));
    case 'period':
      return times(amount, integer(basis.periodsPerYear));
    case 'month':
      return times(amount, integer(12));
    case 'year':
      return amount;
  }
}

/**
 * Overtime = round₂(hours × multiplier × regular rate / P) with the FLSA regular rate
 * = hourly equivalent × (1 + percent pays + longevity percent) + Σ amount pays' exact per-period
 * amount at f = 1 ÷ (H/P). Kept as regular rate × H so the one division comes last.
 */
export function overtimeCents(
  rate: Fixed,
  pays: readonly PayDefinition[],
  longevityPercent: Fixed,
  overtimeHours: Fixed,
  overtimeMultiplier: Fixed,
  basis: PayBasis,
): number {
  if (overtimeHours.n === 0n) return 0;
  let percents = plus(ONE, longevityPercent);
  let amountPartTimesHours = ZERO;
  for (const pay of pays) {
    if (pay.kind === 'percent') percents = plus(percents, pay.percentFixed);
    else amountPartTimesHours = plus(amountPartTimesHours, regularRatePartTimesHours(pay.amount, pay.per, basis));
  }
  const regularTimesHours = plus(times(times(rate, integer(basis.ratePerYear)), percents), amountPartTimesHours);
  return centsOf(times(times(overtimeHours, overtimeMultiplier), regularTimesHours), basis.hoursPerYear * basis.periodsPerYear);
}
