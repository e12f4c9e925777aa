import { parseDay, dayParts } from '../dates.js';
import { Decimal } from '../money.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-07-01" → "Jul 1, 2026" */
export function plainDate(iso: string): string {
  const { year, month, day } = dayParts(parseDay(iso));
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

/** A fraction as a percent: "0.035" → "3.5%", "-0.03" → "−3%". */
export function plainPercent(fraction: string): string {
  const d = new Decimal(fraction).times(100);
  return `${d.isNegative() ? '−' : ''}${d.abs().toString()}%`;
}

/** A signed change: "+0.5%" or "−3%". */
export function plainDelta(fraction: string): string {
  return new Decimal(fraction).isNegative() ? plainPercent(fraction) : `+${plainPercent(fraction)}`;
}

/** "1000" → "$1,000.00"; more places are kept as given. */
export function plainMoney(amount: string): string {
  const d = new Decimal(amount);
  const places = Math.max(2, d.decimalPlaces());
  const [whole, frac] = d.abs().toFixed(places).split('.');
  return `${d.isNegative() ? '−' : ''}$${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

export function forClasses(classes: readonly string[] | undefined): string {
  return classes === undefined ? '' : ` for ${classes.join(', ')}`;
}
