import { Decimal, roundTo } from '../../shared/money.js';
export { Decimal };

/** An annual salary over a federal hour divisor, as the guides publish it (2 places). */
export function hourlyEquivalentRounded(annual: string, divisor: number): string {
  return roundTo(new Decimal(annual).dividedBy(divisor), 2).toFixed(2);
}
