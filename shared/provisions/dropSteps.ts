import { z } from 'zod';
import { MAX_STEPS, classCodes, int, isoDate } from '../schemas/primitives.js';
import { defineProvision, label } from './provisionKind.js';
import { forClasses, plainDate } from './wording.js';

export const dropSteps = defineProvision({
  type: 'dropSteps',
  name: 'Drop bottom steps',
  schema: z.strictObject({
    type: z.literal('dropSteps'),
    classes: classCodes('dropSteps needs the classes it applies to'),
    count: int(1, MAX_STEPS - 1),
    effective: isoDate,
    label,
  }),
  describe: (p) => `Drop bottom ${p.count === 1 ? 'step' : `${p.count} steps`}${forClasses(p.classes)} (${plainDate(p.effective)})`,
  date: (p) => p.effective,
  effects: { steps: (p) => ({ drop: p.count }) },
  schedule: {
    apply: (rates, p, _s, fail) => {
      if (p.count >= rates.length)
        fail(`a class must keep at least one step: it has ${rates.length} on ${p.effective}, and ${p.count} would be dropped`, 'count');
      return rates.slice(p.count);
    },
    stepsDropped: (p) => p.count,
  },
});
