/**
 * Problems a proposal's costings would hit (COSTING.md §6). Each provision prefix 1..k is costed
 * on its own (`byProvision`), so a provision must work in every prefix that holds it, not only in
 * the whole proposal: a `setRate` listed before the `addStep` that creates its step fails in its
 * own prefix even though the whole proposal has the step.
 */
import { fiscalYearName } from '../calendar.js';
import { formatDay, parseDay } from '../dates.js';
import { inDateOrder, provisionDate, type ListedProvision } from '../engine/provisionOrder.js';
import type { Timeline } from '../engine/timeline.js';
import { Decimal } from '../money.js';
import { publishChange, type PublishedClass } from '../engine/scheduleHistory.js';
import { Interner, specialPaysInForce } from '../engine/variantPlan.js';
import { CostingInputError } from '../issues.js';
import { provisionAffectsClass as affectsClass, type Provision } from '../provisions/registry.js';
import type { Scenario } from '../schemas/scenario.js';
import type { IssueList } from './issueList.js';

export function proposalIssues(
  scenario: Scenario,
  timeline: Timeline,
  issues: IssueList,
  warnings: IssueList,
  rosterPayCodes: () => ReadonlySet<string>,
): void {
  const horizon = new Set(timeline.fiscalYearNames);
  const lastFy = timeline.fiscalYears[timeline.fiscalYears.length - 1]!;
  const horizonText = `${fiscalYearName(timeline.fiscalYears[0]!)} – ${fiscalYearName(lastFy)}`;
  const onSomeRow = (code: string) => rosterPayCodes().has(code);
  scenario.proposals.forEach((proposal, pi) => {
    const at = (j: number) => `proposals[${pi}].provisions[${j}]`;
    const reported = new Set<string>();
    const once = (path: string, message: string) => {
      if (reported.has(path)) return;
      reported.add(path);
      issues.add(path, message);
    };
    // A provision whose date no costed period reaches changes nothing (§6: it applies wherever it reaches costed periods).
    const reaches = (lp: ListedProvision) => timeline.firstAffected(lp.date) < timeline.length;
    const renumbers = proposal.provisions.some((p) => STEP_COUNT_TYPES.has(p.type));
    for (let k = 1; k <= proposal.provisions.length; k++) {
      const prefix = inDateOrder(proposal.provisions.slice(0, k));
      specialPayIssues(scenario, pi, prefix.filter(reaches), once);
      if (renumbers) stepCountIssues(scenario, prefix, at, once);
    }
    if (proposal.retroPayDate !== undefined) {
      const lastPaid = timeline.payDate[timeline.length - 1]!;
      if (parseDay(proposal.retroPayDate) > lastPaid) {
        issues.add(
          `proposals[${pi}].retroPayDate`,
          `${proposal.retroPayDate} is after the last costed pay date ${formatDay(lastPaid)}: the retro pay would fall outside the costing; give a date on or before ${formatDay(lastPaid)}, or leave retroPayDate out`,
        );
      }
    }
    proposal.provisions.forEach((p, j) => {
      if (p.type === 'lumpSum') {
        // However it is given (an amount, a percent of pay, paid days), a negative one-time payment is a give-back.
        for (const field of ['amount', 'percent', 'days'] as const) {
          if (isNegative(p[field])) warnings.add(`${at(j)}.${field}`, `a negative one-time payment (${p[field]}): a give-back; check the sign`);
        }
      }
      if (p.type === 'specialPay' && p.classes === undefined && !onSomeRow(p.code)) {
        // Without classes a specialPay changes the rows that have the code (§6): here none, so it costs nothing.
        warnings.add(
          `${at(j)}.code`,
          `no roster row has special pay \`${p.code}\`: this provision changes nothing; check the code, or give classes to grant it to every row of those classes`,
        );
      }
      if (p.type === 'flat') {
        if (isNegative(p.amount)) warnings.add(`${at(j)}.amount`, `a negative flat amount (${p.amount}): a saving; check the sign`);
        p.fiscalYears.forEach((fy, f) => {
          if (!horizon.has(fy))
            warnings.add(`${at(j)}.fiscalYears[${f}]`, `${fy} is outside the costed fiscal years (${horizonText}): this amount is not costed there`);
        });
      }
      if (p.type !== 'flat' && p.type !== 'lumpSum' && timeline.firstAffected(provisionDate(p)) >= timeline.length) {
        warnings.add(
          `${at(j)}.effective`,
          `${p.effective} is after the last costed period (${formatDay(timeline.start[timeline.length - 1]!)} – ${formatDay(timeline.end[timeline.length - 1]!)}): this provision costs nothing`,
        );
      }
    });
  });
}

/** The provision types that add, remove or name steps (§5, §6); the others keep every class's step count. */
const STEP_COUNT_TYPES = new Set<Provision['type']>(['addStep', 'dropSteps', 'setRate']);

/**
 * Step counts through a prefix's schedule changes, class by class in date order, by the engine's
 * own published-schedule rule (`publishChange`, with its messages): a `setRate` names a step the
 * class has on its date, `dropSteps` leaves at least one step, `addStep` at most 99 (§1).
 */
function stepCountIssues(
  scenario: Scenario,
  ordered: readonly ListedProvision[],
  at: (j: number) => string,
  once: (path: string, message: string) => void,
): void {
  const changes = ordered.filter((lp) => STEP_COUNT_TYPES.has(lp.provision.type));
  for (const cls of scenario.schedule.classes) {
    // Only the number of steps matters here: placeholder rates stand in for the published ones.
    let published: PublishedClass = { rates: cls.steps.map(() => ONE), dropped: 0 };
    for (const lp of changes) {
      if (!affectsClass(lp.provision, cls.code)) continue;
      try {
        const next = publishChange(published, lp.provision, scenario.schedule, cls.code, at(lp.listedIndex), formatDay(lp.date));
        published = { rates: next.rates.map(() => ONE), dropped: next.dropped };
      } catch (error) {
        if (!(error instanceof CostingInputError)) throw error;
        for (const issue of error.issues) once(issue.path, issue.message);
      }
    }
  }
}

const ONE = new Decimal(1);

/** A negative decimal string (a give-back), for warnings. */
function isNegative(text: string | undefined): boolean {
  return text !== undefined && new Decimal(text).isNegative() && !new Decimal(text).isZero();
}

/**
 * `specialPay` with mode `add` adds a percent to a percent or an amount to an amount with the same
 * `per`; adding across kinds cannot be costed. Checked class by class with the engine's own rule
 * (`specialPaysInForce`) on the provisions in force by the last costed period, in date order.
 */
function specialPayIssues(scenario: Scenario, pi: number, ordered: readonly ListedProvision[], once: (path: string, message: string) => void): void {
  if (!ordered.some((lp) => lp.effects.specialPay?.mode === 'add')) return;
  const applied = ordered.filter((lp) => lp.effects.timing === 'effective');
  const interner = new Interner();
  for (const cls of scenario.schedule.classes) {
    try {
      specialPaysInForce(
        scenario,
        applied.filter((lp) => affectsClass(lp.provision, cls.code)),
        pi,
        interner,
      );
    } catch (error) {
      if (!(error instanceof CostingInputError)) throw error;
      for (const issue of error.issues) once(issue.path, `${issue.message} (class ${cls.code}): use mode "set", or add the same kind`);
    }
  }
}
