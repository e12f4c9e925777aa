import { z } from 'zod';
import { classCodes, isoDate, percent } from '../schemas/primitives.js';
import { raiseRates } from './gwi.js';
import { defineProvision, label } from './provisionKind.js';
import { forClasses, plainDate, plainPercent } from './wording.js';

export const equity = defineProvision({
  type: 'equity',
  name: 'Equity adjustment',
  schema: z.strictObject({ type: z.literal('equity'), percent, effective: isoDate, classes: classCodes('equity needs the classes it applies to'), label }),
  describe: (p) => `Equity adjustment ${plainPercent(p.percent)}${forClasses(p.classes)} (${plainDate(p.effective)})`,
  date: (p) => p.effective,
  schedule: { apply: (rates, p, s) => raiseRates(rates, p.percent, s.ratePlaces) },
});
