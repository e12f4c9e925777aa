import { z } from 'zod';
import { Decimal } from '../money.js';
import { code, share } from './primitives.js';

/** The key that collects rows and flat amounts with no fund or department (COSTING.md §7). */
export const UNASSIGNED = 'unassigned';

const fundOrDepartmentCode = code.refine((c) => c !== UNASSIGNED, {
  error: `"${UNASSIGNED}" is reserved for rows without a fund or department: use another code`,
});

export const departmentCode = fundOrDepartmentCode;

/** A fund: one code, or a split `[{fund, share}]` whose shares lie in (0, 1] and add up to exactly 1. */
export const fundSchema = z.union(
  [
    fundOrDepartmentCode,
    z
      .array(z.strictObject({ fund: fundOrDepartmentCode, share }), {
        error: (issue) => (issue.input === undefined ? 'is required' : 'must be a fund code or a list of {fund, share}'),
      })
      .min(1, { error: 'list at least one fund' })
      .superRefine((parts, ctx) => {
        const seen = new Set<string>();
        let sum = new Decimal(0);
        let wellFormed = true;
        // A loop rather than forEach, so the type checker sees that `wellFormed` may become false.
        for (const [i, part] of parts.entries()) {
          if (seen.has(part.fund)) ctx.addIssue({ code: 'custom', path: [i, 'fund'], message: `fund ${part.fund} is listed twice` });
          seen.add(part.fund);
          try {
            sum = sum.plus(part.share);
          } catch {
            wellFormed = false;
          }
        }
        if (wellFormed && !sum.eq(1)) ctx.addIssue({ code: 'custom', message: `the shares add up to ${sum.toString()}: they must add up to exactly 1` });
      }),
  ],
  {
    error: (issue) => (issue.input === undefined ? 'is required' : 'must be a fund code ("GF") or a list of {fund, share} whose shares add up to 1'),
  },
);
export type FundInput = z.output<typeof fundSchema>;

/** A fund as a list of parts; a single code is the whole. */
export function fundParts(fund: string | readonly { fund: string; share: string }[] | undefined): readonly { fund: string; share: string }[] {
  if (fund === undefined) return [{ fund: UNASSIGNED, share: '1' }];
  return typeof fund === 'string' ? [{ fund, share: '1' }] : fund;
}
