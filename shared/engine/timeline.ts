import { PayCalendar, fiscalYearName, fiscalYearOfDay, type PayPeriod } from '../calendar.js';
import { dayParts, parseDay, type Day } from '../dates.js';
import { CostingInputError } from '../issues.js';
import type { Scenario } from '../schemas/scenario.js';

/**
 * The costed periods of a scenario's horizon (COSTING.md §2): every period assigned to a fiscal
 * year from the one containing term.start to the one containing term.end, as parallel arrays.
 */
export class Timeline {
  readonly calendar: PayCalendar;
  readonly effectiveRule: 'periodStart' | 'periodContaining';
  readonly fiscalYears: number[];
  readonly fiscalYearNames: string[];
  readonly start: Day[] = [];
  readonly end: Day[] = [];
  readonly payDate: Day[] = [];
  /** Index into fiscalYears. */
  readonly fiscalYearIndex: number[] = [];
  readonly payYear: number[] = [];
  readonly periodsByFiscalYear: number[];
  /** First costed period index of each fiscal year. */
  readonly fiscalYearStartIndex: number[];
  /** Periods before the first costed one whose pay dates fall in the same calendar year (§4 YTD). */
  readonly priorPeriodsInFirstPayYear: number;

  constructor(scenario: Scenario) {
    this.calendar = new PayCalendar(scenario.calendar);
    this.effectiveRule = scenario.calendar.effectiveRule;
    const startMonth = scenario.calendar.fiscalYearStartMonth;
    const firstFy = fiscalYearOfDay(parseDay(scenario.term.start), startMonth);
    const lastFy = fiscalYearOfDay(parseDay(scenario.term.end), startMonth);
    this.fiscalYears = [];
    for (let fy = firstFy; fy <= lastFy; fy++) this.fiscalYears.push(fy);
    this.fiscalYearNames = this.fiscalYears.map(fiscalYearName);
    this.periodsByFiscalYear = this.fiscalYears.map(() => 0);
    this.fiscalYearStartIndex = this.fiscalYears.map(() => -1);

    // term.costs "term" (§2): only periods whose assigning date lies within the term are costed.
    const termStart = parseDay(scenario.term.start);
    const termEnd = parseDay(scenario.term.end);
    const byPayDate = scenario.calendar.fiscalYearBy === 'payDate';
    const costed = (period: PayPeriod) => {
      if (scenario.term.costs !== 'term') return true;
      const day = byPayDate ? this.calendar.payDate(period) : period.end;
      return day >= termStart && day <= termEnd;
    };
    // Walk back from the fiscal year's first day past any period its pay date could pull in.
    let p: PayPeriod = this.calendar.periodContaining(parseDay(scenario.term.start));
    while (this.calendar.fiscalYearOf(p) >= firstFy) p = this.calendar.previous(p);
    for (;;) {
      const fy = this.calendar.fiscalYearOf(p);
      if (fy > lastFy) break;
      if (fy >= firstFy && costed(p)) {
        const fyIndex = fy - firstFy;
        if (this.fiscalYearStartIndex[fyIndex] === -1) this.fiscalYearStartIndex[fyIndex] = this.start.length;
        this.start.push(p.start);
        this.end.push(p.end);
        const pay = this.calendar.payDate(p);
        this.payDate.push(pay);
        this.fiscalYearIndex.push(fyIndex);
        this.payYear.push(dayParts(pay).year);
        this.periodsByFiscalYear[fyIndex]!++;
      }
      p = this.calendar.next(p);
    }

    // A fiscal year with no costed period (term.costs "term") starts where the next one does.
    for (let f = this.fiscalYears.length - 1; f >= 0; f--) {
      if (this.fiscalYearStartIndex[f] === -1)
        this.fiscalYearStartIndex[f] = f + 1 < this.fiscalYears.length ? this.fiscalYearStartIndex[f + 1]! : this.start.length;
    }
    if (this.start.length === 0) throw new CostingInputError([{ path: 'term', message: 'no pay period is paid within the term: there is nothing to cost' }]);

    let prior = 0;
    const firstPayYear = this.payYear[0]!;
    let q = this.calendar.previous({ start: this.start[0]!, end: this.end[0]! });
    while (dayParts(this.calendar.payDate(q)).year === firstPayYear) {
      prior++;
      q = this.calendar.previous(q);
    }
    this.priorPeriodsInFirstPayYear = prior;
  }

  get length(): number {
    return this.start.length;
  }

  /** Whether a change effective on `date` applies to the period [start, end] (`effectiveRule`). */
  applies(date: Day, start: Day, end: Day): boolean {
    return this.effectiveRule === 'periodStart' ? start >= date : end >= date;
  }

  /** The first costed period index a change effective on `date` applies to (length when none). */
  firstAffected(date: Day): number {
    const keys = this.effectiveRule === 'periodStart' ? this.start : this.end;
    return lowerBound(keys, date);
  }

  /** Index of the costed period starting on `day`, or -1 before the horizon, length after. */
  indexOfPeriodStarting(day: Day): number {
    if (day < this.start[0]!) return -1;
    return lowerBound(this.start, day);
  }

  /**
   * The costed index of the first period (of all periods, not only costed ones) whose pay date
   * is on or after `day` — where a lump sum falls. -1 when that period precedes the horizon.
   */
  firstPaidOnOrAfter(day: Day): number {
    const period = this.calendar.periodContaining(day - this.calendar.settings.payLagDays);
    const index = this.indexOfPeriodStarting(period.start);
    // A period left out by term.costs "term" is not costed, nor what falls in it (§2).
    return index >= 0 && index < this.length && this.start[index] !== period.start ? -1 : index;
  }
}

/** First index i with keys[i] >= value (keys ascending); keys.length when none. */
export function lowerBound(keys: readonly number[], value: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
