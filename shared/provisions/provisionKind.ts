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
}

export function defineProvision<S extends ProvisionObject>(kind: ProvisionKind<S>): ProvisionKind<S> {
  return kind;
}
