import { addMonths, dayFromParts, dayParts, lastDayOfMonth, parseDay, type Day } from './dates.js';
import type { Calendar, PayFrequency } from './schemas/scenario.js';

/** Nominal pay periods per year, P in COSTING.md §3. */
export const PERIODS_PER_YEAR: Record<PayFrequency, number> = { weekly: 52, biweekly: 26, semimonthly: 24, monthly: 12 };

export interface PayPeriod {
  start: Day;
  end: Day;
}

/** A fiscal year is named by the calendar year in which it ends (FY2027 = 2026-07-01 … 2027-06-30). */
export function fiscalYearOfDay(day: Day, startMonth: number): number {
  const { year, month } = dayParts(day);
  return startMonth === 1 || month < startMonth ? year : year + 1;
}

export function fiscalYearName(fiscalYear: number): string {
  return `FY${fiscalYear}`;
}

export function fiscalYearFirstDay(fiscalYear: number, startMonth: number): Day {
  return dayFromParts(startMonth === 1 ? fiscalYear : fiscalYear - 1, startMonth, 1);
}

export function fiscalYearLastDay(fiscalYear: number, startMonth: number): Day {
  return addMonths(fiscalYearFirstDay(fiscalYear, startMonth), 12) - 1;
}

/** The pay calendar of COSTING.md §2: periods, pay dates and the fiscal year each period belongs to. */
export class PayCalendar {
  readonly periodsPerYear: number;
  private readonly anchor: Day;
  private readonly length: number;

  constructor(readonly settings: Calendar) {
    this.periodsPerYear = PERIODS_PER_YEAR[settings.payFrequency];
    this.length = settings.payFrequency === 'weekly' ? 7 : settings.payFrequency === 'biweekly' ? 14 : 0;
    this.anchor = this.length > 0 ? parseDay(settings.firstPeriodStart!) : 0;
  }

  periodContaining(day: Day): PayPeriod {
    if (this.length > 0) {
      const k = Math.floor((day - this.anchor) / this.length);
      const start = this.anchor + k * this.length;
      return { start, end: start + this.length - 1 };
    }
    const { year, month, day: dom } = dayParts(day);
    if (this.settings.payFrequency === 'monthly') return { start: dayFromParts(year, month, 1), end: lastDayOfMonth(year, month) };
    return dom <= 15
      ? { start: dayFromParts(year, month, 1), end: dayFromParts(year, month, 15) }
      : { start: dayFromParts(year, month, 16), end: lastDayOfMonth(year, month) };
  }

  next(period: PayPeriod): PayPeriod {
    return this.periodContaining(period.end + 1);
  }

  previous(period: PayPeriod): PayPeriod {
    return this.periodContaining(period.start - 1);
  }

  /** The first period whose first day is on or after `day` (payroll's "first full pay period"). */
  periodStartingOnOrAfter(day: Day): PayPeriod {
    const p = this.periodContaining(day);
    return p.start === day ? p : this.next(p);
  }

  /** The first day of periodStartingOnOrAfter(day), without building the period (step paths call this per step date). */
  startOnOrAfter(day: Day): Day {
    if (this.length > 0) return this.anchor + Math.ceil((day - this.anchor) / this.length) * this.length;
    return this.periodStartingOnOrAfter(day).start;
  }

  payDate(period: PayPeriod): Day {
    return period.end + this.settings.payLagDays;
  }

  /** The fiscal year a whole period is assigned to, by its pay date or its end (`fiscalYearBy`). */
  fiscalYearOf(period: PayPeriod): number {
    const day = this.settings.fiscalYearBy === 'payDate' ? this.payDate(period) : period.end;
    return fiscalYearOfDay(day, this.settings.fiscalYearStartMonth);
  }
}
