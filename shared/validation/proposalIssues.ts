/**
 * Problems a proposal's costings would hit (COSTING.md §6). Each provision prefix 1..k is costed
 * on its own (`byProvision`), so a provision must work in every prefix that holds it, not only in
 * the whole proposal: a `setRate` listed before the `addStep` that creates its step fails in its
 * own prefix even though the whole proposal has the step.
 */
import { fiscalYearName } from '../calendar.js';
import { formatDay } from '../dates.js';
import { affectsClass, inDateOrder, provisionDate, type ListedProvision } from '../engine/provisionOrder.js';
import type { Timeline } from '../engine/timeline.js';
import { Decimal } from '../money.js';
import type { Scenario } from '../schemas/scenario.js';
import type { IssueList } from './issueList.js';

type PayShape = { kind: 'percent' } | { kind: 'amount'; per: string };

export function proposalIssues(scenario: Scenario, timeline: Timeline, issues: IssueList, warnings: IssueList): void {
  const horizon = new Set(timeline.fiscalYearNames);
  const lastFy = timeline.fiscalYears[timeline.fiscalYears.length - 1]!;
  const horizonText = `${fiscalYearName(timeline.fiscalYears[0]!)} – ${fiscalYearName(lastFy)}`;
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
    for (let k = 1; k <= proposal.provisions.length; k++) {
      const ordered = inDateOrder(proposal.provisions.slice(0, k)).filter((lp) => lp.provision.type !== 'flat' && reaches(lp));
      specialPayIssues(scenario, ordered, at, once);
    }
    proposal.provisions.forEach((p, j) => {
      if (p.type === 'lumpSum' && isNegative(p.amount)) {
        warnings.add(`${at(j)}.amount`, `a negative one-time payment (${p.amount}): a give-back; check the sign`);
      }
      if (p.type === 'flat') {
        if (isNegative(p.amount)) warnings.add(`${at(j)}.amount`, `a negative flat amount (${p.amount}): a saving; check the sign`);
        p.fiscalYears.forEach((fy, f) => {
          if (!horizon.has(fy)) warnings.add(`${at(j)}.fiscalYears[${f}]`, `${fy} is outside the costed fiscal years (${horizonText}): this amount is not costed there`);
        });
      }
      if (p.type !== 'flat' && p.type !== 'lumpSum' && timeline.firstAffected(provisionDate(p)) >= timeline.length) {
        warnings.add(`${at(j)}.effective`, `${p.effective} is after the last costed period (${formatDay(timeline.start[timeline.length - 1]!)} – ${formatDay(timeline.end[timeline.length - 1]!)}): this provision costs nothing`);
      }
    });
  });
}

/** A negative decimal string (a give-back), for warnings. */
function isNegative(text: string | undefined): boolean {
  return text !== undefined && new Decimal(text).isNegative() && !new Decimal(text).isZero();
}

/**
 * `specialPay` with mode `add` adds a percent to a percent or an amount to an amount with the same
 * `per`; adding across kinds cannot be costed. Checked class by class, in date order, on the
 * definitions in force just before the provision (the assumptions, then earlier changes).
 */
function specialPayIssues(scenario: Scenario, ordered: readonly ListedProvision[], at: (j: number) => string, once: (path: string, message: string) => void): void {
  const adds = ordered.filter((lp) => lp.provision.type === 'specialPay');
  if (!adds.some((lp) => lp.provision.type === 'specialPay' && lp.provision.mode === 'add')) return;
  const shapeOf = (def: { percent?: string | undefined; per?: string | undefined }): PayShape =>
    def.percent !== undefined ? { kind: 'percent' } : { kind: 'amount', per: def.per ?? 'period' };
  const describe = (shape: PayShape) => (shape.kind === 'percent' ? 'a percent of base pay' : `an amount per ${shape.per}`);
  for (const cls of scenario.schedule.classes) {
    const pays = new Map<string, PayShape>(Object.entries(scenario.assumptions.specialPays).map(([code, def]) => [code, shapeOf(def)]));
    for (const lp of adds) {
      const p = lp.provision;
      if (p.type !== 'specialPay' || !affectsClass(p, cls.code)) continue;
      const change = shapeOf(p);
      const current = pays.get(p.code);
      if (p.mode === 'set' || current === undefined) {
        pays.set(p.code, change);
      } else if (current.kind !== change.kind || (current.kind === 'amount' && change.kind === 'amount' && current.per !== change.per)) {
        once(at(lp.listedIndex), `cannot add ${describe(change)} to special pay ${p.code}, which is ${describe(current)} then (class ${cls.code}): use mode "set", or give the same kind`);
      }
    }
  }
}
