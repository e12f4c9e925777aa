import type { InputIssue } from '../issues.js';

/** At most this many problems are listed; the rest are counted (an analyst fixes the first ones first). */
export const MAX_LISTED_ISSUES = 200;

/** Collects problems in the order found, listing at most `limit` and counting the rest. */
export class IssueList {
  readonly listed: InputIssue[] = [];
  omitted = 0;

  constructor(private readonly limit = MAX_LISTED_ISSUES) {}

  add(path: string, message: string): void {
    if (this.listed.length < this.limit) this.listed.push({ path, message });
    else this.omitted++;
  }

  get size(): number {
    return this.listed.length + this.omitted;
  }
}

/** The listed problems, with one closing line counting those left out. */
export function listedIssues(issues: readonly InputIssue[], omitted = 0, limit = MAX_LISTED_ISSUES): InputIssue[] {
  const shown = issues.slice(0, limit);
  const more = omitted + Math.max(0, issues.length - limit);
  return more > 0
    ? [...shown, { path: '(document)', message: `… and ${more} more problem${more === 1 ? '' : 's'} not listed: fix these and validate again` }]
    : shown;
}

/** How many names a message lists before counting the rest (a schedule can have hundreds of classes). */
const LISTED_NAMES = 20;

/** "classic, pepra", or "none" — the names that do exist, for a message about one that does not. */
export function namesOrNone(names: Iterable<string>): string {
  const list = [...names];
  if (list.length === 0) return 'none';
  const more = list.length - LISTED_NAMES;
  return more > 0 ? `${list.slice(0, LISTED_NAMES).join(', ')} and ${more} more` : list.join(', ');
}

/** "pension tier `Classic` has no rates in assumptions.pension; tiers with rates: classic, pepra" — `forRow` names the row that needs it. */
export function tierWithoutRates(what: 'pension' | 'health', tier: string, tiersWithRates: Iterable<string>, forRow?: string): string {
  const noun = what === 'pension' ? 'rates' : 'contributions';
  const row = forRow === undefined ? '' : ` (row ${forRow})`;
  return `${what} tier \`${tier}\` has no ${noun} in assumptions.${what}${row}; tiers with ${noun}: ${namesOrNone(tiersWithRates)}`;
}
