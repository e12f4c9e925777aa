import { Decimal } from '../../shared/money.js';
import type { Schedule } from '../../shared/schemas/scenario.js';

export interface CellChange {
  class: string;
  /** 1-based. */
  step: number;
  /** null: the step did not exist before / no longer exists. */
  from: string | null;
  to: string | null;
}

export interface FieldChange {
  field: string;
  from: string | number | null;
  to: string | number | null;
}

export interface ScheduleDiff {
  unchanged: boolean;
  classesAdded: string[];
  classesRemoved: string[];
  cellsChanged: CellChange[];
  fieldsChanged: FieldChange[];
}

/** What changes from `before` (the version in force, if any) to `after`; rates compare as numbers. */
export function diffSchedules(before: Schedule | undefined, after: Schedule): ScheduleDiff {
  const beforeClasses = new Map((before?.classes ?? []).map((c) => [c.code, c]));
  const afterClasses = new Map(after.classes.map((c) => [c.code, c]));
  const classesAdded = after.classes.filter((c) => !beforeClasses.has(c.code)).map((c) => c.code);
  const classesRemoved = (before?.classes ?? []).filter((c) => !afterClasses.has(c.code)).map((c) => c.code);
  const cellsChanged: CellChange[] = [];
  const fieldsChanged: FieldChange[] = [];
  if (before) {
    for (const field of ['rateBasis', 'hoursPerYear', 'ratePlaces'] as const) {
      if (before[field] !== after[field]) fieldsChanged.push({ field, from: before[field], to: after[field] });
    }
  }
  for (const next of after.classes) {
    const previous = beforeClasses.get(next.code);
    if (!previous) continue;
    if (previous.title !== next.title) fieldsChanged.push({ field: `classes.${next.code}.title`, from: previous.title, to: next.title });
    if (previous.stepMonths !== next.stepMonths)
      fieldsChanged.push({ field: `classes.${next.code}.stepMonths`, from: previous.stepMonths, to: next.stepMonths });
    const steps = Math.max(previous.steps.length, next.steps.length);
    for (let i = 0; i < steps; i++) {
      const from = previous.steps[i] ?? null;
      const to = next.steps[i] ?? null;
      if (from === null || to === null || !new Decimal(from).equals(to)) cellsChanged.push({ class: next.code, step: i + 1, from, to });
    }
  }
  return {
    unchanged: classesAdded.length === 0 && classesRemoved.length === 0 && cellsChanged.length === 0 && fieldsChanged.length === 0,
    classesAdded,
    classesRemoved,
    cellsChanged,
    fieldsChanged,
  };
}
