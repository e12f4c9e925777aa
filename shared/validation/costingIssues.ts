/**
 * costingIssues(scenario): every problem that would stop a costing of a schema-valid scenario
 * (COSTING.md §2–§6), found without costing it — so `validate` refuses what `cost` refuses, and the
 * engine can call it up front instead of failing on the first row that hits a problem.
 */
import { formatDay, parseDay, type Day } from '../dates.js';
import { CostingInputError, type InputIssue } from '../issues.js';
import { Decimal } from '../money.js';
import type { Scenario } from '../schemas/scenario.js';
import { Timeline } from '../engine/timeline.js';
import { IssueList, MAX_LISTED_ISSUES, namesOrNone, tierWithoutRates } from './issueList.js';
import { proposalIssues } from './proposalIssues.js';

export interface CostingCheck {
  /** Problems that stop the costing, at most `MAX_LISTED_ISSUES`. */
  issues: InputIssue[];
  /** Problems found but not listed. */
  omitted: number;
  /** Allowed but worth a second look (a negative lump sum: a give-back). */
  warnings: InputIssue[];
}

/**
 * What the roster-wide warnings read of each row: a scenario checked one range of rows at a time
 * (the command line's threads) still warns about the whole roster (`rosterOfDocument`).
 */
export interface WarnedRoster {
  rows: readonly { id: string; fte: string }[];
  /** Every special pay code some row has. */
  payCodes: () => ReadonlySet<string>;
}

export function warnedRoster(rows: readonly { id: string; fte: string; pays: readonly string[] }[]): WarnedRoster {
  let codes: Set<string> | null = null;
  return { rows, payCodes: () => (codes ??= new Set(rows.flatMap((r) => r.pays))) };
}

/**
 * The warned facts of a document's rows before the schema has read them (the rows another thread
 * checks): what is not a valid FTE or code is left out, and that thread refuses it.
 */
export function rosterOfDocument(rawRows: readonly unknown[]): WarnedRoster {
  const decimal = /^-?\d+(\.\d+)?$/;
  return warnedRoster(
    rawRows.map((raw) => {
      const row = (typeof raw === 'object' && raw !== null ? raw : {}) as { id?: unknown; fte?: unknown; pays?: unknown };
      return {
        id: typeof row.id === 'string' ? row.id : '',
        // Absent: the default, 1.
        fte: typeof row.fte === 'string' && decimal.test(row.fte) ? row.fte : '1',
        pays: Array.isArray(row.pays) ? row.pays.filter((code): code is string => typeof code === 'string') : [],
      };
    }),
  );
}

export function costingIssues(scenario: Scenario, limit = MAX_LISTED_ISSUES, roster: WarnedRoster = warnedRoster(scenario.roster.rows)): CostingCheck {
  const issues = new IssueList(limit);
  const warnings = new IssueList(limit);
  let timeline: Timeline;
  try {
    timeline = new Timeline(scenario);
  } catch (error) {
    // A term in which no period is paid (term.costs "term"): nothing else can be checked.
    if (!(error instanceof CostingInputError)) throw error;
    for (const issue of error.issues) issues.add(issue.path, issue.message);
    return { issues: issues.listed, omitted: issues.omitted, warnings: warnings.listed };
  }
  const first = { start: timeline.start[0]!, end: timeline.end[0]!, payDate: timeline.payDate[0]! };
  // The day on or before which a dated entry must start to be in effect in the first costed period (§2 effectiveRule).
  const firstEffective = timeline.effectiveRule === 'periodStart' ? first.start : first.end;
  const firstPeriod = `the first costed period (${formatDay(first.start)} – ${formatDay(first.end)}, paid ${formatDay(first.payDate)})`;

  tierIssues(scenario, issues, 'pension', 'pensionTier', scenario.assumptions.pension, firstEffective, firstPeriod);
  tierIssues(scenario, issues, 'health', 'healthTier', scenario.assumptions.health, firstEffective, firstPeriod);
  wageBaseIssues(scenario, timeline, issues);
  rollupIssues(scenario, issues, firstEffective, firstPeriod);
  proposalIssues(scenario, timeline, issues, warnings, roster.payCodes);
  rosterWarnings(roster, warnings);
  return { issues: issues.listed, omitted: issues.omitted, warnings: warnings.listed };
}

/**
 * An FTE above 1 or of 0 costs as written (§1 bounds it only as a decimal) but is more often a
 * typo (100 for 100%, a blank read as 0) than meant: said, not refused.
 */
function rosterWarnings(roster: WarnedRoster, warnings: IssueList): void {
  // A roster has few distinct FTEs: each is read once (a 350,000-row roster, once per costing).
  const read = new Map<string, Decimal>();
  roster.rows.forEach((row, i) => {
    let fte = read.get(row.fte);
    if (fte === undefined) read.set(row.fte, (fte = new Decimal(row.fte)));
    if (fte.gt(1)) {
      warnings.add(
        `roster.rows[${i}].fte`,
        `an FTE above 1 (${row.fte}): row ${row.id} costs ${fte.times(100).toString()}% of one full-time employee's pay; for several positions, use count`,
      );
    } else if (fte.isZero()) {
      warnings.add(`roster.rows[${i}].fte`, `an FTE of 0: row ${row.id} costs no pay; its health and any amount not prorated by FTE are still costed`);
    }
  });
}

/**
 * A tier a row names must have an entry in effect from the first costed period on (entries never
 * lapse, so in effect then means in effect throughout). Proposals can only add to a tier's rates,
 * so the baseline is where a missing one fails.
 */
function tierIssues(
  scenario: Scenario,
  issues: IssueList,
  what: 'pension' | 'health',
  field: 'pensionTier' | 'healthTier',
  entries: Record<string, readonly { from: string }[]>,
  firstEffective: Day,
  firstPeriod: string,
): void {
  const earliest = new Map<string, Day>();
  for (const [tier, list] of Object.entries(entries)) earliest.set(tier, Math.min(...list.map((e) => parseDay(e.from))));
  const table = what === 'pension' ? 'assumptions.pension' : 'assumptions.health';
  const noun = what === 'pension' ? 'rate' : 'contribution';
  scenario.roster.rows.forEach((row, i) => {
    const tier = row[field];
    if (tier === undefined) return;
    const from = earliest.get(tier);
    if (from === undefined) {
      issues.add(`roster.rows[${i}].${field}`, tierWithoutRates(what, tier, earliest.keys(), row.id));
    } else if (from > firstEffective) {
      issues.add(
        `roster.rows[${i}].${field}`,
        `${what} tier ${tier} has no ${noun} in effect in ${firstPeriod} (row ${row.id}): its first ${noun} is from ${formatDay(from)}; add one from ${formatDay(firstEffective)} or earlier in ${table}.${tier}`,
      );
    }
  });
}

/**
 * A roll-up with dated `rates` needs an entry in effect from the first costed period on, when it
 * applies to some row (its `classes` and `pensionTiers` filters, §4). One problem per roll-up.
 */
function rollupIssues(scenario: Scenario, issues: IssueList, firstEffective: Day, firstPeriod: string): void {
  scenario.assumptions.otherRollups.forEach((rollup, i) => {
    if (rollup.rates === undefined) return;
    const from = Math.min(...rollup.rates.map((e) => parseDay(e.from)));
    if (from <= firstEffective) return;
    const applies = (row: Scenario['roster']['rows'][number]) =>
      (rollup.classes === undefined || rollup.classes.includes(row.class)) &&
      (rollup.pensionTiers === undefined || (row.pensionTier !== undefined && rollup.pensionTiers.includes(row.pensionTier)));
    const rows = scenario.roster.rows.filter(applies);
    if (rows.length === 0) return;
    issues.add(
      `assumptions.otherRollups[${i}].rates`,
      `roll-up ${rollup.name} has no rate in effect in ${firstPeriod}, and applies to ${rows.length} roster row${rows.length === 1 ? '' : 's'} (first: ${rows[0]!.id}): its first rate is from ${formatDay(from)}; add one from ${formatDay(firstEffective)} or earlier`,
    );
  });
}

/** Every calendar year a costed period is paid in needs a wage base when some row pays Social Security (§4). */
function wageBaseIssues(scenario: Scenario, timeline: Timeline, issues: IssueList): void {
  const rowIndex = scenario.roster.rows.findIndex((r) => r.socialSecurity);
  if (rowIndex === -1) return;
  const row = scenario.roster.rows[rowIndex]!;
  const given = Object.keys(scenario.assumptions.socialSecurity.wageBase);
  const years = [...new Set(timeline.payYear)];
  for (const year of years) {
    if (String(year) in scenario.assumptions.socialSecurity.wageBase) continue;
    const paid = timeline.payDate[timeline.payYear.indexOf(year)]!;
    issues.add(
      'assumptions.socialSecurity.wageBase',
      `no Social Security wage base for ${year}, needed from the period paid ${formatDay(paid)} by row ${row.id} (roster.rows[${rowIndex}]) and every row with socialSecurity: true; years with a wage base: ${namesOrNone(given)}`,
    );
  }
}
