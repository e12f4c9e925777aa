import { z } from 'zod';
import type { Decimal } from '../money.js';
import { classCodes, freeText } from '../schemas/primitives.js';

/** Optional fields most provisions share. */
export const label = freeText(0, 200).optional();
export const classes = classCodes('list at least one class, or leave classes out for all classes').optional();

export type RateBasis = 'hourly' | 'annual' | 'monthly' | 'biweekly';

/** What a schedule change needs to know about the schedule it changes. */
export interface ScheduleSettings {
  ratePlaces: number;
  rateBasis: RateBasis;
  hoursPerYear: number;
}

/**
 * How a provision changes the published schedule (COSTING.md §1, §6). `apply` gets one affected
 * class's published rates (numbered as in force on the provision's date) and returns the new ones;
 * `fail` raises an error that names the provision (and the field at fault).
 */
export interface ScheduleEffect<P> {
  apply(rates: readonly Decimal[], provision: P, settings: ScheduleSettings, fail: (message: string, field?: string) => never): Decimal[];
  /** Bottom steps the change removes (rows renumber: step s → max(1, s − count), §5). */
  stepsDropped?(provision: P): number;
}

/** How a provision moves steps (§5, §6). */
export type StepEffect = { freeze: { months: number; mode: 'keep' | 'slide' } } | { addTopStep: true } | { drop: number };

/** A change to a dated rate: a pension tier's (§6 pensionRate) or a roll-up's (§6 rollupRate). */
export interface RateChange {
  target: 'pension' | 'rollup';
  name: string;
  rate?: string | undefined;
  delta?: string | undefined;
}

/** A special pay as a provision sets or adds it (§6 specialPay). */
export interface SpecialPayChange {
  code: string;
  percent?: string | undefined;
  amount?: string | undefined;
  per?: 'hour' | 'period' | 'month' | 'year' | undefined;
  pensionable?: boolean | undefined;
  mode: 'set' | 'add';
  /** With classes, the code is given to every row of those classes. */
  grants: boolean;
}

export interface LumpSumTerms {
  amount?: string | undefined;
  percent?: string | undefined;
  days?: string | undefined;
  daysPerYear?: string | undefined;
  prorateByFte: boolean;
  pensionable: boolean;
}

export interface FlatTerms {
  amount: string;
  fiscalYears: readonly string[];
  fund?: string | readonly { fund: string; share: string }[] | undefined;
  department?: string | undefined;
}

/**
 * What a provision changes besides the published schedule, read by the engine
 * (shared/engine/variantPlan.ts): each hook gives the change in the engine's terms.
 */
export interface StateEffects<P> {
  /** When it acts: from its effective date (default), in the period paid on or after its date, or by fiscal year. */
  timing?: 'effective' | 'paid' | 'fiscalYears';
  specialPay?(provision: P): SpecialPayChange;
  longevityBands?(provision: P): readonly { years: number; percent: string }[];
  overtimeHours?(provision: P): string;
  rateChange?(provision: P): RateChange;
  health?(provision: P): { tier: string; monthly: string };
  steps?(provision: P): StepEffect;
  lumpSum?(provision: P): LumpSumTerms;
  flat?(provision: P): FlatTerms;
  /** A percent that compounds into `compoundedWageIncrease` (§7). */
  compoundedPercent?(provision: P): string;
}

/** The effects of one provision, evaluated. */
export interface ProvisionEffects {
  timing: 'effective' | 'paid' | 'fiscalYears';
  specialPay?: SpecialPayChange;
  longevityBands?: readonly { years: number; percent: string }[];
  overtimeHours?: string;
  rateChange?: RateChange;
  health?: { tier: string; monthly: string };
  steps?: StepEffect;
  lumpSum?: LumpSumTerms;
  flat?: FlatTerms;
  compoundedPercent?: string;
}

type ProvisionObject = z.ZodObject<{ type: z.ZodLiteral<string> } & z.ZodRawShape>;

/** One provision type, described once: the engine, the workbook, publishing and the reports read it. */
export interface ProvisionKind<S extends ProvisionObject = ProvisionObject> {
  type: z.output<S>['type'];
  /** Plain words, for reports, the command line and the pane: "General wage increase". */
  name: string;
  schema: S;
  /** One line in plain words: "General wage increase 3% (Jul 1, 2026)". */
  describe(provision: z.output<S>): string;
  /** The date that orders it among the proposal's provisions (`effective`, a lump sum's `payDate`); none for flat amounts. */
  date(provision: z.output<S>): string | null;
  /** Whether it changes the class (default: its `classes`, or every class). */
  affects?(provision: z.output<S>, classCode: string): boolean;
  schedule?: ScheduleEffect<z.output<S>>;
  effects?: StateEffects<z.output<S>>;
}

export function defineProvision<S extends ProvisionObject>(kind: ProvisionKind<S>): ProvisionKind<S> {
  return kind;
}
