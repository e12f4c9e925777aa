/**
 * Calendar dates as whole day numbers (days since 1970-01-01, UTC), so comparisons and
 * period arithmetic are integer operations. ISO `YYYY-MM-DD` strings at the edges.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function parseDay(text: string): Day {
  const m = ISO_DATE.exec(text);
  if (!m || !isValidIsoDate(text)) throw new RangeError(`not a calendar date: ${text}`);
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function dayFromParts(year: number, month: number, day: number): Day {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function dayParts(day: Day): DateParts {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: dom } = dayParts(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dayFromParts(y, m, Math.min(dom, daysInMonth(y, m)));
}

export function lastDayOfMonth(year: number, month: number): Day {
  return dayFromParts(year, month, daysInMonth(year, month));
}

/** Completed years from `from` to `to`, counted by calendar anniversaries. */
export function completedYears(from: Day, to: Day): number {
  const a = dayParts(from);
  const b = dayParts(to);
  let years = b.year - a.year;
  if (years > 0 && addMonths(from, years * 12) > to) years -= 1;
  return Math.max(0, years);
}
