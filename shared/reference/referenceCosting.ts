/**
 * An independent, deliberately naive reference implementation of COSTING.md (v1.2; v1.1 readings R1–R16 and A1–A4 kept, 1.2 readings R17–R30 below), written from
 * the spec text alone (plus the input schema, result shape, money and dates helpers) — never from
 * the optimized engine in shared/engine/. One employee, one period at a time; every per-employee
 * amount rounded to cents and only then multiplied by the row's count; no caching of costs.
 *
 * v1.1 readings chosen where the spec leaves room. Each was chosen from the text before comparing; the
 * engine turned out to read R1–R16 the same way (hand-built cases in namedCases.ts pin the ones
 * most open to doubt: R3, R4, R6, R7, R8, R9, R12, R14). A1–A3 below are where it did not.
 *
 *  R1. Exactness. Every rate/amount is a Decimal (60 significant digits). Each rounded figure is
 *      written as one product of exact inputs divided once, at the end, by an integer product
 *      (e.g. base = A·f / P with A the annual equivalent of the rate; overtime = hours·mult·
 *      (A·(1+S+L) + Σ annualised amounts) / (H·P)), so the single rounding to cents is exact.
 *  R2. "Applies to period p" for a dated change D: periodStart ⇔ p.start ≥ D; periodContaining ⇔
 *      p.end ≥ D (p contains D or starts after it). Used for gwi/flatIncrease/equity/addStep,
 *      specialPay, longevity, health, pensionRate, overtimeHours provisions and for the pension
 *      and health `from` dates of the assumptions. Lump sums use their pay date (§3), flat amounts
 *      their fiscal years, step dates "first period starting on or after" (§5).
 *  R3. stepFreeze window: the periods whose first day is in [effective, addMonths(effective,
 *      months)), literally as the §6 table says, whatever the effectiveRule.
 *  R4. Step dates are nextStepDate + k·stepMonths computed directly from nextStepDate (clamped,
 *      not iterated). Only step dates after roster.extractDate count (earlier ones are used up).
 *      A step date's trigger period may precede the horizon: the movement still happened.
 *      Freezes are applied to a row's step dates in provision (date, listed) order. `slide`
 *      moves the first date that falls due in the freeze and every later one to
 *      max(addMonths(date, months), freeze end); `keep` drops each date that falls due in it.
 *  R5. The top step a step date is checked against is the class's step count in the schedule in
 *      effect for the trigger period (so an addStep in effect there lets a row at the old top move).
 *  R6. Re-rounding after gwi/equity/flatIncrease/addStep rounds every cell the provision touches
 *      (all cells of the affected classes; the new cell for addStep), even when the change is 0.
 *  R7. specialPay `set` replaces a pay's percent or amount/per; `add` adds to it (percent to percent,
 *      amount to an amount with the same `per`; another kind is refused, see A2). A row given the code
 *      by a provision with `classes` starts from the code's current definition (the assumptions' one,
 *      e.g. 5% + an added 2% = 7%), or from zero when the assumptions do not define the code.
 *      `pensionable` when given overrides the flag, else the existing flag (false for a new code) is
 *      kept. Without `classes` a specialPay changes the pay of every row that has the code — and the
 *      definition a row later granted the code starts from (A4).
 *  R8. A row without hireDate gets no longevity. Longevity percent = the band with the largest
 *      `years` ≤ completed years at the period's first day.
 *  R9. Health and pension provisions with `classes` apply only to rows of those classes. Health:
 *      when any health provision for the row's tier applies to the period, the last of them (date,
 *      then listed order) wins over every assumption entry, earlier or later; otherwise the latest
 *      assumption entry in effect. Pension: see A1. Health is not multiplied by FTE (a per-employee
 *      monthly contribution).
 * R10. Lump sums: per non-vacant row of the provision's classes; round₂(amount × f) when
 *      prorateByFte else round₂(amount); charged only when the period it falls in is costed.
 * R11. Social Security YTD at the horizon's start uses, in every costing (baseline, proposal,
 *      byProvision prefixes, value of 1%), the *baseline's* taxable pay of the row's first costed
 *      period, as §4 says.
 * R12. Lift: per row, the last costed period's per-period amounts (state of that period) × P,
 *      except lump sums (and the roll-ups on them: Medicare, taxable roll-ups and Social Security
 *      are taken on the taxable pay without lump sums) and flat; Social Security on the full year
 *      = round₂(rate × min(base, P × taxable)) with the wage base of the last period's pay-date
 *      year (equal to P periods of withholding from YTD 0).
 * R13. valueOfOnePercent for FY y: every cell, in every period assigned to y, × 1.01 after all
 *      provisions (no re-rounding); the figure is the difference of y's total only.
 * R14. compoundedWageIncrease: every `gwi` (with or without classes; not `equity`) whose effective
 *      date lies in [first FY's first calendar day, last FY's last calendar day].
 * R15. Flat: round₂(amount) in each named fiscal year that is in the horizon.
 * R16. Provisions are ordered by their date (effective, or payDate for a lump sum; flat has none
 *      and sorts last), ties in listed order.
 *
 * Genuine ambiguities, where the reference follows the engine's reading (noted, then aligned):
 *  A1. pensionRate `rate` and `delta` on overlapping dates. §6 says provisions apply in date order,
 *      listed order on the same date, so "delta −0.03 then rate 0.15" could end at 0.15 (the rate
 *      replaces everything before it). The engine — and now this reference — reads "`rate` overrides
 *      the assumptions; `delta` adds to whatever rate is in effect; deltas accumulate" as two layers:
 *      rate(p) = (latest applying `rate` provision, which overrides every assumption entry, else the
 *      latest applying assumption entry) + Σ applying deltas, whatever their order: 0.12 here.
 *  A2. specialPay `add` of another kind (an amount per month to a pay per hour, a percent to an
 *      amount): the spec is silent. The engine refuses the costing ("cannot add an amount per month
 *      to special pay Y, which is an amount per hour"); so does the reference. It is refused even
 *      when no row has the code, but only when the provision takes effect in the horizon.
 *  A3. That check is made class by class: a code given to class C by `set` (amount per hour) and to
 *      class B by `add` (amount per period) is not a conflict when the assumptions do not define it.
 *  A4. A specialPay without `classes` followed by one with `classes` that grants the code: does the
 *      granted row start from the assumptions' definition or from the definition as the first
 *      provision changed it? (Found by fast-check: set X to 0%, then add 0% to X for class A; a class
 *      A row without X.) The engine's reading — the code's current definition — is followed: a
 *      raise to bilingual pay, then extending bilingual pay to dispatchers, pays dispatchers the
 *      raised amount.
 *
 * 1.2 readings, written from the spec text before any comparison with the 1.2 engine:
 * R17. Exactness at the 1.2 bounds: a private decimal.js clone with 200 significant digits, so
 *      products of 10-place inputs (rate × 1.01 × FTE × hours × multiplier …) stay exact until
 *      the one rounding (the product's 60 digits could not hold them all).
 * R18. term.costs "term": a period is costed iff its assigning date (pay date or period end) lies
 *      in [term.start, term.end]; fiscal years unchanged, periodsByFiscalYear counts costed ones.
 *      A term in which no period is costed is refused (path `term`), as the engine does: the
 *      spec is silent, and zeros everywhere would hide a mistyped term.
 * R19. Lump sum percent = round₂(percent · A · f), days = round₂(days · A · f / D), A the annual
 *      equivalent of the row's rate (proposal's, value-of-1% bump included) in the period where it
 *      falls. Pensionable lumps go into pensionable pay. Vacant rows get none.
 * R20. Retro: in costed periods paid before retroPayDate a non-vacant row is paid the same-kind
 *      baseline's (normal, or no-step for the no-step costing) base, special pays (and their
 *      pensionable part), longevity and overtime; Σ(proposal − baseline) of each is added in the
 *      first period paid on or after retroPayDate. Roll-ups, health, lumps: the proposal's.
 *      Value of 1% ignores retro on both sides (bumped minus unbumped, neither with retro).
 * R21. The lift ignores retro and lump sums entirely: every roll-up of the lift (pension included,
 *      now that a lump can be pensionable) is taken on the last period's pay without lumps.
 * R22. Roll-ups: `rate` is an entry in effect from the beginning of time; `rates` read like pension
 *      rates; rollupRate reads like pensionRate (A1): base = latest applying `rate` override, else
 *      the latest applying entry; + Σ applying deltas. rollupRate honours `classes` when given.
 * R23. dropSteps: the cells of a period's schedule are the input cells with every provision that
 *      applies to the period applied in order, dropSteps removing the bottom cells. A row's step
 *      is tracked period by period: first renumbered by the drops newly in effect, then moved by
 *      the step dates due (top = the class's length in that period's schedule).
 * R24. setRate/minimumRate/dropSteps/addStep step-count checks are made on the listed provisions
 *      in date order, whatever their dates (a class's length "on that date"): 1 ≤ steps ≤ 99;
 *      setRate's step ≤ the class's length then. Prefixes are checked first, shortest first (the
 *      byProvision costings), so the provision named is the first listed one that breaks a bound.
 * R25. minimumRate: floor = amount · annual factor of its basis / annual factor of the schedule's
 *      basis (exact); cells strictly below it become the floor rounded up (ceiling) to ratePlaces;
 *      other cells are left as they are (not re-rounded).
 * R26. stepMovement: the same costing with every step date that falls due at the first costed
 *      period or later used up without a move; renumbering kept. Its Social Security seed and (for
 *      a proposal) its retro amounts come from the no-step baseline.
 * R27. Funds: a row's per-employee fiscal-year amount of each component is split (each fund but
 *      the last round₂(amount × share), the last the rest), then × count; a flat amount's
 *      round₂(amount) of each fiscal year splits the same way. Keys: every fund/department named by
 *      a row or by a flat of any proposal, plus "unassigned" when a row or a flat has none, sorted
 *      by code point, the same keys in every costing.
 * R28. Per-class detail: every schedule class, flat 0.00.
 * R29. perFte: round₂(total / exact fte) of the baseline's total and of each increase's total (flat
 *      included); null when fte is 0.
 * R30. Refusals carry the path of the offending input (first problem found; the engine may list
 *      more): missing rates name the row's field (roster.rows[i].pensionTier / healthTier),
 *      a roll-up with no entry names the roll-up's rates, a missing wage base
 *      assumptions.socialSecurity.wageBase, provision problems proposals[i].provisions[j].<field>.
 * R31. The bounds of §1 are checked first, on the document as given: a percent (gwi, equity, addStep,
 *      specialPay, lumpSum, a special pay definition, a longevity band) strictly inside (−1, 1); every
 *      decimal string of a money, rate, hours, FTE, days or share field at most 10 places and below
 *      10¹² in absolute value; ≤ 99 steps a class (schedule.classes[i].steps), ≤ 10 fiscal years
 *      (term.end), ≤ 200 provisions (proposals[i].provisions), ≤ 20 proposals (proposals).
 */
import { Decimal as DecimalJs } from 'decimal.js';
import { componentNames, type ComponentName, type Components, type ProvisionCharge } from '../result.js';
import { addMonths, completedYears, dayFromParts, dayParts, daysInMonth, parseDay, type Day } from '../dates.js';

/** R17: exact well past the products of 10-place inputs. */
const D = DecimalJs.clone({ precision: 200, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });
type D = InstanceType<typeof D>;

// The component names and the result's shape are the product's own (shared/result.ts); only the
// arithmetic behind them is this file's reading of the spec.
const COMPONENTS = componentNames;
type Component = ComponentName;
type Amounts = Record<Component, D>;
type ByFy<T> = Record<string, T>;

// ---------- the parsed 1.2 scenario, as §9 describes it (a reading of the spec, not the engine's types) ----------

type RateBasis = 'hourly' | 'annual' | 'monthly' | 'biweekly';
export type FundSpec = string | { fund: string; share: string }[];
interface ProvisionCommon {
  label?: string | undefined;
  classes?: string[] | undefined;
}
export type RefProvision = ProvisionCommon &
  (
    | { type: 'gwi' | 'equity' | 'addStep'; percent: string; effective: string }
    | { type: 'flatIncrease'; amount: string; effective: string }
    | { type: 'stepFreeze'; effective: string; months: number; mode?: 'keep' | 'slide' }
    | {
        type: 'lumpSum';
        payDate: string;
        amount?: string;
        percent?: string;
        days?: string;
        daysPerYear?: string;
        prorateByFte?: boolean;
        pensionable?: boolean;
      }
    | { type: 'specialPay'; code: string; effective: string; percent?: string; amount?: string; per?: string; pensionable?: boolean; mode?: 'set' | 'add' }
    | { type: 'longevity'; effective: string; bands: { years: number; percent: string }[] }
    | { type: 'health'; effective: string; tier: string; monthly: string }
    | { type: 'pensionRate'; effective: string; tier: string; rate?: string; delta?: string }
    | { type: 'overtimeHours'; effective: string; hours: string }
    | { type: 'flat'; amount: string; fiscalYears: (string | number)[]; fund?: FundSpec; department?: string }
    | { type: 'setRate'; class: string; step: number; amount: string; effective: string }
    | { type: 'minimumRate'; amount: string; effective: string; rateBasis?: RateBasis }
    | { type: 'dropSteps'; count: number; effective: string }
    | { type: 'rollupRate'; name: string; effective: string; rate?: string; delta?: string }
  );
export interface RefRow {
  id: string;
  class: string;
  step: number;
  fte?: string;
  count?: number;
  hireDate?: string | undefined;
  nextStepDate?: string | undefined;
  pensionTier?: string | undefined;
  socialSecurity?: boolean;
  medicare?: boolean;
  healthTier?: string | undefined;
  overtimeHours?: string;
  pays?: string[];
  vacant?: boolean;
  fund?: FundSpec | undefined;
  department?: string | undefined;
}
export interface RefRollup {
  name: string;
  rate?: string | undefined;
  rates?: { from: string; rate: string }[] | undefined;
  on?: 'pensionable' | 'taxable';
  classes?: string[] | undefined;
  pensionTiers?: string[] | undefined;
}
interface PayDefinitionInput {
  percent?: string | undefined;
  amount?: string | undefined;
  per?: string | undefined;
  pensionable?: boolean | undefined;
}
export interface RefScenario {
  format?: string;
  unit: { id: string; name?: string };
  calendar: {
    fiscalYearStartMonth?: number;
    payFrequency?: 'biweekly' | 'weekly' | 'semimonthly' | 'monthly';
    firstPeriodStart?: string | undefined;
    payLagDays?: number;
    fiscalYearBy?: 'payDate' | 'periodEnd';
    effectiveRule?: 'periodStart' | 'periodContaining';
  };
  term: { start: string; end: string; costs?: 'fiscalYears' | 'term' };
  schedule: {
    id: string;
    effective: string;
    rateBasis?: RateBasis;
    hoursPerYear?: number;
    ratePlaces?: number;
    classes: { code: string; title?: string; stepMonths?: number; steps: string[] }[];
  };
  roster: { extractDate: string; rows: RefRow[] };
  assumptions: {
    id: string;
    pension?: Record<string, { from: string; rate: string }[]>;
    socialSecurity?: { rate?: string; wageBase?: Record<string, string> };
    medicareRate?: string;
    otherRollups?: RefRollup[];
    health?: Record<string, { from: string; monthly: string }[]>;
    specialPays?: Record<string, PayDefinitionInput>;
    longevity?: { years: number; percent: string }[];
    overtimeMultiplier?: string;
  };
  proposals?: { name: string; side?: string | undefined; retroPayDate?: string | undefined; provisions: RefProvision[] }[];
}

// ---------- the result, with the names of §9 ----------

export interface ReferenceProposal {
  name: string;
  side?: string;
  byFiscalYear: ByFy<Components>;
  increase: ByFy<Components>;
  increaseTotal: Components;
  byProvision: ProvisionCharge[];
  valueOfOnePercent: ByFy<string>;
  ongoingAnnualIncrease: string;
  ongoingAnnualIncreaseByComponent: Components;
  compoundedWageIncrease: string;
  percentOfBase: ByFy<string | null>;
  byClass: Record<string, ByFy<Omit<Components, 'flat'>>>;
  increaseByClass: Record<string, ByFy<Omit<Components, 'flat'>>>;
  rollupsByName: ByFy<Record<string, string>>;
  increaseRollupsByName: ByFy<Record<string, string>>;
  increaseOverPriorYear: ByFy<Components>;
  stepMovement: ByFy<Components>;
  increasePerFte: ByFy<string | null>;
  overBudget?: ByFy<string>;
  overBudgetTotal?: string;
  byFund: Record<string, ByFy<Components>>;
  increaseByFund: Record<string, ByFy<Components>>;
  byDepartment: Record<string, ByFy<Components>>;
  increaseByDepartment: Record<string, ByFy<Components>>;
}

export interface ReferenceCostingResult {
  fiscalYears: string[];
  periodsByFiscalYear: ByFy<number>;
  baseline: ByFy<Components>;
  baselineByClass: Record<string, ByFy<Omit<Components, 'flat'>>>;
  baselineAnnualAtLastPeriod: Components;
  positions: number;
  vacantPositions: number;
  fte: string;
  baselineRollupsByName: ByFy<Record<string, string>>;
  baselineStepMovement: ByFy<Components>;
  baselineValueOfOnePercent: ByFy<string>;
  baselinePerFte: ByFy<string | null>;
  baselineByFund: Record<string, ByFy<Components>>;
  baselineByDepartment: Record<string, ByFy<Components>>;
  proposals: ReferenceProposal[];
  snapshot: { unit: string; scheduleId: string; scheduleEffective: string; rosterExtractDate: string; assumptionsId: string };
}

/** An input the rules refuse (R30): the path of the offending input and why. */
export class ReferenceRefusal extends Error {
  readonly path: string;
  /** Every problem found before costing (the provision checks of every proposal), this one first. */
  readonly paths: string[];
  constructor(path: string, message: string, more: ReferenceRefusal[] = []) {
    super([`${path}: ${message}`, ...more.map((r) => r.message)].join('\n'));
    this.path = path;
    this.paths = [path, ...more.map((r) => r.path)];
  }
}

const ZERO = new D(0);
const ONE = new D(1);
const r2 = (d: D): D => d.toDecimalPlaces(2, D.ROUND_HALF_UP);
const money = (d: D): string => {
  const s = r2(d).toFixed(2);
  return s === '-0.00' ? '0.00' : s;
};
const ratio = (d: D): string => {
  const s = d.toDecimalPlaces(6, D.ROUND_HALF_UP).toFixed(6);
  return s === '-0.000000' ? '0.000000' : s;
};
const zeros = (): Amounts => Object.fromEntries(COMPONENTS.map((c) => [c, ZERO])) as Amounts;
const fmt = (d: Day): string => new Date(d * 86_400_000).toISOString().slice(0, 10);
const byCodePoint = (a: string, b: string): number => {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
};

interface Period {
  start: Day;
  end: Day;
  pay: Day;
  /** The horizon fiscal year it is costed in, or null when it is not costed. */
  fy: string | null;
}

interface PayDef {
  percent?: D;
  amount?: D;
  per?: string;
  pensionable: boolean;
}

/** One employee's pay in one costed period, before roll-ups. */
interface Pay {
  base: D;
  specialPays: D;
  pensionableSpecialPays: D;
  longevity: D;
  overtime: D;
  lumpSums: D;
  pensionableLumpSums: D;
}

interface RowRun {
  /** Pay per costed period index, after retro (what the costing pays). */
  pay: Map<number, Pay>;
  /** Taxable pay per costed period index (for the Social Security seed of other costings). */
  taxable: Map<number, D>;
  /** Per employee, per fiscal year. */
  byFy: ByFy<Amounts>;
  rollupsByFy: ByFy<D[]>;
  /** One full year at the last costed period's state, per employee (R12, R21). */
  lift: Amounts;
}

interface Run {
  rows: RowRun[];
  flatByFy: ByFy<D>;
  provisions: RefProvision[];
}

interface CostingOptions {
  onePercentFy?: string | null;
  noSteps?: boolean;
  retroPayDate?: string | undefined;
  /** The baseline of the same kind (normal or no-step): the Social Security seed and the retro amounts. */
  baseline?: Run;
}

function provisionDate(p: RefProvision): Day {
  if (p.type === 'lumpSum') return parseDay(p.payDate);
  if (p.type === 'flat') return Number.MAX_SAFE_INTEGER;
  return parseDay(p.effective);
}

/** Stable sort by date, ties in listed order (R16). */
function inDateOrder(provisions: RefProvision[]): RefProvision[] {
  return provisions
    .map((p, i) => ({ p, i }))
    .sort((a, b) => provisionDate(a.p) - provisionDate(b.p) || a.i - b.i)
    .map((x) => x.p);
}

function appliesToClass(p: RefProvision, cls: string): boolean {
  if (p.type === 'setRate') return p.class === cls;
  return p.classes === undefined || p.classes.includes(cls);
}

const fyName = (fy: string | number): string => (typeof fy === 'number' ? `FY${fy}` : fy);
const annualFactor = (basis: RateBasis, H: number): D => new D({ hourly: H, annual: 1, monthly: 12, biweekly: 26 }[basis]);

class Reference {
  readonly s: RefScenario;
  readonly P: number;
  readonly H: number;
  readonly places: number;
  readonly basis: RateBasis;
  readonly rowsList: RefRow[];
  readonly rollups: RefRollup[];
  readonly fiscalYears: string[];
  readonly periods: Period[];
  readonly fyStartDay: Day;
  readonly fyEndDay: Day;
  readonly costedIdx: number[];
  /** Where each provision was listed, for the paths of refusals. */
  readonly where = new Map<RefProvision, string>();

  constructor(s: RefScenario) {
    this.s = s;
    this.P = { biweekly: 26, weekly: 52, semimonthly: 24, monthly: 12 }[s.calendar.payFrequency ?? 'biweekly'];
    this.H = s.schedule.hoursPerYear ?? 2080;
    this.places = s.schedule.ratePlaces ?? 2;
    this.basis = s.schedule.rateBasis ?? 'hourly';
    this.rowsList = s.roster.rows;
    this.rollups = s.assumptions.otherRollups ?? [];
    (s.proposals ?? []).forEach((proposal, i) => proposal.provisions.forEach((p, j) => this.where.set(p, `proposals[${i}].provisions[${j}]`)));
    const first = this.fyOf(parseDay(s.term.start));
    const last = this.fyOf(parseDay(s.term.end));
    this.fiscalYears = [];
    for (let y = first; y <= last; y++) this.fiscalYears.push(`FY${y}`);
    this.fyStartDay = this.fyStart(first);
    this.fyEndDay = this.fyStart(last + 1) - 1;
    const lag = s.calendar.payLagDays ?? 0;
    const termOnly = s.term.costs === 'term';
    const termStart = parseDay(s.term.start);
    const termEnd = parseDay(s.term.end);

    // Generate periods generously around everything that can matter: more than a year of pay dates
    // before the horizon (for the Social Security YTD, whatever the pay lag), the extract date, every
    // provision date; a year and more after the horizon.
    let from = Math.min(parseDay(s.roster.extractDate), this.fyStartDay - 400 - lag);
    for (const proposal of s.proposals ?? []) for (const p of proposal.provisions) if (p.type !== 'flat') from = Math.min(from, provisionDate(p) - 40);
    const to = this.fyEndDay + 400;
    this.periods = this.generatePeriods(from, to).map((p) => {
      const pay = p.end + lag;
      const assignDay = (s.calendar.fiscalYearBy ?? 'payDate') === 'payDate' ? pay : p.end;
      let fy = assignDay >= this.fyStartDay && assignDay <= this.fyEndDay ? `FY${this.fyOf(assignDay)}` : null;
      if (termOnly && (assignDay < termStart || assignDay > termEnd)) fy = null; // R18
      return { start: p.start, end: p.end, pay, fy };
    });
    this.costedIdx = this.periods.flatMap((p, i) => (p.fy !== null ? [i] : []));
  }

  // ---------- §2 calendar ----------

  fyOf(day: Day): number {
    const { year, month } = dayParts(day);
    const m = this.s.calendar.fiscalYearStartMonth ?? 7;
    if (m === 1) return year;
    return month >= m ? year + 1 : year;
  }

  fyStart(fy: number): Day {
    const m = this.s.calendar.fiscalYearStartMonth ?? 7;
    return m === 1 ? dayFromParts(fy, 1, 1) : dayFromParts(fy - 1, m, 1);
  }

  generatePeriods(from: Day, to: Day): { start: Day; end: Day }[] {
    const out: { start: Day; end: Day }[] = [];
    const freq = this.s.calendar.payFrequency ?? 'biweekly';
    if (freq === 'weekly' || freq === 'biweekly') {
      const len = freq === 'weekly' ? 7 : 14;
      const anchor = parseDay(this.s.calendar.firstPeriodStart!);
      let k = Math.floor((from - anchor) / len);
      for (;;) {
        const start = anchor + k * len;
        if (start > to) break;
        out.push({ start, end: start + len - 1 });
        k++;
      }
    } else {
      let { year, month } = dayParts(from);
      for (;;) {
        const first = dayFromParts(year, month, 1);
        if (first > to) break;
        const last = dayFromParts(year, month, daysInMonth(year, month));
        if (freq === 'monthly') out.push({ start: first, end: last });
        else {
          out.push({ start: first, end: dayFromParts(year, month, 15) });
          out.push({ start: dayFromParts(year, month, 16), end: last });
        }
        month++;
        if (month === 13) {
          month = 1;
          year++;
        }
      }
    }
    return out;
  }

  applies(date: string, p: Period): boolean {
    const d = parseDay(date);
    return (this.s.calendar.effectiveRule ?? 'periodStart') === 'periodStart' ? p.start >= d : p.end >= d;
  }

  /** The first period whose first day is on or after `d`. */
  triggerIndex(d: Day): number {
    return this.periods.findIndex((p) => p.start >= d);
  }

  rowPath(row: RefRow): string {
    return `roster.rows[${this.rowsList.indexOf(row)}]`;
  }

  // ---------- §6 schedule in effect ----------

  /** R24: the step counts the listed provisions lead to, in date order, whatever their dates. */
  checkStepCounts(provisions: RefProvision[]): void {
    const length = new Map(this.s.schedule.classes.map((c) => [c.code, c.steps.length]));
    for (const prov of provisions) {
      const at = this.where.get(prov) ?? 'proposals';
      if (prov.type === 'addStep' || prov.type === 'dropSteps') {
        for (const [cls, n] of length) {
          if (!appliesToClass(prov, cls)) continue;
          const after = prov.type === 'dropSteps' ? n - prov.count : n + 1;
          if (after > 99) throw new ReferenceRefusal(at, `class ${cls} would have ${after} steps; at most 99`);
          if (after < 1) throw new ReferenceRefusal(`${at}.count`, `class ${cls} would have no step left`);
          length.set(cls, after);
        }
      } else if (prov.type === 'setRate') {
        const n = length.get(prov.class);
        if (n === undefined) throw new ReferenceRefusal(`${at}.class`, `class ${prov.class} is not in the schedule`);
        if (prov.step > n) throw new ReferenceRefusal(`${at}.step`, `class ${prov.class} has ${n} steps on ${prov.effective}`);
      }
    }
  }

  scheduleAt(provisions: RefProvision[], p: Period): Map<string, D[]> {
    const places = this.places;
    const round = (d: D) => d.toDecimalPlaces(places, D.ROUND_HALF_UP);
    const cells = new Map(this.s.schedule.classes.map((c) => [c.code, c.steps.map((x) => new D(x))]));
    for (const prov of provisions) {
      if (prov.type === 'lumpSum' || prov.type === 'flat' || !this.applies(prov.effective, p)) continue;
      for (const [cls, steps] of cells) {
        if (!appliesToClass(prov, cls)) continue;
        switch (prov.type) {
          case 'gwi':
          case 'equity':
            cells.set(
              cls,
              steps.map((v) => round(v.times(ONE.plus(prov.percent)))),
            );
            break;
          case 'flatIncrease':
            cells.set(
              cls,
              steps.map((v) => round(v.plus(prov.amount))),
            );
            break;
          case 'addStep':
            cells.set(cls, [...steps, round(steps[steps.length - 1]!.times(ONE.plus(prov.percent)))]);
            break;
          case 'setRate':
            cells.set(
              cls,
              steps.map((v, i) => (i === prov.step - 1 ? round(new D(prov.amount)) : v)),
            );
            break;
          case 'minimumRate': {
            const floor = new D(prov.amount).times(annualFactor(prov.rateBasis ?? this.basis, this.H)).div(annualFactor(this.basis, this.H));
            cells.set(
              cls,
              steps.map((v) => (v.lt(floor) ? floor.toDecimalPlaces(places, D.ROUND_CEIL) : v)),
            );
            break;
          }
          case 'dropSteps':
            cells.set(cls, steps.slice(prov.count));
            break;
          default:
            break;
        }
      }
    }
    return cells;
  }

  /** Annual equivalent A = hourly equivalent × H (exact): hourly rH, annual r, monthly 12r, biweekly 26r. */
  annualEquivalent(rate: D): D {
    return rate.times(annualFactor(this.basis, this.H));
  }

  // ---------- §5 steps ----------

  /** The row's step in every generated period (index-aligned with this.periods); R23, R26. */
  stepsFor(row: RefRow, provisions: RefProvision[], schedules: Map<string, D[]>[], noStepsFrom: number): number[] {
    const cls = this.s.schedule.classes.find((c) => c.code === row.class)!;
    const extract = parseDay(this.s.roster.extractDate);
    const lastStart = this.periods[this.periods.length - 1]!.start;
    let dates: Day[] = [];
    if (row.nextStepDate !== undefined && !row.vacant) {
      const first = parseDay(row.nextStepDate);
      for (let k = 0; ; k++) {
        const d = addMonths(first, k * (cls.stepMonths ?? 12));
        if (d > lastStart) break;
        if (d > extract) dates.push(d);
      }
    }
    for (const prov of provisions) {
      if (prov.type !== 'stepFreeze' || !appliesToClass(prov, row.class)) continue;
      const fs = parseDay(prov.effective);
      const fe = addMonths(fs, prov.months);
      const inFreeze = (d: Day) => {
        const t = this.triggerIndex(d);
        if (t < 0) return false;
        const start = this.periods[t]!.start;
        return start >= fs && start < fe;
      };
      if ((prov.mode ?? 'keep') === 'keep') dates = dates.filter((d) => !inFreeze(d));
      else {
        const i = dates.findIndex(inFreeze);
        if (i >= 0) dates = [...dates.slice(0, i), ...dates.slice(i).map((d) => Math.max(addMonths(d, prov.months), fe))];
      }
    }
    dates.sort((a, b) => a - b);
    const drops = provisions.filter((p): p is Extract<RefProvision, { type: 'dropSteps' }> => p.type === 'dropSteps' && appliesToClass(p, row.class));
    const steps: number[] = [];
    let step = row.step;
    let dropped = 0;
    let next = 0;
    this.periods.forEach((p, i) => {
      const inEffect = drops.filter((d) => this.applies(d.effective, p)).reduce((n, d) => n + d.count, 0);
      if (inEffect > dropped) {
        step = Math.max(1, step - (inEffect - dropped));
        dropped = inEffect;
      }
      while (next < dates.length && dates[next]! <= p.start) {
        if (i < noStepsFrom && step < schedules[i]!.get(row.class)!.length) step++;
        next++;
      }
      steps.push(step);
    });
    return steps;
  }

  // ---------- §3/§4 one employee, one period ----------

  specialPaysAt(row: RefRow, provisions: RefProvision[], p: Period): PayDef[] {
    const fromDef = (d: PayDefinitionInput): Omit<PayDef, 'pensionable'> =>
      d.percent !== undefined ? { percent: new D(d.percent) } : { amount: new D(d.amount!), per: d.per! };
    // Definitions as changed by every provision that reaches the row's class (see A4); the row is
    // paid the codes it holds — its own, and those granted to its class.
    const defs = new Map<string, PayDef>();
    for (const [code, def] of Object.entries(this.s.assumptions.specialPays ?? {})) defs.set(code, { ...fromDef(def), pensionable: def.pensionable ?? false });
    const held = new Set(row.pays ?? []);
    for (const prov of provisions) {
      if (prov.type !== 'specialPay' || !this.applies(prov.effective, p)) continue;
      if (prov.classes !== undefined) {
        if (!prov.classes.includes(row.class)) continue;
        held.add(prov.code);
      }
      const current = defs.get(prov.code);
      const change = fromDef(prov);
      const pensionable = prov.pensionable ?? current?.pensionable ?? false;
      if ((prov.mode ?? 'set') === 'set' || current === undefined) defs.set(prov.code, { ...change, pensionable });
      else if (change.percent !== undefined && current.percent !== undefined)
        defs.set(prov.code, { percent: current.percent.plus(change.percent), pensionable });
      else if (change.amount !== undefined && current.amount !== undefined && change.per === current.per) {
        defs.set(prov.code, { amount: current.amount.plus(change.amount), per: current.per!, pensionable });
      } else throw new ReferenceRefusal(`${this.where.get(prov)}.mode`, `cannot add to special pay ${prov.code} a pay of another kind`);
    }
    return [...held].map((code) => defs.get(code)!);
  }

  longevityPercentAt(row: RefRow, provisions: RefProvision[], p: Period): D {
    let bands = this.s.assumptions.longevity ?? [];
    for (const prov of provisions) if (prov.type === 'longevity' && appliesToClass(prov, row.class) && this.applies(prov.effective, p)) bands = prov.bands;
    if (row.hireDate === undefined) return ZERO;
    const years = completedYears(parseDay(row.hireDate), p.start);
    let best: { years: number; percent: string } | undefined;
    for (const b of bands) if (b.years <= years && (best === undefined || b.years > best.years)) best = b;
    return best ? new D(best.percent) : ZERO;
  }

  overtimeHoursAt(row: RefRow, provisions: RefProvision[], p: Period): D {
    let hours = row.overtimeHours ?? '0';
    for (const prov of provisions) if (prov.type === 'overtimeHours' && appliesToClass(prov, row.class) && this.applies(prov.effective, p)) hours = prov.hours;
    return new D(hours);
  }

  /** A1 for pension tiers and (R22) roll-ups: the latest override, else the latest entry; plus every delta. */
  datedRate(entries: { from: string; rate: string }[], overrides: { rate?: string | undefined; delta?: string | undefined }[], p: Period): D | null {
    let latest: { from: Day; rate: string } | undefined;
    for (const e of entries)
      if (this.applies(e.from, p) && (latest === undefined || parseDay(e.from) >= latest.from)) latest = { from: parseDay(e.from), rate: e.rate };
    let rate: D | null = latest ? new D(latest.rate) : null;
    let deltas = ZERO;
    for (const o of overrides) {
      if (o.rate !== undefined) rate = new D(o.rate);
      else deltas = deltas.plus(o.delta!);
    }
    return rate === null ? null : rate.plus(deltas);
  }

  pensionRateAt(row: RefRow, provisions: RefProvision[], p: Period): D | null {
    const tier = row.pensionTier;
    if (tier === undefined) return null;
    const overrides = provisions.filter(
      (prov) => prov.type === 'pensionRate' && prov.tier === tier && appliesToClass(prov, row.class) && this.applies(prov.effective, p),
    ) as { rate?: string; delta?: string }[];
    const rate = this.datedRate(this.s.assumptions.pension?.[tier] ?? [], overrides, p);
    if (rate === null)
      throw new ReferenceRefusal(`${this.rowPath(row)}.pensionTier`, `no pension rate for tier ${tier} in effect for the period starting ${fmt(p.start)}`);
    return rate;
  }

  /** The rate of roll-up k for the row, or null when its filters leave the row out (R22). */
  rollupRateAt(k: number, row: RefRow, provisions: RefProvision[], p: Period): D | null {
    const ru = this.rollups[k]!;
    if (ru.classes !== undefined && !ru.classes.includes(row.class)) return null;
    if (ru.pensionTiers !== undefined && (row.pensionTier === undefined || !ru.pensionTiers.includes(row.pensionTier))) return null;
    const entries = ru.rate !== undefined ? [{ from: '0001-01-01', rate: ru.rate }] : (ru.rates ?? []);
    const overrides = provisions.filter(
      (prov) => prov.type === 'rollupRate' && prov.name === ru.name && appliesToClass(prov, row.class) && this.applies(prov.effective, p),
    ) as { rate?: string; delta?: string }[];
    const rate = this.datedRate(entries, overrides, p);
    if (rate === null)
      throw new ReferenceRefusal(
        `assumptions.otherRollups[${k}].rates`,
        `roll-up ${ru.name} has no rate in effect for row ${row.id} in the period starting ${fmt(p.start)}`,
      );
    return rate;
  }

  healthMonthlyAt(row: RefRow, provisions: RefProvision[], p: Period): D | null {
    const tier = row.healthTier;
    if (tier === undefined) return null;
    let value: string | undefined;
    let latest = Number.NEGATIVE_INFINITY;
    for (const e of this.s.assumptions.health?.[tier] ?? []) {
      if (this.applies(e.from, p) && parseDay(e.from) >= latest) {
        latest = parseDay(e.from);
        value = e.monthly;
      }
    }
    for (const prov of provisions)
      if (prov.type === 'health' && prov.tier === tier && appliesToClass(prov, row.class) && this.applies(prov.effective, p)) value = prov.monthly;
    if (value === undefined)
      throw new ReferenceRefusal(
        `${this.rowPath(row)}.healthTier`,
        `no health contribution for tier ${tier} in effect for the period starting ${fmt(p.start)}`,
      );
    return new D(value);
  }

  wageBase(payDay: Day): D {
    const year = String(dayParts(payDay).year);
    const base = this.s.assumptions.socialSecurity?.wageBase?.[year];
    if (base === undefined)
      throw new ReferenceRefusal('assumptions.socialSecurity.wageBase', `no Social Security wage base for ${year} (pay date ${fmt(payDay)})`);
    return new D(base);
  }

  /** §3: one employee's pay in period index i (R19 for lump sums). */
  payAt(row: RefRow, provisions: RefProvision[], i: number, step: number, schedule: Map<string, D[]>, onePercentFy: string | null): Pay {
    const p = this.periods[i]!;
    const P = this.P;
    const H = this.H;
    const f = new D(row.fte ?? '1');
    let rate = schedule.get(row.class)![step - 1]!;
    if (onePercentFy !== null && p.fy === onePercentFy) rate = rate.times('1.01');
    const A = this.annualEquivalent(rate);

    const base = r2(A.times(f).div(P));
    let specialPays = ZERO;
    let pensionableSpecialPays = ZERO;
    let percentSum = ZERO;
    let annualAmounts = ZERO;
    for (const pay of this.specialPaysAt(row, provisions, p)) {
      let amount: D;
      if (pay.percent !== undefined) {
        amount = r2(pay.percent.times(base));
        percentSum = percentSum.plus(pay.percent);
      } else {
        // per hour a·H/P, per period a, per month 12a/P, per year a/P; × f. Annualised: a·H, a·P, 12a, a.
        const annual = { hour: pay.amount!.times(H), period: pay.amount!.times(P), month: pay.amount!.times(12), year: pay.amount! }[pay.per!]!;
        amount = r2(annual.times(f).div(P));
        annualAmounts = annualAmounts.plus(annual);
      }
      specialPays = specialPays.plus(amount);
      if (pay.pensionable) pensionableSpecialPays = pensionableSpecialPays.plus(amount);
    }

    const lp = this.longevityPercentAt(row, provisions, p);
    const longevity = r2(lp.times(base));
    const hours = this.overtimeHoursAt(row, provisions, p);
    const mult = new D(this.s.assumptions.overtimeMultiplier ?? '1.5');
    // regular rate = (A(1 + S + L) + Σ annualised amounts) / H; cost = hours/P × mult × regular rate
    const overtime = r2(
      hours
        .times(mult)
        .times(A.times(percentSum.plus(1).plus(lp)).plus(annualAmounts))
        .div(H * P),
    );

    let lumpSums = ZERO;
    let pensionableLumpSums = ZERO;
    if (!row.vacant) {
      for (const prov of provisions) {
        if (prov.type !== 'lumpSum' || !appliesToClass(prov, row.class)) continue;
        const payDay = parseDay(prov.payDate);
        if (this.periods.findIndex((q) => q.pay >= payDay) !== i) continue;
        let amount: D;
        if (prov.percent !== undefined) amount = r2(new D(prov.percent).times(A).times(f));
        else if (prov.days !== undefined)
          amount = r2(
            new D(prov.days)
              .times(A)
              .times(f)
              .div(prov.daysPerYear ?? '260'),
          );
        else amount = r2(prov.prorateByFte ? new D(prov.amount!).times(f) : new D(prov.amount!));
        lumpSums = lumpSums.plus(amount);
        if (prov.pensionable) pensionableLumpSums = pensionableLumpSums.plus(amount);
      }
    }
    return { base, specialPays, pensionableSpecialPays, longevity, overtime, lumpSums, pensionableLumpSums };
  }

  /**
   * A3: `add` to a pay of another kind (a percent to an amount, an amount per hour to one per
   * month…) is refused, as the engine does, whether or not a row has the code, when the provision
   * takes effect in the horizon (it applies to the last costed period). Checked class by class: a
   * code's kind in a class is its assumptions definition, changed by every earlier `set` reaching
   * that class (or, for a code the assumptions do not define, by the first provision reaching it).
   */
  checkSpecialPayAdds(provisions: RefProvision[]): void {
    const last = this.periods[this.costedIdx[this.costedIdx.length - 1]!]!;
    const kindOf = (d: PayDefinitionInput) => (d.percent !== undefined ? 'a percent' : `an amount per ${d.per}`);
    for (const cls of this.s.schedule.classes) {
      const kinds = new Map(Object.entries(this.s.assumptions.specialPays ?? {}).map(([code, def]) => [code, kindOf(def)]));
      for (const prov of provisions) {
        if (prov.type !== 'specialPay' || !appliesToClass(prov, cls.code) || !this.applies(prov.effective, last)) continue;
        const current = kinds.get(prov.code);
        if (prov.mode === 'add' && current !== undefined && current !== kindOf(prov))
          throw new ReferenceRefusal(`${this.where.get(prov)}.mode`, `cannot add ${kindOf(prov)} to ${current}`);
        if ((prov.mode ?? 'set') === 'set' || current === undefined) kinds.set(prov.code, kindOf(prov));
      }
    }
  }

  // ---------- one costing: a provision list (baseline = []) ----------

  cost(provisionsListed: RefProvision[], options: CostingOptions = {}): Run {
    const provisions = inDateOrder(provisionsListed);
    const flatByFy: ByFy<D> = Object.fromEntries(this.fiscalYears.map((fy) => [fy, ZERO]));
    for (const prov of provisionsListed) {
      if (prov.type !== 'flat') continue;
      for (const fy of prov.fiscalYears.map(fyName)) if (flatByFy[fy] !== undefined) flatByFy[fy] = flatByFy[fy].plus(r2(new D(prov.amount)));
    }
    if (this.costedIdx.length === 0) {
      const emptyRow = (): RowRun => ({
        pay: new Map(),
        taxable: new Map(),
        byFy: Object.fromEntries(this.fiscalYears.map((fy) => [fy, zeros()])),
        rollupsByFy: Object.fromEntries(this.fiscalYears.map((fy) => [fy, this.rollups.map(() => ZERO)])),
        lift: zeros(),
      });
      return { rows: this.rowsList.map(emptyRow), flatByFy, provisions: provisionsListed };
    }
    this.checkStepCounts(provisions);
    this.checkSpecialPayAdds(provisions);
    const schedules = this.periods.map((p) => this.scheduleAt(provisions, p));
    const firstIdx = this.costedIdx[0]!;
    const lastIdx = this.costedIdx[this.costedIdx.length - 1]!;
    const onePercentFy = options.onePercentFy ?? null;
    const retroDay = options.retroPayDate === undefined ? null : parseDay(options.retroPayDate);
    // §3: a retro pay date on or before the first costed pay date changes nothing.
    const retroIdx = retroDay === null || retroDay <= this.periods[firstIdx]!.pay ? -1 : this.periods.findIndex((q) => q.pay >= retroDay);
    const ssRate = new D(this.s.assumptions.socialSecurity?.rate ?? '0.062');
    const medicareRate = new D(this.s.assumptions.medicareRate ?? '0.0145');

    const rows = this.rowsList.map((row, r): RowRun => {
      const steps = this.stepsFor(row, provisions, schedules, options.noSteps ? firstIdx : Number.POSITIVE_INFINITY);
      const pay = new Map<number, Pay>();
      for (const i of this.costedIdx) pay.set(i, this.payAt(row, provisions, i, steps[i]!, schedules[i]!, onePercentFy));
      const unretroLast = pay.get(lastIdx)!;

      // §3 retro (R20): the baseline's pay before the retro pay date, the difference in the retro period.
      if (retroIdx >= 0 && !row.vacant && options.baseline !== undefined) {
        const before = options.baseline.rows[r]!.pay;
        const owed = { base: ZERO, specialPays: ZERO, pensionableSpecialPays: ZERO, longevity: ZERO, overtime: ZERO };
        for (const i of this.costedIdx) {
          if (this.periods[i]!.pay >= retroDay!) break;
          const mine = pay.get(i)!;
          const theirs = before.get(i)!;
          for (const k of Object.keys(owed) as (keyof typeof owed)[]) owed[k] = owed[k].plus(mine[k].minus(theirs[k]));
          pay.set(i, {
            ...mine,
            base: theirs.base,
            specialPays: theirs.specialPays,
            pensionableSpecialPays: theirs.pensionableSpecialPays,
            longevity: theirs.longevity,
            overtime: theirs.overtime,
          });
        }
        const at = pay.get(retroIdx)!;
        pay.set(retroIdx, {
          ...at,
          base: at.base.plus(owed.base),
          specialPays: at.specialPays.plus(owed.specialPays),
          pensionableSpecialPays: at.pensionableSpecialPays.plus(owed.pensionableSpecialPays),
          longevity: at.longevity.plus(owed.longevity),
          overtime: at.overtime.plus(owed.overtime),
        });
      }

      const byFy: ByFy<Amounts> = Object.fromEntries(this.fiscalYears.map((fy) => [fy, zeros()]));
      const rollupsByFy: ByFy<D[]> = Object.fromEntries(this.fiscalYears.map((fy) => [fy, this.rollups.map(() => ZERO)]));
      const taxableAt = new Map<number, D>();
      for (const i of this.costedIdx) {
        const x = pay.get(i)!;
        taxableAt.set(i, x.base.plus(x.specialPays).plus(x.longevity).plus(x.overtime).plus(x.lumpSums));
      }

      // Social Security YTD at the horizon's start (R11): periods before the first costed one whose
      // pay dates are in the same calendar year, each at the (same-kind) baseline's taxable pay of the first period.
      let ytd = ZERO;
      if (row.socialSecurity) {
        const firstYear = dayParts(this.periods[firstIdx]!.pay).year;
        const before = this.periods.slice(0, firstIdx).filter((q) => dayParts(q.pay).year === firstYear).length;
        const seed = options.baseline !== undefined ? options.baseline.rows[r]!.taxable.get(firstIdx)! : taxableAt.get(firstIdx)!;
        ytd = D.min(this.wageBase(this.periods[firstIdx]!.pay), seed.times(before));
      }
      let year = dayParts(this.periods[firstIdx]!.pay).year;
      let lift = zeros();
      for (const i of this.costedIdx) {
        const p = this.periods[i]!;
        const x = pay.get(i)!;
        const a = zeros();
        a.wages = x.base;
        a.specialPays = x.specialPays;
        a.longevity = x.longevity;
        a.overtime = x.overtime;
        a.lumpSums = x.lumpSums;
        const pensionable = x.base.plus(x.pensionableSpecialPays).plus(x.longevity).plus(x.pensionableLumpSums);
        const taxable = taxableAt.get(i)!;
        const pensionRate = this.pensionRateAt(row, provisions, p);
        if (pensionRate !== null) a.pension = r2(pensionable.times(pensionRate));
        if (row.medicare ?? true) a.medicare = r2(taxable.times(medicareRate));
        const ruRates = this.rollups.map((_, k) => this.rollupRateAt(k, row, provisions, p));
        const byName = this.rollups.map((ru, k) =>
          ruRates[k] === null ? ZERO : r2(ruRates[k]!.times((ru.on ?? 'pensionable') === 'pensionable' ? pensionable : taxable)),
        );
        a.otherRollups = byName.reduce((t, v) => t.plus(v), ZERO);
        const monthly = this.healthMonthlyAt(row, provisions, p);
        if (monthly !== null) a.health = r2(monthly.times(12).div(this.P));
        if (row.socialSecurity) {
          const y = dayParts(p.pay).year;
          if (y !== year) {
            year = y;
            ytd = ZERO;
          }
          const base = this.wageBase(p.pay);
          a.socialSecurity = r2(ssRate.times(D.min(base, ytd.plus(taxable)))).minus(r2(ssRate.times(ytd)));
          ytd = D.min(base, ytd.plus(taxable));
        }
        const acc = byFy[p.fy!]!;
        for (const c of COMPONENTS) acc[c] = acc[c].plus(a[c]);
        rollupsByFy[p.fy!] = rollupsByFy[p.fy!]!.map((v, k) => v.plus(byName[k]!));

        if (i === lastIdx) {
          // The lift (R12, R21): P periods at the last period's state, without retro or lump sums.
          const u = unretroLast;
          const pens = u.base.plus(u.pensionableSpecialPays).plus(u.longevity);
          const tax = u.base.plus(u.specialPays).plus(u.longevity).plus(u.overtime);
          const l = zeros();
          l.wages = u.base.times(this.P);
          l.specialPays = u.specialPays.times(this.P);
          l.longevity = u.longevity.times(this.P);
          l.overtime = u.overtime.times(this.P);
          if (pensionRate !== null) l.pension = r2(pens.times(pensionRate)).times(this.P);
          if (row.medicare ?? true) l.medicare = r2(tax.times(medicareRate)).times(this.P);
          l.otherRollups = this.rollups.reduce(
            (t, ru, k) => (ruRates[k] === null ? t : t.plus(r2(ruRates[k]!.times((ru.on ?? 'pensionable') === 'pensionable' ? pens : tax)).times(this.P))),
            ZERO,
          );
          l.health = a.health.times(this.P);
          if (row.socialSecurity) l.socialSecurity = r2(ssRate.times(D.min(this.wageBase(p.pay), tax.times(this.P))));
          lift = l;
        }
      }
      return { pay, taxable: taxableAt, byFy, rollupsByFy, lift };
    });
    return { rows, flatByFy, provisions: provisionsListed };
  }

  // ---------- aggregation ----------

  count(row: RefRow): number {
    return row.count ?? 1;
  }

  totals(run: Run): ByFy<Amounts> {
    const out: ByFy<Amounts> = Object.fromEntries(this.fiscalYears.map((fy) => [fy, zeros()]));
    run.rows.forEach((rr, r) => {
      const n = this.count(this.rowsList[r]!);
      for (const fy of this.fiscalYears) for (const c of COMPONENTS) out[fy]![c] = out[fy]![c].plus(rr.byFy[fy]![c].times(n));
    });
    for (const fy of this.fiscalYears) out[fy]!.flat = run.flatByFy[fy]!;
    return out;
  }

  liftTotals(run: Run): Amounts {
    const out = zeros();
    run.rows.forEach((rr, r) => {
      for (const c of COMPONENTS) out[c] = out[c].plus(rr.lift[c].times(this.count(this.rowsList[r]!)));
    });
    return out;
  }

  byClass(run: Run): Record<string, ByFy<Amounts>> {
    const out: Record<string, ByFy<Amounts>> = Object.fromEntries(
      this.s.schedule.classes.map((c) => [c.code, Object.fromEntries(this.fiscalYears.map((fy) => [fy, zeros()]))]),
    );
    run.rows.forEach((rr, r) => {
      const row = this.rowsList[r]!;
      for (const fy of this.fiscalYears)
        for (const c of COMPONENTS) out[row.class]![fy]![c] = out[row.class]![fy]![c].plus(rr.byFy[fy]![c].times(this.count(row)));
    });
    return out;
  }

  rollupsByName(run: Run): ByFy<D[]> {
    const out: ByFy<D[]> = Object.fromEntries(this.fiscalYears.map((fy) => [fy, this.rollups.map(() => ZERO)]));
    run.rows.forEach((rr, r) => {
      const n = this.count(this.rowsList[r]!);
      for (const fy of this.fiscalYears) out[fy] = out[fy]!.map((v, k) => v.plus(rr.rollupsByFy[fy]![k]!.times(n)));
    });
    return out;
  }

  /** R27: every fund (or department) named anywhere, plus "unassigned" when something has none. */
  keys(kind: 'fund' | 'department'): string[] {
    const names = new Set<string>();
    const seen = { unassigned: false };
    const add = (spec: FundSpec | undefined) => {
      if (spec === undefined) seen.unassigned = true;
      else if (typeof spec === 'string') names.add(spec);
      else for (const part of spec) names.add(part.fund);
    };
    for (const row of this.rowsList) add(kind === 'fund' ? row.fund : row.department);
    for (const proposal of this.s.proposals ?? []) for (const p of proposal.provisions) if (p.type === 'flat') add(kind === 'fund' ? p.fund : p.department);
    if (seen.unassigned) names.add('unassigned');
    return [...names].sort(byCodePoint);
  }

  /** §7: each fund but the last round₂(amount × share), the last the rest. */
  split(amount: D, spec: FundSpec | undefined): [string, D][] {
    if (spec === undefined) return [['unassigned', amount]];
    if (typeof spec === 'string') return [[spec, amount]];
    const out: [string, D][] = [];
    let rest = amount;
    spec.forEach((part, i) => {
      if (i === spec.length - 1) out.push([part.fund, rest]);
      else {
        const piece = r2(amount.times(part.share));
        out.push([part.fund, piece]);
        rest = rest.minus(piece);
      }
    });
    return out;
  }

  byKey(run: Run, kind: 'fund' | 'department'): Record<string, ByFy<Amounts>> {
    const out: Record<string, ByFy<Amounts>> = Object.fromEntries(
      this.keys(kind).map((k) => [k, Object.fromEntries(this.fiscalYears.map((fy) => [fy, zeros()]))]),
    );
    const charge = (key: string, fy: string, c: Component, v: D) => {
      out[key]![fy]![c] = out[key]![fy]![c].plus(v);
    };
    run.rows.forEach((rr, r) => {
      const row = this.rowsList[r]!;
      const spec = kind === 'fund' ? row.fund : row.department;
      for (const fy of this.fiscalYears)
        for (const c of COMPONENTS) for (const [key, part] of this.split(rr.byFy[fy]![c], spec)) charge(key, fy, c, part.times(this.count(row)));
    });
    for (const p of run.provisions) {
      if (p.type !== 'flat') continue;
      const spec = kind === 'fund' ? p.fund : p.department;
      for (const fy of p.fiscalYears.map(fyName)) {
        if (!this.fiscalYears.includes(fy)) continue;
        for (const [key, part] of this.split(r2(new D(p.amount)), spec)) charge(key, fy, 'flat', part);
      }
    }
    return out;
  }
}

function toComponents(a: Amounts): Components {
  const out = {} as Components;
  let total = ZERO;
  for (const c of COMPONENTS) {
    out[c] = money(a[c]);
    total = total.plus(r2(a[c]));
  }
  out.total = money(total);
  return out;
}

const totalOf = (a: Amounts): D => COMPONENTS.reduce((t, c) => t.plus(a[c]), ZERO);
const minus = (x: Amounts, y: Amounts): Amounts => Object.fromEntries(COMPONENTS.map((c) => [c, x[c].minus(y[c])])) as Amounts;
const mapFy = <T, U>(o: ByFy<T>, f: (v: T, fy: string) => U): ByFy<U> => Object.fromEntries(Object.entries(o).map(([fy, v]) => [fy, f(v, fy)]));
const mapKeys = <T, U>(o: Record<string, T>, f: (v: T, k: string) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v, k)]));
/** Per-class detail (§9): `flat` left out. */
function classComponents(a: Amounts): Omit<Components, 'flat'> {
  const { flat: _flat, ...rest } = toComponents(a);
  return rest;
}
const nestedByClass = (o: Record<string, ByFy<Amounts>>): Record<string, ByFy<Omit<Components, 'flat'>>> => mapKeys(o, (byFy) => mapFy(byFy, classComponents));
const nestedByClassMinus = (x: Record<string, ByFy<Amounts>>, y: Record<string, ByFy<Amounts>>): Record<string, ByFy<Omit<Components, 'flat'>>> =>
  mapKeys(x, (byFy, k) => mapFy(byFy, (a, fy) => classComponents(minus(a, y[k]![fy]!))));
const nested = (o: Record<string, ByFy<Amounts>>): Record<string, ByFy<Components>> => mapKeys(o, (byFy) => mapFy(byFy, toComponents));
const nestedMinus = (x: Record<string, ByFy<Amounts>>, y: Record<string, ByFy<Amounts>>): Record<string, ByFy<Components>> =>
  mapKeys(x, (byFy, k) => mapFy(byFy, (a, fy) => toComponents(minus(a, y[k]![fy]!))));

const PERCENT_OWNERS = new Set(['gwi', 'equity', 'addStep', 'specialPay', 'lumpSum']);
const DECIMAL_KEYS = new Set([
  'percent',
  'amount',
  'rate',
  'delta',
  'monthly',
  'fte',
  'overtimeHours',
  'hours',
  'days',
  'daysPerYear',
  'share',
  'medicareRate',
  'overtimeMultiplier',
]);

/** R31: the bounds of §1, on the document as given (first problem found). */
function checkBounds(s: RefScenario, ref: Reference): void {
  const decimal = (value: unknown, path: string) => {
    if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) return;
    const places = value.includes('.') ? value.length - value.indexOf('.') - 1 : 0;
    if (places > 10) throw new ReferenceRefusal(path, `${value} has ${places} places: at most 10`);
    if (new D(value).abs().gte('1e12')) throw new ReferenceRefusal(path, `${value} is not below 10¹²`);
  };
  const walk = (node: unknown, path: string, key: string) => {
    if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${path}[${i}]`, key === 'steps' ? 'steps' : ''));
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node))
        walk(v, /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`, path.endsWith('wageBase') ? 'wageBase' : k);
    } else if (DECIMAL_KEYS.has(key) || key === 'steps' || key === 'wageBase') decimal(node, path);
  };
  for (const [k, v] of Object.entries(s)) walk(v, k, k);
  const percent = (value: string | undefined, path: string) => {
    if (value !== undefined && new D(value).abs().gte(1))
      throw new ReferenceRefusal(path, `${value} would be ${new D(value).times(100).toFixed()}%: a percent is a fraction strictly between −1 and 1`);
  };
  Object.entries(s.assumptions.specialPays ?? {}).forEach(([code, def]) => percent(def.percent, `assumptions.specialPays.${code}.percent`));
  (s.assumptions.longevity ?? []).forEach((b, i) => percent(b.percent, `assumptions.longevity[${i}].percent`));
  s.schedule.classes.forEach((c, i) => {
    if (c.steps.length > 99) throw new ReferenceRefusal(`schedule.classes[${i}].steps`, `${c.steps.length} steps: at most 99`);
  });
  if (ref.fiscalYears.length > 10) throw new ReferenceRefusal('term.end', `${ref.fiscalYears.length} fiscal years: at most 10`);
  const proposals = s.proposals ?? [];
  if (proposals.length > 20) throw new ReferenceRefusal('proposals', `${proposals.length} proposals: at most 20`);
  proposals.forEach((proposal, i) => {
    if (proposal.provisions.length > 200) throw new ReferenceRefusal(`proposals[${i}].provisions`, `${proposal.provisions.length} provisions: at most 200`);
    proposal.provisions.forEach((p, j) => {
      const at = `proposals[${i}].provisions[${j}]`;
      if (PERCENT_OWNERS.has(p.type) && 'percent' in p) percent(p.percent, `${at}.percent`);
      if (p.type === 'longevity') p.bands.forEach((b, k) => percent(b.percent, `${at}.bands[${k}].percent`));
    });
  });
}

/** Costs a parsed scenario (the output of parseScenario, defaults applied) by the rules of COSTING.md 1.2. */
export function referenceCost(scenario: unknown): ReferenceCostingResult {
  const s = scenario as RefScenario;
  const ref = new Reference(s);
  checkBounds(s, ref);
  // R18: the spec is silent on a term in which no period is costed at all; the
  // engine refuses it ("nothing to cost"), and so does the reference.
  if (ref.costedIdx.length === 0) throw new ReferenceRefusal('term', 'no pay period is assigned within the term: there is nothing to cost');
  const fys = ref.fiscalYears;
  const names = ref.rollups.map((ru) => ru.name);
  const namedMoney = (v: ByFy<D[]>): ByFy<Record<string, string>> => mapFy(v, (list) => Object.fromEntries(names.map((n, k) => [n, money(list[k]!)])));
  const periodsByFiscalYear: ByFy<number> = Object.fromEntries(fys.map((fy) => [fy, ref.periods.filter((p) => p.fy === fy).length]));

  // Problems found before any costing, every proposal's (R30): a retro pay date after the horizon,
  // step counts prefix by prefix (R24), a special pay added to one of another kind (A2).
  const lastPay = ref.periods[ref.costedIdx[ref.costedIdx.length - 1]!]!.pay;
  const problems: ReferenceRefusal[] = [];
  const collect = (check: () => void) => {
    try {
      check();
    } catch (error) {
      if (!(error instanceof ReferenceRefusal)) throw error;
      problems.push(error);
    }
  };
  (s.proposals ?? []).forEach((proposal, i) => {
    collect(() => {
      if (proposal.retroPayDate !== undefined && parseDay(proposal.retroPayDate) > lastPay) {
        throw new ReferenceRefusal(`proposals[${i}].retroPayDate`, `${proposal.retroPayDate} is after the horizon's last pay date ${fmt(lastPay)}`);
      }
    });
    collect(() => {
      for (let k = 1; k <= proposal.provisions.length; k++) ref.checkStepCounts(inDateOrder(proposal.provisions.slice(0, k)));
    });
    collect(() => ref.checkSpecialPayAdds(inDateOrder(proposal.provisions)));
  });
  // With provision problems, the baseline's first costing-time problem (a missing rate) too.
  if (problems.length > 0) collect(() => ref.cost([]));
  if (problems.length > 0) throw new ReferenceRefusal(problems[0]!.path, problems[0]!.message.slice(problems[0]!.path.length + 2), problems.slice(1));
  const baselineRun = ref.cost([]);
  const noStepBaselineRun = ref.cost([], { noSteps: true, baseline: undefined });
  const baseline = ref.totals(baselineRun);
  const baselineLift = ref.liftTotals(baselineRun);
  const baselineByClass = ref.byClass(baselineRun);
  const baselineRollups = ref.rollupsByName(baselineRun);
  const baselineByFund = ref.byKey(baselineRun, 'fund');
  const baselineByDepartment = ref.byKey(baselineRun, 'department');
  const noStepBaseline = ref.totals(noStepBaselineRun);

  const positions = s.roster.rows.reduce((n, row) => n + ref.count(row), 0);
  const vacantPositions = s.roster.rows.reduce((n, row) => n + (row.vacant ? ref.count(row) : 0), 0);
  const fteExact = s.roster.rows.reduce((t, row) => t.plus(new D(row.fte ?? '1').times(ref.count(row))), ZERO);
  const perFte = (amount: D): string | null => (fteExact.isZero() ? null : money(amount.div(fteExact)));

  const valueOfOnePercent = (provisions: RefProvision[], unbumped: ByFy<Amounts>): ByFy<string> =>
    Object.fromEntries(
      fys.map((fy) => [fy, money(totalOf(ref.totals(ref.cost(provisions, { onePercentFy: fy, baseline: baselineRun }))[fy]!).minus(totalOf(unbumped[fy]!)))]),
    );

  const proposalsIn = s.proposals ?? [];
  const computed = proposalsIn.map((proposal) => {
    const retro = { retroPayDate: proposal.retroPayDate, baseline: baselineRun };
    const fullRun = ref.cost(proposal.provisions, retro);
    const full = ref.totals(fullRun);
    const increase = mapFy(full, (a, fy) => minus(a, baseline[fy]!));
    const increaseTotal = zeros();
    for (const fy of fys) for (const c of COMPONENTS) increaseTotal[c] = increaseTotal[c].plus(increase[fy]![c]);

    const byProvision = proposal.provisions.map((prov, k) => {
      const before = k === 0 ? baseline : ref.totals(ref.cost(proposal.provisions.slice(0, k), retro));
      const after = k === proposal.provisions.length - 1 ? full : ref.totals(ref.cost(proposal.provisions.slice(0, k + 1), retro));
      const byFiscalYear: ByFy<string> = {};
      let total = ZERO;
      for (const fy of fys) {
        const d = totalOf(after[fy]!).minus(totalOf(before[fy]!));
        byFiscalYear[fy] = money(d);
        total = total.plus(d);
      }
      return { index: k + 1, type: prov.type, ...(prov.label !== undefined ? { label: prov.label } : {}), byFiscalYear, total: money(total) };
    });

    // R20: value of 1% ignores retro on both sides.
    const unretro = proposal.retroPayDate === undefined ? full : ref.totals(ref.cost(proposal.provisions, { baseline: baselineRun }));
    const noStep = ref.totals(ref.cost(proposal.provisions, { noSteps: true, retroPayDate: proposal.retroPayDate, baseline: noStepBaselineRun }));

    let product = new D(1);
    for (const prov of proposal.provisions) {
      if (prov.type !== 'gwi') continue;
      const d = parseDay(prov.effective);
      if (d >= ref.fyStartDay && d <= ref.fyEndDay) product = product.times(ONE.plus(prov.percent));
    }
    const firstBaseline = totalOf(baseline[fys[0]!]!);
    const lift = minus(ref.liftTotals(fullRun), baselineLift);
    const rollups = ref.rollupsByName(fullRun);
    const byFund = ref.byKey(fullRun, 'fund');
    const byDepartment = ref.byKey(fullRun, 'department');
    const byClass = ref.byClass(fullRun);

    const result: ReferenceProposal = {
      name: proposal.name,
      ...(proposal.side !== undefined ? { side: proposal.side } : {}),
      byFiscalYear: mapFy(full, toComponents),
      increase: mapFy(increase, toComponents),
      increaseTotal: toComponents(increaseTotal),
      byProvision,
      valueOfOnePercent: valueOfOnePercent(proposal.provisions, unretro),
      ongoingAnnualIncrease: money(totalOf(lift)),
      ongoingAnnualIncreaseByComponent: toComponents(lift),
      compoundedWageIncrease: ratio(product.minus(1)),
      percentOfBase: mapFy(increase, (a) => (firstBaseline.isZero() ? null : ratio(totalOf(a).div(firstBaseline)))),
      byClass: nestedByClass(byClass),
      increaseByClass: nestedByClassMinus(byClass, baselineByClass),
      rollupsByName: namedMoney(rollups),
      increaseRollupsByName: namedMoney(mapFy(rollups, (list, fy) => list.map((v, k) => v.minus(baselineRollups[fy]![k]!)))),
      increaseOverPriorYear: mapFy(increase, (a, fy) => {
        const i = fys.indexOf(fy);
        return toComponents(i === 0 ? a : minus(a, increase[fys[i - 1]!]!));
      }),
      stepMovement: mapFy(full, (a, fy) => toComponents(minus(a, noStep[fy]!))),
      increasePerFte: mapFy(increase, (a) => perFte(totalOf(a))),
      byFund: nested(byFund),
      increaseByFund: nestedMinus(byFund, baselineByFund),
      byDepartment: nested(byDepartment),
      increaseByDepartment: nestedMinus(byDepartment, baselineByDepartment),
    };
    return { result, increase, increaseTotal };
  });

  const budget = proposalsIn.findIndex((p) => p.side === 'budget');
  const proposals = computed.map(({ result, increase, increaseTotal }, i) => {
    if (budget < 0 || i === budget) return result;
    const b = computed[budget]!;
    return {
      ...result,
      overBudget: mapFy(increase, (a, fy) => money(totalOf(a).minus(totalOf(b.increase[fy]!)))),
      overBudgetTotal: money(totalOf(increaseTotal).minus(totalOf(b.increaseTotal))),
    };
  });

  return {
    fiscalYears: fys,
    periodsByFiscalYear,
    baseline: mapFy(baseline, toComponents),
    baselineByClass: nestedByClass(baselineByClass),
    baselineAnnualAtLastPeriod: toComponents(baselineLift),
    positions,
    vacantPositions,
    fte: fteExact.toDecimalPlaces(4, D.ROUND_HALF_UP).toFixed(),
    baselineRollupsByName: namedMoney(baselineRollups),
    baselineStepMovement: mapFy(baseline, (a, fy) => toComponents(minus(a, noStepBaseline[fy]!))),
    baselineValueOfOnePercent: valueOfOnePercent([], baseline),
    baselinePerFte: mapFy(baseline, (a) => perFte(totalOf(a))),
    baselineByFund: nested(baselineByFund),
    baselineByDepartment: nested(baselineByDepartment),
    proposals,
    snapshot: {
      unit: s.unit.id,
      scheduleId: s.schedule.id,
      scheduleEffective: s.schedule.effective,
      rosterExtractDate: s.roster.extractDate,
      assumptionsId: s.assumptions.id,
    },
  };
}
