import type { ProvisionType } from './schemas/scenario.js';

/** The cost components of COSTING.md §7, in report order. */
export const componentNames = [
  'wages',
  'specialPays',
  'longevity',
  'overtime',
  'lumpSums',
  'pension',
  'socialSecurity',
  'medicare',
  'otherRollups',
  'health',
  'flat',
] as const;
export type ComponentName = (typeof componentNames)[number];
export type ComponentOrTotal = ComponentName | 'total';

/** Money strings with exactly 2 places, one per component plus `total`. */
export type Components = Record<ComponentOrTotal, string>;

/** Keyed by fiscal-year name, "FY2027". */
export type ByFiscalYear<T> = Record<string, T>;

export interface ProvisionCharge {
  index: number;
  type: ProvisionType;
  label?: string;
  byFiscalYear: ByFiscalYear<string>;
  total: string;
}

export interface ProposalResult {
  name: string;
  side?: string;
  byFiscalYear: ByFiscalYear<Components>;
  increase: ByFiscalYear<Components>;
  increaseTotal: Components;
  byProvision: ProvisionCharge[];
  valueOfOnePercent: ByFiscalYear<string>;
  /** The lift: one full year of recurring cost at the last period's rates, proposal − baseline. */
  ongoingAnnualIncrease: string;
  ongoingAnnualIncreaseByComponent: Components;
  compoundedWageIncrease: string;
  percentOfBase: ByFiscalYear<string | null>;
  /** Per-class proposal cost and increase (flat amounts belong to no class). */
  byClass: Record<string, ByFiscalYear<Components>>;
  increaseByClass: Record<string, ByFiscalYear<Components>>;
}

export interface CostingSnapshot {
  unit: string;
  scheduleId: string;
  scheduleEffective: string;
  rosterExtractDate: string;
  assumptionsId: string;
}

export interface CostingResult {
  fiscalYears: string[];
  periodsByFiscalYear: ByFiscalYear<number>;
  baseline: ByFiscalYear<Components>;
  baselineByClass: Record<string, ByFiscalYear<Components>>;
  /** Baseline lift basis: one full year at the last period's state, per component. */
  baselineAnnualAtLastPeriod: Components;
  proposals: ProposalResult[];
  snapshot: CostingSnapshot;
}
