import { Decimal } from '../../../shared/money.js';

/**
 * A percent as people type it — "3", "3%", "3.25 %", "-1%" — as the scenario's fraction ("0.03"):
 * the pane is where people type percents, the file keeps fractions. Exact (decimal.js), never a
 * float. Undefined for an empty entry; an Error says what to type.
 */
export function percentInput(text: string): string | undefined | Error {
  const trimmed = text
    .trim()
    .replace(/\s*%$/, '')
    .replace(/^\u2212/, '-');
  if (trimmed === '') return undefined;
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return new Error('Type a percent, like 3 or 3.5%');
  return new Decimal(trimmed).dividedBy(100).toString();
}

/** The fraction "0.035" as the pane shows it for editing: "3.5". */
export function fractionAsPercentText(fraction: string): string {
  return new Decimal(fraction).times(100).toString();
}
