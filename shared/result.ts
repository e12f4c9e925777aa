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

/** Per-class components: `flat` left out, flat amounts belong to the unit, not to a class (§9). */
export type ClassComponents = Omit<Components, 'flat'>;

/** Keyed by fiscal-year name, "FY2027". */
export type ByFiscalYear<T> = Record<string, T>;

/** Roll-ups by name per fiscal year: fiscal year → roll-up name (listed order) → money (§7, §9). */
export type RollupsByName = ByFiscalYear<Record<string, string>>;

/**
 * Per fund or per department (keys sorted by code point, `unassigned` when some row or flat
 * amount has none): fund → fiscal year → components, `flat` included (§7, §9).
 */
export type ByFundOrDepartment = Record<string, ByFiscalYear<Components>>;

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
  byClass: Record<string, ByFiscalYear<ClassComponents>>;
  increaseByClass: Record<string, ByFiscalYear<ClassComponents>>;
  /** 1.2: each roll-up by name, the proposal's and its increase. */
  rollupsByName?: RollupsByName;
  increaseRollupsByName?: RollupsByName;
  /** 1.2: that year's increase minus the prior year's (the first year: its increase). */
  increaseOverPriorYear?: ByFiscalYear<Components>;
  /** 1.2: the proposal's cost minus its no-step costing. */
  stepMovement?: ByFiscalYear<Components>;
  /** 1.2: round₂(increase total / fte); null when fte is 0. */
  increasePerFte?: ByFiscalYear<string | null>;
  /** 1.2: increase total minus the budget proposal's; absent on the budget proposal and when there is none. */
  overBudget?: ByFiscalYear<string>;
  overBudgetTotal?: string;
  byFund?: ByFundOrDepartment;
  increaseByFund?: ByFundOrDepartment;
  byDepartment?: ByFundOrDepartment;
  increaseByDepartment?: ByFundOrDepartment;
}

/**
 * A what-if's answer (costIncrease): a proposal's cost and increase over the baseline per fiscal
 * year and over the term, each figure exactly the full costing's.
 */
export type ProposalIncrease = Pick<ProposalResult, 'name' | 'side' | 'byFiscalYear' | 'increase' | 'increaseTotal'>;

export interface IncreaseResult {
  fiscalYears: string[];
  baseline: ByFiscalYear<Components>;
  proposals: ProposalIncrease[];
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
  baselineByClass: Record<string, ByFiscalYear<ClassComponents>>;
  /** Baseline lift basis: one full year at the last period's state, per component. */
  baselineAnnualAtLastPeriod: Components;
  // The 1.2 figures are always in an engine result; optional in the type because results stored
  // before 1.2 (approved costings are immutable) do not have them.
  /** 1.2: Σ count, Σ count of vacant rows, Σ count × fte (4 places, no trailing zeros). */
  positions?: number;
  vacantPositions?: number;
  fte?: string;
  baselineRollupsByName?: RollupsByName;
  baselineStepMovement?: ByFiscalYear<Components>;
  baselineValueOfOnePercent?: ByFiscalYear<string>;
  baselinePerFte?: ByFiscalYear<string | null>;
  baselineByFund?: ByFundOrDepartment;
  baselineByDepartment?: ByFundOrDepartment;
  proposals: ProposalResult[];
  snapshot: CostingSnapshot;
}
