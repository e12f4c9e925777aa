import { z } from 'zod';
import { code, isoDate, nonNegativeDecimal } from '../schemas/primitives.js';
import { classes, defineProvision, label } from './provisionKind.js';
import { forClasses, plainDate, plainMoney } from './wording.js';

export const health = defineProvision({
  type: 'health',
  name: 'Health contribution',
  schema: z.strictObject({ type: z.literal('health'), effective: isoDate, tier: code, monthly: nonNegativeDecimal, classes, label }),
  describe: (p) => `Health contribution ${p.tier} ${plainMoney(p.monthly)} a month${forClasses(p.classes)} (${plainDate(p.effective)})`,
  date: (p) => p.effective,
  effects: { health: (p) => ({ tier: p.tier, monthly: p.monthly }) },
});
