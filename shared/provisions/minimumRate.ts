import { z } from 'zod';
import { Decimal } from '../money.js';
import { choice, isoDate, positiveDecimal } from '../schemas/primitives.js';
import { classes, defineProvision, label, type RateBasis, type ScheduleSettings } from './provisionKind.js';
import { forClasses, plainDate, plainMoney } from './wording.js';

export const rateBases = ['hourly', 'annual', 'monthly', 'biweekly'] as const;

/** A rate in `basis` × this = a year's pay: hourly H, annual 1, monthly 12, biweekly 26 (§3). */
export function ratesPerYear(basis: RateBasis, hoursPerYear: number): number {
  return { hourly: hoursPerYear, annual: 1, monthly: 12, biweekly: 26 }[basis];
}

/**
 * The floor in the schedule's basis, rounded up to `ratePlaces` (§6): amount × perYear(from) /
 * perYear(to), ceiling taken in exact integer arithmetic so no cell ends below the floor.
 */
export function floorRate(amount: string, from: RateBasis, s: ScheduleSettings): { exact: { numerator: Decimal; denominator: number }; published: Decimal } {
  const numerator = new Decimal(amount).times(ratesPerYear(from, s.hoursPerYear));
  const denominator = ratesPerYear(s.rateBasis, s.hoursPerYear);
  const places = Math.max(0, numerator.decimalPlaces());
  const n = BigInt(numerator.times(new Decimal(10).pow(places)).toFixed(0)) * 10n ** BigInt(s.ratePlaces);
  const d = BigInt(denominator) * 10n ** BigInt(places);
  const ceiling = (n + d - 1n) / d;
  return { exact: { numerator, denominator }, published: new Decimal(ceiling.toString()).dividedBy(new Decimal(10).pow(s.ratePlaces)) };
}

export const minimumRate = defineProvision({
  type: 'minimumRate',
  name: 'Pay floor',
  schema: z.strictObject({
    type: z.literal('minimumRate'),
    amount: positiveDecimal,
    effective: isoDate,
    rateBasis: choice(rateBases).optional(),
    classes,
    label,
  }),
  describe: (p) => `Pay floor ${plainMoney(p.amount)}${p.rateBasis === undefined ? '' : ` ${p.rateBasis}`}${forClasses(p.classes)} (${plainDate(p.effective)})`,
  date: (p) => p.effective,
  schedule: {
    apply: (rates, p, s) => {
      const floor = floorRate(p.amount, p.rateBasis ?? s.rateBasis, s);
      // cell < numerator / denominator, compared without dividing.
      return rates.map((r) => (r.times(floor.exact.denominator).lt(floor.exact.numerator) ? floor.published : r));
    },
  },
});
