import { z } from 'zod';
import { int, isoDate, nonNegativePercent } from '../schemas/primitives.js';
import { requiredField } from '../schemas/primitives.js';
import { classes, defineProvision, label } from './provisionKind.js';
import { forClasses, plainDate, plainPercent } from './wording.js';

export const longevityBandSchema = z.strictObject({ years: int(0, 80), percent: nonNegativePercent });
export const longevityBands = z.array(longevityBandSchema, { error: requiredField }).superRefine((bands, ctx) => {
  const seen = new Set<number>();
  bands.forEach((b, i) => {
    if (seen.has(b.years)) ctx.addIssue({ code: 'custom', path: [i, 'years'], message: `two bands at ${b.years} years` });
    seen.add(b.years);
  });
});

export const longevity = defineProvision({
  type: 'longevity',
  name: 'Longevity pay',
  schema: z.strictObject({ type: z.literal('longevity'), effective: isoDate, bands: longevityBands, classes, label }),
  describe: (p) =>
    `Longevity pay ${p.bands.length === 0 ? 'removed' : p.bands.map((b) => `${plainPercent(b.percent)} from ${b.years} years`).join(', ')}${forClasses(p.classes)} (${plainDate(p.effective)})`,
  date: (p) => p.effective,
  effects: { longevityBands: (p) => p.bands },
});
