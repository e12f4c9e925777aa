import { Decimal } from '../../shared/money.js';
import { ScheduleHistory } from '../../shared/engine/scheduleHistory.js';
import { inDateOrder } from '../../shared/engine/provisionOrder.js';
import { formatDay } from '../../shared/dates.js';
import { provisionKind, provisionTypes } from '../../shared/provisions/registry.js';
import type { Proposal, Schedule } from '../../shared/schemas/scenario.js';

/**
 * The schedules a settlement creates: the proposal's schedule-changing provisions applied in date
 * order by the same rule costing uses (shared/engine/scheduleHistory.ts). One schedule per distinct
 * effective date, each carrying that date.
 */
export function settlementSchedules(base: Schedule, proposal: Proposal): Schedule[] {
  const history = new ScheduleHistory(
    base,
    inDateOrder(proposal.provisions),
    (lp) => String(lp.listedIndex),
    (i) => `provisions[${i}]`,
  );
  const out: Schedule[] = [];
  history.changes.forEach((change, m) => {
    const next = history.changes[m + 1];
    if (next && next.date === change.date) return;
    const effective = formatDay(change.date);
    const snapshot = history.snapshots[m + 1]!;
    out.push({
      ...base,
      id: versionId(base.id, effective),
      effective,
      classes: base.classes.map((c, ci) =>
        snapshot[ci] === history.snapshots[0]![ci]
          ? { ...c, steps: [...c.steps] }
          : { ...c, steps: snapshot[ci]!.rates.map((r) => published(r, base.ratePlaces)) },
      ),
    });
  });
  return out;
}

/** A cell as published: the schedule's places, or more when an input cell had more and was never changed. */
function published(rate: Decimal, places: number): string {
  return rate.decimalPlaces() <= places ? rate.toFixed(places) : rate.toString();
}

/** The provision types that change the published schedule, for messages. */
export const scheduleChangingTypes = provisionTypes.filter((type) => provisionKind(type).schedule !== undefined);

/** `POA-2025-07` + 2026-07-01 → `POA-2025-07@2026-07-01`, kept within the 64-character code limit. */
function versionId(baseId: string, effective: string): string {
  const suffix = `@${effective}`;
  const stem = baseId.replace(/@\d{4}-\d{2}-\d{2}$/, '');
  return `${stem.slice(0, 64 - suffix.length)}${suffix}`;
}
