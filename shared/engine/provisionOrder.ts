import { parseDay, type Day } from '../dates.js';
import type { ProvisionEffects } from '../provisions/provisionKind.js';
import { provisionAffectsClass, provisionDateText, provisionEffects, type Provision } from '../provisions/registry.js';

/** A provision with where it was listed, so prefixes and charges can name it. */
export interface ListedProvision {
  provision: Provision;
  /** 0-based position in the proposal's list. */
  listedIndex: number;
  /** Its date: `effective`, or `payDate` for a lump sum; flat amounts have none. */
  date: Day;
  /** What it changes besides the schedule, from its module (shared/provisions/). */
  effects: ProvisionEffects;
}

export function provisionDate(provision: Provision): Day {
  const text = provisionDateText(provision);
  return text === null ? Number.NEGATIVE_INFINITY : parseDay(text);
}

/** Provisions apply in date order; on the same date, in listed order (COSTING.md §6). */
export function inDateOrder(provisions: readonly Provision[]): ListedProvision[] {
  return provisions
    .map((provision, listedIndex) => ({ provision, listedIndex, date: provisionDate(provision), effects: provisionEffects(provision) }))
    .sort((a, b) => a.date - b.date || a.listedIndex - b.listedIndex);
}

export const affectsClass = provisionAffectsClass;
