import { Decimal, roundTo } from '../../shared/money.js';
import type { Proposal, Provision, Schedule } from '../../shared/schemas/scenario.js';

type ScheduleProvision = Extract<Provision, { type: 'gwi' | 'equity' | 'flatIncrease' | 'addStep' }>;

const scheduleTypes = new Set(['gwi', 'equity', 'flatIncrease', 'addStep']);

function changesSchedule(p: Provision): p is ScheduleProvision {
  return scheduleTypes.has(p.type);
}

/**
 * The schedules a settlement creates (COSTING.md §1, §6): the proposal's gwi, equity,
 * flatIncrease and addStep provisions applied in date order (same date: listed order), every
 * changed cell re-rounded to `ratePlaces` half away from zero, each change compounding on the
 * published rate. One schedule per distinct effective date, each carrying that date.
 */
export function settlementSchedules(base: Schedule, proposal: Proposal): Schedule[] {
  const ordered = proposal.provisions
    .map((provision, index) => ({ provision, index }))
    .filter((entry): entry is { provision: ScheduleProvision; index: number } => changesSchedule(entry.provision))
    .sort((a, b) => (a.provision.effective < b.provision.effective ? -1 : a.provision.effective > b.provision.effective ? 1 : a.index - b.index));
  const out: Schedule[] = [];
  let classes = base.classes.map((c) => ({ ...c, steps: [...c.steps] }));
  for (let i = 0; i < ordered.length; i++) {
    const p = ordered[i]!.provision;
    classes = classes.map((c) => (affects(p, c.code) ? { ...c, steps: applyChange(c.steps, p, base.ratePlaces) } : c));
    const next = ordered[i + 1];
    if (next && next.provision.effective === p.effective) continue;
    out.push({ ...base, id: versionId(base.id, p.effective), effective: p.effective, classes: classes.map((c) => ({ ...c, steps: [...c.steps] })) });
  }
  return out;
}

function affects(p: ScheduleProvision, classCode: string): boolean {
  return !p.classes || p.classes.includes(classCode);
}

function applyChange(steps: string[], p: ScheduleProvision, places: number): string[] {
  const publish = (d: Decimal) => roundTo(d, places).toFixed(places);
  switch (p.type) {
    case 'gwi':
    case 'equity': {
      const factor = new Decimal(1).plus(p.percent);
      return steps.map((s) => publish(new Decimal(s).times(factor)));
    }
    case 'flatIncrease':
      return steps.map((s) => publish(new Decimal(s).plus(p.amount)));
    case 'addStep': {
      const top = new Decimal(steps[steps.length - 1]!);
      return [...steps, publish(top.times(new Decimal(1).plus(p.percent)))];
    }
  }
}

/** `POA-2025-07` + 2026-07-01 → `POA-2025-07@2026-07-01`, kept within the 64-character code limit. */
function versionId(baseId: string, effective: string): string {
  const suffix = `@${effective}`;
  const stem = baseId.replace(/@\d{4}-\d{2}-\d{2}$/, '');
  return `${stem.slice(0, 64 - suffix.length)}${suffix}`;
}
