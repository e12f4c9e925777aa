/**
 * Calendar dates as whole day numbers (days since 1970-01-01, UTC), so comparisons and
 * period arithmetic are integer operations. ISO `YYYY-MM-DD` strings at the edges.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;
/**
 * A `YYYY-MM-DD` date's year, month and day when the text is one and the day exists; null
 * otherwise. Read by character codes, not a regular expression: validation reads two or three
 * dates per roster row, and at 350,000 rows the match arrays were a tenth of a second.
 */
function calendarParts(text: string): { year: number; month: number; day: number } | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** The number written by `count` ASCII digits at `from`; -1 if any is not one. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

export function isValidIsoDate(text: string): boolean {
  return calendarParts(text) !== null;
}

export function parseDay(text: string): Day {
  const parts = calendarParts(text);
  if (parts === null) throw new RangeError(`not a calendar date: ${text}`);
  return dayFromParts(parts.year, parts.month, parts.day);
}

// Days from and to civil dates by integer arithmetic (H. Hinnant, "chrono-Compatible Low-Level Date
// Algorithms"), the same proleptic Gregorian days as Date.UTC without a Date per call: costing adds
// months to every row's hire and step dates, and Date objects made that a tenth of a costing.
export function dayFromParts(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
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
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1 };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// A constant table, not an array literal per call: step paths add months to every row's step
// dates in every step regime, and a 12-element array each time was a tenth of a costing's garbage.
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
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
