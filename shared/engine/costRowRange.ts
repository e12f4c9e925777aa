import { parseDay, formatDay } from '../dates.js';
import { CostingInputError } from '../issues.js';
import { provisionEffects } from '../provisions/registry.js';
import type { Proposal, Provision, Scenario } from '../schemas/scenario.js';
import { groupTotal } from './components.js';
import { CostingContext, rosterFacts } from './costingContext.js';
import {
  CostingCaches,
  costVariant,
  type CostOptions as CostRunOptions,
  type CostTotals,
  type RetroPlan,
  type RowStates,
  type VariantCosting,
} from './costRows.js';
import { provisionDate } from './provisionOrder.js';
import type { CostingPartials, ProposalPartials, RowPartials } from './rowPartials.js';
import { lowerBound, type Timeline } from './timeline.js';
import { Interner, buildVariantPlan, type VariantSpec } from './variantPlan.js';
import { WARM_UP_MIN_ROWS, warmUpScenario } from './warmUp.js';

export interface CostingProgress {
  /** Costings finished and to do (baseline, each provision prefix, each value-of-1% year). */
  done: number;
  total: number;
}

/**
 * The row phase of a costing: every costing of the report (baseline, no-step, value of 1% per
 * year, each proposal's provision prefixes, without retro, no-step) over the context's rows, as
 * partial sums (rowPartials.ts). The context may hold a range of the roster; which costings run,
 * where they resume, depends only on the scenario and the whole roster's facts, never on the range.
 */
export function costRowRange(ctx: CostingContext, onProgress?: (progress: CostingProgress) => void, hooks: CostingHooks | null = null): RowPartials {
  warmUpEngineFor(ctx.rows.length);
  const scenario = hooks?.scenario ?? ctx.scenario;
  const timeline = ctx.timeline;
  const F = timeline.fiscalYears.length;
  const N = timeline.length;
  const interner = hooks?.interner ?? new Interner();
  const caches = hooks?.caches ?? new CostingCaches();
  const retroIndices = scenario.proposals.map((p, pi) => retroIndexOf(p, pi, timeline));
  const total = 2 + F + scenario.proposals.reduce((sum, p, pi) => sum + p.provisions.length + F + 1 + (retroIndices[pi] === null ? 0 : 1), 0);
  let done = 0;
  const tick = () => onProgress?.({ done: ++done, total });
  const yearStarts = timeline.fiscalYearStartIndex;
  const yearEnd = (f: number) => (f + 1 < F ? yearStarts[f + 1]! : N);
  const totalsByYear = (cents: Float64Array) => Float64Array.from({ length: F }, (_, f) => groupTotal(cents, f));

  const { run, fromStart, baselineSpec } = runsOf(ctx, interner, caches, hooks, tick);
  const basePlans = { normal: buildVariantPlan(ctx, baselineSpec(false), interner), noStep: buildVariantPlan(ctx, baselineSpec(true), interner) };

  const baseline = run(baselineSpec(false), baselineOptions(fromStart));
  // Costings read only by fiscal year (value of 1%, step movement, the proposal without retro) skip the detail.
  const baselineNoStep = run(baselineSpec(true), { ...fromStart, lift: false, family: 'noStep', recordFirstPeriodTaxable: true, detail: false });

  /** Each fiscal year's row cost with that year's schedule × 1.01, resumed from `states` (§7). */
  const valueOfOnePercent = (proposalIndex: number | null, provisions: readonly Provision[], states: RowStates) =>
    Float64Array.from({ length: F }, (_, f) => {
      if (yearStarts[f]! >= yearEnd(f)) {
        tick();
        return 0;
      }
      const plus = run(
        { proposalIndex, provisions, multiplyFiscalYear: f, endPeriod: yearEnd(f) },
        { ...fromStart, lift: false, startIndex: yearStarts[f]!, resumeFrom: f > 0 ? states : null, recordAt: [], detail: false },
      );
      return groupTotal(plus.byFiscalYear, f);
    });
  const baselineValueOfOnePercent = valueOfOnePercent(null, [], baseline.states);

  const proposals = scenario.proposals.map((proposal, pi): ProposalPartials => {
    const provisions = proposal.provisions;
    const K = provisions.length;
    // null when the proposal has no retro pay (a `!` here would hide that from the type).
    const retroIndex = retroIndices[pi] ?? null;
    const retro = (noStep: boolean): RetroPlan | null =>
      retroIndex === null ? null : { index: retroIndex, baseline: noStep ? basePlans.noStep : basePlans.normal };
    // Costing 1..k is identical to costing 1..k−1 before provision k's first period: it resumes
    // there from the row states the previous costing recorded, and inherits that costing's totals.
    // With retro pay only after the retro period (it sums every earlier period). A split fund is
    // split on an employee's whole fiscal-year amount: the row states carry what each split-fund
    // row earned in the year before the resumption (costRows.ts, addSplit).
    // Flat amounts change no row: only the prefixes of row-changing provisions are costed, and the
    // last of them (lastRowRun) carries the lift.
    const lastRun = lastRowRun(provisions);
    const runsFor = (k: number) => k === lastRun || changesRows(provisions[k]!);
    let previous = null as VariantCosting | null;
    let inherited = null as CostTotals | null;
    let rows: CostTotals & { annualAtLastPeriod: Float64Array | null } = baseline;
    let states = baseline.states;
    const prefixTotals = new Float64Array(K * F);
    for (let k = 0; k < K; k++) {
      if (runsFor(k)) {
        const first = firstPeriodAffected(provisions[k]!, timeline, N);
        const resumable = retroIndex === null || first > retroIndex;
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
        states = costing.states;
        previous = costing;
      } else {
        tick();
      }
      prefixTotals.set(totalsByYear(rows.byFiscalYear), k * F);
    }

    // Value of 1% prices a percent in the year it is earned: it ignores retroPayDate (§3).
    let earned = { states, totals: totalsByYear(rows.byFiscalYear) };
    if (retroIndex !== null) {
      const plain = run({ proposalIndex: pi, provisions, multiplyFiscalYear: null, endPeriod: N }, { ...fromStart, lift: false, detail: false });
      earned = { states: plain.states, totals: totalsByYear(plain.byFiscalYear) };
    }
    const proposalValueOfOnePercent = valueOfOnePercent(pi, provisions, earned.states);

    const noStep = run(
      { proposalIndex: pi, provisions, multiplyFiscalYear: null, endPeriod: N, noStep: true },
      { ...fromStart, lift: false, family: 'noStep', retro: retro(true), detail: false },
    );
    return {
      prefixTotals,
      proposal: partialsOf(rows, rows.annualAtLastPeriod ?? baseline.annualAtLastPeriod!),
      earnedTotals: earned.totals,
      valueOfOnePercent: proposalValueOfOnePercent,
      noStep: noStep.byFiscalYear,
    };
  });

  return {
    baseline: partialsOf(baseline, baseline.annualAtLastPeriod!),
    baselineNoStep: baselineNoStep.byFiscalYear,
    baselineValueOfOnePercent,
    proposals,
  };
}

/**
 * The row phase of a what-if (costIncrease): only the costings its comparison shows — the baseline
 * and each proposal's whole costing (its last row-changing provision prefix, from the first period,
 * as costRowRange runs it when it cannot resume) — each proposal's row cost per fiscal year.
 * No prefixes, value of 1% or step movement: a session then re-costs one run per what-if.
 */
export function costIncreaseRows(ctx: CostingContext, hooks: CostingHooks | null = null): { baseline: Float64Array; proposals: Float64Array[] } {
  warmUpEngineFor(ctx.rows.length);
  const scenario = hooks?.scenario ?? ctx.scenario;
  const timeline = ctx.timeline;
  const N = timeline.length;
  const interner = hooks?.interner ?? new Interner();
  const caches = hooks?.caches ?? new CostingCaches();
  const { run, fromStart, baselineSpec } = runsOf(ctx, interner, caches, hooks, () => undefined);
  const baseline = run(baselineSpec(false), baselineOptions(fromStart)).byFiscalYear;
  const basePlan = buildVariantPlan(ctx, baselineSpec(false), interner);
  const proposals = scenario.proposals.map((proposal, pi) => {
    const provisions = proposal.provisions;
    if (provisions.length === 0) return baseline;
    const retroIndex = retroIndexOf(proposal, pi, timeline);
    const costing = run(
      { proposalIndex: pi, provisions: provisions.slice(0, lastRowRun(provisions) + 1), multiplyFiscalYear: null, endPeriod: N },
      { ...fromStart, retro: retroIndex === null ? null : { index: retroIndex, baseline: basePlan } },
    );
    return costing.byFiscalYear;
  });
  return { baseline, proposals };
}

let warmedUp = false;

/**
 * Before the first costing of `WARM_UP_MIN_ROWS` rows or more in this thread, a 24-row costing that
 * takes the row loop's rarer branches (warmUp.ts): V8 then optimises the loop knowing them, instead
 * of throwing its optimised code away at each one's first row and recompiling (docs/ARCHITECTURE.md,
 * "Warm-up"). Its result is dropped; a failure of it is ignored (tests/engine/warmUp.test.ts costs it).
 *
 * A caller that knows the roster's size before it can cost it (the command line once the file's JSON
 * is parsed, a costing thread once it has read its rows) calls this then: V8 compiles the optimised
 * row loop on a background thread while this one validates the file, instead of while the costing
 * runs the loop unoptimised.
 */
export function warmUpEngineFor(rows: number): void {
  if (rows >= WARM_UP_MIN_ROWS) warmUpEngine();
}

/**
 * The warm-up now, if this thread has not run it: for a thread that will cost large rosters and is
 * idle now (a server's costing worker when it starts), so its first costing starts warm.
 */
export function warmUpEngine(): void {
  if (warmedUp) return;
  warmedUp = true;
  try {
    const scenario = warmUpScenario();
    costRowRange(new CostingContext(scenario, rosterFacts(scenario)));
  } catch {
    // The real costing runs regardless: it only starts colder.
  }
}

/** Whether this thread has run the warm-up (for tests; no figure depends on it). */
export function engineWarmedUp(): boolean {
  return warmedUp;
}

/** The baseline's run options: it records each row's first-period taxable pay (Social Security, §4). */
function baselineOptions(fromStart: CostRunOptions): CostRunOptions {
  return { ...fromStart, recordFirstPeriodTaxable: true };
}

/**
 * The provision prefix whose costing is the whole proposal's row cost: flat amounts (timing
 * 'fiscalYears') change no row, so that of the last provision that does (of the last provision
 * when none does); it carries the lift.
 */
function lastRowRun(provisions: readonly Provision[]): number {
  let lastRun = provisions.length - 1;
  while (lastRun > 0 && !changesRows(provisions[lastRun]!)) lastRun--;
  if (provisions.length > 0 && !changesRows(provisions[lastRun]!)) lastRun = provisions.length - 1;
  return lastRun;
}

/** Whether a provision changes any row's pay (flat amounts, timing 'fiscalYears', change none). */
function changesRows(provision: Provision): boolean {
  return provisionEffects(provision).timing !== 'fiscalYears';
}

/** How a row phase runs one costing (through the session's hooks when there are some), and its usual options. */
function runsOf(ctx: CostingContext, interner: Interner, caches: CostingCaches, hooks: CostingHooks | null, tick: () => void) {
  const N = ctx.timeline.length;
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
    recordAt: ctx.timeline.fiscalYearStartIndex,
    splitIndex: null,
    detail: true,
  };
  const baselineSpec = (noStep: boolean): VariantSpec => ({ proposalIndex: null, provisions: [], multiplyFiscalYear: null, endPeriod: N, noStep });
  return { run, fromStart, baselineSpec };
}

/**
 * What a costing session (costingSession.ts) lends one costing: the scenario whose proposals to
 * cost on a context it kept (built for an earlier scenario identical but for proposals), its
 * interner and caches, and a say over each run — it may hand back an identical costing it kept, or
 * run `cost` with options resumed from one. Without hooks a costing makes its own and runs all.
 */
export interface CostingHooks {
  scenario: Scenario;
  interner: Interner;
  caches: CostingCaches;
  run(spec: VariantSpec, options: CostRunOptions, cost: (options: CostRunOptions) => VariantCosting): VariantCosting;
}

/** The scenario with only roster rows [start, end): a range for costRowRange (with the whole roster's facts). */
export function withRowRange(scenario: Scenario, start: number, end: number): Scenario {
  return { ...scenario, roster: { ...scenario.roster, rows: scenario.roster.rows.slice(start, end) } };
}

/** [start, end) of `ranges` consecutive ranges of `rows` rows, as equal as they can be; none empty when rows ≥ ranges. */
export function rowRanges(rows: number, ranges: number): [number, number][] {
  const count = Math.max(1, Math.min(ranges, rows));
  return Array.from({ length: count }, (_, i) => [Math.floor((rows * i) / count), Math.floor((rows * (i + 1)) / count)]);
}

function partialsOf(totals: CostTotals, annualAtLastPeriod: Float64Array): CostingPartials {
  const { byFiscalYear, byClass, byFund, byDepartment, rollups } = totals;
  return { byFiscalYear, byClass, byFund, byDepartment, rollups, annualAtLastPeriod };
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

function added(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a);
  for (let i = 0; i < out.length; i++) out[i]! += b[i]!;
  return out;
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
