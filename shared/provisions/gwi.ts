import { z } from 'zod';
import { Decimal, roundTo } from '../money.js';
import { isoDate, percent } from '../schemas/primitives.js';
import { classes, defineProvision, label } from './provisionKind.js';
import { forClasses, plainDate, plainPercent } from './wording.js';

/** Every cell × (1 + percent), re-rounded to the schedule's places; shared by gwi and equity. */
export function raiseRates(rates: readonly Decimal[], fraction: string, places: number): Decimal[] {
  const factor = new Decimal(1).plus(fraction);
  return rates.map((r) => roundTo(r.times(factor), places));
}

export const gwi = defineProvision({
  type: 'gwi',
  name: 'General wage increase',
  schema: z.strictObject({ type: z.literal('gwi'), percent, effective: isoDate, classes, label }),
  describe: (p) => `General wage increase ${plainPercent(p.percent)}${forClasses(p.classes)} (${plainDate(p.effective)})`,
  date: (p) => p.effective,
  schedule: { apply: (rates, p, s) => raiseRates(rates, p.percent, s.ratePlaces) },
  effects: { compoundedPercent: (p) => p.percent },
});
