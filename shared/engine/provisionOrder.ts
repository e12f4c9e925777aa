import { parseDay, type Day } from '../dates.js';
import type { Provision } from '../schemas/scenario.js';

/** A provision with where it was listed, so prefixes and charges can name it. */
export interface ListedProvision {
  provision: Provision;
  /** 0-based position in the proposal's list. */
  listedIndex: number;
  /** Its date: `effective`, or `payDate` for a lump sum; flat amounts have none. */
  date: Day;
}

export function provisionDate(provision: Provision): Day {
  switch (provision.type) {
    case 'lumpSum':
      return parseDay(provision.payDate);
    case 'flat':
      return Number.NEGATIVE_INFINITY;
    default:
      return parseDay(provision.effective);
  }
}

/** Provisions apply in date order; on the same date, in listed order (COSTING.md §6). */
export function inDateOrder(provisions: readonly Provision[]): ListedProvision[] {
  return provisions
    .map((provision, listedIndex) => ({ provision, listedIndex, date: provisionDate(provision) }))
    .sort((a, b) => a.date - b.date || a.listedIndex - b.listedIndex);
}

export function affectsClass(provision: Provision, classCode: string): boolean {
  if (!('classes' in provision) || provision.classes === undefined) return true;
  return provision.classes.includes(classCode);
}
