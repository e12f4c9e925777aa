/**
 * An independent, deliberately naive reference implementation of COSTING.md (v1.1), written from
 * the spec text alone (plus the input schema, result shape, money and dates helpers) — never from
 * the optimized engine in shared/engine/. One employee, one period at a time; every per-employee
 * amount rounded to cents and only then multiplied by the row's count; no caching of costs.
 *
 * Readings chosen where the spec leaves room. Each was chosen from the text before comparing; the
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
 */
import { Decimal } from '../../shared/money.js';
import { addMonths, completedYears, dayFromParts, dayParts, daysInMonth, parseDay, type Day } from '../../shared/dates.js';
import type { Provision, RosterRow, Scenario } from '../../shared/schemas/scenario.js';
import type { ComponentName, Components, CostingResult, ProposalResult } from '../../shared/result.js';

export const COMPONENTS: ComponentName[] = [
  'wages',
  'specialPays',
  'longevity',
  'overtime',
  'lumpSums',
  'pension',
  'socialSecurity',
  'medicare',
  'otherRollups',
  'health',
  'flat',
];

type Amounts = Record<ComponentName, Decimal>;

export type ReferenceProposal = Omit<ProposalResult, 'byClass' | 'increaseByClass' | 'ongoingAnnualIncreaseByComponent'>;
export type ReferenceCostingResult = Omit<CostingResult, 'baselineByClass' | 'baselineAnnualAtLastPeriod' | 'proposals'> & {
  proposals: ReferenceProposal[];
};

const ZERO = new Decimal(0);
const r2 = (d: Decimal): Decimal => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const money = (d: Decimal): string => {
  const s = r2(d).toFixed(2);
  return s === '-0.00' ? '0.00' : s;
};
const ratio = (d: Decimal): string => {
  const s = d.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6);
  return s === '-0.000000' ? '0.000000' : s;
};
const zeros = (): Amounts => Object.fromEntries(COMPONENTS.map((c) => [c, ZERO])) as Amounts;

interface Period {
  start: Day;
  end: Day;
  pay: Day;
  /** The horizon fiscal year it is costed in, or null when it is not costed. */
  fy: string | null;
}

interface PayDef {
  /** A percent pay, or an amount per hour/period/month/year. */
  percent?: Decimal;
  amount?: Decimal;
  per?: string;
  pensionable: boolean;
}

function provisionDate(p: Provision): Day {
  if (p.type === 'lumpSum') return parseDay(p.payDate);
  if (p.type === 'flat') return Number.MAX_SAFE_INTEGER;
  return parseDay(p.effective);
}

/** Stable sort by date, ties in listed order (R16). */
function inDateOrder(provisions: Provision[]): Provision[] {
  return provisions.map((p, i) => ({ p, i })).sort((a, b) => provisionDate(a.p) - provisionDate(b.p) || a.i - b.i).map((x) => x.p);
}

function classesOf(p: Provision): string[] | undefined {
  return 'classes' in p ? p.classes : undefined;
}

function appliesToClass(p: Provision, cls: string): boolean {
  const classes = classesOf(p);
  return classes === undefined || classes.includes(cls);
}

class Reference {
  readonly s: Scenario;
  readonly P: number;
  readonly H: number;
  readonly fiscalYears: string[];
  readonly periods: Period[];
  readonly fyStartDay: Day;
  readonly fyEndDay: Day;

  constructor(s: Scenario) {
    this.s = s;
    this.P = { biweekly: 26, weekly: 52, semimonthly: 24, monthly: 12 }[s.calendar.payFrequency];
    this.H = s.schedule.hoursPerYear;
    const first = this.fyOf(parseDay(s.term.start));
    const last = this.fyOf(parseDay(s.term.end));
    this.fiscalYears = [];
    for (let y = first; y <= last; y++) this.fiscalYears.push(`FY${y}`);
    this.fyStartDay = this.fyStart(first);
    this.fyEndDay = this.fyStart(last + 1) - 1;

    // Generate periods generously around everything that can matter: more than a year of pay dates
    // before the horizon (for the Social Security YTD, whatever the pay lag), the extract date, every
    // provision date; a year and more after the horizon.
    let from = Math.min(parseDay(s.roster.extractDate), this.fyStartDay - 400 - s.calendar.payLagDays);
    for (const proposal of s.proposals) for (const p of proposal.provisions) if (p.type !== 'flat') from = Math.min(from, provisionDate(p) - 40);
    const to = this.fyEndDay + 400;
    this.periods = this.generatePeriods(from, to).map((p) => {
      const pay = p.end + s.calendar.payLagDays;
      const assignDay = s.calendar.fiscalYearBy === 'payDate' ? pay : p.end;
      const fy = assignDay >= this.fyStartDay && assignDay <= this.fyEndDay ? `FY${this.fyOf(assignDay)}` : null;
      return { start: p.start, end: p.end, pay, fy };
    });
  }

  // ---------- §2 calendar ----------

  fyOf(day: Day): number {
    const { year, month } = dayParts(day);
    const m = this.s.calendar.fiscalYearStartMonth;
    if (m === 1) return year;
    return month >= m ? year + 1 : year;
  }

  fyStart(fy: number): Day {
    const m = this.s.calendar.fiscalYearStartMonth;
    return m === 1 ? dayFromParts(fy, 1, 1) : dayFromParts(fy - 1, m, 1);
  }

  generatePeriods(from: Day, to: Day): { start: Day; end: Day }[] {
    const out: { start: Day; end: Day }[] = [];
    const freq = this.s.calendar.payFrequency;
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
    return this.s.calendar.effectiveRule === 'periodStart' ? p.start >= d : p.end >= d;
  }

  /** The first period whose first day is on or after `d`. */
  triggerIndex(d: Day): number {
    return this.periods.findIndex((p) => p.start >= d);
  }

  // ---------- §6 schedule in effect ----------

  scheduleAt(provisions: Provision[], p: Period): Map<string, Decimal[]> {
    const places = this.s.schedule.ratePlaces;
    const round = (d: Decimal) => d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    const cells = new Map(this.s.schedule.classes.map((c) => [c.code, c.steps.map((x) => new Decimal(x))]));
    for (const prov of provisions) {
      if (prov.type !== 'gwi' && prov.type !== 'equity' && prov.type !== 'flatIncrease' && prov.type !== 'addStep') continue;
      if (!this.applies(prov.effective, p)) continue;
      for (const [cls, steps] of cells) {
        if (!appliesToClass(prov, cls)) continue;
        if (prov.type === 'gwi' || prov.type === 'equity') cells.set(cls, steps.map((v) => round(v.times(new Decimal(1).plus(prov.percent)))));
        else if (prov.type === 'flatIncrease') cells.set(cls, steps.map((v) => round(v.plus(prov.amount))));
        else cells.set(cls, [...steps, round(steps[steps.length - 1]!.times(new Decimal(1).plus(prov.percent)))]);
      }
    }
    return cells;
  }

  /** Annual equivalent A = hourly equivalent × H (exact): hourly rH, annual r, monthly 12r, biweekly 26r. */
  annualEquivalent(rate: Decimal): Decimal {
    switch (this.s.schedule.rateBasis) {
      case 'hourly':
        return rate.times(this.H);
      case 'annual':
        return rate;
      case 'monthly':
        return rate.times(12);
      case 'biweekly':
        return rate.times(26);
    }
  }

  // ---------- §5 steps ----------

  /** The row's step in every generated period (index-aligned with this.periods). */
  stepsFor(row: RosterRow, provisions: Provision[], schedules: Map<string, Decimal[]>[]): number[] {
    const cls = this.s.schedule.classes.find((c) => c.code === row.class)!;
    const extract = parseDay(this.s.roster.extractDate);
    const lastStart = this.periods[this.periods.length - 1]!.start;
    let dates: Day[] = [];
    if (row.nextStepDate !== undefined && !row.vacant) {
      const first = parseDay(row.nextStepDate);
      for (let k = 0; ; k++) {
        const d = addMonths(first, k * cls.stepMonths);
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
      if (prov.mode === 'keep') dates = dates.filter((d) => !inFreeze(d));
      else {
        const i = dates.findIndex(inFreeze);
        if (i >= 0) dates = [...dates.slice(0, i), ...dates.slice(i).map((d) => Math.max(addMonths(d, prov.months), fe))];
      }
    }
    dates.sort((a, b) => a - b);
    const steps: number[] = [];
    let step = row.step;
    let next = 0;
    this.periods.forEach((p, i) => {
      while (next < dates.length && dates[next]! <= p.start) {
        if (step < schedules[i]!.get(row.class)!.length) step++;
        next++;
      }
      steps.push(step);
    });
    return steps;
  }

  // ---------- §3/§4 one employee, one period ----------

  specialPaysAt(row: RosterRow, provisions: Provision[], p: Period): PayDef[] {
    const fromDef = (d: { percent?: string | undefined; amount?: string | undefined; per?: string | undefined }): Omit<PayDef, 'pensionable'> =>
      d.percent !== undefined ? { percent: new Decimal(d.percent) } : { amount: new Decimal(d.amount!), per: d.per! };
    // Definitions as changed by every provision that reaches the row's class (see A4); the row is
    // paid the codes it holds — its own, and those granted to its class.
    const defs = new Map<string, PayDef>();
    for (const [code, def] of Object.entries(this.s.assumptions.specialPays)) defs.set(code, { ...fromDef(def), pensionable: def.pensionable });
    const held = new Set(row.pays);
    for (const prov of provisions) {
      if (prov.type !== 'specialPay' || !this.applies(prov.effective, p)) continue;
      if (prov.classes !== undefined) {
        if (!prov.classes.includes(row.class)) continue;
        held.add(prov.code);
      }
      const current = defs.get(prov.code);
      const change = fromDef(prov);
      const pensionable = prov.pensionable ?? current?.pensionable ?? false;
      if (prov.mode === 'set' || current === undefined) defs.set(prov.code, { ...change, pensionable });
      else if (change.percent !== undefined && current.percent !== undefined) defs.set(prov.code, { percent: current.percent.plus(change.percent), pensionable });
      else if (change.amount !== undefined && current.amount !== undefined && change.per === current.per) {
        defs.set(prov.code, { amount: current.amount.plus(change.amount), per: current.per, pensionable });
      } else throw new Error(`specialPay ${prov.code}: cannot add ${change.percent !== undefined ? 'a percent' : `an amount per ${change.per}`} to a pay that is ${current.percent !== undefined ? 'a percent' : `an amount per ${current.per}`}`);
    }
    const pays = new Map([...held].map((code) => [code, defs.get(code)!]));
    return [...pays.values()];
  }

  longevityPercentAt(row: RosterRow, provisions: Provision[], p: Period): Decimal {
    let bands = this.s.assumptions.longevity;
    for (const prov of provisions) if (prov.type === 'longevity' && appliesToClass(prov, row.class) && this.applies(prov.effective, p)) bands = prov.bands;
    if (row.hireDate === undefined) return ZERO;
    const years = completedYears(parseDay(row.hireDate), p.start);
    let best: { years: number; percent: string } | undefined;
    for (const b of bands) if (b.years <= years && (best === undefined || b.years > best.years)) best = b;
    return best ? new Decimal(best.percent) : ZERO;
  }

  overtimeHoursAt(row: RosterRow, provisions: Provision[], p: Period): Decimal {
    let hours = row.overtimeHours;
    for (const prov of provisions) if (prov.type === 'overtimeHours' && appliesToClass(prov, row.class) && this.applies(prov.effective, p)) hours = prov.hours;
    return new Decimal(hours);
  }

  pensionRateAt(row: RosterRow, provisions: Provision[], p: Period): Decimal | null {
    const tier = row.pensionTier;
    if (tier === undefined) return null;
    let latest: { from: Day; rate: string } | undefined;
    for (const e of this.s.assumptions.pension[tier] ?? []) {
      if (this.applies(e.from, p) && (latest === undefined || parseDay(e.from) >= latest.from)) latest = { from: parseDay(e.from), rate: e.rate };
    }
    // R9 (engine's reading, see A2): the base rate is the latest `rate` provision in effect (it
    // overrides every assumption entry), else the latest assumption entry; the deltas in effect add
    // to that base, whatever their order relative to `rate` provisions.
    let rate: Decimal | null = latest ? new Decimal(latest.rate) : null;
    let deltas = ZERO;
    for (const prov of provisions) {
      if (prov.type !== 'pensionRate' || prov.tier !== tier || !appliesToClass(prov, row.class) || !this.applies(prov.effective, p)) continue;
      if (prov.rate !== undefined) rate = new Decimal(prov.rate);
      else deltas = deltas.plus(prov.delta!);
    }
    if (rate === null) throw new Error(`row ${row.id}: no pension rate for tier ${tier} in effect for the period starting ${fmt(p.start)}`);
    return rate.plus(deltas);
  }

  healthMonthlyAt(row: RosterRow, provisions: Provision[], p: Period): Decimal | null {
    const tier = row.healthTier;
    if (tier === undefined) return null;
    let value: string | undefined;
    let latest = Number.NEGATIVE_INFINITY;
    for (const e of this.s.assumptions.health[tier] ?? []) {
      if (this.applies(e.from, p) && parseDay(e.from) >= latest) {
        latest = parseDay(e.from);
        value = e.monthly;
      }
    }
    for (const prov of provisions) if (prov.type === 'health' && prov.tier === tier && appliesToClass(prov, row.class) && this.applies(prov.effective, p)) value = prov.monthly;
    if (value === undefined) throw new Error(`row ${row.id}: no health contribution for tier ${tier} in effect for the period starting ${fmt(p.start)}`);
    return new Decimal(value);
  }

  wageBase(payDay: Day, row: RosterRow): Decimal {
    const year = String(dayParts(payDay).year);
    const base = this.s.assumptions.socialSecurity.wageBase[year];
    if (base === undefined) throw new Error(`row ${row.id}: no Social Security wage base for ${year} (pay date ${fmt(payDay)})`);
    return new Decimal(base);
  }

  /**
   * Everything but Social Security for one employee in period index i, plus the taxable pay
   * (and the taxable pay without lump sums, for the lift).
   */
  onePeriod(
    row: RosterRow,
    provisions: Provision[],
    i: number,
    step: number,
    schedule: Map<string, Decimal[]>,
    onePercentFy: string | null,
  ): { a: Amounts; pensionable: Decimal; taxable: Decimal; taxableNoLump: Decimal } {
    const p = this.periods[i]!;
    const P = this.P;
    const H = this.H;
    const f = new Decimal(row.fte);
    let rate = schedule.get(row.class)![step - 1]!;
    if (onePercentFy !== null && p.fy === onePercentFy) rate = rate.times('1.01');
    const A = this.annualEquivalent(rate);
    const a = zeros();

    const base = r2(A.times(f).div(P));
    a.wages = base;

    let pensionablePays = ZERO;
    let percentSum = ZERO;
    let annualAmounts = ZERO;
    for (const pay of this.specialPaysAt(row, provisions, p)) {
      let amount: Decimal;
      if (pay.percent !== undefined) {
        amount = r2(pay.percent.times(base));
        percentSum = percentSum.plus(pay.percent);
      } else {
        // per hour a·H/P, per period a, per month 12a/P, per year a/P; × f. Annualised: a·H, a·P, 12a, a.
        const annual = { hour: pay.amount!.times(H), period: pay.amount!.times(P), month: pay.amount!.times(12), year: pay.amount! }[pay.per!]!;
        amount = r2(annual.times(f).div(P));
        annualAmounts = annualAmounts.plus(annual);
      }
      a.specialPays = a.specialPays.plus(amount);
      if (pay.pensionable) pensionablePays = pensionablePays.plus(amount);
    }

    const lp = this.longevityPercentAt(row, provisions, p);
    a.longevity = r2(lp.times(base));

    const hours = this.overtimeHoursAt(row, provisions, p);
    const mult = new Decimal(this.s.assumptions.overtimeMultiplier);
    // regular rate = (A(1 + S + L) + Σ annualised amounts) / H; cost = hours/P × mult × regular rate
    a.overtime = r2(hours.times(mult).times(A.times(percentSum.plus(1).plus(lp)).plus(annualAmounts)).div(H * P));

    if (!row.vacant) {
      for (const prov of provisions) {
        if (prov.type !== 'lumpSum' || !appliesToClass(prov, row.class)) continue;
        const payDay = parseDay(prov.payDate);
        if (this.periods.findIndex((q) => q.pay >= payDay) !== i) continue;
        a.lumpSums = a.lumpSums.plus(r2(prov.prorateByFte ? new Decimal(prov.amount!).times(f) : new Decimal(prov.amount!)));
      }
    }

    const pensionable = base.plus(pensionablePays).plus(a.longevity);
    const taxableNoLump = base.plus(a.specialPays).plus(a.longevity).plus(a.overtime);
    const taxable = taxableNoLump.plus(a.lumpSums);

    const pensionRate = this.pensionRateAt(row, provisions, p);
    if (pensionRate !== null) a.pension = r2(pensionable.times(pensionRate));
    if (row.medicare) a.medicare = r2(taxable.times(this.s.assumptions.medicareRate));
    for (const ru of this.s.assumptions.otherRollups) a.otherRollups = a.otherRollups.plus(r2(new Decimal(ru.rate!).times(ru.on === 'pensionable' ? pensionable : taxable)));
    const monthly = this.healthMonthlyAt(row, provisions, p);
    if (monthly !== null) a.health = r2(monthly.times(12).div(P));

    return { a, pensionable, taxable, taxableNoLump };
  }

  /** The baseline's taxable pay of one employee of each row in the first costed period (R11). */
  baselineFirstTaxable(firstIdx: number): Map<RosterRow, Decimal> {
    const schedules = this.periods.map((p) => this.scheduleAt([], p));
    const out = new Map<RosterRow, Decimal>();
    for (const row of this.s.roster.rows) {
      if (!row.socialSecurity) continue;
      const steps = this.stepsFor(row, [], schedules);
      out.set(row, this.onePeriod(row, [], firstIdx, steps[firstIdx]!, schedules[firstIdx]!, null).taxable);
    }
    return out;
  }

  /**
   * A3: `add` to a pay of another kind (a percent to an amount, an amount per hour to one per
   * month…) is refused, as the engine does, whether or not a row has the code, when the provision
   * takes effect in the horizon (it applies to the last costed period). Checked class by class: a
   * code's kind in a class is its assumptions definition, changed by every earlier `set` reaching
   * that class (or, for a code the assumptions do not define, by the first provision reaching it).
   */
  checkSpecialPayAdds(provisions: Provision[]): void {
    const last = this.periods.filter((p) => p.fy !== null).pop()!;
    const kindOf = (d: { percent?: string | undefined; per?: string | undefined }) => (d.percent !== undefined ? 'a percent' : `an amount per ${d.per}`);
    for (const cls of this.s.schedule.classes) {
      const kinds = new Map(Object.entries(this.s.assumptions.specialPays).map(([code, def]) => [code, kindOf(def)]));
      for (const prov of provisions) {
        if (prov.type !== 'specialPay' || !appliesToClass(prov, cls.code) || !this.applies(prov.effective, last)) continue;
        const current = kinds.get(prov.code);
        if (prov.mode === 'add' && current !== undefined && current !== kindOf(prov)) throw new Error(`specialPay ${prov.code}: cannot add ${kindOf(prov)} to ${current}`);
        if (prov.mode === 'set' || current === undefined) kinds.set(prov.code, kindOf(prov));
      }
    }
  }

  // ---------- one costing: a provision list (baseline = []) ----------

  cost(provisionsListed: Provision[], onePercentFy: string | null = null): { byFy: Record<string, Amounts>; lift: Decimal } {
    const provisions = inDateOrder(provisionsListed);
    this.checkSpecialPayAdds(provisions);
    const schedules = this.periods.map((p) => this.scheduleAt(provisions, p));
    const byFy: Record<string, Amounts> = Object.fromEntries(this.fiscalYears.map((fy) => [fy, zeros()]));
    let lift = ZERO;
    const costed = this.periods.map((p, i) => ({ p, i })).filter((x) => x.p.fy !== null);
    const firstIdx = costed[0]!.i;
    const lastIdx = costed[costed.length - 1]!.i;
    const ssRate = new Decimal(this.s.assumptions.socialSecurity.rate);

    const baselineFirst = this.baselineFirstTaxable(firstIdx);
    for (const row of this.s.roster.rows) {
      const steps = this.stepsFor(row, provisions, schedules);

      // Social Security YTD at the horizon's start (R11): periods before the first costed one whose
      // pay dates are in the same calendar year, each at the baseline taxable pay of the first period.
      let ytd = ZERO;
      if (row.socialSecurity) {
        const firstYear = dayParts(this.periods[firstIdx]!.pay).year;
        const before = this.periods.slice(0, firstIdx).filter((q) => dayParts(q.pay).year === firstYear).length;
        const baselineTaxable = baselineFirst.get(row)!;
        ytd = Decimal.min(this.wageBase(this.periods[firstIdx]!.pay, row), baselineTaxable.times(before));
      }

      let year = dayParts(this.periods[firstIdx]!.pay).year;
      for (const { p, i } of costed) {
        const { a, pensionable, taxable, taxableNoLump } = this.onePeriod(row, provisions, i, steps[i]!, schedules[i]!, onePercentFy);
        if (row.socialSecurity) {
          const y = dayParts(p.pay).year;
          if (y !== year) {
            year = y;
            ytd = ZERO;
          }
          const base = this.wageBase(p.pay, row);
          a.socialSecurity = r2(ssRate.times(Decimal.min(base, ytd.plus(taxable)))).minus(r2(ssRate.times(ytd)));
          ytd = Decimal.min(base, ytd.plus(taxable));
        }
        const acc = byFy[p.fy!]!;
        for (const c of COMPONENTS) acc[c] = acc[c].plus(a[c].times(row.count));

        if (i === lastIdx) {
          // The lift (R12): one full year (P periods) at the last period's state, no lump sums.
          let perEmployee = ZERO;
          for (const c of ['wages', 'specialPays', 'longevity', 'overtime', 'pension', 'health'] as const) perEmployee = perEmployee.plus(a[c].times(this.P));
          if (row.medicare) perEmployee = perEmployee.plus(r2(taxableNoLump.times(this.s.assumptions.medicareRate)).times(this.P));
          for (const ru of this.s.assumptions.otherRollups) {
            perEmployee = perEmployee.plus(r2(new Decimal(ru.rate!).times(ru.on === 'pensionable' ? pensionable : taxableNoLump)).times(this.P));
          }
          if (row.socialSecurity) {
            const base = this.wageBase(p.pay, row);
            perEmployee = perEmployee.plus(r2(ssRate.times(Decimal.min(base, taxableNoLump.times(this.P)))));
          }
          lift = lift.plus(perEmployee.times(row.count));
        }
      }
    }

    for (const prov of provisionsListed) {
      if (prov.type !== 'flat') continue;
      for (const fy of prov.fiscalYears) if (byFy[fy]) byFy[fy].flat = byFy[fy].flat.plus(r2(new Decimal(prov.amount)));
    }
    return { byFy, lift };
  }
}

function fmt(d: Day): string {
  return new Date(d * 86_400_000).toISOString().slice(0, 10);
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

function totalOf(a: Amounts): Decimal {
  return COMPONENTS.reduce((t, c) => t.plus(a[c]), ZERO);
}

export function referenceCost(scenario: Scenario): ReferenceCostingResult {
  const ref = new Reference(scenario);
  const fys = ref.fiscalYears;
  const periodsByFiscalYear: Record<string, number> = Object.fromEntries(fys.map((fy) => [fy, ref.periods.filter((p) => p.fy === fy).length]));
  const baseline = ref.cost([]);

  const proposals: ReferenceProposal[] = scenario.proposals.map((proposal) => {
    const full = ref.cost(proposal.provisions);
    const increase: Record<string, Components> = {};
    const increaseTotalAmounts = zeros();
    for (const fy of fys) {
      const d = zeros();
      for (const c of COMPONENTS) {
        d[c] = full.byFy[fy]![c].minus(baseline.byFy[fy]![c]);
        increaseTotalAmounts[c] = increaseTotalAmounts[c].plus(d[c]);
      }
      increase[fy] = toComponents(d);
    }

    const byProvision = proposal.provisions.map((prov, k) => {
      const before = k === 0 ? baseline : ref.cost(proposal.provisions.slice(0, k));
      const after = k === proposal.provisions.length - 1 ? full : ref.cost(proposal.provisions.slice(0, k + 1));
      const byFiscalYear: Record<string, string> = {};
      let total = ZERO;
      for (const fy of fys) {
        const d = totalOf(after.byFy[fy]!).minus(totalOf(before.byFy[fy]!));
        byFiscalYear[fy] = money(d);
        total = total.plus(d);
      }
      return { index: k + 1, type: prov.type, ...(prov.label !== undefined ? { label: prov.label } : {}), byFiscalYear, total: money(total) };
    });

    const valueOfOnePercent: Record<string, string> = {};
    for (const fy of fys) {
      const bumped = ref.cost(proposal.provisions, fy);
      valueOfOnePercent[fy] = money(totalOf(bumped.byFy[fy]!).minus(totalOf(full.byFy[fy]!)));
    }

    let product = new Decimal(1);
    for (const prov of proposal.provisions) {
      if (prov.type !== 'gwi') continue;
      const d = parseDay(prov.effective);
      if (d >= ref.fyStartDay && d <= ref.fyEndDay) product = product.times(new Decimal(1).plus(prov.percent));
    }

    const firstBaseline = totalOf(baseline.byFy[fys[0]!]!);
    const percentOfBase: Record<string, string | null> = {};
    for (const fy of fys) {
      const inc = totalOf(full.byFy[fy]!).minus(totalOf(baseline.byFy[fy]!));
      percentOfBase[fy] = firstBaseline.isZero() ? null : ratio(inc.div(firstBaseline));
    }

    const result: ReferenceProposal = {
      name: proposal.name,
      ...(proposal.side !== undefined ? { side: proposal.side } : {}),
      byFiscalYear: Object.fromEntries(fys.map((fy) => [fy, toComponents(full.byFy[fy]!)])),
      increase,
      increaseTotal: toComponents(increaseTotalAmounts),
      byProvision,
      valueOfOnePercent,
      ongoingAnnualIncrease: money(full.lift.minus(baseline.lift)),
      compoundedWageIncrease: ratio(product.minus(1)),
      percentOfBase,
    };
    return result;
  });

  return {
    fiscalYears: fys,
    periodsByFiscalYear,
    baseline: Object.fromEntries(fys.map((fy) => [fy, toComponents(baseline.byFy[fy]!)])),
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

