import { formatDay } from '../dates.js';
import { CostingInputError } from '../issues.js';
import { C, COMPONENT_COUNT, newComponentCents, type ComponentCents } from './components.js';
import type { CostingContext, RowContext } from './costingContext.js';
import { holeyArray } from './arrayShapes.js';
import { applyRate as applyRateImport } from './exactRate.js';
import { centsOf, centsOfRatio, integer, times } from './fixedPoint.js';
import {
  amountPayCents,
  baseCents,
  overtimeCents,
  PAY_BASE,
  PAY_FIELDS,
  PAY_LONGEVITY,
  PAY_OVERTIME,
  PAY_PENSIONABLE,
  PAY_PENSIONABLE_SPECIAL_PAYS,
  PAY_SPECIAL_PAYS,
  PAY_TAXABLE,
  type PayDefinition,
} from './payAmounts.js';
import { StepTriggers, stepPath, type StepPath } from './stepMovement.js';
import type { ClassState, Epoch, LumpSumPayment, StepRegime, VariantPlan } from './variantPlan.js';

// Read once: under tsx (npm run bench) every use of an imported binding is a getter call, and
// these are read several times per row segment (applyRate is called several times per segment).
const COMPONENTS = COMPONENT_COUNT;
const applyRate = applyRateImport;
const AT_HEALTH = C.health;
const AT_LONGEVITY = C.longevity;
const AT_LUMP_SUMS = C.lumpSums;
const AT_MEDICARE = C.medicare;
const AT_OTHER_ROLLUPS = C.otherRollups;
const AT_OVERTIME = C.overtime;
const AT_PENSION = C.pension;
const AT_SOCIAL_SECURITY = C.socialSecurity;
const AT_SPECIAL_PAYS = C.specialPays;
const AT_WAGES = C.wages;

/** Component cents of a costing (or of part of its periods). */
export interface CostTotals {
  /** Component cents per fiscal year. */
  byFiscalYear: ComponentCents;
  /** Component cents per (class × fiscal year). */
  byClass: ComponentCents;
  /** Component cents per (fund × fiscal year) and (department × fiscal year), §7. */
  byFund: ComponentCents;
  byDepartment: ComponentCents;
  /** Cents per (fiscal year × roll-up), §7 named roll-ups. */
  rollups: Float64Array;
}

export interface VariantCosting extends CostTotals {
  /** One full year at the last period's state (the lift basis), when asked for. */
  annualAtLastPeriod: ComponentCents | null;
  /** Each row's Social Security state at the recorded period indices. */
  states: RowStates;
  /** The totals of the periods before `splitIndex` that this run costed, when asked for. */
  beforeSplit: CostTotals | null;
}

/**
 * Each row's Social Security year-to-date (and its calendar year) at chosen period indices, so a
 * later costing that is identical before such an index can start there (COSTING.md §4 state is
 * the only thing a row carries from one period to the next).
 */
export interface RowStates {
  indices: number[];
  /** rows × indices.length */
  ytd: Float64Array;
  ytdYear: Int32Array;
  /** The split-fund rows' amounts so far in the fiscal year of the split index, when the costing had one. */
  fundPartial: FundPartial | null;
}

/**
 * A fund split is taken on an employee's whole fiscal-year amount (§7), so a costing that resumes
 * in the middle of a fiscal year needs what each split-fund row had earned in that year before the
 * resumption: per split-fund row (RowContext.splitSlot), COMPONENT_COUNT amounts of periods
 * [the year's start, index). See addSplit.
 */
export interface FundPartial {
  index: number;
  amounts: Float64Array;
}

/** Caches shared by every variant of one costing: parts of pay per state, step paths per regime. */
export class CostingCaches {
  /** Base pay per rate state (index), keyed by (step, FTE). */
  readonly base = holeyArray<Map<number, number>>();
  /** Lump sums per payment id, then keyed by (rate state, step, FTE): numbers, no per-segment strings. */
  readonly amounts = holeyArray<Map<number, number>>();
  /** Amount special pays per (definition, FTE). */
  readonly amountPays = new Map<number, number>();
  /** Overtime per pay state (index), keyed by (overtime profile, step, longevity level). */
  readonly overtime = holeyArray<Map<number, number>>();
  /**
   * Step paths by step-regime id, then by the row's path id: rows alike in everything a path
   * depends on (class, step, vacancy, next step date) share one.
   */
  readonly paths = holeyArray<(StepPath | undefined)[]>();
  /** The step dates' triggers by step-regime id, shared by the paths of rows with one next step date. */
  readonly stepTriggers = holeyArray<StepTriggers>();
  /** Baseline taxable pay of the horizon's first period, per row (Social Security YTD, §4), per costing family. */
  readonly firstPeriodTaxable = new Map<string, Float64Array>();

  /** The costing that last used each pay state, rate state and step regime (by interned id): see forget. */
  generation = 0;
  private readonly usedAt: number[] = [];

  /** Marks the class states of the epochs a run costs, and the plan's step regimes, as used by the current costing (`generation`). */
  markUsed(epochs: readonly Epoch[], plan: VariantPlan): void {
    const g = this.generation;
    for (const epoch of epochs) {
      for (const cs of epoch.classes) this.usedAt[cs.payStateId] = this.usedAt[cs.rateStateId] = g;
    }
    for (const regime of plan.stepRegimes) this.usedAt[regime.id] = g;
  }

  /**
   * Drops the pay, base pay, overtime, step paths and step triggers of the states and regimes no costing since
   * generation `since` used, so a costing session's caches hold what its recent costings need
   * instead of growing with every what-if (each new percent makes new class states).
   */
  forget(since: number): void {
    const unused = (id: number) => (this.usedAt[id] ?? -1) < since;
    for (const byState of [this.base, this.overtime]) {
      for (let id = 0; id < byState.length; id++) if (byState[id] !== undefined && unused(id)) byState[id] = undefined;
    }
    for (let id = 0; id < this.paths.length; id++) if (unused(id)) this.paths[id] = holeyArray<StepPath>();
    for (let id = 0; id < this.stepTriggers.length; id++) if (unused(id)) this.stepTriggers[id] = undefined;
  }
}

/** Retroactive pay (§3): periods before `index` pay the baseline's wages; the differences are paid at `index`. */
export interface RetroPlan {
  index: number;
  baseline: VariantPlan;
}

export interface CostOptions {
  /** Also cost one full year at the last period's state (the lift basis). */
  lift: boolean;
  /** True for the baseline run, which records each row's first-period taxable pay. */
  recordFirstPeriodTaxable: boolean;
  /** The costing family whose baseline seeds Social Security: '' or 'noStep' (§7 step movement). */
  family: string;
  retro: RetroPlan | null;
  /** Cost periods from this index on; the states of an identical earlier costing supply the rest. */
  startIndex: number;
  resumeFrom: RowStates | null;
  /** Period indices (epoch starts of the plan) at which to record each row's state. */
  recordAt: number[];
  /** Also total the periods before this index separately (for the next costing to resume). */
  splitIndex: number | null;
  /**
   * Also total by class, fund, department and named roll-up. A costing read only by fiscal year
   * (value of 1%, step movement, the proposal without retro) skips them: their totals are then
   * empty arrays, and its fiscal-year totals are the same sums, taken per row.
   */
  detail: boolean;
}

/**
 * Costs every roster row under one variant. The horizon is walked in segments — runs of periods in
 * which nothing global (epoch) and nothing about the row (step, longevity level) changes — so each
 * segment's per-period amounts are computed once, exactly, and multiplied by its period count.
 */
export function costVariant(ctx: CostingContext, plan: VariantPlan, caches: CostingCaches, options: CostOptions): VariantCosting {
  // One object shape, whichever literal or spread built the options: the row loop is a large
  // function, and each options shape it has not met deoptimises it and costs a recompile.
  return costRows(ctx, plan, caches, {
    lift: options.lift,
    recordFirstPeriodTaxable: options.recordFirstPeriodTaxable,
    family: options.family,
    retro: options.retro,
    startIndex: options.startIndex,
    resumeFrom: options.resumeFrom,
    recordAt: options.recordAt,
    splitIndex: options.splitIndex,
    detail: options.detail,
  });
}

function costRows(ctx: CostingContext, plan: VariantPlan, caches: CostingCaches, options: CostOptions): VariantCosting {
  const timeline = ctx.timeline;
  const F = timeline.fiscalYears.length;
  const P = ctx.periodsPerYear;
  const classCount = ctx.scenario.schedule.classes.length;
  const R = ctx.rollups.length;
  const detail = options.detail;
  const totals = newTotals(ctx, F, R, detail);
  const split = options.splitIndex;
  const before = split === null ? null : newTotals(ctx, F, R, detail);
  const annual = options.lift ? newComponentCents(1) : null;
  const ssRate = ctx.socialSecurityRate;
  const medicareRate = ctx.medicareRate;
  const rollups = ctx.rollups;
  const levelAt = ctx.levelAt;
  const startIndex = options.startIndex;
  const epochs = plan.epochs.filter((e) => e.end > startIndex);
  const record = options.recordFirstPeriodTaxable;
  caches.markUsed(epochs, plan);
  if (options.retro !== null) caches.markUsed(options.retro.baseline.epochs, options.retro.baseline);
  const firstTaxable = record ? new Float64Array(ctx.rows.length) : caches.firstPeriodTaxable.get(options.family);
  if (firstTaxable === undefined) throw new Error('the baseline must be costed first');
  const states = newRowStates(options.recordAt, ctx.rows.length, options.resumeFrom, startIndex);
  const slots = states.indices.length;
  const epochSlot = Int32Array.from(epochs, (e) => (e.start >= startIndex ? states.indices.indexOf(e.start) : -1));
  const resume = options.resumeFrom;
  const resumeSlot = resume === null ? -1 : resume.indices.indexOf(startIndex);
  if (startIndex > 0 && resumeSlot === -1) throw new Error(`no recorded state to resume at period ${startIndex}`);
  // Split-fund rows: the amounts of the resumed fiscal year before startIndex (none at a year's
  // start), and room for those of the split's year before the split, for the costing that resumes there.
  const yearStarts = timeline.fiscalYearStartIndex;
  let partialIn: Float64Array | null = null;
  const partialYear = startIndex < timeline.length ? timeline.fiscalYearIndex[startIndex]! : -1;
  if (ctx.splitRows > 0 && startIndex > 0 && !yearStarts.includes(startIndex)) {
    if (resume!.fundPartial?.index !== startIndex) throw new Error(`no split-fund amounts recorded to resume at period ${startIndex}`);
    partialIn = resume!.fundPartial.amounts;
  }
  const partialOut = ctx.splitRows > 0 && split !== null ? new Float64Array(ctx.splitRows * COMPONENTS) : null;
  const splitYear = split === null ? -1 : timeline.fiscalYearIndex[split]!;
  if (partialOut !== null) states.fundPartial = { index: split!, amounts: partialOut };
  const retro = options.retro;
  const retroIndex = retro === null ? -1 : retro.index;
  const baseEpochStarts = Int32Array.from(retro === null ? [] : retro.baseline.epochs, (e) => e.start);
  // A split-fund row's amounts are split per employee, fiscal year and component (§7): kept per row.
  // One employee's amounts per fiscal year (and before the split), added × count into the class,
  // department and fund totals once per row; a split fund is split on them (§7).
  const rowYear = new Float64Array(F * COMPONENTS);
  const rowBefore = new Float64Array(F * COMPONENTS);
  const rowRollups = new Float64Array(F * R);
  const rowRollupsBefore = new Float64Array(F * R);
  const rollupCents = new Float64Array(R);
  // The row's own pay in its current segment, and the status quo's before the retro period (§3).
  const ownPay = new Float64Array(PAY_FIELDS);
  const paidPay = new Float64Array(PAY_FIELDS);
  // What a retro row is owed so far (§3), reset for each row: one object per costing, not per row.
  const owed = { wages: 0, specialPays: 0, pensionableSpecialPays: 0, longevity: 0, overtime: 0 };

  for (const rc of ctx.rows) {
    const regime = plan.stepRegimes[rc.classIndex]!;
    const path = cachedPath(ctx, caches, rc, regime);
    const changeAt = path.changeAt;
    // The row's longevity level slots in ctx.levelAt (NEVER after its last threshold, so the scans stop).
    const levelsAt = rc.position * ctx.levelStride;
    const classIndex = rc.classIndex;
    const pensionTier = rc.pensionTier;
    const healthTier = rc.healthTier;
    const paysSocialSecurity = rc.socialSecurity;
    const paysMedicare = rc.medicare;
    const vacant = rc.vacant;
    const rowRollupList = rc.rollups;
    // Only the fiscal years a row touched are added and cleared: a value-of-1% or resumed costing
    // walks one or two of them.
    let firstYear = F;
    let lastYear = -1;
    let touchedBefore = false;
    const retroRow = retro !== null && !vacant;
    const basePath = retroRow ? cachedPath(ctx, caches, rc, retro.baseline.stepRegimes[classIndex]!) : null;
    let baseStep = basePath === null ? 0 : basePath.initialStep;
    let bsi = 0;
    // The status quo's pay before the retro period, kept while its key is the same (as ownPay's).
    let paidPayState = -1;
    let paidStep = -1;
    let paidLevel = -1;
    owed.wages = owed.specialPays = owed.pensionableSpecialPays = owed.longevity = owed.overtime = 0;
    let step = path.initialStep;
    let si = 0;
    let level = 0;
    let ytd = 0;
    let ytdYear = -1;
    // round₂(ytd × rate), carried from the segment that made this ytd (-1: not yet known).
    let ytdTaxed = -1;
    if (startIndex > 0) {
      ytd = resume!.ytd[rc.position * resume!.indices.length + resumeSlot]!;
      ytdYear = resume!.ytdYear[rc.position * resume!.indices.length + resumeSlot]!;
    }
    let lastState: ClassState | null = null;
    // Most segment boundaries (pay year, health, fiscal year) leave the row's pay as it was: the
    // previous segment's pay is kept while its key (pay state, step, level; the row's profile is
    // fixed) is the same. `own` counts the row's pay computations (-1: none yet), naming the pay
    // that ownPay holds.
    let ownPayState = -1;
    let ownStep = -1;
    let ownLevel = -1;
    let own = -1;
    // The figures derived from a segment's pay — lump sums, pension, Medicare, roll-ups, health —
    // depend only on (class state, pay, step) for a given row; consecutive segments split by a
    // fiscal-year, pay-year or Social Security boundary often share all three, so the previous
    // segment's figures are reused (rollupCents still holds this row's roll-ups from then).
    let derivedState: ClassState | null = null;
    let derivedAmounts = -1;
    let derivedStep = -1;
    let lump = 0;
    let pension = 0;
    let medicare = 0;
    let other = 0;
    let health = 0;

    for (let e = 0; e < epochs.length; e++) {
      const epoch = epochs[e]!;
      const cs = epoch.classes[classIndex]!;
      const f = epoch.fiscalYearIndex;
      const slot = epochSlot[e]!;
      if (slot !== -1) {
        states.ytd[rc.position * slots + slot] = ytd;
        states.ytdYear[rc.position * slots + slot] = ytdYear;
      }
      let i = epoch.start < startIndex ? startIndex : epoch.start;
      while (i < epoch.end) {
        while (si < changeAt.length && changeAt[si]! <= i) step = path.stepAfter[si++]!;
        while (levelAt[levelsAt + level]! <= i) level++;
        let segmentEnd = epoch.end;
        if (si < changeAt.length && changeAt[si]! < segmentEnd) segmentEnd = changeAt[si]!;
        if (levelAt[levelsAt + level]! < segmentEnd) segmentEnd = levelAt[levelsAt + level]!;
        if (basePath !== null) {
          while (bsi < basePath.changeAt.length && basePath.changeAt[bsi]! <= i) baseStep = basePath.stepAfter[bsi++]!;
          if (bsi < basePath.changeAt.length && basePath.changeAt[bsi]! < segmentEnd) segmentEnd = basePath.changeAt[bsi]!;
        }
        if (own === -1 || cs.payStateId !== ownPayState || step !== ownStep || level !== ownLevel) {
          payInto(ownPay, ctx, caches, cs, rc, step, level);
          own++;
          ownPayState = cs.payStateId;
          ownStep = step;
          ownLevel = level;
        }
        const n = segmentEnd - i;
        // The segment's pay: the row's own (`own` names it), or the status quo's before the retro
        // period (-3); -2 for the retro period itself, whose figures are its own plus what is owed.
        let amounts = own;
        let pay = ownPay;
        if (retroRow && i < retroIndex) {
          // Before the retro period the status quo was paid; the difference is owed (§3).
          const baseEpoch = retro.baseline.epochs[upperBound(baseEpochStarts, i) - 1]!;
          const paidState = baseEpoch.classes[classIndex]!;
          if (paidState.payStateId !== paidPayState || baseStep !== paidStep || level !== paidLevel) {
            payInto(paidPay, ctx, caches, paidState, rc, baseStep, level);
            paidPayState = paidState.payStateId;
            paidStep = baseStep;
            paidLevel = level;
          }
          owed.wages += (ownPay[PAY_BASE]! - paidPay[PAY_BASE]!) * n;
          owed.specialPays += (ownPay[PAY_SPECIAL_PAYS]! - paidPay[PAY_SPECIAL_PAYS]!) * n;
          owed.pensionableSpecialPays += (ownPay[PAY_PENSIONABLE_SPECIAL_PAYS]! - paidPay[PAY_PENSIONABLE_SPECIAL_PAYS]!) * n;
          owed.longevity += (ownPay[PAY_LONGEVITY]! - paidPay[PAY_LONGEVITY]!) * n;
          owed.overtime += (ownPay[PAY_OVERTIME]! - paidPay[PAY_OVERTIME]!) * n;
          amounts = -3;
          pay = paidPay;
        }
        let wages = pay[PAY_BASE]!;
        let specialPays = pay[PAY_SPECIAL_PAYS]!;
        let longevity = pay[PAY_LONGEVITY]!;
        let overtime = pay[PAY_OVERTIME]!;
        let pensionablePay = pay[PAY_PENSIONABLE]!;
        let taxablePay = pay[PAY_TAXABLE]!;
        if (retroRow && i === retroIndex) {
          // The retro period's pay: the proposal's plus what is owed for the earlier periods (§3).
          wages += owed.wages;
          specialPays += owed.specialPays;
          longevity += owed.longevity;
          overtime += owed.overtime;
          pensionablePay += owed.wages + owed.pensionableSpecialPays + owed.longevity;
          taxablePay += owed.wages + owed.specialPays + owed.longevity + owed.overtime;
          amounts = -2;
        }
        if (cs !== derivedState || amounts !== derivedAmounts || amounts < 0 || step !== derivedStep) {
          lump = 0;
          let pensionableLump = 0;
          if (cs.hasLumpSums && !vacant) {
            const lumpSums = cs.lumpSums;
            for (let q = 0; q < lumpSums.length; q++) {
              const l = lumpSums[q]!;
              const cents = lumpSumCents(ctx, caches, cs, rc, step, l);
              lump += cents;
              if (l.pensionable) pensionableLump += cents;
            }
          }
          const taxable = taxablePay + lump;
          const pensionable = pensionablePay + pensionableLump;
          pension = pensionTier < 0 ? 0 : applyRate(pensionable, cs.pensionRate[pensionTier] ?? missingPension(ctx, rc, i));
          medicare = paysMedicare ? applyRate(taxable, medicareRate) : 0;
          other = 0;
          for (let k = 0; k < rowRollupList.length; k++) {
            const r = rowRollupList[k]!;
            const cents = applyRate(rollups[r]!.onTaxable ? taxable : pensionable, cs.rollupRates[r] ?? missingRollup(ctx, rc, r, i));
            rollupCents[r] = cents;
            other += cents;
          }
          health = healthTier < 0 ? 0 : (cs.healthCents[healthTier] ?? missingHealth(ctx, rc, i));
          derivedState = cs;
          derivedAmounts = amounts;
          derivedStep = step;
        }
        const taxable = taxablePay + lump;

        let socialSecurity = 0;
        if (paysSocialSecurity) {
          const base = epoch.wageBaseCents >= 0 ? epoch.wageBaseCents : wageBase(ctx, epoch.payYear, rc, i);
          const baseTaxed = epoch.wageBaseTaxedCents;
          if (ytdYear !== epoch.payYear) {
            if (ytdYear === -1) {
              if (record && i === 0) firstTaxable[rc.position] = taxable;
              ytd = Math.min(base, timeline.priorPeriodsInFirstPayYear * firstTaxable[rc.position]!);
            } else {
              ytd = 0;
            }
            ytdYear = epoch.payYear;
            ytdTaxed = -1;
          }
          const after = Math.min(base, ytd + n * taxable);
          if (ytdTaxed === -1) ytdTaxed = ytd >= base ? baseTaxed : applyRate(ytd, ssRate);
          const afterTaxed = after >= base ? baseTaxed : applyRate(after, ssRate);
          socialSecurity = afterTaxed - ytdTaxed;
          ytd = after;
          ytdTaxed = afterTaxed;
        }

        const at = f * COMPONENTS;
        if (f < firstYear) firstYear = f;
        if (f > lastYear) lastYear = f;
        accumulate(rowYear, at, wages, specialPays, longevity, overtime, n, lump, pension, socialSecurity, medicare, other, health);
        if (detail) for (let q = 0; q < rowRollupList.length; q++) rowRollups[f * R + rowRollupList[q]!]! += rollupCents[rowRollupList[q]!]! * n;
        if (before !== null && i < split!) {
          touchedBefore = true;
          accumulate(rowBefore, at, wages, specialPays, longevity, overtime, n, lump, pension, socialSecurity, medicare, other, health);
          if (detail) for (let q = 0; q < rowRollupList.length; q++) rowRollupsBefore[f * R + rowRollupList[q]!]! += rollupCents[rowRollupList[q]!]! * n;
        }
        lastState = cs;
        i = segmentEnd;
      }
    }
    // A split-fund row's amounts of the split's fiscal year before the split, for the costing that resumes there.
    if (partialOut !== null && rc.splitSlot >= 0) {
      const splitAt = rc.splitSlot * COMPONENTS;
      for (let c = 0; c < COMPONENTS; c++) {
        partialOut[splitAt + c] = (partialIn !== null && splitYear === partialYear ? partialIn[splitAt + c]! : 0) + rowBefore[splitYear * COMPONENTS + c]!;
      }
    }
    // addRow and addRowByYear leave the row's arrays zero for the next row.
    if (detail) {
      if (lastYear >= 0) addRow(totals, rowYear, rowRollups, rc, F, R, firstYear, lastYear, partialIn, partialYear);
      if (touchedBefore) addRow(before!, rowBefore, rowRollupsBefore, rc, F, R, 0, F - 1, partialIn, partialYear);
    } else {
      if (lastYear >= 0) addRowByYear(totals.byFiscalYear, rowYear, rc.count, firstYear, lastYear);
      if (touchedBefore) addRowByYear(before!.byFiscalYear, rowBefore, rc.count, 0, F - 1);
    }

    // ownPay holds the row's own pay in its last segment.
    if (annual !== null && lastState !== null) addAnnualAtLastPeriod(ctx, ownPay, annual, rc, lastState, P);
  }

  if (record) caches.firstPeriodTaxable.set(options.family, firstTaxable);
  if (detail) {
    totals.byFiscalYear = sumOverClasses(totals.byClass, classCount, F);
    if (before !== null) before.byFiscalYear = sumOverClasses(before.byClass, classCount, F);
  }
  return { ...totals, annualAtLastPeriod: annual, states, beforeSplit: before };
}

function newTotals(ctx: CostingContext, F: number, R: number, detail: boolean): CostTotals {
  const size = (keys: number) => (detail ? keys : 0);
  return {
    byFiscalYear: newComponentCents(F),
    byClass: newComponentCents(size(ctx.scenario.schedule.classes.length) * F),
    byFund: newComponentCents(size(ctx.funds.length) * F),
    byDepartment: newComponentCents(size(ctx.departments.length) * F),
    rollups: new Float64Array(size(R) * F),
  };
}

/**
 * Adds one employee's fiscal-year amounts × count into fiscal-year totals only (a costing without
 * detail), for fiscal years firstYear..lastYear, and zeroes them. A split fund's parts add up to
 * the whole (§7: the last fund gets the rest), so the total needs no split.
 */
function addRowByYear(byFiscalYear: ComponentCents, rowYear: ComponentCents, count: number, firstYear: number, lastYear: number): void {
  for (let i = firstYear * COMPONENTS; i < (lastYear + 1) * COMPONENTS; i++) {
    const amount = rowYear[i]!;
    if (amount === 0) continue;
    rowYear[i] = 0;
    byFiscalYear[i]! += amount * count;
  }
}

/**
 * Adds one employee's fiscal-year amounts × count into the class, department and fund totals, for
 * fiscal years firstYear..lastYear (the others are zero for this row), and zeroes them: the next
 * row starts from zero without clearing the arrays again. `partial`: what a split-fund row earned
 * in fiscal year `partialYear` before this costing resumed (addSplit).
 */
function addRow(
  into: CostTotals,
  rowYear: ComponentCents,
  rowRollups: Float64Array,
  rc: RowContext,
  F: number,
  R: number,
  firstYear: number,
  lastYear: number,
  partial: Float64Array | null,
  partialYear: number,
): void {
  const m = rc.count;
  const classAt = rc.classIndex * F * COMPONENTS;
  const departmentAt = rc.departmentIndex * F * COMPONENTS;
  const single = rc.fundIndex.length === 1;
  const fundAt = rc.fundIndex[0]! * F * COMPONENTS;
  if (!single) addSplit(into.byFund, rowYear, rc, F, firstYear, lastYear, partial, partialYear);
  for (let i = firstYear * COMPONENTS; i < (lastYear + 1) * COMPONENTS; i++) {
    const amount = rowYear[i]!;
    if (amount === 0) continue;
    rowYear[i] = 0;
    into.byClass[classAt + i]! += amount * m;
    into.byDepartment[departmentAt + i]! += amount * m;
    if (single) into.byFund[fundAt + i]! += amount * m;
  }
  for (let i = firstYear * R; i < (lastYear + 1) * R; i++) {
    into.rollups[i]! += rowRollups[i]! * m;
    rowRollups[i] = 0;
  }
}

/**
 * A split-fund row (§7): for one employee, each fiscal year and component, every fund but the last
 * gets round₂(amount × share), the last the rest; each part × count.
 *
 * A costing resumed in the middle of fiscal year `partialYear` has only the year's later periods;
 * the earlier ones (`partial`) were split by the costing it resumed from, and their split is in the
 * totals it inherits. So it adds split(earlier + later) − split(earlier): the year's split is then
 * that of the whole year, exactly, however many costings it was assembled from.
 */
function addSplit(
  byFund: ComponentCents,
  rowYear: ComponentCents,
  rc: RowContext,
  F: number,
  firstYear: number,
  lastYear: number,
  partial: Float64Array | null,
  partialYear: number,
): void {
  const parts = rc.fundIndex;
  for (let f = firstYear; f <= lastYear; f++) {
    for (let c = 0; c < COMPONENTS; c++) {
      const amount = rowYear[f * COMPONENTS + c]!;
      if (amount === 0) continue;
      const earlier = partial !== null && f === partialYear ? partial[rc.splitSlot * COMPONENTS + c]! : 0;
      const whole = earlier + amount;
      let rest = whole;
      let restEarlier = earlier;
      for (let p = 0; p < parts.length; p++) {
        const last = p === parts.length - 1;
        const part = last ? rest : applyRate(whole, rc.fundShares[p]!);
        const partEarlier = last ? restEarlier : applyRate(earlier, rc.fundShares[p]!);
        rest -= part;
        restEarlier -= partEarlier;
        byFund[(parts[p]! * F + f) * COMPONENTS + c]! += (part - partEarlier) * rc.count;
      }
    }
  }
}

/** First index i with keys[i] > value (keys ascending). */
function upperBound(keys: Int32Array, value: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sumOverClasses(byClass: ComponentCents, classCount: number, F: number): ComponentCents {
  const byFiscalYear = newComponentCents(F);
  for (let c = 0; c < classCount; c++) {
    for (let i = 0; i < F * COMPONENTS; i++) byFiscalYear[i]! += byClass[c * F * COMPONENTS + i]!;
  }
  return byFiscalYear;
}

/** Room for the states to record; those before `startIndex` are the resumed costing's (identical there). */
function newRowStates(recordAt: readonly number[], rows: number, resumeFrom: RowStates | null, startIndex: number): RowStates {
  const indices = [...new Set(recordAt)].sort((a, b) => a - b);
  const states: RowStates = {
    indices,
    ytd: new Float64Array(rows * indices.length),
    ytdYear: new Int32Array(rows * indices.length).fill(-1),
    fundPartial: null,
  };
  if (resumeFrom === null) return states;
  indices.forEach((index, slot) => {
    if (index >= startIndex) return;
    const from = resumeFrom.indices.indexOf(index);
    if (from === -1) throw new Error(`no recorded state at period ${index}`);
    for (let r = 0; r < rows; r++) {
      states.ytd[r * indices.length + slot] = resumeFrom.ytd[r * resumeFrom.indices.length + from]!;
      states.ytdYear[r * indices.length + slot] = resumeFrom.ytdYear[r * resumeFrom.indices.length + from]!;
    }
  });
  return states;
}

function accumulate(
  acc: ComponentCents,
  at: number,
  wages: number,
  specialPays: number,
  longevity: number,
  overtime: number,
  k: number,
  lumpTotal: number,
  pension: number,
  socialSecurityTotal: number,
  medicare: number,
  other: number,
  health: number,
): void {
  acc[at + AT_WAGES]! += wages * k;
  acc[at + AT_SPECIAL_PAYS]! += specialPays * k;
  acc[at + AT_LONGEVITY]! += longevity * k;
  acc[at + AT_OVERTIME]! += overtime * k;
  acc[at + AT_LUMP_SUMS]! += lumpTotal;
  acc[at + AT_PENSION]! += pension * k;
  acc[at + AT_SOCIAL_SECURITY]! += socialSecurityTotal;
  acc[at + AT_MEDICARE]! += medicare * k;
  acc[at + AT_OTHER_ROLLUPS]! += other * k;
  acc[at + AT_HEALTH]! += health * k;
}

/**
 * One employee's lump sum (§3): an amount (× f when prorated); a percent of the annual base at the
 * row's rate in its period, round₂(percent × rate × (year factor) × f); or paid days,
 * round₂(days × rate × (year factor) / D × f).
 */
function lumpSumCents(ctx: CostingContext, caches: CostingCaches, cs: ClassState, rc: RowContext, step: number, l: LumpSumPayment): number {
  if (l.kind === 'amount' && !l.prorateByFte) return centsOf(l.amount);
  let byKey = caches.amounts[l.id];
  if (byKey === undefined) caches.amounts[l.id] = byKey = new Map<number, number>();
  // An amount depends on the FTE only; a percent or days also on the rate (rate state, step).
  const key = l.kind === 'amount' ? rc.fteId : (cs.rateStateId * ctx.stepStride + step) * ctx.fteStride + rc.fteId;
  let cents = byKey.get(key);
  if (cents === undefined) {
    cents = lumpSumCentsUncached(ctx, cs, rc, step, l);
    byKey.set(key, cents);
  }
  return cents;
}

function lumpSumCentsUncached(ctx: CostingContext, cs: ClassState, rc: RowContext, step: number, l: LumpSumPayment): number {
  if (l.kind === 'amount') return centsOf(times(l.amount, rc.fte));
  const annual = times(times(cs.rates[step - 1]!, integer(ctx.basis.ratePerYear)), rc.fte);
  if (l.kind === 'percent') return centsOf(times(l.percent, annual));
  return centsOfRatio(times(l.days, annual), l.daysPerYear);
}

/** The lift basis (§7): P periods at the last period's recurring cost, Social Security on the full year. */
function addAnnualAtLastPeriod(ctx: CostingContext, pay: Float64Array, annual: ComponentCents, rc: RowContext, cs: ClassState, P: number): void {
  const lastIndex = ctx.timeline.length - 1;
  const k = P * rc.count;
  const taxable = pay[PAY_TAXABLE]!;
  const pensionable = pay[PAY_PENSIONABLE]!;
  annual[AT_WAGES]! += pay[PAY_BASE]! * k;
  annual[AT_SPECIAL_PAYS]! += pay[PAY_SPECIAL_PAYS]! * k;
  annual[AT_LONGEVITY]! += pay[PAY_LONGEVITY]! * k;
  annual[AT_OVERTIME]! += pay[PAY_OVERTIME]! * k;
  annual[AT_PENSION]! += pensionFor(ctx, cs, rc, pensionable, lastIndex) * k;
  if (rc.medicare) annual[AT_MEDICARE]! += applyRate(taxable, ctx.medicareRate) * k;
  let other = 0;
  for (const r of rc.rollups) other += applyRate(ctx.rollups[r]!.onTaxable ? taxable : pensionable, cs.rollupRates[r] ?? missingRollup(ctx, rc, r, lastIndex));
  annual[AT_OTHER_ROLLUPS]! += other * k;
  annual[AT_HEALTH]! += healthFor(ctx, cs, rc, lastIndex) * k;
  if (rc.socialSecurity) {
    const year = ctx.timeline.payYear[lastIndex]!;
    const base = wageBase(ctx, year, rc, lastIndex);
    const taxed = P * taxable >= base ? ctx.wageBaseTaxedCents.get(year)! : applyRate(P * taxable, ctx.socialSecurityRate);
    annual[AT_SOCIAL_SECURITY]! += taxed * rc.count;
  }
}

function cachedPath(ctx: CostingContext, caches: CostingCaches, rc: RowContext, regime: StepRegime): StepPath {
  let byPath = caches.paths[regime.id];
  if (byPath === undefined) {
    while (caches.paths.length <= regime.id) caches.paths.push(holeyArray<StepPath>());
    byPath = caches.paths[regime.id]!;
  }
  let path = byPath[rc.pathId];
  if (path === undefined) {
    let triggers = caches.stepTriggers[regime.id];
    if (triggers === undefined) caches.stepTriggers[regime.id] = triggers = new StepTriggers(regime);
    path = stepPath(ctx, rc, triggers);
    byPath[rc.pathId] = path;
  }
  return path;
}

/**
 * One employee's pay for a period (§3) in class state `cs` at `step` and longevity `level`, into
 * `out` (the PAY_* fields, integer cents). Base pay and overtime come from caches; special pays and
 * longevity are a few integer products of the base. No table of whole pay results: a unit's rows
 * are so varied (FTE, special pays, overtime, step, level) that one was a miss for a quarter of the
 * segments, and a miss cost more than computing the pay here.
 */
function payInto(out: Float64Array, ctx: CostingContext, caches: CostingCaches, cs: ClassState, rc: RowContext, step: number, level: number): void {
  const base = cachedBase(ctx, caches, cs, rc, step);
  let specialPays = 0;
  let pensionableSpecialPays = 0;
  for (let i = 0; i < rc.pays.length + cs.granted.length; i++) {
    const def = specialPayAt(cs, rc, i);
    if (def === null) continue;
    const amount = def.kind === 'percent' ? applyRate(base, def.percent) : cachedAmountPay(ctx, caches, def, rc);
    specialPays += amount;
    if (def.pensionable) pensionableSpecialPays += amount;
  }
  const longevity = applyRate(base, cs.longevityByLevel[level]!.rate);
  const overtime = cachedOvertime(ctx, caches, cs, rc, step, level);
  out[PAY_BASE] = base;
  out[PAY_SPECIAL_PAYS] = specialPays;
  out[PAY_LONGEVITY] = longevity;
  out[PAY_OVERTIME] = overtime;
  out[PAY_PENSIONABLE_SPECIAL_PAYS] = pensionableSpecialPays;
  out[PAY_PENSIONABLE] = base + pensionableSpecialPays + longevity;
  out[PAY_TAXABLE] = base + specialPays + longevity + overtime;
}

/**
 * The special pays in force for a row in class state `cs` are its own codes, then those the state
 * grants, each once: the i-th of that list (i < rc.pays.length + cs.granted.length), or null when
 * its code came earlier. Indexed, so the pay loop builds no list.
 */
function specialPayAt(cs: ClassState, rc: RowContext, i: number): PayDefinition | null {
  const codes = rc.pays;
  const granted = cs.granted;
  const code = i < codes.length ? codes[i]! : granted[i - codes.length]!;
  for (let j = 0; j < i; j++) if ((j < codes.length ? codes[j] : granted[j - codes.length]) === code) return null;
  return cs.pays.get(code) ?? undefinedPay(rc, code);
}

/** The special pay definitions in force for the row in class state `cs` (see specialPayAt), as a list. */
function specialPaysOf(cs: ClassState, rc: RowContext): PayDefinition[] {
  const pays: PayDefinition[] = [];
  for (let i = 0; i < rc.pays.length + cs.granted.length; i++) {
    const def = specialPayAt(cs, rc, i);
    if (def !== null) pays.push(def);
  }
  return pays;
}

function undefinedPay(rc: RowContext, code: string): never {
  throw new CostingInputError([{ path: `roster.rows[${rc.rowIndex}].pays`, message: `special pay ${code} is not defined` }]);
}

/** An amount special pay for one period at the row's FTE. */
function cachedAmountPay(ctx: CostingContext, caches: CostingCaches, def: PayDefinition & { kind: 'amount' }, rc: RowContext): number {
  const key = def.id * ctx.fteStride + rc.fteId;
  let cents = caches.amountPays.get(key);
  if (cents === undefined) {
    cents = amountPayCents(def.amount, def.per, rc.fte, ctx.basis);
    caches.amountPays.set(key, cents);
  }
  return cents;
}

function cachedBase(ctx: CostingContext, caches: CostingCaches, cs: ClassState, rc: RowContext, step: number): number {
  let baseByStep = caches.base[cs.rateStateId];
  if (baseByStep === undefined) caches.base[cs.rateStateId] = baseByStep = new Map<number, number>();
  const key = step * ctx.fteStride + rc.fteId;
  let base = baseByStep.get(key);
  if (base === undefined) {
    base = baseCents(cs.rates[step - 1]!, rc.fte, ctx.basis);
    baseByStep.set(key, base);
  }
  return base;
}

/** Overtime does not depend on FTE: it is shared across rows that differ only in FTE. */
function cachedOvertime(ctx: CostingContext, caches: CostingCaches, cs: ClassState, rc: RowContext, step: number, level: number): number {
  const hours = cs.overtimeHours ?? rc.overtimeHours;
  if (hours.n === 0n) return 0;
  let byState = caches.overtime[cs.payStateId];
  if (byState === undefined) caches.overtime[cs.payStateId] = byState = new Map<number, number>();
  const key = (rc.overtimeProfileId * ctx.stepStride + step) * ctx.levelStride + level;
  let cents = byState.get(key);
  if (cents === undefined) {
    cents = overtimeCents(cs.rates[step - 1]!, specialPaysOf(cs, rc), cs.longevityByLevel[level]!.fixed, hours, ctx.overtimeMultiplier, ctx.basis);
    byState.set(key, cents);
  }
  return cents;
}

function pensionFor(ctx: CostingContext, cs: ClassState, rc: RowContext, pensionable: number, index: number): number {
  if (rc.pensionTier < 0) return 0;
  return applyRate(pensionable, cs.pensionRate[rc.pensionTier] ?? missingPension(ctx, rc, index));
}

function missingPension(ctx: CostingContext, rc: RowContext, index: number): never {
  throw new CostingInputError([
    {
      path: `roster.rows[${rc.rowIndex}].pensionTier`,
      message: missingTierMessage('pension', 'rate', ctx.pensionTiers, ctx.pensionEntries, rc.pensionTier, rc, ctx.timeline.start[index]!),
    },
  ]);
}

/**
 * A tier the row needs has no entry in effect (§4): an unknown name lists the tiers that have
 * entries ("pension tier Classic has no rates; tiers with rates: classic, pepra").
 */
function missingTierMessage(
  kind: string,
  what: string,
  names: readonly string[],
  entries: readonly (readonly unknown[])[],
  tier: number,
  rc: RowContext,
  day: number,
): string {
  const name = names[tier]!;
  if (entries[tier]!.length === 0) {
    const known = names.filter((_, i) => entries[i]!.length > 0);
    return `${kind} tier ${name} has no ${what}s; tiers with ${what}s: ${known.length === 0 ? 'none' : known.join(', ')} (row ${rc.row.id})`;
  }
  return `no ${kind} ${what} for tier ${name} is in effect on ${formatDay(day)} (row ${rc.row.id}): add an entry from that date or earlier`;
}

function missingRollup(ctx: CostingContext, rc: RowContext, r: number, index: number): never {
  const name = ctx.rollups[r]!.name;
  throw new CostingInputError([
    {
      path: `assumptions.otherRollups[${r}].rates`,
      message: `no rate for roll-up ${name} is in effect on ${formatDay(ctx.timeline.start[index]!)}, needed by row ${rc.row.id} (roster.rows[${rc.rowIndex}]): add a rate from that date or earlier`,
    },
  ]);
}

function healthFor(ctx: CostingContext, cs: ClassState, rc: RowContext, index: number): number {
  if (rc.healthTier < 0) return 0;
  return cs.healthCents[rc.healthTier] ?? missingHealth(ctx, rc, index);
}

function missingHealth(ctx: CostingContext, rc: RowContext, index: number): never {
  throw new CostingInputError([
    {
      path: `roster.rows[${rc.rowIndex}].healthTier`,
      message: missingTierMessage('health', 'contribution', ctx.healthTiers, ctx.healthEntries, rc.healthTier, rc, ctx.timeline.start[index]!),
    },
  ]);
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
