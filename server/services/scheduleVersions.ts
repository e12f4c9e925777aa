import { scheduleSchema, type Schedule } from '../../shared/schemas/scenario.js';
import type { ScheduleVersionRecord, Store } from '../store/store.js';
import { canonicalJson, sha256Hex } from './contentHash.js';
import { recordAudit, type SystemActor } from './auditTrail.js';
import { diffSchedules, type ScheduleDiff } from './scheduleDiff.js';
import type { Principal } from './principal.js';

/** A schedule version as the API shows it. */
export interface ScheduleVersionView {
  unitId: string;
  version: number;
  effective: string;
  contentHash: string;
  source: string;
  createdBy: string;
  createdAt: string;
  schedule: Schedule;
}

export function scheduleEtag(record: Pick<ScheduleVersionRecord, 'unitId' | 'version' | 'contentHash'>): string {
  return `"${record.unitId}.${record.version}.${record.contentHash.slice(0, 16)}"`;
}

export function viewScheduleVersion(record: ScheduleVersionRecord): ScheduleVersionView {
  return {
    unitId: record.unitId,
    version: record.version,
    effective: record.effective,
    contentHash: record.contentHash,
    source: record.source,
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    schedule: JSON.parse(record.scheduleJson) as Schedule,
  };
}

/** The response body of a schedule pull, built without re-parsing the stored schedule. */
export function scheduleInForceBody(record: ScheduleVersionRecord): string {
  return `{"unitId":${JSON.stringify(record.unitId)},"version":${record.version},"effective":${JSON.stringify(record.effective)},"contentHash":${JSON.stringify(record.contentHash)},"schedule":${record.scheduleJson}}`;
}

export function scheduleContentHash(schedule: Schedule): string {
  return sha256Hex(canonicalJson(schedule));
}

export interface ScheduleImportOutcome {
  dryRun: boolean;
  created: boolean;
  unitId: string;
  effective: string;
  /** The version the import was compared with: the one in force on `effective`. */
  against: { version: number; effective: string } | null;
  diff: ScheduleDiff;
  version?: number;
  /** Classes the import gave no title (a long-format file has no Title column): their titles in force are kept. */
  titlesKept?: { classes: string[]; fromVersion: number; message: string };
}

/**
 * A class without a title in the import keeps its title in force: an HR export in the long shape
 * (Class, Step, Rate) carries no titles, and that is not an instruction to erase them.
 */
function keepTitlesInForce(
  schedule: Schedule,
  current: ScheduleVersionRecord | undefined,
): { schedule: Schedule; titlesKept?: ScheduleImportOutcome['titlesKept'] } {
  if (!current) return { schedule };
  const titles = new Map((JSON.parse(current.scheduleJson) as Schedule).classes.map((c) => [c.code, c.title]));
  const kept: string[] = [];
  const classes = schedule.classes.map((c) => {
    const inForce = titles.get(c.code);
    if (c.title !== '' || !inForce) return c;
    kept.push(c.code);
    return { ...c, title: inForce };
  });
  if (kept.length === 0) return { schedule };
  return {
    schedule: { ...schedule, classes },
    titlesKept: {
      classes: kept,
      fromVersion: current.version,
      message: `the import gives no title for ${kept.join(', ')}: the titles of version ${current.version} are kept`,
    },
  };
}

/**
 * Compares a validated schedule with the version in force on its effective date and, unless this
 * is a dry run or nothing changes, stores it as the unit's next version with an audit event.
 */
export async function importScheduleVersion(
  store: Store,
  actor: Principal | SystemActor,
  now: Date,
  input: { unitId: string; schedule: Schedule; source: string; dryRun: boolean },
): Promise<ScheduleImportOutcome> {
  const parsed = scheduleSchema.parse(input.schedule);
  return store.transaction(async (tx) => {
    const current = await tx.scheduleInForce(input.unitId, parsed.effective);
    const { schedule, titlesKept } = keepTitlesInForce(parsed, current);
    const diff = diffSchedules(current ? (JSON.parse(current.scheduleJson) as Schedule) : undefined, schedule);
    const outcome: ScheduleImportOutcome = {
      dryRun: input.dryRun,
      created: false,
      unitId: input.unitId,
      effective: schedule.effective,
      against: current ? { version: current.version, effective: current.effective } : null,
      diff,
      ...(titlesKept ? { titlesKept } : {}),
    };
    if (input.dryRun || (diff.unchanged && current?.effective === schedule.effective)) return outcome;
    const saved = await tx.insertScheduleVersion({
      unitId: input.unitId,
      effective: schedule.effective,
      scheduleJson: JSON.stringify(schedule),
      contentHash: scheduleContentHash(schedule),
      source: input.source,
      createdBy: actor.userId,
      createdAt: now.toISOString(),
    });
    await recordAudit(tx, actor, now, {
      action: 'schedule.imported',
      entityType: 'schedule',
      entityId: `${input.unitId}/${saved.version}`,
      unitId: input.unitId,
      fromVersion: current?.version ?? null,
      toVersion: saved.version,
      detail: {
        source: input.source,
        effective: schedule.effective,
        scheduleId: schedule.id,
        classesAdded: diff.classesAdded,
        classesRemoved: diff.classesRemoved,
        cellsChanged: diff.cellsChanged.length,
      },
    });
    return { ...outcome, created: true, version: saved.version };
  });
}
