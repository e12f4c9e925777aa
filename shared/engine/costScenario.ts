import { fiscalYearFirstDay, fiscalYearLastDay } from '../calendar.js';
import { formatDay, parseDay } from '../dates.js';
import { UNASSIGNED, fundParts } from '../schemas/funds.js';
import { provisionEffects } from '../provisions/registry.js';
import { applyRate, exactRate } from './exactRate.js';
import { CostingInputError } from '../issues.js';
import { Decimal, centsToMoney, formatMoney, formatRatio } from '../money.js';
import type { CostingResult, ProposalResult, ByFiscalYear } from '../result.js';
import type { Proposal, Provision, Scenario } from '../schemas/scenario.js';
import { C, COMPONENT_COUNT, groupTotal, newComponentCents, subtract, sumGroups, toComponents, type ComponentCents } from './components.js';
import { CostingContext } from './costingContext.js';
import {
  CostingCaches,
  costVariant,
  type CostOptions as CostRunOptions,
  type CostTotals,
  type RetroPlan,
  type RowStates,
  type VariantCosting,
} from './costRows.js';
import { inDateOrder, provisionDate } from './provisionOrder.js';
import { lowerBound, type Timeline } from './timeline.js';
import { costingIssues } from '../validation/costingIssues.js';
import { listedIssues } from '../validation/issueList.js';
import { Interner, buildVariantPlan, type VariantSpec } from './variantPlan.js';

export interface CostingProgress {
  /** Costings finished and to do (baseline, each provision prefix, each value-of-1% year). */
  done: number;
  total: number;
}

export interface CostOptions {
  onProgress?: (progress: CostingProgress) => void;
}

/**
 * Costs a validated scenario (COSTING.md): the baseline and each proposal per fiscal year and
 * component, the increase, per-provision charges, the value of 1%, the lift, per-class detail.
 */
export function costScenario(scenario: Scenario, options: CostOptions = {}): CostingResult {
  return costScenarioWith(scenario, options, null);
}

/**
 * What a costing session (costingSession.ts) lends one costing: a context, interner and caches it
 * has checked fit the scenario, and a say over each run — it may hand back an identical costing it
 * kept instead of running `cost`. Without hooks a costing makes its own and runs everything.
 */
export interface CostingHooks {
  ctx: CostingContext;
  interner: Interner;
  caches: CostingCaches;
  /** `cost(options)` runs the spec with `options` or with options resumed elsewhere (same plan). */
  run(spec: VariantSpec, options: CostRunOptions, cost: (options: CostRunOptions) => VariantCosting): VariantCosting;
}

/** costScenario with a session's hooks (null: none). */
export function costScenarioWith(scenario: Scenario, options: CostOptions, hooks: CostingHooks | null): CostingResult {
  // Every costing-time problem at once (validate runs the same checks), before any figure is made.
  const check = costingIssues(scenario);
  if (check.issues.length > 0) throw new CostingInputError(listedIssues(check.issues, check.omitted));
  try {
    return costValidScenario(scenario, options, hooks);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new CostingInputError([{ path: '(document)', message: `an amount is too large to cost exactly to the cent (${error.message})` }]);
    }
    throw error;
  }
}

function costValidScenario(scenario: Scenario, options: CostOptions, hooks: CostingHooks | null): CostingResult {
  const ctx = hooks?.ctx ?? new CostingContext(scenario);
  const timeline = ctx.timeline;
  const F = timeline.fiscalYears.length;
  const N = timeline.length;
  const R = ctx.rollups.length;
  const interner = hooks?.interner ?? new Interner();
  const caches = hooks?.caches ?? new CostingCaches(ctx.rows.length);
  const retroIndices = scenario.proposals.map((p, pi) => retroIndexOf(p, pi, timeline));
  const total = 2 + F + scenario.proposals.reduce((sum, p, pi) => sum + p.provisions.length + F + 1 + (retroIndices[pi] === null ? 0 : 1), 0);
  let done = 0;
  const tick = () => options.onProgress?.({ done: ++done, total });
  const yearStarts = timeline.fiscalYearStartIndex;
  const yearEnd = (f: number) => (f + 1 < F ? yearStarts[f + 1]! : N);
  const hasSplitFunds = ctx.rows.some((rc) => rc.fundIndex.length > 1);
  const isYearStart = (index: number) => yearStarts.includes(index);

  const run = (spec: VariantSpec, runOptions: CostRunOptions): VariantCosting => {
    const extra = [...runOptions.recordAt, ...(runOptions.splitIndex === null ? [] : [runOptions.splitIndex])];
    if (runOptions.retro !== null) extra.push(runOptions.retro.index, runOptions.retro.index + 1);
    const planned = { ...spec, extraBoundaries: extra };
    const cost = (o: CostRunOptions) => costVariant(ctx, buildVariantPlan(ctx, planned, interner), caches, o);
    const costing = hooks === null ? cost(runOptions) : hooks.run(planned, runOptions, cost);
    tick();
    return costing;
  };
  const fromStart: CostRunOptions = {
    lift: true,
    recordFirstPeriodTaxable: false,
    family: '',
    retro: null,
    startIndex: 0,
    resumeFrom: null,
    recordAt: yearStarts,
    splitIndex: null,
  };
  const baselineSpec = (noStep: boolean): VariantSpec => ({ proposalIndex: null, provisions: [], multiplyFiscalYear: null, endPeriod: N, noStep });
  const basePlans = { normal: buildVariantPlan(ctx, baselineSpec(false), interner), noStep: buildVariantPlan(ctx, baselineSpec(true), interner) };

  const baseline = run(baselineSpec(false), { ...fromStart, recordFirstPeriodTaxable: true });
  const baselineNoStep = run(baselineSpec(true), { ...fromStart, lift: false, family: 'noStep', recordFirstPeriodTaxable: true });
  const classCodes = scenario.schedule.classes.map((c) => c.code);
  const fyNames = timeline.fiscalYearNames;
  const byFy = <T>(value: (f: number) => T): ByFiscalYear<T> => Object.fromEntries(fyNames.map((name, f) => [name, value(f)]));
  const byKeyFy = (keys: readonly string[], cents: ComponentCents) =>
    Object.fromEntries(keys.map((key, ki) => [key, byFy((f) => toComponents(cents, ki * F + f))]));
  const byClassFy = (cents: ComponentCents) => byKeyFy(classCodes, cents);
  const rollupNames = ctx.rollups.map((r) => r.name);
  const rollupsByName = (cents: Float64Array) => byFy((f) => Object.fromEntries(rollupNames.map((name, r) => [name, centsToMoney(cents[f * R + r]!)])));
  const baseTotals = fyNames.map((_, f) => groupTotal(baseline.byFiscalYear, f));
  const fte = ctx.fte;
  // In Decimal, not in cents as a double: a tiny FTE makes the quotient exceed 2^53 cents.
  const perFte = (cents: number) => (fte.isZero() ? null : formatMoney(new Decimal(cents).dividedBy(fte).dividedBy(100)));

  const valueOfOnePercent = (
    proposalIndex: number | null,
    provisions: readonly Provision[],
    states: RowStates,
    fullTotals: readonly number[],
    flat: readonly number[],
  ) =>
    byFy((f) => {
      if (yearStarts[f]! >= yearEnd(f)) {
        tick();
        return centsToMoney(0);
      }
      const plus = run(
        { proposalIndex, provisions, multiplyFiscalYear: f, endPeriod: yearEnd(f) },
        { ...fromStart, lift: false, startIndex: yearStarts[f]!, resumeFrom: f > 0 ? states : null, recordAt: [] },
      );
      return centsToMoney(groupTotal(plus.byFiscalYear, f) + flat[f]! - fullTotals[f]!);
    });
  const noFlat = fyNames.map(() => 0);
  const baselineValueOfOnePercent = valueOfOnePercent(null, [], baseline.states, baseTotals, noFlat);

  const proposalCosts: { byFiscalYear: ComponentCents; increaseTotals: number[] }[] = [];
  const proposals = scenario.proposals.map((proposal, pi): ProposalResult => {
    const provisions = proposal.provisions;
    const K = provisions.length;
    // null when the proposal has no retro pay (a `!` here would hide that from the type).
    const retroIndex = retroIndices[pi] ?? null;
    const retro = (noStep: boolean): RetroPlan | null =>
      retroIndex === null ? null : { index: retroIndex, baseline: noStep ? basePlans.noStep : basePlans.normal };
    // Costing 1..k is identical to costing 1..k−1 before provision k's first period: it resumes
    // there from the row states the previous costing recorded, and inherits that costing's totals.
    // With retro pay only after the retro period (it sums every earlier period); for the full
    // proposal with a split fund only at a fiscal year's start onto totals of whole fiscal years
    // (a split is taken on an employee's whole fiscal-year amount).
    // Flat amounts (timing 'fiscalYears') change no row: the last costing is that of the last
    // provision that does (or of the last provision when none does), and it carries the lift.
    const changesRows = (k: number) => provisionEffects(provisions[k]!).timing !== 'fiscalYears';
    let lastRun = K - 1;
    while (lastRun > 0 && !changesRows(lastRun)) lastRun--;
    if (K > 0 && !changesRows(lastRun)) lastRun = K - 1;
    const runsFor = (k: number) => k === lastRun || changesRows(k);
    let previous = null as VariantCosting | null;
    let inherited = null as CostTotals | null;
    // The inherited totals' by-fund figures are exact: every piece added covers whole fiscal years.
    let inheritedWholeYears = false;
    let rows: CostTotals & { annualAtLastPeriod: ComponentCents | null } = baseline;
    let states = baseline.states;
    let previousTotals = baseTotals;
    const charges: number[][] = [];
    for (let k = 0; k < K; k++) {
      if (runsFor(k)) {
        const first = firstPeriodAffected(provisions[k]!, timeline, N);
        const resumable: boolean =
          (retroIndex === null || first > retroIndex) && !(hasSplitFunds && k === lastRun && !(inheritedWholeYears && isYearStart(first)));
        const resumeAt: number = resumable && previous?.beforeSplit && previous.states.indices.includes(first) && first > 0 ? first : 0;
        let next = k + 1;
        while (next < K && !runsFor(next)) next++;
        const split = next < K ? firstPeriodAffected(provisions[next]!, timeline, N) : null;
        const costing = run(
          { proposalIndex: pi, provisions: provisions.slice(0, k + 1), multiplyFiscalYear: null, endPeriod: N },
          {
            ...fromStart,
            retro: retro(false),
            lift: k === lastRun,
            startIndex: resumeAt,
            resumeFrom: resumeAt > 0 ? previous!.states : null,
            recordAt: split !== null && split >= resumeAt ? [...yearStarts, split] : yearStarts,
            splitIndex: split !== null && split >= resumeAt ? split : null,
          },
        );
        const before: CostTotals | null = resumeAt > 0 ? inherited : null;
        rows = { ...(before ? addedTotals(costing, before) : costing), annualAtLastPeriod: costing.annualAtLastPeriod };
        inherited = costing.beforeSplit && before ? addedTotals(costing.beforeSplit, before) : costing.beforeSplit;
        inheritedWholeYears = (resumeAt === 0 || (inheritedWholeYears && isYearStart(resumeAt))) && split !== null && isYearStart(split);
        states = costing.states;
        previous = costing;
      } else {
        tick();
      }
      const flat = flatCents(provisions.slice(0, k + 1), fyNames);
      const totals = fyNames.map((_, f) => groupTotal(rows.byFiscalYear, f) + flat[f]!);
      charges.push(totals.map((t, f) => t - previousTotals[f]!));
      previousTotals = totals;
    }
    const flat = flatCents(provisions, fyNames);
    const withFlat = (cents: ComponentCents) => {
      const out = new Float64Array(cents);
      flat.forEach((c, f) => (out[f * COMPONENT_COUNT + C.flat]! += c));
      return out;
    };
    const proposalByFy = withFlat(rows.byFiscalYear);
    const fullTotals = previousTotals;
    const proposalAnnual = rows.annualAtLastPeriod ?? baseline.annualAtLastPeriod!;

    // Value of 1% prices a percent in the year it is earned: it ignores retroPayDate (§3).
    let earned = { states, totals: fullTotals };
    if (retroIndex !== null) {
      const plain = run({ proposalIndex: pi, provisions, multiplyFiscalYear: null, endPeriod: N }, { ...fromStart, lift: false });
      earned = { states: plain.states, totals: fyNames.map((_, f) => groupTotal(plain.byFiscalYear, f) + flat[f]!) };
    }
    const proposalValueOfOnePercent = valueOfOnePercent(pi, provisions, earned.states, earned.totals, flat);

    const noStep = run(
      { proposalIndex: pi, provisions, multiplyFiscalYear: null, endPeriod: N, noStep: true },
      { ...fromStart, lift: false, family: 'noStep', retro: retro(true) },
    );
    const stepMovement = subtract(proposalByFy, withFlat(noStep.byFiscalYear));

    const { byFund, byDepartment } = flatByFundAndDepartment(provisions, fyNames, ctx.funds, ctx.departments);
    const proposalByFund = added(rows.byFund, byFund);
    const proposalByDepartment = added(rows.byDepartment, byDepartment);

    const increase = subtract(proposalByFy, baseline.byFiscalYear);
    const lift = subtract(proposalAnnual, baseline.annualAtLastPeriod!);
    const firstBase = baseTotals[0]!;
    const increaseTotals = fyNames.map((_, f) => fullTotals[f]! - baseTotals[f]!);
    proposalCosts.push({ byFiscalYear: proposalByFy, increaseTotals });
    const overPrior = new Float64Array(increase);
    for (let f = F - 1; f > 0; f--) for (let c = 0; c < COMPONENT_COUNT; c++) overPrior[f * COMPONENT_COUNT + c]! -= increase[(f - 1) * COMPONENT_COUNT + c]!;
    const result: ProposalResult = {
      name: proposal.name,
      ...(proposal.side !== undefined ? { side: proposal.side } : {}),
      byFiscalYear: byFy((f) => toComponents(proposalByFy, f)),
      increase: byFy((f) => toComponents(increase, f)),
      increaseTotal: toComponents(sumGroups(increase, F), 0),
      byProvision: provisions.map((provision, k) => ({
        index: k + 1,
        type: provision.type,
        ...(provision.label !== undefined ? { label: provision.label } : {}),
        byFiscalYear: byFy((f) => centsToMoney(charges[k]![f]!)),
        total: centsToMoney(charges[k]!.reduce((a, b) => a + b, 0)),
      })),
      valueOfOnePercent: proposalValueOfOnePercent,
      ongoingAnnualIncrease: centsToMoney(groupTotal(lift, 0)),
      ongoingAnnualIncreaseByComponent: toComponents(lift, 0),
      compoundedWageIncrease: compoundedWageIncrease(proposal, timeline.fiscalYears, scenario.calendar.fiscalYearStartMonth),
      percentOfBase: byFy((f) => (firstBase === 0 ? null : formatRatio(new Decimal(increaseTotals[f]!).dividedBy(firstBase)))),
      byClass: byClassFy(rows.byClass),
      increaseByClass: byClassFy(subtract(rows.byClass, baseline.byClass)),
      rollupsByName: rollupsByName(rows.rollups),
      increaseRollupsByName: rollupsByName(subtract(rows.rollups, baseline.rollups)),
      increaseOverPriorYear: byFy((f) => toComponents(overPrior, f)),
      stepMovement: byFy((f) => toComponents(stepMovement, f)),
      increasePerFte: byFy((f) => perFte(increaseTotals[f]!)),
      byFund: byKeyFy(ctx.funds, proposalByFund),
      increaseByFund: byKeyFy(ctx.funds, subtract(proposalByFund, baseline.byFund)),
      byDepartment: byKeyFy(ctx.departments, proposalByDepartment),
      increaseByDepartment: byKeyFy(ctx.departments, subtract(proposalByDepartment, baseline.byDepartment)),
    };
    return result;
  });

  const budget = scenario.proposals.findIndex((p) => p.side === 'budget');
  if (budget !== -1) {
    const budgeted = proposalCosts[budget]!.increaseTotals;
    proposals.forEach((result, pi) => {
      if (pi === budget) return;
      const over = proposalCosts[pi]!.increaseTotals.map((t, f) => t - budgeted[f]!);
      result.overBudget = byFy((f) => centsToMoney(over[f]!));
      result.overBudgetTotal = centsToMoney(over.reduce((a, b) => a + b, 0));
    });
  }

  const baselineStepMovement = subtract(baseline.byFiscalYear, baselineNoStep.byFiscalYear);
  return {
    fiscalYears: fyNames,
    periodsByFiscalYear: byFy((f) => timeline.periodsByFiscalYear[f]!),
    baseline: byFy((f) => toComponents(baseline.byFiscalYear, f)),
    baselineByClass: byClassFy(baseline.byClass),
    baselineAnnualAtLastPeriod: toComponents(baseline.annualAtLastPeriod!, 0),
    positions: ctx.positions,
    vacantPositions: ctx.vacantPositions,
    fte: fte.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString(),
    baselineRollupsByName: rollupsByName(baseline.rollups),
    baselineStepMovement: byFy((f) => toComponents(baselineStepMovement, f)),
    baselineValueOfOnePercent,
    baselinePerFte: byFy((f) => perFte(baseTotals[f]!)),
    baselineByFund: byKeyFy(ctx.funds, baseline.byFund),
    baselineByDepartment: byKeyFy(ctx.departments, baseline.byDepartment),
    proposals,
    snapshot: {
      unit: scenario.unit.id,
      scheduleId: scenario.schedule.id,
      scheduleEffective: scenario.schedule.effective,
      rosterExtractDate: scenario.roster.extractDate,
      assumptionsId: scenario.assumptions.id,
    },
  };
}

/**
 * The retro period's index (§3): the first period paid on or after `retroPayDate`; null when that
 * is the first costed period or earlier (nothing is paid back). After the horizon it is an error.
 */
function retroIndexOf(proposal: Proposal, pi: number, timeline: Timeline): number | null {
  if (proposal.retroPayDate === undefined) return null;
  const date = parseDay(proposal.retroPayDate);
  const last = timeline.payDate[timeline.length - 1]!;
  if (date > last) {
    throw new CostingInputError([
      {
        path: `proposals[${pi}].retroPayDate`,
        message: `${proposal.retroPayDate} is after the horizon's last pay date ${formatDay(last)}: pay the retro within the costed periods, or leave retroPayDate out`,
      },
    ]);
  }
  const index = lowerBound(timeline.payDate, date);
  return index <= 0 ? null : index;
}

function addedTotals(a: CostTotals, b: CostTotals): CostTotals {
  return {
    byFiscalYear: added(a.byFiscalYear, b.byFiscalYear),
    byClass: added(a.byClass, b.byClass),
    byFund: added(a.byFund, b.byFund),
    byDepartment: added(a.byDepartment, b.byDepartment),
    rollups: added(a.rollups, b.rollups),
  };
}

/** Flat amounts by fund (split like a row's, §7, with no count) and by department, per fiscal year. */
function flatByFundAndDepartment(
  provisions: readonly Provision[],
  fyNames: readonly string[],
  funds: readonly string[],
  departments: readonly string[],
): { byFund: ComponentCents; byDepartment: ComponentCents } {
  const F = fyNames.length;
  const byFund = newComponentCents(funds.length * F);
  const byDepartment = newComponentCents(departments.length * F);
  for (const provision of provisions) {
    const p = provisionEffects(provision).flat;
    if (p === undefined) continue;
    const amount = new Decimal(p.amount).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
    const parts = fundParts(p.fund);
    for (const name of p.fiscalYears) {
      const f = fyNames.indexOf(name);
      if (f === -1) continue;
      byDepartment[(departments.indexOf(p.department ?? UNASSIGNED) * F + f) * COMPONENT_COUNT + C.flat]! += amount;
      let rest = amount;
      parts.forEach((part, i) => {
        const cents = i === parts.length - 1 ? rest : applyRate(amount, exactRate(part.share));
        rest -= cents;
        byFund[(funds.indexOf(part.fund) * F + f) * COMPONENT_COUNT + C.flat]! += cents;
      });
    }
  }
  return { byFund, byDepartment };
}

/**
 * The first costed period a provision can change (N when none): its effective period under the
 * effective rule, or the first period starting on or after its date for step freezes; the period a
 * lump sum is paid in. Flat amounts change no period.
 */
export function firstPeriodAffected(provision: Provision, timeline: Timeline, N: number): number {
  const date = provisionDate(provision);
  let index: number;
  const timing = provisionEffects(provision).timing;
  if (timing === 'fiscalYears') index = N;
  else if (timing === 'paid') {
    const paid = timeline.firstPaidOnOrAfter(date);
    index = paid < 0 ? N : paid;
  } else index = Math.min(timeline.firstAffected(date), lowerBound(timeline.start, date));
  return Math.min(index, N - 1);
}

function added(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a);
  for (let i = 0; i < out.length; i++) out[i]! += b[i]!;
  return out;
}

/** Flat provisions' cents per fiscal year of the horizon. */
function flatCents(provisions: readonly Provision[], fyNames: readonly string[]): number[] {
  const cents = fyNames.map(() => 0);
  for (const provision of provisions) {
    const p = provisionEffects(provision).flat;
    if (p === undefined) continue;
    const amount = new Decimal(p.amount).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
    for (const name of p.fiscalYears) {
      const f = fyNames.indexOf(name);
      if (f !== -1) cents[f]! += amount;
    }
  }
  return cents;
}

/** ∏(1 + percent) over the gwi provisions dated within the horizon, minus 1. */
function compoundedWageIncrease(proposal: Proposal, fiscalYears: readonly number[], startMonth: number): string {
  const first = fiscalYearFirstDay(fiscalYears[0]!, startMonth);
  const last = fiscalYearLastDay(fiscalYears[fiscalYears.length - 1]!, startMonth);
  let product = new Decimal(1);
  for (const lp of inDateOrder(proposal.provisions)) {
    const percent = lp.effects.compoundedPercent;
    if (percent !== undefined && lp.date >= first && lp.date <= last) product = product.times(new Decimal(1).plus(percent));
  }
  return formatRatio(product.minus(1));
}
