import { formatDay } from '../dates.js';
import { CostingInputError } from '../issues.js';
import { Decimal, roundCents } from '../money.js';
import { C, COMPONENT_COUNT, newComponentCents, type ComponentCents } from './components.js';
import type { CostingContext, RowContext } from './costingContext.js';
import { applyRate, decimalToCents } from './exactRate.js';
import { payAmounts, type PayAmounts, type PayDefinition } from './payAmounts.js';
import { stepPath, type StepPath } from './stepMovement.js';
import type { ClassState, VariantPlan } from './variantPlan.js';

export interface VariantCosting {
  /** Component cents per fiscal year. */
  byFiscalYear: ComponentCents;
  /** Component cents per (class × fiscal year). */
  byClass: ComponentCents;
  /** One full year at the last period's state (the lift basis), when asked for. */
  annualAtLastPeriod: ComponentCents | null;
}

/** Caches shared by every variant of one costing: pay per state, step paths per regime. */
export class CostingCaches {
  readonly pay = new Map<number, PayAmounts>();
  readonly paths: Map<string, StepPath>[];
  /** Baseline taxable pay of the horizon's first period, per row (Social Security YTD, §4). */
  firstPeriodTaxable: Float64Array | null = null;
  constructor(rowCount: number) {
    this.paths = Array.from({ length: rowCount }, () => new Map());
  }
}

export interface CostOptions {
  lift: boolean;
  /** True for the baseline run, which records each row's first-period taxable pay. */
  recordFirstPeriodTaxable: boolean;
}

/**
 * Costs every roster row under one variant. The horizon is walked in segments — runs of periods in
 * which nothing global (epoch) and nothing about the row (step, longevity level) changes — so each
 * segment's per-period amounts are computed once, exactly, and multiplied by its period count.
 */
export function costVariant(ctx: CostingContext, plan: VariantPlan, caches: CostingCaches, options: CostOptions): VariantCosting {
  const timeline = ctx.timeline;
  const F = timeline.fiscalYears.length;
  const P = ctx.periodsPerYear;
  const byFiscalYear = newComponentCents(F);
  const byClass = newComponentCents(ctx.scenario.schedule.classes.length * F);
  const annual = options.lift ? newComponentCents(1) : null;
  const profiles = Math.max(1, ctx.profileCount);
  const ssRate = ctx.socialSecurityRate;
  const epochs = plan.epochs;
  const record = options.recordFirstPeriodTaxable;
  const firstTaxable = record ? new Float64Array(ctx.rows.length) : caches.firstPeriodTaxable;
  if (firstTaxable === null) throw new Error('the baseline must be costed first');

  for (const rc of ctx.rows) {
    const regime = plan.stepRegimes[rc.classIndex]!;
    const path = cachedPath(ctx, caches, rc, regime.key, () => stepPath(ctx, rc, regime));
    const levels = rc.longevityLevelAt;
    const m = rc.count;
    const row = rc.row;
    let step = path.initialStep;
    let si = 0;
    let level = 0;
    let ytd = 0;
    let ytdYear = -1;
    let last: { state: ClassState; amounts: PayAmounts } | null = null;

    for (const epoch of epochs) {
      const cs = epoch.classes[rc.classIndex]!;
      let i = epoch.start;
      while (i < epoch.end) {
        while (si < path.changeAt.length && path.changeAt[si]! <= i) step = path.stepAfter[si++]!;
        while (level < levels.length && levels[level]! <= i) level++;
        let segmentEnd = epoch.end;
        if (si < path.changeAt.length && path.changeAt[si]! < segmentEnd) segmentEnd = path.changeAt[si]!;
        if (level < levels.length && levels[level]! < segmentEnd) segmentEnd = levels[level]!;
        const n = segmentEnd - i;

        const amounts = payFor(ctx, caches, cs, rc, step, level, profiles);
        let lump = 0;
        if (cs.lumpSums.length > 0 && !row.vacant) {
          for (const l of cs.lumpSums) lump += decimalToCents(roundCents(l.prorateByFte ? l.amount.times(rc.fte) : l.amount));
        }
        const taxable = amounts.taxable + lump;
        const pension = pensionFor(ctx, cs, rc, amounts.pensionable, i);
        const medicare = row.medicare ? applyRate(taxable, ctx.medicareRate) : 0;
        let other = 0;
        for (const r of ctx.otherRollups) other += applyRate(r.onTaxable ? taxable : amounts.pensionable, r.rate);
        const health = healthFor(ctx, cs, rc, i);

        let socialSecurity = 0;
        if (row.socialSecurity) {
          const base = wageBase(ctx, epoch.payYear, rc, i);
          if (ytdYear !== epoch.payYear) {
            if (ytdYear === -1) {
              if (record && i === 0) firstTaxable[rc.rowIndex] = taxable;
              ytd = Math.min(base, timeline.priorPeriodsInFirstPayYear * firstTaxable[rc.rowIndex]!);
            } else {
              ytd = 0;
            }
            ytdYear = epoch.payYear;
          }
          const after = Math.min(base, ytd + n * taxable);
          socialSecurity = applyRate(after, ssRate) - applyRate(ytd, ssRate);
          ytd = after;
        }

        const k = n * m;
        const g = epoch.fiscalYearIndex * COMPONENT_COUNT;
        const h = (rc.classIndex * F + epoch.fiscalYearIndex) * COMPONENT_COUNT;
        for (const [acc, at] of [
          [byFiscalYear, g],
          [byClass, h],
        ] as const) {
          acc[at + C.wages]! += amounts.base * k;
          acc[at + C.specialPays]! += amounts.specialPays * k;
          acc[at + C.longevity]! += amounts.longevity * k;
          acc[at + C.overtime]! += amounts.overtime * k;
          acc[at + C.lumpSums]! += lump * k;
          acc[at + C.pension]! += pension * k;
          acc[at + C.socialSecurity]! += socialSecurity * m;
          acc[at + C.medicare]! += medicare * k;
          acc[at + C.otherRollups]! += other * k;
          acc[at + C.health]! += health * k;
        }
        last = { state: cs, amounts };
        i = segmentEnd;
      }
    }

    if (annual !== null && last !== null) addAnnualAtLastPeriod(ctx, annual, rc, last.state, last.amounts, P);
  }

  for (let f = 0; f < F; f++) byFiscalYear[f * COMPONENT_COUNT + C.flat]! += plan.flatCentsByFiscalYear[f]!;
  if (record) caches.firstPeriodTaxable = firstTaxable;
  return { byFiscalYear, byClass, annualAtLastPeriod: annual };
}

/** The lift basis (§7): P periods at the last period's recurring cost, Social Security on the full year. */
function addAnnualAtLastPeriod(ctx: CostingContext, annual: ComponentCents, rc: RowContext, cs: ClassState, amounts: PayAmounts, P: number): void {
  const lastIndex = ctx.timeline.length - 1;
  const k = P * rc.count;
  const taxable = amounts.taxable;
  annual[C.wages]! += amounts.base * k;
  annual[C.specialPays]! += amounts.specialPays * k;
  annual[C.longevity]! += amounts.longevity * k;
  annual[C.overtime]! += amounts.overtime * k;
  annual[C.pension]! += pensionFor(ctx, cs, rc, amounts.pensionable, lastIndex) * k;
  if (rc.row.medicare) annual[C.medicare]! += applyRate(taxable, ctx.medicareRate) * k;
  let other = 0;
  for (const r of ctx.otherRollups) other += applyRate(r.onTaxable ? taxable : amounts.pensionable, r.rate);
  annual[C.otherRollups]! += other * k;
  annual[C.health]! += healthFor(ctx, cs, rc, lastIndex) * k;
  if (rc.row.socialSecurity) {
    const base = wageBase(ctx, ctx.timeline.payYear[lastIndex]!, rc, lastIndex);
    annual[C.socialSecurity]! += applyRate(Math.min(base, P * taxable), ctx.socialSecurityRate) * rc.count;
  }
}

function cachedPath(_ctx: CostingContext, caches: CostingCaches, rc: RowContext, key: string, compute: () => StepPath): StepPath {
  const byRegime = caches.paths[rc.rowIndex]!;
  let path = byRegime.get(key);
  if (path === undefined) {
    path = compute();
    byRegime.set(key, path);
  }
  return path;
}

function payFor(ctx: CostingContext, caches: CostingCaches, cs: ClassState, rc: RowContext, step: number, level: number, profiles: number): PayAmounts {
  const key = ((cs.payStateId * profiles + rc.profileId) * 128 + step) * 128 + level;
  let amounts = caches.pay.get(key);
  if (amounts === undefined) {
    const pays: PayDefinition[] = [];
    const codes = new Set([...rc.row.pays, ...cs.granted]);
    for (const code of [...codes].sort()) {
      const def = cs.pays.get(code);
      if (def === undefined) {
        throw new CostingInputError([{ path: `roster.rows[${rc.rowIndex}].pays`, message: `special pay ${code} is not defined` }]);
      }
      pays.push(def);
    }
    const scenario = ctx.scenario;
    amounts = payAmounts({
      rate: cs.rates[step - 1]!,
      rateBasis: scenario.schedule.rateBasis,
      hoursPerYear: ctx.hoursPerYear,
      periodsPerYear: ctx.periodsPerYear,
      fte: rc.fte,
      pays,
      longevityPercent: cs.bandPercentByLevel[level] ?? new Decimal(0),
      overtimeHours: cs.overtimeHours ?? new Decimal(rc.row.overtimeHours),
      overtimeMultiplier: ctx.overtimeMultiplier,
    });
    caches.pay.set(key, amounts);
  }
  return amounts;
}

function pensionFor(ctx: CostingContext, cs: ClassState, rc: RowContext, pensionable: number, index: number): number {
  if (rc.pensionTier < 0) return 0;
  const rate = cs.pensionRate[rc.pensionTier];
  if (rate === undefined) {
    throw new CostingInputError([
      {
        path: `roster.rows[${rc.rowIndex}].pensionTier`,
        message: `no pension rate for tier ${rc.row.pensionTier} is in effect on ${formatDay(ctx.timeline.start[index]!)} (row ${rc.row.id})`,
      },
    ]);
  }
  return applyRate(pensionable, rate);
}

function healthFor(ctx: CostingContext, cs: ClassState, rc: RowContext, index: number): number {
  if (rc.healthTier < 0) return 0;
  const cents = cs.healthCents[rc.healthTier];
  if (cents === undefined) {
    throw new CostingInputError([
      {
        path: `roster.rows[${rc.rowIndex}].healthTier`,
        message: `no health contribution for tier ${rc.row.healthTier} is in effect on ${formatDay(ctx.timeline.start[index]!)} (row ${rc.row.id})`,
      },
    ]);
  }
  return cents;
}

function wageBase(ctx: CostingContext, year: number, rc: RowContext, index: number): number {
  const base = ctx.wageBaseCents.get(year);
  if (base === undefined) {
    throw new CostingInputError([
      {
        path: `assumptions.socialSecurity.wageBase`,
        message: `no Social Security wage base for ${year}, needed by row ${rc.row.id} (roster.rows[${rc.rowIndex}]) for the period paid ${formatDay(ctx.timeline.payDate[index]!)}`,
      },
    ]);
  }
  return base;
}
