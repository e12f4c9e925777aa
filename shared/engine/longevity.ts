import { addMonths, type Day } from '../dates.js';
import { Decimal } from '../money.js';
import type { LongevityBand } from '../schemas/scenario.js';
import { lowerBound, type Timeline } from './timeline.js';

/** Every band threshold (years) any band set uses, ascending: the only anniversaries that matter. */
export function longevityThresholds(bandSets: readonly (readonly LongevityBand[])[]): number[] {
  const years = new Set<number>();
  for (const bands of bandSets) for (const b of bands) years.add(b.years);
  return [...years].sort((a, b) => a - b);
}

/**
 * For each threshold, the first costed period whose first day is on or after the anniversary
 * (completed years are counted to the period's first day, by calendar anniversaries).
 */
export function rowLongevityLevels(hireDate: Day, thresholds: readonly number[], timeline: Timeline): Int32Array {
  return Int32Array.from(thresholds, (years) => lowerBound(timeline.start, addMonths(hireDate, 12 * years)));
}

/** The band percent for each level (0: no threshold reached or no hire date; L: thresholds[L-1] years). */
export function bandPercentByLevel(bands: readonly LongevityBand[], thresholds: readonly number[]): Decimal[] {
  const byLevel: Decimal[] = [new Decimal(0)];
  for (const years of thresholds) {
    let best: LongevityBand | undefined;
    for (const b of bands) if (b.years <= years && (best === undefined || b.years > best.years)) best = b;
    byLevel.push(best ? new Decimal(best.percent) : new Decimal(0));
  }
  return byLevel;
}
