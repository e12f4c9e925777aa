import { z } from 'zod';
import { freeText, isoDate } from '../../shared/schemas/primitives.js';
import { assumptionsSchema, calendarSchema, rosterSchema, termSchema } from '../../shared/schemas/scenario.js';
import { roles, costModelStates } from '../store/store.js';

/** A string field's type error: "required" when it is missing, else what it must be (`{"comment": 123}`). */
const textError = { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : 'must be text (a JSON string)') };

/** Ids in paths and bodies: letters, digits, dash, underscore, dot. */
export const unitId = z.string(textError).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, { error: 'must be 1-64 letters, digits, ".", "_" or "-"' });

/**
 * Text a person types (titles, names, comments, labels), trimmed, and refused with the field named
 * when it holds characters a workbook's XML cannot (the scenario's own texts are checked by its schema).
 */
const typedText = (min: number, max: number) => z.string(textError).trim().pipe(freeText(min, max));

export const createCostModelBody = z.strictObject({
  unitId,
  title: typedText(1, 200),
  scenario: z.unknown().refine((v) => v !== undefined, { error: 'required' }),
});

export const updateCostModelBody = z
  .strictObject({
    title: typedText(1, 200).optional(),
    scenario: z.unknown().optional(),
  })
  .refine((b) => b.title !== undefined || b.scenario !== undefined, { error: 'give a title, a scenario or both' });

export const approveBody = z.strictObject({ comment: typedText(0, 2000).optional() });
export const returnBody = z.strictObject({
  comment: z.string(textError).trim().min(1, { error: 'a return needs a comment' }).pipe(freeText(1, 2000)),
});
export const supersedeBody = z.strictObject({ title: typedText(1, 200).optional() });
export const publishBody = z.strictObject({
  proposal: z.union([z.string().min(1), z.number().int().min(1)], { error: 'must be a proposal name, or its number (1 for the first)' }).optional(),
});
export const submitBody = z.strictObject({});

export const costModelListQuery = z.strictObject({
  unitId: unitId.optional(),
  state: z.enum(costModelStates).optional(),
});

export const asOfQuery = z.strictObject({ asOf: isoDate.optional() });

export const changesQuery = z.strictObject({
  since: z
    .string()
    .regex(/^\d{1,15}$/, { error: 'must be a cursor returned by this feed (or 0)' })
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, { error: 'must be a whole number' })
    .optional(),
});

export const importQuery = z.strictObject({
  dryRun: z.enum(['true', 'false', '1', '0']).optional(),
  effective: isoDate.optional(),
  scheduleId: z.string().min(1).max(64).optional(),
  rateBasis: z.enum(['hourly', 'annual', 'monthly', 'biweekly']).optional(),
  hoursPerYear: z
    .string()
    .regex(/^\d{1,4}$/, { error: 'must be a whole number' })
    .optional(),
  ratePlaces: z.string().regex(/^\d$/, { error: 'must be a whole number 0-6' }).optional(),
});

export const createUserBody = z.strictObject({
  id: unitId.optional(),
  name: typedText(1, 200),
  role: z.enum(roles, { error: `must be one of ${roles.join(', ')}` }),
  units: z.array(unitId).max(500).default([]),
});

export const changeUserBody = z
  .strictObject({
    role: z.enum(roles, { error: `must be one of ${roles.join(', ')}` }).optional(),
    units: z.array(unitId).max(500).optional(),
  })
  .refine((b) => b.role !== undefined || b.units !== undefined, { error: 'give a role, units or both' });

export const createTokenBody = z.strictObject({ label: typedText(0, 200).default('') });

export const createUnitBody = z.strictObject({
  id: unitId,
  name: typedText(1, 200),
  template: z.strictObject({ calendar: calendarSchema, term: termSchema, roster: rosterSchema, assumptions: assumptionsSchema }).optional(),
});

export const auditQuery = z.strictObject({
  unitId: unitId.optional(),
  after: z
    .string()
    .regex(/^\d{1,15}$/, { error: 'must be a whole number' })
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, { error: 'must be a whole number' })
    .optional(),
});
