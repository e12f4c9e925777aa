import type { AmountPer } from '../schemas/scenario.js';
import { applyRate, type ExactRate } from './exactRate.js';
import { ONE, ZERO, centsOf, integer, plus, times, type Fixed } from './fixedPoint.js';

/** A special pay as in force for a class: a percent of base pay, or an amount per hour/period/month/year. */
export type PayDefinition =
  | { kind: 'percent'; percent: ExactRate; percentFixed: Fixed; pensionable: boolean }
  | { kind: 'amount'; amount: Fixed; per: AmountPer; pensionable: boolean };

/** One employee's pay for one period (COSTING.md §3), in integer cents. */
export interface PayAmounts {
  base: number;
  specialPays: number;
  longevity: number;
  overtime: number;
  /** base + pensionable special pays + longevity */
  pensionable: number;
  /** base + all special pays + longevity + overtime (lump sums are added per period) */
  taxable: number;
}

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

export interface PayInputs {
  rate: Fixed;
  base: number;
  fte: Fixed;
  pays: readonly PayDefinition[];
  longevityPercent: ExactRate;
  longevityPercentFixed: Fixed;
  overtimeHours: Fixed;
  overtimeMultiplier: Fixed;
  basis: PayBasis;
  amountPay: (def: Extract<PayDefinition, { kind: 'amount' }>) => number;
}

export function payAmounts(input: PayInputs): PayAmounts {
  const base = input.base;
  let specialPays = 0;
  let pensionableSpecial = 0;
  let percentSum = ZERO;
  let amountPartTimesHours = ZERO;
  for (const pay of input.pays) {
    let amount: number;
    if (pay.kind === 'percent') {
      amount = applyRate(base, pay.percent);
      percentSum = plus(percentSum, pay.percentFixed);
    } else {
      amount = input.amountPay(pay);
      amountPartTimesHours = plus(amountPartTimesHours, regularRatePartTimesHours(pay.amount, pay.per, input.basis));
    }
    specialPays += amount;
    if (pay.pensionable) pensionableSpecial += amount;
  }
  const longevity = applyRate(base, input.longevityPercent);

  let overtime = 0;
  if (input.overtimeHours.n !== 0n) {
    // Regular rate × H = rate × (year factor) × (1 + percents + longevity) + amount parts × H;
    // overtime = round₂(hours × multiplier × regular rate / P), with the one division last.
    const percents = plus(ONE, plus(percentSum, input.longevityPercentFixed));
    const regularTimesHours = plus(times(times(input.rate, integer(input.basis.ratePerYear)), percents), amountPartTimesHours);
    overtime = centsOf(times(times(input.overtimeHours, input.overtimeMultiplier), regularTimesHours), input.basis.hoursPerYear * input.basis.periodsPerYear);
  }
  return {
    base,
    specialPays,
    longevity,
    overtime,
    pensionable: base + pensionableSpecial + longevity,
    taxable: base + specialPays + longevity + overtime,
  };
}
