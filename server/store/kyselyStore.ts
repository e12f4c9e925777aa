import { CompiledQuery, sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { auditEventHash, GENESIS_HASH } from '../services/contentHash.js';
import type { Database, CostModelsTable, ScheduleVersionsTable, AuditEventsTable } from './tables.js';
import type { StoreKind } from './storeKind.js';
import {
  checkCostModelIntact,
  DuplicateKeyError,
  type AuditEventRecord,
  type AuditFilter,
  type CostModelChange,
  type CostModelFilter,
  type CostModelRecord,
  type CostModelState,
  type CostModelSummary,
  type NewAuditEvent,
  type NewScheduleVersion,
  type Role,
  type ScheduleVersionHead,
  type ScheduleVersionRecord,
  type Store,
  type StoredAuditEvent,
  type TokenRecord,
  type TokenSummary,
  type UnitProfile,
  type UnitRecord,
  type UserRecord,
} from './store.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * PostgreSQL transaction-level advisory locks (one writer at a time per key, released at commit).
 * Unlike LOCK TABLE in a mode that excludes other writers, they need no UPDATE, DELETE or TRUNCATE
 * right, which the server's role does not have (https://www.postgresql.org/docs/15/sql-lock.html,
 * https://www.postgresql.org/docs/15/explicit-locking.html#ADVISORY-LOCKS).
 */
const ADVISORY_LOCK_SPACE = 0x6263; // "bc"
const LOCK = { scheduleVersions: 1, auditChain: 2 } as const;

/** The Store over Kysely: the same queries for SQLite and PostgreSQL. */
export class KyselyStore implements Store {
  constructor(
    readonly kind: StoreKind,
    private readonly db: Executor,
    private readonly root: Kysely<Database>,
    private readonly inTransaction = false,
  ) {}

  async transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    return this.root.transaction().execute((trx) => work(new KyselyStore(this.kind, trx, this.root, true)));
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.root.destroy();
  }

  async createUnit(unit: UnitRecord): Promise<void> {
    await this.insertOnce(`unit ${unit.id}`, () => this.db.insertInto('units').values({ id: unit.id, name: unit.name, created_at: unit.createdAt }).execute());
  }

  async getUnit(id: string): Promise<UnitRecord | undefined> {
    const row = await this.db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, name: row.name, createdAt: row.created_at };
  }

  async listUnits(ids?: string[]): Promise<UnitRecord[]> {
    if (ids && ids.length === 0) return [];
    let query = this.db.selectFrom('units').selectAll().orderBy('id');
    if (ids) query = query.where('id', 'in', ids);
    const rows = await query.execute();
    return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
  }

  async countUnits(): Promise<number> {
    const row = await this.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async setUnitProfile(unitId: string, profile: UnitProfile, at: string): Promise<void> {
    const json = JSON.stringify(profile);
    await this.db
      .insertInto('unit_profiles')
      .values({ unit_id: unitId, profile: json, updated_at: at })
      .onConflict((oc) => oc.column('unit_id').doUpdateSet({ profile: json, updated_at: at }))
      .execute();
  }

  async getUnitProfile(unitId: string): Promise<UnitProfile | undefined> {
    const row = await this.db.selectFrom('unit_profiles').select('profile').where('unit_id', '=', unitId).executeTakeFirst();
    return row && (JSON.parse(row.profile) as UnitProfile);
  }

  async createUser(user: UserRecord): Promise<void> {
    await this.transaction(async (store) => {
      const self = store as KyselyStore;
      await self.insertOnce(`user ${user.id}`, () =>
        self.db.insertInto('users').values({ id: user.id, name: user.name, role: user.role, created_at: user.createdAt }).execute(),
      );
      if (user.unitIds.length > 0) {
        await self.db
          .insertInto('user_units')
          .values(user.unitIds.map((unitId) => ({ user_id: user.id, unit_id: unitId })))
          .execute();
      }
    });
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return { id: row.id, name: row.name, role: row.role as Role, unitIds: await this.unitIdsOf(row.id), createdAt: row.created_at };
  }

  async listUsers(): Promise<UserRecord[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('id').execute();
    const links = await this.db.selectFrom('user_units').selectAll().orderBy('unit_id').execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      role: row.role as Role,
      unitIds: links.filter((l) => l.user_id === row.id).map((l) => l.unit_id),
      createdAt: row.created_at,
    }));
  }

  async setUserRole(id: string, role: Role): Promise<void> {
    await this.db.updateTable('users').set({ role }).where('id', '=', id).execute();
  }

  async updateUser(id: string, change: { role: Role; unitIds: string[] }): Promise<void> {
    await this.transaction(async (store) => {
      const self = store as KyselyStore;
      await self.db.updateTable('users').set({ role: change.role }).where('id', '=', id).execute();
      await self.db.deleteFrom('user_units').where('user_id', '=', id).execute();
      if (change.unitIds.length > 0) {
        await self.db
          .insertInto('user_units')
          .values(change.unitIds.map((unitId) => ({ user_id: id, unit_id: unitId })))
          .execute();
      }
    });
  }

  async listTokens(userId: string): Promise<TokenSummary[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .select(['id', 'user_id', 'label', 'created_at', 'revoked_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, userId: r.user_id, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at }));
  }

  async revokeToken(userId: string, tokenId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', tokenId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async createToken(token: TokenRecord): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({ id: token.id, user_id: token.userId, token_hash: token.tokenHash, label: token.label, created_at: token.createdAt, revoked_at: null })
      .execute();
  }

  async findUserByTokenHash(tokenHash: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['users.id', 'users.name', 'users.role', 'users.created_at'])
      .where('api_tokens.token_hash', '=', tokenHash)
      .where('api_tokens.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return undefined;
    return { id: row.id, name: row.name, role: row.role as Role, unitIds: await this.unitIdsOf(row.id), createdAt: row.created_at };
  }

  async insertScheduleVersion(version: NewScheduleVersion): Promise<ScheduleVersionRecord> {
    if (!this.inTransaction) return this.transaction((store) => store.insertScheduleVersion(version));
    // One writer at a time: version numbers stay dense and the feed's cursor never skips a
    // version that commits later with a smaller seq.
    await this.lockForWriting(LOCK.scheduleVersions);
    const last = await this.db
      .selectFrom('schedule_versions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('unit_id', '=', version.unitId)
      .executeTakeFirst();
    const next = Number(last?.v ?? 0) + 1;
    const row = await this.db
      .insertInto('schedule_versions')
      .values({
        unit_id: version.unitId,
        version: next,
        effective: version.effective,
        schedule: version.scheduleJson,
        content_hash: version.contentHash,
        source: version.source,
        created_by: version.createdBy,
        created_at: version.createdAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return scheduleFromRow(row);
  }

  async scheduleInForce(unitId: string, asOf: string): Promise<ScheduleVersionRecord | undefined> {
    const row = await this.db
      .selectFrom('schedule_versions')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('effective', '<=', asOf)
      .orderBy('effective', 'desc')
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && scheduleFromRow(row);
  }

  async scheduleHeadInForce(unitId: string, asOf: string): Promise<ScheduleVersionHead | undefined> {
    // The hot path of schedule pulls: the SQL is compiled once, not built and compiled per pull.
    const { rows } = await this.db.executeQuery<ScheduleHeadRow>(CompiledQuery.raw(scheduleHeadSql(this.root), [unitId, asOf]));
    const row = rows[0];
    return row && scheduleHeadFromRow(row);
  }

  async scheduleVersionJson(unitId: string, version: number): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('schedule_versions')
      .select('schedule')
      .where('unit_id', '=', unitId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row?.schedule;
  }

  async listScheduleVersions(unitId: string): Promise<ScheduleVersionRecord[]> {
    const rows = await this.db.selectFrom('schedule_versions').selectAll().where('unit_id', '=', unitId).orderBy('version').execute();
    return rows.map(scheduleFromRow);
  }

  async scheduleVersionsBySource(source: string): Promise<ScheduleVersionRecord[]> {
    const rows = await this.db.selectFrom('schedule_versions').selectAll().where('source', '=', source).orderBy('seq').execute();
    return rows.map(scheduleFromRow);
  }

  async scheduleChangesSince(afterSeq: number, unitIds: string[] | undefined, limit: number): Promise<ScheduleVersionRecord[]> {
    if (unitIds && unitIds.length === 0) return [];
    let query = this.db.selectFrom('schedule_versions').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit);
    if (unitIds) query = query.where('unit_id', 'in', unitIds);
    return (await query.execute()).map(scheduleFromRow);
  }

  async lastScheduleSeq(): Promise<number> {
    const row = await this.db
      .selectFrom('schedule_versions')
      .select((eb) => eb.fn.max('seq').as('s'))
      .executeTakeFirst();
    return Number(row?.s ?? 0);
  }

  async claimSettlementPublication(costModelId: string, by: string, at: string): Promise<void> {
    await this.insertOnce(`the publication of cost model ${costModelId}'s schedules`, () =>
      this.db.insertInto('settlement_publications').values({ cost_model_id: costModelId, published_by: by, published_at: at }).execute(),
    );
  }

  async insertCostModel(model: CostModelRecord): Promise<void> {
    await this.insertOnce(`cost model ${model.id}`, () => this.db.insertInto('cost_models').values(costModelToRow(model)).execute());
  }

  async getCostModel(id: string, options: { checked: boolean } = { checked: true }): Promise<CostModelRecord | undefined> {
    const row = await this.db.selectFrom('cost_models').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const model = costModelFromRow(row);
    return options.checked ? checkCostModelIntact(model) : model;
  }

  async listCostModels(filter: CostModelFilter): Promise<CostModelSummary[]> {
    if (filter.unitIds && filter.unitIds.length === 0) return [];
    let query = this.db.selectFrom('cost_models').select(summaryColumns).orderBy('created_at').orderBy('id');
    if (filter.unitIds) query = query.where('unit_id', 'in', filter.unitIds);
    if (filter.state) query = query.where('state', '=', filter.state);
    return (await query.execute()).map(summaryFromRow);
  }

  async updateCostModel(id: string, expectedRevision: number, expectedStates: readonly CostModelState[], change: CostModelChange): Promise<number | undefined> {
    const result = await this.db
      .updateTable('cost_models')
      .set({ ...costModelToRow(change), revision: expectedRevision + 1 })
      .where('id', '=', id)
      .where('revision', '=', expectedRevision)
      .where('state', 'in', [...expectedStates])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? expectedRevision + 1 : undefined;
  }

  async findSuccessor(id: string): Promise<CostModelSummary | undefined> {
    const row = await this.db.selectFrom('cost_models').select(summaryColumns).where('supersedes_id', '=', id).executeTakeFirst();
    return row && summaryFromRow(row);
  }

  async appendAudit(event: NewAuditEvent): Promise<AuditEventRecord> {
    if (!this.inTransaction) return this.transaction((store) => store.appendAudit(event));
    await this.lockForWriting(LOCK.auditChain);
    const last = await this.db.selectFrom('audit_events').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const prevHash = last?.hash ?? GENESIS_HASH;
    const detailJson = JSON.stringify(event.detail);
    const { detail: _detail, ...fields } = event;
    const row = await this.db
      .insertInto('audit_events')
      .values({
        at: event.at,
        actor_id: event.actorId,
        actor_name: event.actorName,
        action: event.action,
        entity_type: event.entityType,
        entity_id: event.entityId,
        unit_id: event.unitId,
        from_version: event.fromVersion,
        to_version: event.toVersion,
        detail: detailJson,
        prev_hash: prevHash,
        hash: auditEventHash(prevHash, { ...fields, detailJson }),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return auditFromRow(row);
  }

  async listAudit(filter: AuditFilter): Promise<AuditEventRecord[]> {
    if (filter.unitIds && filter.unitIds.length === 0) return [];
    let query = this.db.selectFrom('audit_events').selectAll().orderBy('seq').limit(filter.limit);
    if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
    if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
    if (filter.unitIds) query = query.where('unit_id', 'in', filter.unitIds);
    if (filter.afterSeq !== undefined) query = query.where('seq', '>', filter.afterSeq);
    return (await query.execute()).map(auditFromRow);
  }

  /**
   * Serialises writers of one kind for the rest of the transaction. SQLite needs nothing: every
   * transaction begins IMMEDIATE and so holds the database's one write lock.
   */
  private async lockForWriting(key: number): Promise<void> {
    if (this.kind === 'postgres') await sql`select pg_advisory_xact_lock(${ADVISORY_LOCK_SPACE}, ${key})`.execute(this.db);
  }

  async auditChain(afterSeq: number, limit: number): Promise<StoredAuditEvent[]> {
    const rows = await this.db.selectFrom('audit_events').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
    return rows.map(storedAuditFromRow);
  }

  private async unitIdsOf(userId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('user_units').select('unit_id').where('user_id', '=', userId).orderBy('unit_id').execute();
    return rows.map((r) => r.unit_id);
  }

  private async insertOnce(what: string, insert: () => Promise<unknown>): Promise<void> {
    try {
      await insert();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateKeyError(what);
      throw error;
    }
  }
}

/** A taken key; on SQLite an insert that collides with an immutable row is refused by its no-replace trigger first. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_TRIGGER';
}

/** The one camelCase ↔ snake_case map of a cost model. */
const costModelColumns = {
  id: 'id',
  unitId: 'unit_id',
  title: 'title',
  state: 'state',
  revision: 'revision',
  lineageId: 'lineage_id',
  modelVersion: 'model_version',
  supersedesId: 'supersedes_id',
  scenarioJson: 'scenario',
  resultJson: 'result',
  contentHash: 'content_hash',
  createdBy: 'created_by',
  createdAt: 'created_at',
  updatedBy: 'updated_by',
  updatedAt: 'updated_at',
  submittedBy: 'submitted_by',
  submittedAt: 'submitted_at',
  decidedBy: 'decided_by',
  decidedAt: 'decided_at',
  decisionComment: 'decision_comment',
} as const satisfies { [F in keyof CostModelRecord]: keyof CostModelsTable };

type CostModelColumn = (typeof costModelColumns)[keyof typeof costModelColumns];
const fieldsOf = Object.entries(costModelColumns) as [keyof CostModelRecord, CostModelColumn][];

const summaryColumns = fieldsOf
  .map(([, column]) => column)
  .filter((c): c is Exclude<CostModelColumn, 'scenario' | 'result'> => c !== 'scenario' && c !== 'result');

/** The columns of the fields that `model` sets (all of them for a whole record, some for a change). */
function costModelToRow(model: CostModelRecord): Selectable<CostModelsTable>;
function costModelToRow(model: Partial<CostModelRecord>): Partial<Selectable<CostModelsTable>>;
function costModelToRow(model: Partial<CostModelRecord>): Partial<Selectable<CostModelsTable>> {
  const row: Partial<Record<CostModelColumn, unknown>> = {};
  for (const [field, column] of fieldsOf) if (model[field] !== undefined) row[column] = model[field];
  return row as Partial<Selectable<CostModelsTable>>;
}

function summaryFromRow(row: Omit<Selectable<CostModelsTable>, 'scenario' | 'result'>): CostModelSummary {
  const { scenarioJson: _scenario, resultJson: _result, ...summary } = costModelFromRow({ ...row, scenario: '', result: null });
  return summary;
}

function costModelFromRow(row: Selectable<CostModelsTable>): CostModelRecord {
  const model: Partial<Record<keyof CostModelRecord, unknown>> = {};
  for (const [field, column] of fieldsOf) model[field] = row[column];
  return { ...(model as CostModelRecord), state: row.state as CostModelState, revision: Number(row.revision), modelVersion: Number(row.model_version) };
}

type ScheduleHeadRow = Omit<Selectable<ScheduleVersionsTable>, 'schedule'>;

const headSql = new WeakMap<Kysely<Database>, string>();

/** The version in force for (unit, as-of date) — parameters unit id, date — in the store's dialect. */
function scheduleHeadSql(root: Kysely<Database>): string {
  let text = headSql.get(root);
  if (text === undefined) {
    const compiled = root
      .selectFrom('schedule_versions')
      .select(['seq', 'unit_id', 'version', 'effective', 'content_hash', 'source', 'created_by', 'created_at'])
      .where('unit_id', '=', '')
      .where('effective', '<=', '')
      .orderBy('effective', 'desc')
      .orderBy('version', 'desc')
      // A literal LIMIT: with LIMIT as a bound parameter, SQLite runs this query about three times slower.
      .limit(sql.lit(1))
      .compile();
    if (compiled.parameters.length !== 2) throw new Error('unexpected schedule query shape');
    text = compiled.sql;
    headSql.set(root, text);
  }
  return text;
}

function scheduleFromRow(row: Selectable<ScheduleVersionsTable>): ScheduleVersionRecord {
  return { ...scheduleHeadFromRow(row), scheduleJson: row.schedule };
}

function scheduleHeadFromRow(row: ScheduleHeadRow): ScheduleVersionHead {
  return {
    seq: Number(row.seq),
    unitId: row.unit_id,
    version: Number(row.version),
    effective: row.effective,
    contentHash: row.content_hash,
    source: row.source,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export function storedAuditFromRow(row: Selectable<AuditEventsTable>): StoredAuditEvent {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    unitId: row.unit_id,
    fromVersion: row.from_version === null ? null : Number(row.from_version),
    toVersion: row.to_version === null ? null : Number(row.to_version),
    detailJson: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function auditFromRow(row: Selectable<AuditEventsTable>): AuditEventRecord {
  const { detailJson, ...event } = storedAuditFromRow(row);
  return { ...event, detail: JSON.parse(detailJson) as Record<string, unknown> };
}
