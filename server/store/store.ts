import { storedCostModelIntact, type ChainedAuditFields } from '../services/contentHash.js';
import type { StoreKind } from './storeKind.js';

export const roles = ['analyst', 'negotiator', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

export const costModelStates = ['draft', 'submitted', 'approved', 'returned'] as const;
export type CostModelState = (typeof costModelStates)[number];

export interface UnitRecord {
  id: string;
  name: string;
  createdAt: string;
}

/** What a unit keeps to start a costing workbook: the scenario parts besides schedule and proposals. */
export interface UnitProfile {
  calendar: unknown;
  term: unknown;
  roster: unknown;
  assumptions: unknown;
}

export interface UserRecord {
  id: string;
  name: string;
  role: Role;
  /** Units in scope; an admin sees every unit whatever this holds. */
  unitIds: string[];
  createdAt: string;
}

export interface TokenRecord {
  id: string;
  userId: string;
  tokenHash: string;
  label: string;
  createdAt: string;
}

export interface TokenSummary {
  id: string;
  userId: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface ScheduleVersionRecord {
  seq: number;
  unitId: string;
  version: number;
  effective: string;
  /** The schedule document as stored JSON text (served as is). */
  scheduleJson: string;
  contentHash: string;
  source: string;
  createdBy: string;
  createdAt: string;
}

/** A schedule version without its document: enough to answer a conditional GET. */
export type ScheduleVersionHead = Omit<ScheduleVersionRecord, 'scheduleJson'>;

export interface NewScheduleVersion {
  unitId: string;
  effective: string;
  scheduleJson: string;
  contentHash: string;
  source: string;
  createdBy: string;
  createdAt: string;
}

export interface CostModelRecord {
  id: string;
  unitId: string;
  title: string;
  state: CostModelState;
  revision: number;
  lineageId: string;
  modelVersion: number;
  supersedesId: string | null;
  scenarioJson: string;
  resultJson: string | null;
  contentHash: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
}

export type CostModelSummary = Omit<CostModelRecord, 'scenarioJson' | 'resultJson'>;

/** The fields a state change may set; `revision` is bumped by the store. */
export type CostModelChange = Partial<
  Pick<
    CostModelRecord,
    'title' | 'state' | 'scenarioJson' | 'resultJson' | 'contentHash' | 'submittedBy' | 'submittedAt' | 'decidedBy' | 'decidedAt' | 'decisionComment'
  >
> & { updatedBy: string; updatedAt: string };

export interface CostModelFilter {
  /** undefined: every unit. */
  unitIds?: string[];
  state?: CostModelState;
}

export interface AuditEventRecord {
  seq: number;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  unitId: string | null;
  fromVersion: number | null;
  toVersion: number | null;
  detail: Record<string, unknown>;
  /** The hash of the event before this one (`0`×64 for the first): the chain `verify` walks. */
  prevHash: string;
  hash: string;
}

export type NewAuditEvent = Omit<AuditEventRecord, 'seq' | 'prevHash' | 'hash'>;

/** An audit event exactly as stored (the detail as its JSON text): what the chain's hashes cover. */
export interface StoredAuditEvent extends ChainedAuditFields {
  seq: number;
  prevHash: string;
  hash: string;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  /** undefined: every unit (and events that belong to no unit). */
  unitIds?: string[];
  afterSeq?: number;
  limit: number;
}

/** Raised when a unique key is taken (a unit id, a user id). */
export class DuplicateKeyError extends Error {
  constructor(what: string) {
    super(`${what} already exists`);
    this.name = 'DuplicateKeyError';
  }
}

/**
 * Raised when a stored record that must never change no longer matches its hash (an approved cost
 * model whose scenario or result was altered in the database). It is never served.
 */
export class TamperedRecordError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly reason: string,
  ) {
    super(`${entity} ${id} fails its integrity check: ${reason}`);
    this.name = 'TamperedRecordError';
  }
}

/** The integrity check of getCostModel: an approved model whose content no longer hashes to its content hash is never served. */
export function checkCostModelIntact(model: CostModelRecord): CostModelRecord {
  if (model.state === 'approved' && !storedCostModelIntact(model)) throw tamperedCostModel(model);
  return model;
}

/** The error of an approved model whose content no longer hashes to its content hash. */
export function tamperedCostModel(model: CostModelRecord): TamperedRecordError {
  return new TamperedRecordError(
    'approved cost model',
    model.id,
    `its stored scenario and result no longer hash to its content hash ${model.contentHash ?? '(none)'}`,
  );
}

/**
 * Everything the services need from a database. One implementation (Kysely) serves SQLite and
 * PostgreSQL; the contract test suite runs against both.
 */
export interface Store {
  readonly kind: StoreKind;
  /** Runs `work` in one transaction: all of its writes happen, or none. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;

  createUnit(unit: UnitRecord): Promise<void>;
  getUnit(id: string): Promise<UnitRecord | undefined>;
  listUnits(ids?: string[]): Promise<UnitRecord[]>;
  countUnits(): Promise<number>;
  setUnitProfile(unitId: string, profile: UnitProfile, at: string): Promise<void>;
  getUnitProfile(unitId: string): Promise<UnitProfile | undefined>;

  createUser(user: UserRecord): Promise<void>;
  getUser(id: string): Promise<UserRecord | undefined>;
  listUsers(): Promise<UserRecord[]>;
  setUserRole(id: string, role: Role): Promise<void>;
  /** Replaces a user's role and units. */
  updateUser(id: string, change: { role: Role; unitIds: string[] }): Promise<void>;
  createToken(token: TokenRecord): Promise<void>;
  listTokens(userId: string): Promise<TokenSummary[]>;
  /** Marks a token revoked; false when it does not exist or was already revoked. */
  revokeToken(userId: string, tokenId: string, at: string): Promise<boolean>;
  /** The user owning an unrevoked token with this hash. */
  findUserByTokenHash(tokenHash: string): Promise<UserRecord | undefined>;

  /** Appends a version numbered one past the unit's last; the global `seq` orders the changes feed. */
  insertScheduleVersion(version: NewScheduleVersion): Promise<ScheduleVersionRecord>;
  /** The version in force on `asOf`: the latest effective date on or before it, then the highest version. */
  scheduleInForce(unitId: string, asOf: string): Promise<ScheduleVersionRecord | undefined>;
  /** The version in force without its document (the hot path of schedule pulls). */
  scheduleHeadInForce(unitId: string, asOf: string): Promise<ScheduleVersionHead | undefined>;
  /** A version's stored document; versions never change, so callers may keep it. */
  scheduleVersionJson(unitId: string, version: number): Promise<string | undefined>;
  listScheduleVersions(unitId: string): Promise<ScheduleVersionRecord[]>;
  scheduleVersionsBySource(source: string): Promise<ScheduleVersionRecord[]>;
  /** Versions with seq > `afterSeq`, oldest first. */
  scheduleChangesSince(afterSeq: number, unitIds: string[] | undefined, limit: number): Promise<ScheduleVersionRecord[]>;
  lastScheduleSeq(): Promise<number>;

  /** Marks a cost model's settlement schedules published; DuplicateKeyError when it already is. */
  claimSettlementPublication(costModelId: string, by: string, at: string): Promise<void>;

  insertCostModel(model: CostModelRecord): Promise<void>;
  /**
   * An approved model is re-checked against its content hash: TamperedRecordError when it differs.
   * `{ checked: false }` leaves the check to the caller (checkCostModelIntact), for one that first
   * decides whether it serves the model at all (scope, a 304) or only reads who wrote it.
   */
  getCostModel(id: string, options?: { checked: boolean }): Promise<CostModelRecord | undefined>;
  listCostModels(filter: CostModelFilter): Promise<CostModelSummary[]>;
  /**
   * Applies `change` only if the model is still at `expectedRevision` and in one of
   * `expectedStates`; bumps the revision. Returns the new revision, or undefined when the
   * condition failed (someone else changed it first).
   */
  updateCostModel(id: string, expectedRevision: number, expectedStates: readonly CostModelState[], change: CostModelChange): Promise<number | undefined>;
  findSuccessor(id: string): Promise<CostModelSummary | undefined>;

  /** Appends an event chained to the last one (one appender at a time, on both databases). */
  appendAudit(event: NewAuditEvent): Promise<AuditEventRecord>;
  listAudit(filter: AuditFilter): Promise<AuditEventRecord[]>;
  /** Every event after `afterSeq` in chain order, as stored. */
  auditChain(afterSeq: number, limit: number): Promise<StoredAuditEvent[]>;
}
