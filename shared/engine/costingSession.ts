import type { CostingResult, IncreaseResult } from '../result.js';
import type { Scenario } from '../schemas/scenario.js';
import { CostingContext, rosterFacts, type RosterFacts } from './costingContext.js';
import { provisionEffects, type Provision } from '../provisions/registry.js';
import { COMPONENT_COUNT } from './components.js';
import { CostingCaches, type CostOptions as CostRunOptions, type CostTotals, type RowStates, type VariantCosting } from './costRows.js';
import { firstPeriodAffected, type CostingHooks } from './costRowRange.js';
import { costIncrease, costIncreaseWith, costScenario, costScenarioWith, type CostOptions, type SessionParts } from './costScenario.js';
import { inDateOrder } from './provisionOrder.js';
import { Interner, type VariantSpec } from './variantPlan.js';

/** What the last costing of a session took from the ones before it. */
export interface SessionReuse {
  /** The context, interner and caches were kept (the scenario's parts besides proposals are unchanged). */
  context: boolean;
  /** Runs (costings of one variant: the baseline, a provision prefix, a value-of-1% year…) asked for. */
  runs: number;
  /** Runs answered with an identical run kept from an earlier costing. */
  reused: number;
  /** Runs costed only from a fiscal year's start on, the years before taken from a kept run. */
  resumed: number;
}

/** A run kept by the session, with what it was asked and the costing it was last used by. */
interface KeptRun {
  spec: VariantSpec;
  options: CostRunOptions;
  costing: VariantCosting;
  generation: number;
}

interface SessionState {
  /** The scenario the context was built for (its parts besides proposals are what is compared). */
  scenario: Scenario;
  ctx: CostingContext;
  /** The roster's facts the context was built with (funds and departments include flat amounts'). */
  roster: RosterFacts;
  interner: Interner;
  caches: CostingCaches;
  /** The funds and departments the roster rows name (the context adds those of flat provisions). */
  rowFunds: ReadonlySet<string>;
  rowDepartments: ReadonlySet<string>;
  runs: Map<string, KeptRun>;
  /** Which run's key recorded each set of row states, so a run resumed from them has a key too. */
  statesKey: WeakMap<RowStates, string>;
  generation: number;
}

/** Runs kept from the costings before the current one: the last one and the one before it. */
const KEPT_GENERATIONS = 2;
/** Past this many interned keys (class states, provisions…) a session starts afresh, bounding its memory. */
const MAX_INTERNED_KEYS = 50_000;

/**
 * A costing session: costs scenario after scenario (a what-if varying one provision, then another)
 * and answers each exactly as `costScenario` would — the result is the same, deep-equal and
 * byte-identical as JSON — while costing again only what changed.
 *
 * What is reused (docs/ARCHITECTURE.md, "Costing sessions"):
 * - The context (timeline, parsed assumptions, roster rows), the interner and the baseline's
 *   first-period taxable pay, and the pay and step-path caches of the class states the last two
 *   costings used (CostingCaches.forget),
 *   when every part of the scenario besides `proposals` is structurally identical to the last
 *   costed one and the facts the context takes from proposals still hold (the same longevity
 *   thresholds, funds and departments; tiers it knows; a step stride large enough). Otherwise
 *   everything starts afresh: a full costing.
 * - With the context, every run — one costing of one variant — that is identical to a run of the
 *   last two costings: the same provisions (by content, in listed order), value-of-1% year, period
 *   range, step rule, retro period, recorded periods, and resumed from an identical run's states.
 *   So the baseline's runs, every unchanged proposal's (whatever its name or place) and a changed
 *   proposal's prefixes before its first changed provision come back as they were; the changed
 *   prefix resumes from the kept prefix before it at the changed provision's first period.
 *
 * Anything that fails on the way is costed again from scratch by `costScenario`, so a failure is
 * the same error too.
 */
export class CostingSession {
  private state: SessionState | null = null;
  private reuse: SessionReuse = { context: false, runs: 0, reused: 0, resumed: 0 };

  /** What the last costing reused (for tests and timings; the figures never depend on it). */
  get lastReuse(): SessionReuse {
    return this.reuse;
  }

  cost(scenario: Scenario, options: CostOptions = {}): CostingResult {
    return this.costing(
      scenario,
      (session) => costScenarioWith(scenario, options, session),
      () => costScenario(scenario, options),
    );
  }

  /**
   * A what-if's answer (costIncrease): only the baseline and each proposal's whole costing, so after
   * a costing of the same scenario a what-if re-costs one run — from the first fiscal year its
   * change can touch — where a report re-costs every prefix after the change, the value of 1% and
   * step movement. The same figures as costScenario's, to the byte.
   */
  costIncrease(scenario: Scenario): IncreaseResult {
    return this.costing(
      scenario,
      (session) => costIncreaseWith(scenario, session),
      () => costIncrease(scenario),
    );
  }

  private costing<T>(scenario: Scenario, costWith: (session: SessionParts) => T, plain: () => T): T {
    const kept = this.state !== null && this.state.interner.size <= MAX_INTERNED_KEYS && contextFits(this.state, scenario) ? this.state : null;
    const reuse: SessionReuse = { context: kept !== null, runs: 0, reused: 0, resumed: 0 };
    this.reuse = reuse;
    try {
      const state = kept ?? freshState(scenario);
      this.state = state;
      state.generation++;
      state.caches.generation = state.generation;
      const result = costWith({ ctx: state.ctx, roster: state.roster, hooks: hooksOf(state, scenario, reuse) });
      for (const [key, run] of state.runs) if (run.generation <= state.generation - KEPT_GENERATIONS) state.runs.delete(key);
      state.caches.forget(state.generation - KEPT_GENERATIONS + 1);
      return result;
    } catch {
      // The error a plain costing gives (or its figures, were the session at fault): start afresh.
      this.state = null;
      this.reuse = { context: false, runs: 0, reused: 0, resumed: 0 };
      return plain();
    }
  }

  /** Forgets everything kept. */
  clear(): void {
    this.state = null;
  }
}

function freshState(scenario: Scenario): SessionState {
  const roster = rosterFacts(scenario);
  const ctx = new CostingContext(scenario, roster);
  return {
    scenario,
    ctx,
    roster,
    interner: new Interner(),
    caches: new CostingCaches(),
    rowFunds: new Set(ctx.rows.flatMap((rc) => rc.fundIndex.map((f) => ctx.funds[f]!))),
    rowDepartments: new Set(ctx.rows.map((rc) => ctx.departments[rc.departmentIndex]!)),
    runs: new Map(),
    statesKey: new WeakMap(),
    generation: 0,
  };
}

function hooksOf(state: SessionState, scenario: Scenario, reuse: SessionReuse): CostingHooks {
  return {
    scenario,
    interner: state.interner,
    caches: state.caches,
    run(spec: VariantSpec, options: CostRunOptions, cost: (options: CostRunOptions) => VariantCosting): VariantCosting {
      reuse.runs++;
      const key = runKey(state, spec, options);
      const kept = key === null ? undefined : state.runs.get(key);
      if (kept !== undefined) {
        kept.generation = state.generation;
        reuse.reused++;
        return kept.costing;
      }
      const similar = laterYears(state, spec, options);
      let costing: VariantCosting;
      if (similar?.kind === 'same') {
        reuse.reused++;
        costing = similar.costing;
      } else if (similar?.kind === 'resume') {
        reuse.resumed++;
        costing = resumed(state, similar, cost(similar.options));
      } else {
        costing = cost(options);
      }
      if (key !== null) {
        state.runs.set(key, { spec, options, costing, generation: state.generation });
        state.statesKey.set(costing.states, key);
      }
      return costing;
    },
  };
}

/**
 * Everything a run's figures depend on besides the context: equal keys, identical costings. The
 * provisions are keyed by content (Interner.provisionKey), never by proposal or name; the states a
 * run resumes from by the key of the run that recorded them (null when that run is not known).
 */
function runKey(state: SessionState, spec: VariantSpec, options: CostRunOptions): string | null {
  const resumedFrom = options.resumeFrom === null ? '' : state.statesKey.get(options.resumeFrom);
  if (resumedFrom === undefined) return null;
  const retro = options.retro === null ? null : [options.retro.index, options.retro.baseline.stepRegimes.map((r) => r.key).join(';')];
  return JSON.stringify([
    spec.provisions.map((p) => state.interner.provisionKey(p)),
    spec.multiplyFiscalYear,
    spec.endPeriod,
    spec.noStep === true,
    spec.extraBoundaries ?? [],
    options.lift,
    options.recordFirstPeriodTaxable,
    options.family,
    retro,
    options.startIndex,
    resumedFrom,
    options.recordAt,
    options.splitIndex,
    options.detail,
  ]);
}

/** A kept run that answers a new one whole, or from which it can resume at a fiscal year's start. */
type Similar = { kind: 'same'; costing: VariantCosting } | { kind: 'resume'; from: KeptRun; year: number; options: CostRunOptions };

/**
 * A kept run of the same kind (family, step rule, retro period, value-of-1% year, periods) whose
 * provisions differ from the new run's only in provisions acting from period d on: identical
 * before d (a provision changes nothing before its first affected period, docs/ARCHITECTURE.md).
 * A value-of-1% run of a year ending by d is the same run. A run costed from the first period
 * resumes from the kept one's states at the latest fiscal year start g ≤ d (after the retro
 * period), the years before g taken from it: every total is kept per fiscal year, so a year
 * before g is the kept one's whole; a split fund is split on whole years either way.
 */
function laterYears(state: SessionState, spec: VariantSpec, options: CostRunOptions): Similar | null {
  if (options.recordFirstPeriodTaxable) return null;
  const timeline = state.ctx.timeline;
  const yearStarts = timeline.fiscalYearStartIndex;
  const N = timeline.length;
  const valueYear = spec.multiplyFiscalYear;
  let best: Similar | null = null;
  let bestYear = 0;
  for (const run of state.runs.values()) {
    const o = run.options;
    if (
      run.spec.multiplyFiscalYear !== valueYear ||
      run.spec.endPeriod !== spec.endPeriod ||
      (run.spec.noStep === true) !== (spec.noStep === true) ||
      o.family !== options.family ||
      o.lift !== options.lift ||
      o.detail !== options.detail ||
      o.recordFirstPeriodTaxable ||
      (o.retro?.index ?? null) !== (options.retro?.index ?? null)
    )
      continue;
    const d = firstDifference(state, run.spec.provisions, spec.provisions, N);
    if (valueYear !== null) {
      // A value-of-1% run covers one fiscal year, from the states of its proposal's run there.
      if (o.startIndex === options.startIndex && d >= spec.endPeriod) return { kind: 'same', costing: run.costing };
      continue;
    }
    if (options.startIndex !== 0 || o.startIndex !== 0) continue;
    let year = -1;
    for (let f = yearStarts.length - 1; f > 0; f--) {
      if (yearStarts[f]! <= d && yearStarts[f]! < N) {
        year = f;
        break;
      }
    }
    if (year === -1 || year <= bestYear) continue;
    const g = yearStarts[year]!;
    if (options.retro !== null && g <= options.retro.index) continue;
    if (options.splitIndex !== null && options.splitIndex <= g) continue;
    if (!run.costing.states.indices.includes(g)) continue;
    if (options.recordAt.some((i) => i < g && !run.costing.states.indices.includes(i))) continue;
    best = { kind: 'resume', from: run, year, options: { ...options, startIndex: g, resumeFrom: run.costing.states } };
    bestYear = year;
  }
  return best;
}

/**
 * The first period in which two provision lists can cost differently: provisions in date order
 * (listed order on a date, §6) are compared by content; from the first that differs, everything
 * in either list may act differently, so the earliest first affected period among them. Flat
 * amounts (`fiscalYears`) touch no period and are left out.
 */
function firstDifference(state: SessionState, before: readonly Provision[], now: readonly Provision[], N: number): number {
  const timeline = state.ctx.timeline;
  const ordered = (list: readonly Provision[]) => inDateOrder(list.filter((p) => provisionEffects(p).timing !== 'fiscalYears')).map((lp) => lp.provision);
  const a = ordered(before);
  const b = ordered(now);
  let i = 0;
  while (i < a.length && i < b.length && state.interner.provisionKey(a[i]!) === state.interner.provisionKey(b[i]!)) i++;
  let d = N;
  for (const p of [...a.slice(i), ...b.slice(i)]) d = Math.min(d, firstPeriodAffected(p, timeline, N));
  return d;
}

/** The kept run's fiscal years before `year` with the new run's from `year` on. */
function resumed(state: SessionState, similar: Extract<Similar, { kind: 'resume' }>, fresh: VariantCosting): VariantCosting {
  const F = state.ctx.timeline.fiscalYears.length;
  const R = state.ctx.rollups.length;
  const year = similar.year;
  const kept = similar.from.costing;
  const merge = (earlier: CostTotals, later: CostTotals): CostTotals => ({
    byFiscalYear: byYear(earlier.byFiscalYear, later.byFiscalYear, COMPONENT_COUNT, F, year),
    byClass: byYear(earlier.byClass, later.byClass, COMPONENT_COUNT, F, year),
    byFund: byYear(earlier.byFund, later.byFund, COMPONENT_COUNT, F, year),
    byDepartment: byYear(earlier.byDepartment, later.byDepartment, COMPONENT_COUNT, F, year),
    rollups: byYear(earlier.rollups, later.rollups, R, F, year),
  });
  return {
    ...merge(kept, fresh),
    annualAtLastPeriod: fresh.annualAtLastPeriod,
    states: fresh.states,
    // The years before `year` lie wholly before the split (it is later than g).
    beforeSplit: fresh.beforeSplit === null ? null : merge(kept, fresh.beforeSplit),
  };
}

/** Entries of fiscal years before `year` from `earlier`, the rest from `later` (groups of `width` per key × year). */
function byYear(earlier: Float64Array, later: Float64Array, width: number, F: number, year: number): Float64Array {
  const out = new Float64Array(later);
  for (let i = 0; i < out.length; i++) if (Math.floor(i / width) % F < year) out[i] = earlier[i]!;
  return out;
}

/**
 * Whether the session's context fits `scenario`: every part besides proposals identical, and the
 * facts the context takes from proposals the same (a context built on no rows has just those).
 */
function contextFits(state: SessionState, scenario: Scenario): boolean {
  const before = state.scenario as unknown as Record<string, unknown>;
  const now = scenario as unknown as Record<string, unknown>;
  const parts = Object.keys(now).filter((k) => k !== 'proposals');
  const partsBefore = Object.keys(before).filter((k) => k !== 'proposals');
  if (!sameJson(parts, partsBefore) || !parts.every((k) => sameJson(before[k], now[k]))) return false;
  const ctx = state.ctx;
  let facts: CostingContext;
  try {
    facts = new CostingContext({ ...scenario, roster: { ...scenario.roster, rows: [] } });
  } catch {
    return false;
  }
  const union = (names: ReadonlySet<string>, more: readonly string[]) => [...new Set([...names, ...more])];
  // Tiers only a kept proposal named, and a larger step stride, change no figure: tiers are looked
  // up by name and the strides only keep cache keys apart. Thresholds, funds and departments must match.
  const within = (names: readonly string[], all: readonly string[]) => names.every((n) => all.includes(n));
  return (
    within(facts.pensionTiers, ctx.pensionTiers) &&
    within(facts.healthTiers, ctx.healthTiers) &&
    sameJson(facts.thresholds, ctx.thresholds) &&
    facts.stepStride <= ctx.stepStride &&
    sameMembers(union(state.rowFunds, facts.funds), ctx.funds) &&
    sameMembers(union(state.rowDepartments, facts.departments), ctx.departments)
  );
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(b);
  return a.every((x) => set.has(x));
}

/** Structural equality of JSON values (keys compared in order: the engine reads some maps in order). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  const other = Object.keys(y);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k !== other[i] || !sameJson(x[k], y[k])) return false;
  }
  return true;
}
