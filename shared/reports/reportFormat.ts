/**
 * How report figures print, in every renderer: money as money ($, thousands separators, negatives
 * in parentheses), whole dollars where a view says so, percents with 2 decimals, times in the
 * reader's time zone. The Excel number formats below print the same cell the same way.
 */
import { Decimal } from '../money.js';
import type { FigureFormat, ReportCell } from './reportDocument.js';

function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function signed(negative: boolean, body: string): string {
  return negative ? `(${body})` : body;
}

/** "-1234.5" → "($1,234.50)"; places 0 for whole dollars. */
export function moneyText(amount: string, places = 2): string {
  const d = new Decimal(amount).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const [whole, frac] = d.abs().toFixed(places).split('.') as [string, string | undefined];
  return signed(d.isNegative() && !d.isZero(), `$${grouped(whole)}${frac !== undefined ? `.${frac}` : ''}`);
}

/** A fraction as a percent with 2 decimals: "0.031234" → "3.12%", "-0.005" → "(0.50%)". */
export function percentText(fraction: string): string {
  const d = new Decimal(fraction).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return signed(d.isNegative() && !d.isZero(), `${d.abs().toFixed(2)}%`);
}

/** FTE: up to 4 places, no trailing zeros. */
export function fteText(value: string): string {
  return new Decimal(value).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed();
}

export function cellText(cell: ReportCell | null, format: FigureFormat): string {
  if (cell === null || cell.value === '') return '';
  switch (cell.format ?? format) {
    case 'money':
      return moneyText(cell.value);
    case 'dollars':
      return moneyText(cell.value, 0);
    case 'percent':
      return percentText(cell.value);
    case 'count':
      return grouped(new Decimal(cell.value).toFixed(0));
    case 'fte':
      return fteText(cell.value);
    case 'text':
      return cell.value;
  }
}

/**
 * A figure as a plain number for other programs (CSV), to the precision `cellText` prints it:
 * money to the cent ("-1234.50"), whole dollars whole, a percent as its fraction to 4 places
 * (4.81% is 0.0481: rounded again to 2 decimals of a percent it can never print otherwise),
 * counts and FTEs without separators; text as it is.
 */
export function cellNumber(cell: ReportCell | null, format: FigureFormat): string {
  if (cell === null || cell.value === '') return '';
  const places = { money: 2, dollars: 0, percent: 4, count: 0 } as const;
  const kind = cell.format ?? format;
  if (kind === 'text') return cell.value;
  if (kind === 'fte') return fteText(cell.value);
  return new Decimal(cell.value).toDecimalPlaces(places[kind], Decimal.ROUND_HALF_UP).toFixed(places[kind]);
}

/** Excel number formats that print as `cellText` does. */
export const EXCEL_FORMAT = {
  money: '"$"#,##0.00_);("$"#,##0.00)',
  dollars: '"$"#,##0_);("$"#,##0)',
  percent: '0.00%_);(0.00%)',
  count: '#,##0',
  fte: 'General',
  text: null,
} as const satisfies Record<FigureFormat, string | null>;

/** "Nov 23, 2026, 10:00 AM PST" in the given IANA time zone (the reader's), never a raw UTC stamp. */
export function dateTimeText(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (
    new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'medium', timeStyle: 'short' })
      .formatToParts(date)
      .map((p) => p.value)
      .join('')
      // ICU puts a narrow no-break space before "AM"; a plain one prints everywhere.
      .replace(/[\u202f\u00a0]/g, ' ')
      .concat(` ${zoneName(date, timeZone)}`)
  );
}

function zoneName(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}
