import { componentNames, type ComponentOrTotal } from '../../shared/result.js';
import type { CostingDigest } from './costingDigest.js';
import { LookupError, listForMessage } from './lookupError.js';

/** The proposal name that asks COST for the baseline (status quo) figures instead of an increase. */
export const BASELINE = 'Baseline';

/**
 * A fiscal year as the costing names it ("FY2027") from what an analyst types: 2027, "2027",
 * "FY2027", "FY27", "fy 2027".
 */
export function fiscalYearName(value: string | number): string {
  const text = String(value ?? '')
    .trim()
    .toUpperCase()
    .replace(/\s+/g, '');
  const match = /^(?:FY)?(\d{2}|\d{4})$/.exec(text);
  if (!match) throw new LookupError('invalidValue', `"${String(value)}" is not a fiscal year; use 2027 or "FY2027".`);
  const digits = match[1]!;
  return `FY${digits.length === 2 ? `20${digits}` : digits}`;
}

function checkFiscalYear(digest: CostingDigest, value: string | number): string {
  const fy = fiscalYearName(value);
  if (!digest.fiscalYears.includes(fy)) {
    throw new LookupError('invalidValue', `The latest costing has no ${fy}; it covers ${listForMessage(digest.fiscalYears)}.`);
  }
  return fy;
}

function component(value: string | null | undefined): ComponentOrTotal {
  if (value === undefined || value === null || String(value).trim() === '') return 'total';
  const wanted = String(value).trim().toLowerCase();
  const all: ComponentOrTotal[] = [...componentNames, 'total'];
  const found = all.find((c) => c.toLowerCase() === wanted);
  if (!found) throw new LookupError('invalidValue', `"${value}" is not a cost component; use one of ${all.join(', ')}.`);
  return found;
}

function proposalOf(digest: CostingDigest, name: string) {
  const wanted = String(name ?? '').trim();
  const found = digest.proposals.find((p) => p.name.toLowerCase() === wanted.toLowerCase());
  if (!found) {
    throw new LookupError(
      'invalidValue',
      `The latest costing has no proposal "${wanted}". Proposals: ${listForMessage([BASELINE, ...digest.proposals.map((p) => p.name)])}.`,
    );
  }
  return found;
}

function money(text: string | undefined, what: string): number {
  const n = Number(text);
  if (text === undefined || !Number.isFinite(n)) throw new LookupError('notAvailable', `The latest costing has no figure for ${what}.`);
  return n;
}

/**
 * BARGAIN.COST: what a proposal costs over the baseline (proposal − baseline) in a fiscal year,
 * for one component or the total; the proposal "Baseline" gives the status-quo figure itself.
 */
export function costFigure(digest: CostingDigest, proposal: string, fiscalYear: string | number, componentName?: string | null): number {
  const fy = checkFiscalYear(digest, fiscalYear);
  const part = component(componentName);
  if (
    String(proposal ?? '')
      .trim()
      .toLowerCase() === BASELINE.toLowerCase()
  ) {
    return money(digest.baseline[fy]?.[part], `the baseline ${part} in ${fy}`);
  }
  const p = proposalOf(digest, proposal);
  return money(p.increase[fy]?.[part], `${p.name} ${part} in ${fy}`);
}

/** BARGAIN.VALUEOF1PCT: what one more percent costs in a fiscal year, on top of a proposal (the first one by default). */
export function valueOfOnePercent(digest: CostingDigest, fiscalYear: string | number, proposal?: string | null): number {
  const fy = checkFiscalYear(digest, fiscalYear);
  if (digest.proposals.length === 0) throw new LookupError('notAvailable', 'The latest costing has no proposals; add one and cost again.');
  const p = proposal === undefined || proposal === null || String(proposal).trim() === '' ? digest.proposals[0]! : proposalOf(digest, proposal);
  return money(p.valueOfOnePercent[fy], `the value of 1% for ${p.name} in ${fy}`);
}
