import { LookupError, listForMessage } from './lookupError.js';

/** The part of a synced schedule BARGAIN.RATE reads (the scenario format's `schedule`). */
export interface RateSchedule {
  id: string;
  effective: string;
  classes: readonly { code: string; steps: readonly string[] }[];
}

/**
 * The published rate of a class and step, as a number for the cell. Class codes match without
 * regard to case; steps are 1-based whole numbers.
 */
export function lookupRate(schedule: RateSchedule, unitId: string, classCode: string, step: number): number {
  const wanted = String(classCode ?? '').trim();
  if (!wanted) throw new LookupError('invalidValue', 'Give a classification code, e.g. "PO".');
  const cls = schedule.classes.find((c) => c.code.toUpperCase() === wanted.toUpperCase());
  if (!cls) {
    throw new LookupError(
      'invalidValue',
      `Unit ${unitId} has no class "${wanted}" in schedule ${schedule.id}. Classes: ${listForMessage(schedule.classes.map((c) => c.code))}.`,
    );
  }
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 1 || step > cls.steps.length) {
    throw new LookupError('invalidValue', `Class ${cls.code} has steps 1 to ${cls.steps.length}; step ${String(step)} does not exist.`);
  }
  const rate = Number(cls.steps[step - 1]);
  if (!Number.isFinite(rate)) throw new LookupError('invalidValue', `Class ${cls.code} step ${step} has no numeric rate in schedule ${schedule.id}.`);
  return rate;
}

/** "2026-07-01" from an ISO date text or an Excel date serial; undefined when omitted. */
export function asOfDate(value: string | number | null | undefined): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value > 2958465) throw new LookupError('invalidValue', `asOf ${value} is not a date.`);
    // Excel serial 25569 is 1970-01-01 (the 1900 system, past its Feb-1900 quirk).
    const ms = Math.round((Math.floor(value) - 25569) * 86_400_000);
    return new Date(ms).toISOString().slice(0, 10);
  }
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`)) || new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text) {
    throw new LookupError('invalidValue', `asOf "${text}" is not a date; use a date cell or "YYYY-MM-DD".`);
  }
  return text;
}
