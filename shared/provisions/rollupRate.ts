import { z } from 'zod';
import { delta, freeText, isoDate, rate } from '../schemas/primitives.js';
import { classes, defineProvision, label } from './provisionKind.js';
import { plainRateOrDelta, rateOrDeltaIssues } from './rateOrDelta.js';
import { forClasses, plainDate } from './wording.js';

export const rollupRate = defineProvision({
  type: 'rollupRate',
  name: 'Roll-up rate change',
  schema: z
    .strictObject({ type: z.literal('rollupRate'), name: freeText(1, 100), effective: isoDate, rate: rate.optional(), delta: delta.optional(), classes, label })
    .superRefine(rateOrDeltaIssues),
  describe: (p) => `Roll-up rate change, ${p.name}, ${plainRateOrDelta(p)}${forClasses(p.classes)} (${plainDate(p.effective)})`,
  date: (p) => p.effective,
  effects: { rateChange: (p) => ({ target: 'rollup', name: p.name, rate: p.rate, delta: p.delta }) },
});
