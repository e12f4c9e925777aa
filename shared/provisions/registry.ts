import { z } from 'zod';
import { fieldKinds, type FieldKind } from '../schemas/primitives.js';
import { addStep } from './addStep.js';
import { dropSteps } from './dropSteps.js';
import { equity } from './equity.js';
import { flat } from './flat.js';
import { flatIncrease } from './flatIncrease.js';
import { gwi } from './gwi.js';
import { health } from './health.js';
import { longevity } from './longevity.js';
import { lumpSum } from './lumpSum.js';
import { minimumRate } from './minimumRate.js';
import { overtimeHours } from './overtimeHours.js';
import { pensionRate } from './pensionRate.js';
import type { ProvisionEffects, ProvisionKind } from './provisionKind.js';
import { rollupRate } from './rollupRate.js';
import { setRate } from './setRate.js';
import { specialPay } from './specialPay.js';
import { stepFreeze } from './stepFreeze.js';

/** Every provision type, one module each (COSTING.md §6). Adding a type: a module and a line here. */
const kinds = [
  gwi,
  flatIncrease,
  equity,
  addStep,
  stepFreeze,
  lumpSum,
  specialPay,
  longevity,
  health,
  pensionRate,
  overtimeHours,
  flat,
  setRate,
  minimumRate,
  dropSteps,
  rollupRate,
] as const;

type Kinds = typeof kinds;

// The same list as `kinds`, spelled out so TypeScript infers the union of the provision types.
export const provisionSchema = z.discriminatedUnion(
  'type',
  [
    gwi.schema,
    flatIncrease.schema,
    equity.schema,
    addStep.schema,
    stepFreeze.schema,
    lumpSum.schema,
    specialPay.schema,
    longevity.schema,
    health.schema,
    pensionRate.schema,
    overtimeHours.schema,
    flat.schema,
    setRate.schema,
    minimumRate.schema,
    dropSteps.schema,
    rollupRate.schema,
  ],
  {
    error: (issue): string | undefined => {
      const given = issue.input !== null && typeof issue.input === 'object' ? (issue.input as { type?: unknown }).type : undefined;
      const types = kinds.map((k) => k.type).join(', ');
      return given === undefined ? `type is required: one of ${types}` : `type must be one of ${types}`;
    },
  },
);

export type Provision = z.output<typeof provisionSchema>;
export type ProvisionType = Provision['type'];
export const provisionTypes: readonly ProvisionType[] = kinds.map((k) => k.type);

export type ProvisionOf<T extends ProvisionType> = Extract<Provision, { type: T }>;

const byType = new Map<string, ProvisionKind>(kinds.map((k) => [k.type, k as unknown as ProvisionKind]));

/** The module describing a provision's type. */
export function provisionKind<T extends ProvisionType>(type: T): ProvisionKind<Kinds[number]['schema']> & { type: T } {
  const kind = byType.get(type);
  if (kind === undefined) throw new Error(`unknown provision type ${type}`);
  return kind as unknown as ProvisionKind<Kinds[number]['schema']> & { type: T };
}

/** Plain-words names by type: "gwi" → "General wage increase". */
export const provisionNames = Object.fromEntries(kinds.map((k) => [k.type, k.name])) as Record<ProvisionType, string>;

/** One line in plain words, used by every report, the command line and the pane. */
export function describeProvision(provision: Provision): string {
  return byType.get(provision.type)!.describe(provision);
}

/** The date that orders a provision (`effective`, a lump sum's `payDate`), null for flat amounts. */
export function provisionDateText(provision: Provision): string | null {
  return byType.get(provision.type)!.date(provision);
}

/** What a provision changes besides the published schedule, evaluated from its module's hooks. */
export function provisionEffects(provision: Provision): ProvisionEffects {
  const hooks = (byType.get(provision.type)!.effects ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { timing: hooks.timing ?? 'effective' };
  for (const [name, hook] of Object.entries(hooks)) if (typeof hook === 'function') out[name] = (hook as (p: Provision) => unknown)(provision);
  return out as unknown as ProvisionEffects;
}

/** Whether a provision changes a class: its own rule, else its `classes` (absent: every class). */
export function provisionAffectsClass(provision: Provision, classCode: string): boolean {
  const kind = byType.get(provision.type)!;
  if (kind.affects) return kind.affects(provision, classCode);
  const classes = (provision as { classes?: readonly string[] }).classes;
  return classes === undefined || classes.includes(classCode);
}

export interface ProvisionField {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** The words a choice field takes, from the schema. */
  choices?: readonly string[];
}

function fieldOf(name: string, schema: z.ZodType): ProvisionField {
  let inner: z.ZodType = schema;
  let required = true;
  for (;;) {
    if (inner instanceof z.ZodOptional) {
      required = false;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodDefault) {
      required = false;
      inner = inner.unwrap() as z.ZodType;
    } else break;
  }
  const kind: FieldKind = fieldKinds.get(inner)?.kind ?? (inner instanceof z.ZodEnum ? 'choice' : inner instanceof z.ZodBoolean ? 'boolean' : 'text');
  const field: ProvisionField = { name, kind, required };
  if (inner instanceof z.ZodEnum) field.choices = inner.options as string[];
  return field;
}

/** Each type's fields (but `type`) in schema order, for the workbook layout and the proposal builder. */
export const provisionFields = Object.fromEntries(
  kinds.map((k) => [
    k.type,
    Object.entries(k.schema.shape as Record<string, z.ZodType>)
      .filter(([name]) => name !== 'type')
      .map(([name, s]) => fieldOf(name, s)),
  ]),
) as Record<ProvisionType, ProvisionField[]>;

/** Every type with its plain name and fields, in registry order. */
export const provisionCatalog = kinds.map((k) => ({ type: k.type, name: k.name, fields: provisionFields[k.type] }));
