import { fiscalYearFirstDay, fiscalYearLastDay } from '../calendar.js';
import { UNASSIGNED, fundParts } from '../schemas/funds.js';
import { provisionEffects } from '../provisions/registry.js';
import { applyRate, exactRate } from './exactRate.js';
import { CostingInputError } from '../issues.js';
import { Decimal, centsToMoney, formatMoney, formatRatio } from '../money.js';
import type { CostingResult, IncreaseResult, ProposalIncrease, ProposalResult, ByFiscalYear } from '../result.js';
import type { Proposal, Provision, Scenario } from '../schemas/scenario.js';
import { C, COMPONENT_COUNT, groupTotal, newComponentCents, subtract, sumGroups, toClassComponents, toComponents, type ComponentCents } from './components.js';
import { CostingContext, rosterFacts, type RosterFacts } from './costingContext.js';
import { costIncreaseRows, costRowRange, type CostingHooks, type CostingProgress } from './costRowRange.js';
import { inDateOrder } from './provisionOrder.js';
import type { RowPartials } from './rowPartials.js';
import { MAX_WORK_BEYOND_INTEGER_CENTS, workBeyondIntegerCents } from '../validation/integerCentsBound.js';
import { Timeline } from './timeline.js';
import { ReferenceRefusal, referenceCost } from '../reference/referenceCosting.js';
import { costingIssues } from '../validation/costingIssues.js';
import { listedIssues } from '../validation/issueList.js';

export type { CostingProgress } from './costRowRange.js';

export interface CostOptions {
  onProgress?: (progress: CostingProgress) => void;
}

/**
 * Costs a validated scenario (COSTING.md): the baseline and each proposal per fiscal year and
 * component, the increase, per-provision charges, the value of 1%, the lift, per-class detail.
 * The row phase (costRowRange) and the assembly (assembleCosting) are apart so that ranges of
 * rows can be costed on other threads (server/costing/costRowsInParallel.ts).
 */
export function costScenario(scenario: Scenario, options: CostOptions = {}): CostingResult {
  return costScenarioWith(scenario, options, null);
}

/** What a costing session (costingSession.ts) lends a costing: its kept context, roster facts and hooks. */
export interface SessionParts {
  ctx: CostingContext;
  roster: RosterFacts;
  hooks: CostingHooks;
}

/** costScenario on a costing session's parts; null: its own. */
export function costScenarioWith(scenario: Scenario, options: CostOptions, session: SessionParts | null): CostingResult {
  return checkedCosting(
    scenario,
    session,
    (ctx, roster) => assembleCosting(scenario, roster, costRowRange(ctx, options.onProgress, session?.hooks ?? null)),
    costBeyondIntegerCents,
  );
}

/**
 * A scenario whose amounts pass 2⁵³ cents (about $90 trillion: an hourly rate near the 10¹² bound
 * of §1, a count in the billions) — beyond the integer cents the engine counts in — costed exactly
 * by the reference reading of COSTING.md (shared/reference/), which works in 200-digit decimals.
 * Its result is the engine's to the byte wherever both can cost (tests/reference/ compares them
 * figure by figure on every named and generated case); it is slow, so more work than that is refused.
 */
function costBeyondIntegerCents(scenario: Scenario, tooLarge: RangeError): CostingResult {
  const work = workBeyondIntegerCents(scenario);
  if (work > MAX_WORK_BEYOND_INTEGER_CENTS) {
    throw new CostingInputError([
      {
        path: '(document)',
        message:
          `an amount is beyond the $90 trillion the engine counts exactly in cents (${tooLarge.message}); such amounts are ` +
          `costed in decimals one employee and one period at a time, for at most ${MAX_WORK_BEYOND_INTEGER_CENTS.toLocaleString('en-US')} ` +
          `row-period-costings (rows × periods × costings), and this scenario needs ${work.toLocaleString('en-US')}: cost fewer rows or proposals at once`,
      },
    ]);
  }
  try {
    return referenceCost(scenario);
  } catch (error) {
    // The checks before costing refused everything the reference does on every differential case;
    // should one still slip through, it is an input problem with its path, never a server fault.
    if (error instanceof ReferenceRefusal) throw new CostingInputError([{ path: error.path, message: error.message }]);
    throw error;
  }
}

/**
 * Every costing-time problem at once (validate runs the same checks), before any figure is made;
 * then `cost` on the session's context or a new one; an amount too large for integer cents goes to
 * `beyondIntegerCents`.
 */
function checkedCosting<T>(
  scenario: Scenario,
  session: SessionParts | null,
  cost: (ctx: CostingContext, roster: RosterFacts) => T,
  beyondIntegerCents: (scenario: Scenario, tooLarge: RangeError) => T,
): T {
  const check = costingIssues(scenario);
  if (check.issues.length > 0) throw new CostingInputError(listedIssues(check.issues, check.omitted));
  try {
    const roster = session?.roster ?? rosterFacts(scenario);
    return cost(session?.ctx ?? new CostingContext(scenario, roster), roster);
  } catch (error) {
    if (error instanceof RangeError) return beyondIntegerCents(scenario, error);
    if (error instanceof BeyondIntegerCents) return beyondIntegerCents(scenario, error.tooLarge);
    throw error;
  }
}

/**
 * An amount beyond the integer cents the engine counts in (a RangeError of its arithmetic), as an
 * input problem of a part of a costing (a range of rows, the assembly); costScenario then costs the
 * whole scenario in decimals (costBeyondIntegerCents).
 */
export class BeyondIntegerCents extends CostingInputError {
  constructor(readonly tooLarge: RangeError) {
    super([{ path: '(document)', message: `an amount is too large to cost exactly to the cent (${tooLarge.message})` }]);
  }
}

export function exactOrRefused<T>(cost: () => T): T {
  try {
    return cost();
  } catch (error) {
    if (error instanceof RangeError) throw new BeyondIntegerCents(error);
    throw error;
  }
}

/**
 * A what-if's answer (the pane's comparison): the baseline and each proposal's cost and increase per
 * fiscal year and over the term — the same figures, to the byte, as `costScenario`'s — from only the
 * costings they need (costIncreaseRows). The same checks and refusals as costScenario.
 */
export function costIncrease(scenario: Scenario): IncreaseResult {
  return costIncreaseWith(scenario, null);
}

/** costIncrease on a costing session's parts; null: its own. */
export function costIncreaseWith(scenario: Scenario, session: SessionParts | null): IncreaseResult {
  return checkedCosting(
    scenario,
    session,
    (ctx) => {
      const rows = costIncreaseRows(ctx, session?.hooks ?? null);
      const fyNames = ctx.timeline.fiscalYearNames;
      const byFy = byFiscalYearOf(fyNames);
      return {
        fiscalYears: fyNames,
        baseline: byFy((f) => toComponents(rows.baseline, f)),
        proposals: scenario.proposals.map((proposal, pi) => proposalIncrease(proposal, rows.proposals[pi]!, rows.baseline, fyNames, byFy).result),
      };
    },
    (beyond, tooLarge) => {
      const whole = costBeyondIntegerCents(beyond, tooLarge);
      return {
        fiscalYears: whole.fiscalYears,
        baseline: whole.baseline,
        proposals: whole.proposals.map((p): ProposalIncrease => ({
          name: p.name,
          ...(p.side !== undefined ? { side: p.side } : {}),
          byFiscalYear: p.byFiscalYear,
          increase: p.increase,
          increaseTotal: p.increaseTotal,
        })),
      };
    },
  );
}

/** A figure per fiscal year, keyed by the fiscal years' names (§9). */
function byFiscalYearOf(fyNames: readonly string[]): <T>(value: (f: number) => T) => ByFiscalYear<T> {
  return (value) => Object.fromEntries(fyNames.map((name, f) => [name, value(f)]));
}

/**
 * A proposal's cost (its rows' plus its flat amounts, §7) and its increase over the baseline per
 * fiscal year, in cents and as the result's figures: the what-if's answer and the report's alike.
 */
function proposalIncrease(
  proposal: Proposal,
  rowsByFy: ComponentCents,
  baselineByFy: ComponentCents,
  fyNames: readonly string[],
  byFy: <T>(value: (f: number) => T) => ByFiscalYear<T>,
): { flat: number[]; byFiscalYear: ComponentCents; increase: ComponentCents; result: ProposalIncrease } {
  const flat = flatCents(proposal.provisions, fyNames);
  const byFiscalYear = withFlatAmounts(rowsByFy, flat);
  const increase = subtract(byFiscalYear, baselineByFy);
  const result: ProposalIncrease = {
    name: proposal.name,
    ...(proposal.side !== undefined ? { side: proposal.side } : {}),
    byFiscalYear: byFy((f) => toComponents(byFiscalYear, f)),
    increase: byFy((f) => toComponents(increase, f)),
    increaseTotal: toComponents(sumGroups(increase, fyNames.length), 0),
  };
  return { flat, byFiscalYear, increase, result };
}

/**
 * The assembly phase: the report from the row partials of the whole roster (addRowPartials of its
 * ranges, in row order) — flat amounts, charges, increases, value of 1%, step movement, budget.
 */
export function assembleCosting(scenario: Scenario, roster: RosterFacts, partials: RowPartials): CostingResult {
  return exactOrRefused(() => assemble(scenario, roster, partials));
}

function assemble(scenario: Scenario, roster: RosterFacts, partials: RowPartials): CostingResult {
  const timeline = new Timeline(scenario);
  const F = timeline.fiscalYears.length;
  const N = timeline.length;
  const R = scenario.assumptions.otherRollups.length;
  const yearStarts = timeline.fiscalYearStartIndex;
  const yearEnd = (f: number) => (f + 1 < F ? yearStarts[f + 1]! : N);
  const { funds, departments } = roster;
  const baseline = partials.baseline;
  const classCodes = scenario.schedule.classes.map((c) => c.code);
  const fyNames = timeline.fiscalYearNames;
  const byFy = byFiscalYearOf(fyNames);
  const byKeyFy = (keys: readonly string[], cents: ComponentCents) =>
    Object.fromEntries(keys.map((key, ki) => [key, byFy((f) => toComponents(cents, ki * F + f))]));
  const byClassFy = (cents: ComponentCents) => Object.fromEntries(classCodes.map((code, ci) => [code, byFy((f) => toClassComponents(cents, ci * F + f))]));
  const rollupNames = scenario.assumptions.otherRollups.map((r) => r.name);
  const rollupsByName = (cents: Float64Array) => byFy((f) => Object.fromEntries(rollupNames.map((name, r) => [name, centsToMoney(cents[f * R + r]!)])));
  const baseTotals = fyNames.map((_, f) => groupTotal(baseline.byFiscalYear, f));
  const fte = new Decimal(roster.fte);
  // In Decimal, not in cents as a double: a tiny FTE makes the quotient exceed 2^53 cents.
  const perFte = (cents: number) => (fte.isZero() ? null : formatMoney(new Decimal(cents).dividedBy(fte).dividedBy(100)));

  /** Each year's value of 1% (§7): its costing × 1.01 less the costing it is measured from. */
  const valueOfOnePercent = (plus: Float64Array, fullTotals: readonly number[], flat: readonly number[]) =>
    byFy((f) => (yearStarts[f]! >= yearEnd(f) ? centsToMoney(0) : centsToMoney(plus[f]! + flat[f]! - fullTotals[f]!)));
  const noFlat = fyNames.map(() => 0);
  const baselineValueOfOnePercent = valueOfOnePercent(partials.baselineValueOfOnePercent, baseTotals, noFlat);

  const proposalCosts: { byFiscalYear: ComponentCents; increaseTotals: number[] }[] = [];
  const proposals = scenario.proposals.map((proposal, pi): ProposalResult => {
    const provisions = proposal.provisions;
    const K = provisions.length;
    const p = partials.proposals[pi]!;
    const rows = p.proposal;
    let previousTotals = baseTotals;
    const charges: number[][] = [];
    for (let k = 0; k < K; k++) {
      const flat = flatCents(provisions.slice(0, k + 1), fyNames);
      const totals = fyNames.map((_, f) => p.prefixTotals[k * F + f]! + flat[f]!);
      charges.push(totals.map((t, f) => t - previousTotals[f]!));
      previousTotals = totals;
    }
    const costed = proposalIncrease(proposal, rows.byFiscalYear, baseline.byFiscalYear, fyNames, byFy);
    const { flat, increase } = costed;
    const proposalByFy = costed.byFiscalYear;
    const withFlat = (cents: ComponentCents) => withFlatAmounts(cents, flat);
    const fullTotals = previousTotals;
    const proposalAnnual = rows.annualAtLastPeriod;

    // Value of 1% prices a percent in the year it is earned: it ignores retroPayDate (§3).
    const earnedTotals = fyNames.map((_, f) => p.earnedTotals[f]! + flat[f]!);
    const proposalValueOfOnePercent = valueOfOnePercent(p.valueOfOnePercent, earnedTotals, flat);
    const stepMovement = subtract(proposalByFy, withFlat(p.noStep));

    const { byFund, byDepartment } = flatByFundAndDepartment(provisions, fyNames, funds, departments);
    const proposalByFund = added(rows.byFund, byFund);
    const proposalByDepartment = added(rows.byDepartment, byDepartment);

    const lift = subtract(proposalAnnual, baseline.annualAtLastPeriod);
    const firstBase = baseTotals[0]!;
    const increaseTotals = fyNames.map((_, f) => fullTotals[f]! - baseTotals[f]!);
    proposalCosts.push({ byFiscalYear: proposalByFy, increaseTotals });
    const overPrior = new Float64Array(increase);
    for (let f = F - 1; f > 0; f--) for (let c = 0; c < COMPONENT_COUNT; c++) overPrior[f * COMPONENT_COUNT + c]! -= increase[(f - 1) * COMPONENT_COUNT + c]!;
    const result: ProposalResult = {
      ...costed.result,
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
      byFund: byKeyFy(funds, proposalByFund),
      increaseByFund: byKeyFy(funds, subtract(proposalByFund, baseline.byFund)),
      byDepartment: byKeyFy(departments, proposalByDepartment),
      increaseByDepartment: byKeyFy(departments, subtract(proposalByDepartment, baseline.byDepartment)),
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

  const baselineStepMovement = subtract(baseline.byFiscalYear, partials.baselineNoStep);
  return {
    fiscalYears: fyNames,
    periodsByFiscalYear: byFy((f) => timeline.periodsByFiscalYear[f]!),
    baseline: byFy((f) => toComponents(baseline.byFiscalYear, f)),
    baselineByClass: byClassFy(baseline.byClass),
    baselineAnnualAtLastPeriod: toComponents(baseline.annualAtLastPeriod, 0),
    positions: roster.positions,
    vacantPositions: roster.vacantPositions,
    fte: fte.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString(),
    baselineRollupsByName: rollupsByName(baseline.rollups),
    baselineStepMovement: byFy((f) => toComponents(baselineStepMovement, f)),
    baselineValueOfOnePercent,
    baselinePerFte: byFy((f) => perFte(baseTotals[f]!)),
    baselineByFund: byKeyFy(funds, baseline.byFund),
    baselineByDepartment: byKeyFy(departments, baseline.byDepartment),
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

/** Row cost per fiscal year with the flat amounts' cents (per fiscal year) in the `flat` component. */
function withFlatAmounts(cents: ComponentCents, flat: readonly number[]): ComponentCents {
  const out = new Float64Array(cents);
  flat.forEach((c, f) => (out[f * COMPONENT_COUNT + C.flat]! += c));
  return out;
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
