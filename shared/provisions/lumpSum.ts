import { z } from 'zod';
import { bool, decimalString, isoDate, percent, positiveDecimal } from '../schemas/primitives.js';
import { classes, defineProvision, label } from './provisionKind.js';
import { forClasses, plainDate, plainMoney, plainPercent } from './wording.js';

/** A paid day's share of a year when `daysPerYear` is not given (§3). */
export const DEFAULT_DAYS_PER_YEAR = '260';

export const lumpSum = defineProvision({
  type: 'lumpSum',
  name: 'One-time payment',
  schema: z
    .strictObject({
      type: z.literal('lumpSum'),
      amount: decimalString.optional(),
      percent: percent.optional(),
      days: decimalString.optional(),
      daysPerYear: positiveDecimal.optional(),
      payDate: isoDate,
      prorateByFte: bool().default(false),
      // Absent means false (§9); left out of the output so 1.1 documents keep their shape.
      pensionable: bool().optional(),
      classes,
      label,
    })
    .superRefine((p, ctx) => {
      const given = (['amount', 'percent', 'days'] as const).filter((k) => p[k] !== undefined);
      if (given.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: [given[1] ?? 'amount'],
          message: given.length === 0 ? 'give one of amount, percent or days' : `give exactly one of amount, percent or days, not ${given.join(' and ')}`,
        });
      }
      if (p.prorateByFte && p.amount === undefined && given.length === 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['prorateByFte'],
          message: `prorateByFte goes with amount only: a ${given[0]} lump sum already takes the FTE from the base pay`,
        });
      }
      if (p.daysPerYear !== undefined && p.days === undefined) ctx.addIssue({ code: 'custom', path: ['daysPerYear'], message: 'daysPerYear goes with days' });
    }),
  describe: (p) => {
    const what =
      p.amount !== undefined
        ? `${plainMoney(p.amount)}${p.prorateByFte ? ' prorated by FTE' : ''}`
        : p.percent !== undefined
          ? `${plainPercent(p.percent)} of annual pay`
          : `${p.days} days' pay (${p.daysPerYear ?? DEFAULT_DAYS_PER_YEAR}-day year)`;
    return `One-time payment ${what}${p.pensionable ? ', pensionable' : ''}${forClasses(p.classes)} (paid ${plainDate(p.payDate)})`;
  },
  date: (p) => p.payDate,
  effects: {
    timing: 'paid',
    lumpSum: (p) => ({
      amount: p.amount,
      percent: p.percent,
      days: p.days,
      daysPerYear: p.daysPerYear,
      prorateByFte: p.prorateByFte,
      pensionable: p.pensionable === true,
    }),
  },
});
