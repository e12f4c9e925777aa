import { fiscalYearFirstDay, fiscalYearLastDay } from '../calendar.js';
import { CostingInputError } from '../issues.js';
import { Decimal, centsToMoney, formatRatio } from '../money.js';
import type { CostingResult, ProposalResult, ByFiscalYear } from '../result.js';
import type { Proposal, Scenario } from '../schemas/scenario.js';
import { C, COMPONENT_COUNT, groupTotal, subtract, sumGroups, toComponents, type ComponentCents } from './components.js';
import { CostingContext } from './costingContext.js';
import { CostingCaches, costVariant, type CostOptions as CostRunOptions, type VariantCosting } from './costRows.js';
import { inDateOrder } from './provisionOrder.js';
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
  const total = 1 + scenario.proposals.reduce((sum, p) => sum + Math.max(1, p.provisions.length) + F, 0);
  let done = 0;
  const tick = () => options.onProgress?.({ done: ++done, total });

  const run = (spec: VariantSpec, options: CostRunOptions): VariantCosting => {
    const costing = costVariant(ctx, buildVariantPlan(ctx, spec, interner), caches, options);
    tick();
    return costing;
  };
  const full: CostRunOptions = { lift: true, byClass: true, recordFirstPeriodTaxable: false, recordYearStarts: true, startFiscalYear: 0 };
  const prefix: CostRunOptions = { lift: false, byClass: false, recordFirstPeriodTaxable: false, recordYearStarts: false, startFiscalYear: 0 };

  const baseline = run({ proposalIndex: null, provisions: [], multiplyFiscalYear: null, endPeriod: N }, { ...full, recordFirstPeriodTaxable: true });
  const classCodes = scenario.schedule.classes.map((c) => c.code);
  const fyNames = timeline.fiscalYearNames;
  const byFy = <T>(value: (f: number) => T): ByFiscalYear<T> => Object.fromEntries(fyNames.map((name, f) => [name, value(f)]));
  const byClassFy = (cents: ComponentCents) =>
    Object.fromEntries(classCodes.map((code, ci) => [code, byFy((f) => toComponents(cents, ci * F + f))]));
  const baseTotals = fyNames.map((_, f) => groupTotal(baseline.byFiscalYear, f));

  const proposals = scenario.proposals.map((proposal, pi): ProposalResult => {
    let previous = baseline;
    let previousTotals = baseTotals;
    const charges: number[][] = [];
    const K = proposal.provisions.length;
    // The full proposal is costed last, with the lift, per-class detail and the YTDs value-of-1% needs.
    proposal.provisions.forEach((provision, k) => {
      const isLast = k === K - 1;
      const costing =
        provision.type === 'flat' && !isLast
          ? withFlat(previous, provision.amount, provision.fiscalYears, fyNames)
          : run({ proposalIndex: pi, provisions: proposal.provisions.slice(0, k + 1), multiplyFiscalYear: null, endPeriod: N }, isLast ? full : prefix);
      if (provision.type === 'flat' && !isLast) tick();
      const totals = fyNames.map((_, f) => groupTotal(costing.byFiscalYear, f));
      charges.push(totals.map((t, f) => t - previousTotals[f]!));
      previous = costing;
      previousTotals = totals;
    });
    if (K === 0) run({ proposalIndex: pi, provisions: [], multiplyFiscalYear: null, endPeriod: N }, full); // records the YTDs
    const proposalCost = previous;
    const fullTotals = previousTotals;

    const valueOfOnePercent = byFy((f) => {
      const end = f + 1 < F ? timeline.fiscalYearStartIndex[f + 1]! : N;
      const plus = run({ proposalIndex: pi, provisions: proposal.provisions, multiplyFiscalYear: f, endPeriod: end }, { ...prefix, startFiscalYear: f });
      return centsToMoney(groupTotal(plus.byFiscalYear, f) - fullTotals[f]!);
    });

    const increase = subtract(proposalCost.byFiscalYear, baseline.byFiscalYear);
    const lift = subtract(proposalCost.annualAtLastPeriod!, baseline.annualAtLastPeriod!);
    const firstBase = baseTotals[0]!;
    const result: ProposalResult = {
      name: proposal.name,
      ...(proposal.side !== undefined ? { side: proposal.side } : {}),
      byFiscalYear: byFy((f) => toComponents(proposalCost.byFiscalYear, f)),
      increase: byFy((f) => toComponents(increase, f)),
      increaseTotal: toComponents(sumGroups(increase, F), 0),
      byProvision: proposal.provisions.map((provision, k) => ({
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
      byClass: byClassFy(proposalCost.byClass),
      increaseByClass: byClassFy(subtract(proposalCost.byClass, baseline.byClass)),
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

/** A flat provision moves no pay: the previous costing plus its amount in the named years. */
function withFlat(previous: VariantCosting, amount: string, fiscalYears: readonly string[], fyNames: readonly string[]): VariantCosting {
  const byFiscalYear = new Float64Array(previous.byFiscalYear);
  const cents = new Decimal(amount).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  for (const name of fiscalYears) {
    const f = fyNames.indexOf(name);
    if (f !== -1) byFiscalYear[f * COMPONENT_COUNT + C.flat]! += cents;
  }
  return { ...previous, byFiscalYear };
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

