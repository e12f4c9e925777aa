import { z } from 'zod';
import { roundTo } from '../money.js';
import { decimalString, isoDate } from '../schemas/primitives.js';
import { classes, defineProvision, label } from './provisionKind.js';
import { forClasses, plainDate, plainMoney } from './wording.js';

export const flatIncrease = defineProvision({
  type: 'flatIncrease',
  name: 'Flat increase',
  schema: z.strictObject({ type: z.literal('flatIncrease'), amount: decimalString, effective: isoDate, classes, label }),
  describe: (p) => `Flat increase ${plainMoney(p.amount)} on every rate${forClasses(p.classes)} (${plainDate(p.effective)})`,
  date: (p) => p.effective,
  schedule: { apply: (rates, p, s) => rates.map((r) => roundTo(r.plus(p.amount), s.ratePlaces)) },
});
