import { addMonths, type Day } from '../dates.js';
import { CostingInputError } from '../issues.js';
import { Decimal, roundCents } from '../money.js';
import type { AmountPer, Provision, Scenario } from '../schemas/scenario.js';
import type { LumpSumTerms, ProvisionEffects, RateChange } from '../provisions/provisionKind.js';
import { DEFAULT_DAYS_PER_YEAR } from '../provisions/lumpSum.js';
import type { CostingContext } from './costingContext.js';
import { packed, packedMap } from './arrayShapes.js';
import { decimalToCents, exactRate, type ExactRate } from './exactRate.js';
import { fixed, plus, times, type Fixed } from './fixedPoint.js';
import { KeyIds } from './keyIds.js';
import { bandPercentByLevel } from './longevity.js';
import type { PayDefinition } from './payAmounts.js';
import { affectsClass, inDateOrder, type ListedProvision } from './provisionOrder.js';
import { ScheduleHistory, type PublishedClass } from './scheduleHistory.js';

/** One costing to run: the baseline, a proposal prefix, or a proposal with one year's rates × 1.01. */
export interface VariantSpec {
  /** Which proposal the provisions come from (null for the baseline). */
  proposalIndex: number | null;
  /** The proposal's provisions 1..k, in listed order. */
  provisions: readonly Provision[];
  /** Fiscal-year index whose schedule cells are multiplied by exactly 1.01 (value of 1%). */
  multiplyFiscalYear: number | null;
  /** Cost periods [0, endPeriod). */
  endPeriod: number;
  /** Period indices that must start an epoch (where a costing records row states). */
  extraBoundaries?: readonly number[];
  /** The no-step costing of §7: no step movement takes effect in the horizon's first period or later. */
  noStep?: boolean;
}

/** A lump sum as paid in its period (§3): a fixed amount, a percent of the annual base, or paid days. */
export type LumpSumPayment =
  | { id: number; kind: 'amount'; amount: Fixed; prorateByFte: boolean; pensionable: boolean }
  | { id: number; kind: 'percent'; percent: Fixed; pensionable: boolean }
  | { id: number; kind: 'days'; days: Fixed; daysPerYear: Fixed; pensionable: boolean };

export interface LongevityPercent {
  rate: ExactRate;
  fixed: Fixed;
}

/** Everything in force for one class during one epoch of a variant. */
export interface ClassState {
  /** Equal ids mean equal pay for equal (profile, step, longevity level). */
  payStateId: number;
  /** Equal ids mean equal rates (so equal base pay for equal step and FTE). */
  rateStateId: number;
  rates: Fixed[];
  pays: Map<string, PayDefinition>;
  granted: string[];
  longevityByLevel: LongevityPercent[];
  overtimeHours: Fixed | null;
  pensionRate: (ExactRate | undefined)[];
  /** Each roll-up's rate for this class, by roll-up index; undefined when none is in effect. */
  rollupRates: (ExactRate | undefined)[];
  healthCents: (number | undefined)[];
  lumpSums: LumpSumPayment[];
  /** lumpSums.length > 0, read instead: an empty and a filled array have different shapes, which the row loop would have to tell apart. */
  hasLumpSums: boolean;
}

/** A run of costed periods [start, end) in which nothing global changes. */
export interface Epoch {
  start: number;
  end: number;
  fiscalYearIndex: number;
  payYear: number;
  /** The Social Security wage base of the pay year, in cents (costingContext.ts); -1 when none is given. */
  wageBaseCents: number;
  /** round₂(rate × wage base) in cents; -1 when no base is given. */
  wageBaseTaxedCents: number;
  classes: ClassState[];
}

export interface FreezeRule {
  start: Day;
  end: Day;
  months: number;
  mode: 'keep' | 'slide';
}

/** What moves steps for a class in a variant: freezes, added top steps, dropped bottom steps. */
export interface StepRegime {
  key: string;
  /** Interned key, for per-row caches. */
  id: number;
  freezes: FreezeRule[];
  addStepDates: Day[];
  drops: { date: Day; count: number }[];
  noStep: boolean;
}

export interface VariantPlan {
  epochs: Epoch[];
  stepRegimes: StepRegime[];
}

const ONE_PERCENT_MORE = fixed('1.01');

/** Interns content keys to small integers, shared by all variants of one costing (and only it). */
export class Interner extends KeyIds {
  /** Schedule rates by rate-state id, as exact fixed-point values. */
  readonly rates = new Map<number, Fixed[]>();
  /** Published schedules by the changes that made them (see ScheduleHistory). */
  readonly schedules = new Map<string, PublishedClass[]>();
  private readonly memos = new Map<string, unknown>();
  private readonly exactRates = new Map<string, ExactRate>();
  private nextPayId = 0;

  /** Each pay or lump-sum definition object gets its own id, so caches can key on it. */
  payId(): number {
    return this.nextPayId++;
  }

  rate(value: Decimal): ExactRate {
    const key = value.toString();
    let rate = this.exactRates.get(key);
    if (rate === undefined) {
      rate = exactRate(value);
      this.exactRates.set(key, rate);
    }
    return rate;
  }

  private readonly provisionKeys = new WeakMap<Provision, string>();

  /**
   * A provision's content key: equal provisions (in any proposal, in any scenario costed with the
   * same context) get the same key, so class states, schedules and step regimes are keyed by what
   * is in force, never by where it was listed — a costing session keeps them across scenarios.
   */
  provisionKey(provision: Provision): string {
    let key = this.provisionKeys.get(provision);
    if (key === undefined) {
      key = `c${this.id(`provision|${JSON.stringify(provision)}`)}`;
      this.provisionKeys.set(provision, key);
    }
    return key;
  }

  /** Step regimes get their own dense ids: rows keep their step paths in arrays by them. */
  readonly regimes = new KeyIds();
  /** Whole published schedules (every class's key) get short ids, for the epoch keys. */
  readonly scheduleIds = new KeyIds();

  /** Builds a class-state part once per content key; variants and epochs share it (no part is undefined). */
  memo<T>(key: string, build: () => T): T {
    let value = this.memos.get(key) as T | undefined;
    if (value === undefined) {
      value = build();
      this.memos.set(key, value);
    }
    return value;
  }
}

export function buildVariantPlan(ctx: CostingContext, spec: VariantSpec, interner: Interner): VariantPlan {
  const scenario = ctx.scenario;
  const timeline = ctx.timeline;
  const ordered = inDateOrder(spec.provisions);
  const keyOf = (lp: ListedProvision) => interner.provisionKey(lp.provision);
  const pathOf = (listedIndex: number) => `proposals[${spec.proposalIndex}].provisions[${listedIndex}]`;
  const history = new ScheduleHistory(scenario.schedule, ordered, keyOf, pathOf, interner.schedules);
  const n = spec.endPeriod;

  // Every period index at which something global can change starts a new epoch.
  const boundaries = new Set<number>([0, n, ...(spec.extraBoundaries ?? [])]);
  timeline.fiscalYearStartIndex.forEach((i) => boundaries.add(i));
  for (let i = 1; i < timeline.length; i++) if (timeline.payYear[i] !== timeline.payYear[i - 1]) boundaries.add(i);
  for (const entries of [...ctx.pensionEntries, ...ctx.healthEntries, ...ctx.rollupEntries])
    for (const e of entries) boundaries.add(timeline.firstAffected(e.from));
  const lumpSumIndex = new Map<ListedProvision, number>();
  for (const lp of ordered) {
    if (lp.effects.timing === 'paid') {
      const i = timeline.firstPaidOnOrAfter(lp.date);
      lumpSumIndex.set(lp, i);
      if (i >= 0) {
        boundaries.add(i);
        boundaries.add(i + 1);
      }
    } else if (lp.effects.timing === 'effective') {
      boundaries.add(timeline.firstAffected(lp.date));
    }
  }
  const starts = [...boundaries].filter((b) => b >= 0 && b <= n).sort((a, b) => a - b);
  // The whole schedule's key after m changes, as a short interned id: epochs are looked up by it.
  const scheduleKeys: string[] = [];
  const scheduleKey = (m: number) => (scheduleKeys[m] ??= `s${interner.scheduleIds.id(history.keys[m]!.join(';'))}`);

  const epochs: Epoch[] = [];
  for (let k = 0; k + 1 < starts.length; k++) {
    const start = starts[k]!;
    const end = starts[k + 1]!;
    const fiscalYearIndex = timeline.fiscalYearIndex[start]!;
    const multiply = spec.multiplyFiscalYear === fiscalYearIndex;
    const periodStart = timeline.start[start]!;
    const periodEnd = timeline.end[start]!;
    const inForce = (date: Day) => timeline.applies(date, periodStart, periodEnd);
    const applied = ordered.filter((lp) => lp.effects.timing === 'effective' && inForce(lp.date));
    const scheduleCount = history.changes.filter((lp) => inForce(lp.date)).length;
    const lumps = ordered.filter((lp) => lumpSumIndex.get(lp) === start && end === start + 1);

    const pensionEntriesInForce = ctx.pensionEntries.map((entries) => entries.filter((e) => inForce(e.from)).length).join(',');
    const healthEntriesInForce = ctx.healthEntries.map((entries) => entries.filter((e) => inForce(e.from)).length).join(',');
    const rollupEntriesInForce = ctx.rollupEntries.map((entries) => entries.filter((e) => inForce(e.from)).length).join(',');
    // Everything a class state depends on; equal keys (across epochs and variants) share one state.
    const listed = (lps: readonly ListedProvision[]) => lps.map(keyOf).join(',');
    const entriesKey = `${multiply ? 'x' : ''}|${pensionEntriesInForce}|${healthEntriesInForce}|${rollupEntriesInForce}`;
    // Variants of one costing share most epochs (a prefix shares those before its provision's
    // date, the no-step costing all of them): an epoch keyed by everything its class states
    // depend on builds its 60-odd class keys once, not once per variant.
    const classStates = () =>
      packedMap(scenario.schedule.classes, (cls, ci): ClassState => {
        const forClass = applied.filter((lp) => affectsClass(lp.provision, cls.code));
        const lumpsForClass = lumps.filter((lp) => affectsClass(lp.provision, cls.code));
        // Keyed on what reaches this class only: an epoch that another class's provision starts
        // shares this class's state with the epoch before, so costRows reuses the figures derived
        // from it (it compares states by identity).
        const classKey = `${ci}|${history.keys[scheduleCount]![ci]}|${listed(forClass)}|${entriesKey}|${listed(lumpsForClass)}`;
        return interner.memo(`class|${classKey}`, () => {
          const indicesOf = (changes: (e: ProvisionEffects) => boolean) => {
            return forClass
              .filter((lp) => changes(lp.effects))
              .map(keyOf)
              .join(',');
          };
          const payKey = indicesOf((e) => e.specialPay !== undefined);
          const { pays, granted } = interner.memo(`pays|${payKey}|${ci}`, () => specialPaysInForce(scenario, forClass, spec.proposalIndex, interner));
          const longevityChange = last(forClass.filter((lp) => lp.effects.longevityBands !== undefined));
          const bandsKey = longevityChange ? keyOf(longevityChange) : '';
          const longevityByLevel = interner.memo(`bands|${bandsKey}`, () => {
            const bands = longevityChange?.effects.longevityBands ?? scenario.assumptions.longevity;
            return packedMap(bandPercentByLevel(bands, ctx.thresholds), (d) => ({ rate: interner.rate(d), fixed: fixed(d) }));
          });
          const overtimeChange = last(forClass.filter((lp) => lp.effects.overtimeHours !== undefined));
          const overtimeHours = overtimeChange === undefined ? null : fixed(overtimeChange.effects.overtimeHours!);
          const rateKey = `${history.keys[scheduleCount]![ci]}|${multiply ? 'x' : ''}|${ci}`;
          const rateStateId = interner.id(rateKey);
          let rates = interner.rates.get(rateStateId);
          if (rates === undefined) {
            const published = interner.memo(`rates|${history.keys[scheduleCount]![ci]}|${ci}`, () =>
              packedMap(history.snapshots[scheduleCount]![ci]!.rates, (r) => fixed(r)),
            );
            rates = multiply ? packedMap(published, (r) => times(r, ONE_PERCENT_MORE)) : published;
            interner.rates.set(rateStateId, rates);
          }
          const payKeyFull = [rateKey, payKey, bandsKey, overtimeChange ? keyOf(overtimeChange) : ''].join('|');
          return {
            payStateId: interner.id(payKeyFull),
            rateStateId,
            rates,
            pays,
            granted,
            longevityByLevel,
            overtimeHours,
            pensionRate: interner.memo(`pension|${indicesOf((e) => e.rateChange?.target === 'pension')}|${pensionEntriesInForce}`, () =>
              packedMap(ctx.pensionTiers, (tier, t) => ratesInForce(ctx.pensionEntries[t]!, forClass, inForce, 'pension', tier, interner)),
            ),
            rollupRates: interner.memo(`rollups|${indicesOf((e) => e.rateChange?.target === 'rollup')}|${rollupEntriesInForce}|${ci}`, () =>
              packedMap(ctx.rollups, (r, index) =>
                r.classes !== null && !r.classes.has(cls.code)
                  ? undefined
                  : ratesInForce(ctx.rollupEntries[index]!, forClass, inForce, 'rollup', r.name, interner),
              ),
            ),
            healthCents: interner.memo(`health|${indicesOf((e) => e.health !== undefined)}|${healthEntriesInForce}`, () =>
              healthInForce(ctx, forClass, inForce),
            ),
            lumpSums: packedMap(lumpsForClass, (lp) => interner.memo(`lump|${keyOf(lp)}`, () => lumpSumPayment(lp.effects.lumpSum!, interner))),
            hasLumpSums: lumpsForClass.length > 0,
          };
        });
      });
    const epochKey = `epoch|${scheduleKey(scheduleCount)}|${listed(applied)}|${entriesKey}|${listed(lumps)}`;
    const classes = interner.memo(epochKey, () => classStates());
    const payYear = timeline.payYear[start]!;
    epochs.push({
      start,
      end,
      fiscalYearIndex,
      payYear,
      wageBaseCents: ctx.wageBaseCents.get(payYear) ?? -1,
      wageBaseTaxedCents: ctx.wageBaseTaxedCents.get(payYear) ?? -1,
      classes,
    });
  }

  const noStep = spec.noStep === true;
  const stepRegimes = packedMap(scenario.schedule.classes, (cls): StepRegime => {
    const relevant = ordered.filter((lp) => lp.effects.steps !== undefined && affectsClass(lp.provision, cls.code));
    const freezes: FreezeRule[] = [];
    const addStepDates: Day[] = [];
    const drops: { date: Day; count: number }[] = [];
    for (const lp of relevant) {
      const effect = lp.effects.steps!;
      if ('freeze' in effect)
        freezes.push({ start: lp.date, end: addMonths(lp.date, effect.freeze.months), months: effect.freeze.months, mode: effect.freeze.mode });
      else if ('drop' in effect) drops.push({ date: lp.date, count: effect.drop });
      else addStepDates.push(lp.date);
    }
    const key = `${noStep ? 'n' : ''}|${relevant.map(keyOf).join(',')}`;
    return { key, id: interner.regimes.id(key), freezes: packed(freezes), addStepDates: packed(addStepDates), drops: packed(drops), noStep };
  });

  return { epochs, stepRegimes };
}

function last<T>(items: readonly T[]): T | undefined {
  return items[items.length - 1];
}

export function specialPaysInForce(
  scenario: Scenario,
  forClass: readonly ListedProvision[],
  proposalIndex: number | null,
  interner: Interner,
): { pays: Map<string, PayDefinition>; granted: string[] } {
  const toDefinition = (def: Parameters<typeof payDefinition>[0]) => payDefinition(def, interner);
  const percentPay = (percent: Decimal, pensionable: boolean) => percentPayDefinition(percent, pensionable, interner);
  const pays = new Map<string, PayDefinition>();
  for (const [code, def] of Object.entries(scenario.assumptions.specialPays)) pays.set(code, toDefinition(def));
  const granted = new Set<string>();
  for (const lp of forClass) {
    const p = lp.effects.specialPay;
    if (p === undefined) continue;
    if (p.grants) granted.add(p.code);
    const current = pays.get(p.code);
    const change = toDefinition({ ...p, pensionable: p.pensionable ?? current?.pensionable ?? false });
    if (p.mode === 'set' || current === undefined) {
      pays.set(p.code, change);
      continue;
    }
    if (current.kind === 'percent' && change.kind === 'percent') {
      pays.set(p.code, percentPay(new Decimal(current.percent.numerator).dividedBy(current.percent.scale).plus(p.percent!), change.pensionable));
    } else if (current.kind === 'amount' && change.kind === 'amount' && current.per === change.per) {
      pays.set(p.code, { ...change, id: interner.payId(), amount: plus(current.amount, change.amount) });
    } else {
      throw new CostingInputError([
        {
          path: `proposals[${proposalIndex}].provisions[${lp.listedIndex}]`,
          message: `cannot add ${describe(change)} to special pay ${p.code}, which is ${describe(current)}`,
        },
      ]);
    }
  }
  return { pays, granted: [...granted].sort() };
}

function describe(def: PayDefinition): string {
  return def.kind === 'percent' ? 'a percent of base pay' : `an amount per ${def.per}`;
}

function payDefinition(
  def: { percent?: string | undefined; amount?: string | undefined; per?: AmountPer | undefined; pensionable: boolean },
  interner: Interner,
): PayDefinition {
  if (def.percent !== undefined) return percentPayDefinition(new Decimal(def.percent), def.pensionable, interner);
  return { id: interner.payId(), kind: 'amount', amount: fixed(def.amount!), per: def.per!, pensionable: def.pensionable };
}

function percentPayDefinition(percent: Decimal, pensionable: boolean, interner: Interner): PayDefinition {
  return { id: interner.payId(), kind: 'percent', percent: interner.rate(percent), percentFixed: fixed(percent), pensionable };
}

function lumpSumPayment(p: LumpSumTerms, interner: Interner): LumpSumPayment {
  const pensionable = p.pensionable;
  if (p.percent !== undefined) return { id: interner.payId(), kind: 'percent', percent: fixed(p.percent), pensionable };
  if (p.days !== undefined)
    return { id: interner.payId(), kind: 'days', days: fixed(p.days), daysPerYear: fixed(p.daysPerYear ?? DEFAULT_DAYS_PER_YEAR), pensionable };
  return { id: interner.payId(), kind: 'amount', amount: fixed(p.amount!), prorateByFte: p.prorateByFte, pensionable };
}

/**
 * A dated rate in force (pension tier or roll-up, §4, §6): the latest entry in effect; a `rate`
 * provision overrides it (later entries included); `delta`s add to whatever rate is in effect.
 */
function ratesInForce(
  entries: readonly { from: Day; value: Decimal }[],
  forClass: readonly ListedProvision[],
  inForce: (d: Day) => boolean,
  target: RateChange['target'],
  name: string,
  interner: Interner,
): ExactRate | undefined {
  let rate = last(entries.filter((e) => inForce(e.from)))?.value;
  let delta = new Decimal(0);
  for (const lp of forClass) {
    const p = lp.effects.rateChange;
    if (p === undefined || p.target !== target || p.name !== name) continue;
    if (p.rate !== undefined) rate = new Decimal(p.rate);
    else delta = delta.plus(p.delta!);
  }
  return rate === undefined ? undefined : interner.rate(rate.plus(delta));
}

function healthInForce(ctx: CostingContext, forClass: readonly ListedProvision[], inForce: (d: Day) => boolean): (number | undefined)[] {
  return packedMap(ctx.healthTiers, (tier, t) => {
    let monthly = last(ctx.healthEntries[t]!.filter((e) => inForce(e.from)))?.value;
    for (const lp of forClass) {
      const p = lp.effects.health;
      if (p !== undefined && p.tier === tier) monthly = new Decimal(p.monthly);
    }
    return monthly === undefined ? undefined : decimalToCents(roundCents(monthly.times(12).dividedBy(ctx.periodsPerYear)));
  });
}
