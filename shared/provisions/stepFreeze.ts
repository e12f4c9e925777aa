import { z } from 'zod';
import { choice, int, isoDate } from '../schemas/primitives.js';
import { classes, defineProvision, label } from './provisionKind.js';
import { forClasses, plainDate } from './wording.js';

export const stepFreezeModes = ['keep', 'slide'] as const;

export const stepFreeze = defineProvision({
  type: 'stepFreeze',
  name: 'Step freeze',
  schema: z.strictObject({
    type: z.literal('stepFreeze'),
    effective: isoDate,
    months: int(1, 120),
    mode: choice(stepFreezeModes).default('keep'),
    classes,
    label,
  }),
  describe: (p) =>
    `Step freeze for ${p.months} month${p.months === 1 ? '' : 's'}, ${p.mode === 'keep' ? 'step dates kept' : 'step dates slide'}${forClasses(p.classes)} (${plainDate(p.effective)})`,
  date: (p) => p.effective,
  effects: { steps: (p) => ({ freeze: { months: p.months, mode: p.mode } }) },
});
