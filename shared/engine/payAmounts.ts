import { Decimal, roundCents } from '../money.js';
import type { AmountPer, RateBasis } from '../schemas/scenario.js';
import { decimalToCents } from './exactRate.js';

/** A special pay as in force for a class: a percent of base pay, or an amount per hour/period/month/year. */
export type PayDefinition =
  | { kind: 'percent'; percent: Decimal; pensionable: boolean }
  | { kind: 'amount'; amount: Decimal; per: AmountPer; pensionable: boolean };

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

export interface PayInputs {
  rate: Decimal;
  rateBasis: RateBasis;
  hoursPerYear: number;
  periodsPerYear: number;
  fte: Decimal;
  pays: readonly PayDefinition[];
  longevityPercent: Decimal;
  overtimeHours: Decimal;
  overtimeMultiplier: Decimal;
}

const BASIS_PER_YEAR: Record<RateBasis, (hoursPerYear: number) => number> = {
  hourly: (h) => h,
  annual: () => 1,
  monthly: () => 12,
  biweekly: () => 26,
};

/** Hourly equivalent of a schedule rate: hourly r; annual r/H; monthly 12r/H; biweekly 26r/H. */
export function hourlyEquivalent(rate: Decimal, basis: RateBasis, hoursPerYear: number): Decimal {
  return rate.times(BASIS_PER_YEAR[basis](hoursPerYear)).dividedBy(hoursPerYear);
}

/** A pay amount converted to one period at FTE f, unrounded: hour a·H/P, period a, month 12a/P, year a/P. */
function amountPerPeriod(amount: Decimal, per: AmountPer, hoursPerYear: number, periodsPerYear: number): Decimal {
  switch (per) {
    case 'hour':
      return amount.times(hoursPerYear).dividedBy(periodsPerYear);
    case 'period':
      return amount;
    case 'month':
      return amount.times(12).dividedBy(periodsPerYear);
    case 'year':
      return amount.dividedBy(periodsPerYear);
  }
}

export function payAmounts(input: PayInputs): PayAmounts {
  const { rate, rateBasis, hoursPerYear: H, periodsPerYear: P, fte } = input;
  // round₂(hourly × (H/P) × f), dividing last.
  const base = roundCents(rate.times(BASIS_PER_YEAR[rateBasis](H)).times(fte).dividedBy(P));

  let specialPays = new Decimal(0);
  let pensionableSpecial = new Decimal(0);
  let percentSum = new Decimal(0);
  let amountRegularRate = new Decimal(0);
  for (const pay of input.pays) {
    let amount: Decimal;
    if (pay.kind === 'percent') {
      amount = roundCents(base.times(pay.percent));
      percentSum = percentSum.plus(pay.percent);
    } else {
      const perPeriod = amountPerPeriod(pay.amount, pay.per, H, P);
      amount = roundCents(perPeriod.times(fte));
      // The FLSA regular rate counts the exact per-period amount at f = 1, per hour worked (H/P).
      amountRegularRate = amountRegularRate.plus(perPeriod.times(P).dividedBy(H));
    }
    specialPays = specialPays.plus(amount);
    if (pay.pensionable) pensionableSpecial = pensionableSpecial.plus(amount);
  }

  const longevity = roundCents(base.times(input.longevityPercent));
  let overtime = new Decimal(0);
  if (!input.overtimeHours.isZero()) {
    const regularRate = hourlyEquivalent(rate, rateBasis, H)
      .times(new Decimal(1).plus(percentSum).plus(input.longevityPercent))
      .plus(amountRegularRate);
    overtime = roundCents(input.overtimeHours.times(input.overtimeMultiplier).times(regularRate).dividedBy(P));
  }

  const baseCents = decimalToCents(base);
  const specialCents = decimalToCents(specialPays);
  const longevityCents = decimalToCents(longevity);
  const overtimeCents = decimalToCents(overtime);
  return {
    base: baseCents,
    specialPays: specialCents,
    longevity: longevityCents,
    overtime: overtimeCents,
    pensionable: baseCents + decimalToCents(pensionableSpecial) + longevityCents,
    taxable: baseCents + specialCents + longevityCents + overtimeCents,
  };
}
