import { z } from 'zod';
import { isoDate, nonNegativeDecimal } from '../schemas/primitives.js';
import { classes, defineProvision, label } from './provisionKind.js';
import { forClasses, plainDate } from './wording.js';

export const overtimeHours = defineProvision({
  type: 'overtimeHours',
  name: 'Overtime hours',
  schema: z.strictObject({ type: z.literal('overtimeHours'), effective: isoDate, hours: nonNegativeDecimal, classes, label }),
  describe: (p) => `Overtime hours ${p.hours} a year${forClasses(p.classes)} (${plainDate(p.effective)})`,
  date: (p) => p.effective,
  effects: { overtimeHours: (p) => p.hours },
});
