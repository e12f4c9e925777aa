import { z } from 'zod';
import { bool, choice, code, decimalString, isoDate, percent } from '../schemas/primitives.js';
import { classes, defineProvision, label } from './provisionKind.js';
import { forClasses, plainDate, plainMoney, plainPercent } from './wording.js';

export const amountPers = ['hour', 'period', 'month', 'year'] as const;
export type AmountPer = (typeof amountPers)[number];
export const specialPayModes = ['set', 'add'] as const;

/** A special pay is a percent of base pay, or an amount per hour/period/month/year — one, not both. */
export function payShapeIssues(def: { percent?: string | undefined; amount?: string | undefined; per?: string | undefined }, ctx: z.RefinementCtx): void {
  if (def.percent !== undefined && def.amount !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['amount'], message: 'give either percent or amount with per, not both' });
  } else if (def.percent === undefined && def.amount === undefined) {
    ctx.addIssue({ code: 'custom', path: ['percent'], message: 'give percent, or amount with per' });
  } else if (def.amount !== undefined && def.per === undefined) {
    ctx.addIssue({ code: 'custom', path: ['per'], message: 'an amount needs per: hour, period, month or year' });
  } else if (def.percent !== undefined && def.per !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['per'], message: 'per goes with amount, not with percent' });
  }
}

export function plainPay(def: { percent?: string | undefined; amount?: string | undefined; per?: string | undefined }): string {
  return def.percent !== undefined ? `${plainPercent(def.percent)} of base pay` : `${plainMoney(def.amount ?? '0')} per ${def.per ?? 'period'}`;
}

export const specialPay = defineProvision({
  type: 'specialPay',
  name: 'Special pay',
  schema: z
    .strictObject({
      type: z.literal('specialPay'),
      code,
      effective: isoDate,
      percent: percent.optional(),
      amount: decimalString.optional(),
      per: choice(amountPers).optional(),
      pensionable: bool().optional(),
      mode: choice(specialPayModes).default('set'),
      classes,
      label,
    })
    .superRefine((def, ctx) => payShapeIssues(def, ctx)),
  describe: (p) =>
    `Special pay ${p.code} ${p.mode === 'add' ? 'increased by' : 'set to'} ${plainPay(p)}${p.pensionable ? ', pensionable' : ''}${forClasses(p.classes)} (${plainDate(p.effective)})`,
  date: (p) => p.effective,
  effects: {
    specialPay: (p) => ({
      code: p.code,
      percent: p.percent,
      amount: p.amount,
      per: p.per,
      pensionable: p.pensionable,
      mode: p.mode,
      grants: p.classes !== undefined,
    }),
  },
});
