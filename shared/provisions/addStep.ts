import { z } from 'zod';
import { Decimal, roundTo } from '../money.js';
import { isoDate, percent } from '../schemas/primitives.js';
import { classes, defineProvision, label } from './provisionKind.js';
import { forClasses, plainDate, plainPercent } from './wording.js';

export const addStep = defineProvision({
  type: 'addStep',
  name: 'New top step',
  schema: z.strictObject({ type: z.literal('addStep'), percent, effective: isoDate, classes, label }),
  describe: (p) => `New top step ${plainPercent(p.percent)} above the top${forClasses(p.classes)} (${plainDate(p.effective)})`,
  date: (p) => p.effective,
  effects: { steps: () => ({ addTopStep: true }) },
  schedule: {
    apply: (rates, p, s) => {
      const top = rates[rates.length - 1]!;
      return [...rates, roundTo(top.times(new Decimal(1).plus(p.percent)), s.ratePlaces)];
    },
  },
});
