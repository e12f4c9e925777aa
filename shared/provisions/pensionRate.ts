import { z } from 'zod';
import { code, delta, isoDate, rate } from '../schemas/primitives.js';
import { classes, defineProvision, label } from './provisionKind.js';
import { plainRateOrDelta, rateOrDeltaIssues } from './rateOrDelta.js';
import { forClasses, plainDate } from './wording.js';

export const pensionRate = defineProvision({
  type: 'pensionRate',
  name: 'Pension rate change',
  schema: z
    .strictObject({ type: z.literal('pensionRate'), effective: isoDate, tier: code, rate: rate.optional(), delta: delta.optional(), classes, label })
    .superRefine(rateOrDeltaIssues),
  describe: (p) => `Pension rate change, tier ${p.tier}, ${plainRateOrDelta(p)}${forClasses(p.classes)} (${plainDate(p.effective)})`,
  date: (p) => p.effective,
  effects: { rateChange: (p) => ({ target: 'pension', name: p.tier, rate: p.rate, delta: p.delta }) },
});
