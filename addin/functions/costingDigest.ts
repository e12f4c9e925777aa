import type { Components, CostingResult } from '../../shared/result.js';

/**
 * What the custom functions need from the workbook's latest costing — small enough to keep in the
 * workbook's settings, so =BARGAIN.COST still answers after the workbook is reopened.
 */
export interface CostingDigest {
  format: 'bargaining-costing/digest@1';
  /** ISO timestamp of the costing. */
  costedAt: string;
  unit: string;
  scheduleId: string;
  fiscalYears: string[];
  baseline: Record<string, Components>;
  proposals: {
    name: string;
    side?: string;
    byFiscalYear: Record<string, Components>;
    increase: Record<string, Components>;
    valueOfOnePercent: Record<string, string>;
  }[];
}

export function digestCosting(result: CostingResult, costedAt: Date = new Date()): CostingDigest {
  return {
    format: 'bargaining-costing/digest@1',
    costedAt: costedAt.toISOString(),
    unit: result.snapshot.unit,
    scheduleId: result.snapshot.scheduleId,
    fiscalYears: [...result.fiscalYears],
    baseline: result.baseline,
    proposals: result.proposals.map((p) => ({
      name: p.name,
      ...(p.side !== undefined ? { side: p.side } : {}),
      byFiscalYear: p.byFiscalYear,
      increase: p.increase,
      valueOfOnePercent: p.valueOfOnePercent,
    })),
  };
}

export function isCostingDigest(value: unknown): value is CostingDigest {
  const v = value as Partial<CostingDigest> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.format === 'bargaining-costing/digest@1' &&
    Array.isArray(v.fiscalYears) &&
    typeof v.baseline === 'object' &&
    Array.isArray(v.proposals)
  );
}
