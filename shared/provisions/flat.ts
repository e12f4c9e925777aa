import { z } from 'zod';
import { decimalString, fieldKinds, int, requiredField } from '../schemas/primitives.js';
import { departmentCode, fundSchema } from '../schemas/funds.js';
import { defineProvision, label } from './provisionKind.js';
import { plainMoney } from './wording.js';

const fiscalYearName = z
  .union([int(1900, 9999), z.string().regex(/^FY\d{4}$/, { error: 'must name a fiscal year such as "FY2027"' })], {
    error: (issue) => (issue.input === undefined ? 'is required' : 'must name a fiscal year such as "FY2027" (or 2027)'),
  })
  .transform((fy) => (typeof fy === 'number' ? `FY${fy}` : fy));
const fiscalYears = z.array(fiscalYearName, { error: requiredField }).min(1, { error: 'name at least one fiscal year' });
fieldKinds.add(fiscalYears, { kind: 'fiscalYears' });

export const flat = defineProvision({
  type: 'flat',
  name: 'Fixed cost',
  schema: z.strictObject({
    type: z.literal('flat'),
    amount: decimalString,
    fiscalYears,
    fund: fundSchema.optional(),
    department: departmentCode.optional(),
    label,
  }),
  describe: (p) => {
    const fund =
      p.fund === undefined ? '' : typeof p.fund === 'string' ? `, fund ${p.fund}` : `, funds ${p.fund.map((f) => `${f.fund} ${f.share}`).join(', ')}`;
    const department = p.department === undefined ? '' : `, department ${p.department}`;
    return `Fixed cost ${plainMoney(p.amount)} in ${p.fiscalYears.join(', ')}${fund}${department}`;
  },
  date: () => null,
  effects: { timing: 'fiscalYears', flat: (p) => ({ amount: p.amount, fiscalYears: p.fiscalYears, fund: p.fund, department: p.department }) },
});
