import { z } from 'zod';
import { roundTo } from '../money.js';
import { Decimal } from '../money.js';
import { MAX_STEPS, code, int, isoDate, positiveDecimal } from '../schemas/primitives.js';
import { defineProvision, label } from './provisionKind.js';
import { plainDate, plainMoney } from './wording.js';

export const setRate = defineProvision({
  type: 'setRate',
  name: 'Set a rate',
  schema: z.strictObject({ type: z.literal('setRate'), class: code, step: int(1, MAX_STEPS), amount: positiveDecimal, effective: isoDate, label }),
  describe: (p) => `Set a rate: ${p.class} step ${p.step} to ${plainMoney(p.amount)} (${plainDate(p.effective)})`,
  date: (p) => p.effective,
  affects: (p, classCode) => p.class === classCode,
  schedule: {
    apply: (rates, p, s, fail) => {
      if (p.step > rates.length)
        fail(
          `class ${p.class} has no step ${p.step} on ${p.effective} (${rates.length} steps): a provision that creates the step must come before this one: listed before it, and dated on or before ${p.effective}`,
          'step',
        );
      return rates.map((r, i) => (i === p.step - 1 ? roundTo(new Decimal(p.amount), s.ratePlaces) : r));
    },
  },
});
