import { fiscalYearFirstDay, fiscalYearLastDay } from '../calendar.js';
import { CostingInputError } from '../issues.js';
import { Decimal, centsToMoney, formatRatio } from '../money.js';
import type { CostingResult, ProposalResult, ByFiscalYear } from '../result.js';
import type { Proposal, Provision, Scenario } from '../schemas/scenario.js';
import { C, COMPONENT_COUNT, groupTotal, subtract, sumGroups, toComponents, type ComponentCents } from './components.js';
import { CostingContext } from './costingContext.js';
import { CostingCaches, costVariant, type CostOptions as CostRunOptions, type CostTotals, type VariantCosting } from './costRows.js';
import { inDateOrder, provisionDate } from './provisionOrder.js';
import { lowerBound, type Timeline } from './timeline.js';
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
  try {
    return costValidScenario(scenario, options);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new CostingInputError([{ path: '(document)', message: `an amount is too large to cost exactly to the cent (${error.message})` }]);
    }
    throw error;
  }
}

function costValidScenario(scenario: Scenario, options: CostOptions): CostingResult {
  const ctx = new CostingContext(scenario);
  const timeline = ctx.timeline;
  const F = timeline.fiscalYears.length;
  const N = timeline.length;
  const interner = new Interner();
  const caches = new CostingCaches(ctx.rows.length);
  const total = 1 + scenario.proposals.reduce((sum, p) => sum + p.provisions.length + F, 0);
  let done = 0;
  const tick = () => options.onProgress?.({ done: ++done, total });
  const yearStarts = timeline.fiscalYearStartIndex;

  const run = (spec: VariantSpec, runOptions: CostRunOptions): VariantCosting => {
    const plan = buildVariantPlan(ctx, { ...spec, extraBoundaries: [...runOptions.recordAt, ...(runOptions.splitIndex === null ? [] : [runOptions.splitIndex])] }, interner);
    const costing = costVariant(ctx, plan, caches, runOptions);
    tick();
    return costing;
  };
  const fromStart: CostRunOptions = { lift: true, recordFirstPeriodTaxable: false, startIndex: 0, resumeFrom: null, recordAt: yearStarts, splitIndex: null };

  const baseline = run({ proposalIndex: null, provisions: [], multiplyFiscalYear: null, endPeriod: N }, { ...fromStart, recordFirstPeriodTaxable: true });
  const classCodes = scenario.schedule.classes.map((c) => c.code);
  const fyNames = timeline.fiscalYearNames;
  const byFy = <T>(value: (f: number) => T): ByFiscalYear<T> => Object.fromEntries(fyNames.map((name, f) => [name, value(f)]));
  const byClassFy = (cents: ComponentCents) =>
    Object.fromEntries(classCodes.map((code, ci) => [code, byFy((f) => toComponents(cents, ci * F + f))]));
  const baseTotals = fyNames.map((_, f) => groupTotal(baseline.byFiscalYear, f));

  const proposals = scenario.proposals.map((proposal, pi): ProposalResult => {
    const provisions = proposal.provisions;
    const K = provisions.length;
    // Costing 1..k is identical to costing 1..k−1 before provision k's first period: it resumes
    // there from the row states the previous costing recorded, and inherits that costing's totals.
    const runsFor = (k: number) => k === K - 1 || provisions[k]!.type !== 'flat';
    let previous = null as VariantCosting | null;
    let inherited = null as CostTotals | null;
    let rows: CostTotals & { annualAtLastPeriod: ComponentCents | null } = baseline;
    let states = baseline.states;
    let previousTotals = baseTotals;
    const charges: number[][] = [];
    for (let k = 0; k < K; k++) {
      if (runsFor(k)) {
        const first = firstPeriodAffected(provisions[k]!, timeline, N);
        const resumeAt = previous?.beforeSplit && previous.states.indices.includes(first) && first > 0 ? first : 0;
        let next = k + 1;
        while (next < K && !runsFor(next)) next++;
        const split = next < K ? firstPeriodAffected(provisions[next]!, timeline, N) : null;
        const costing = run(
          { proposalIndex: pi, provisions: provisions.slice(0, k + 1), multiplyFiscalYear: null, endPeriod: N },
          {
            ...fromStart,
            lift: k === K - 1,
            startIndex: resumeAt,
            resumeFrom: resumeAt > 0 ? previous!.states : null,
            recordAt: split !== null && split >= resumeAt ? [...yearStarts, split] : yearStarts,
            splitIndex: split !== null && split >= resumeAt ? split : null,
          },
        );
        const before: CostTotals | null = resumeAt > 0 ? inherited : null;
        rows = {
          byFiscalYear: before ? added(costing.byFiscalYear, before.byFiscalYear) : costing.byFiscalYear,
          byClass: before ? added(costing.byClass, before.byClass) : costing.byClass,
          annualAtLastPeriod: costing.annualAtLastPeriod,
        };
        inherited = costing.beforeSplit && before ? { byFiscalYear: added(costing.beforeSplit.byFiscalYear, before.byFiscalYear), byClass: added(costing.beforeSplit.byClass, before.byClass) } : costing.beforeSplit;
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
    const proposalByFy = new Float64Array(rows.byFiscalYear);
    flat.forEach((cents, f) => (proposalByFy[f * COMPONENT_COUNT + C.flat]! += cents));
    const fullTotals = previousTotals;
    const proposalAnnual = rows.annualAtLastPeriod ?? baseline.annualAtLastPeriod!;

    const valueOfOnePercent = byFy((f) => {
      const end = f + 1 < F ? yearStarts[f + 1]! : N;
      const plus = run(
        { proposalIndex: pi, provisions, multiplyFiscalYear: f, endPeriod: end },
        { ...fromStart, lift: false, startIndex: yearStarts[f]!, resumeFrom: f > 0 ? states : null, recordAt: [] },
      );
      return centsToMoney(groupTotal(plus.byFiscalYear, f) + flat[f]! - fullTotals[f]!);
    });

    const increase = subtract(proposalByFy, baseline.byFiscalYear);
    const lift = subtract(proposalAnnual, baseline.annualAtLastPeriod!);
    const firstBase = baseTotals[0]!;
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
      valueOfOnePercent,
      ongoingAnnualIncrease: centsToMoney(groupTotal(lift, 0)),
      ongoingAnnualIncreaseByComponent: toComponents(lift, 0),
      compoundedWageIncrease: compoundedWageIncrease(proposal, timeline.fiscalYears, scenario.calendar.fiscalYearStartMonth),
      percentOfBase: byFy((f) => (firstBase === 0 ? null : formatRatio(new Decimal(fullTotals[f]! - baseTotals[f]!).dividedBy(firstBase)))),
      byClass: byClassFy(rows.byClass),
      increaseByClass: byClassFy(subtract(rows.byClass, baseline.byClass)),
    };
    return result;
  });

  return {
    fiscalYears: fyNames,
    periodsByFiscalYear: byFy((f) => timeline.periodsByFiscalYear[f]!),
    baseline: byFy((f) => toComponents(baseline.byFiscalYear, f)),
    baselineByClass: byClassFy(baseline.byClass),
    baselineAnnualAtLastPeriod: toComponents(baseline.annualAtLastPeriod!, 0),
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
 * The first costed period a provision can change (N when none): its effective period under the
 * effective rule, or the first period starting on or after its date for step freezes; the period a
 * lump sum is paid in. Flat amounts change no period.
 */
function firstPeriodAffected(provision: Provision, timeline: Timeline, N: number): number {
  const date = provisionDate(provision);
  let index: number;
  if (provision.type === 'flat') index = N;
  else if (provision.type === 'lumpSum') {
    const paid = timeline.firstPaidOnOrAfter(date);
    index = paid < 0 ? N : paid;
  } else index = Math.min(timeline.firstAffected(date), lowerBound(timeline.start, date));
  return Math.min(index, N - 1);
}

function added(a: ComponentCents, b: ComponentCents): ComponentCents {
  const out = new Float64Array(a);
  for (let i = 0; i < out.length; i++) out[i]! += b[i]!;
  return out;
}

/** Flat provisions' cents per fiscal year of the horizon. */
function flatCents(provisions: readonly Provision[], fyNames: readonly string[]): number[] {
  const cents = fyNames.map(() => 0);
  for (const p of provisions) {
    if (p.type !== 'flat') continue;
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
    if (lp.provision.type === 'gwi' && lp.date >= first && lp.date <= last) product = product.times(new Decimal(1).plus(lp.provision.percent));
  }
  return formatRatio(product.minus(1));
}

