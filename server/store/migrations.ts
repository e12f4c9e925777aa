import { sql, type Kysely, type Migration, type MigrationProvider, type Selectable } from 'kysely';
import type { AuditEventsTable } from './tables.js';
import { GENESIS_HASH, auditEventHash } from '../services/contentHash.js';
import { storedAuditFromRow } from './kyselyStore.js';
import type { StoreKind } from './storeKind.js';

/**
 * The one migration set, for SQLite and PostgreSQL alike. Where the dialects differ (the
 * auto-increment column, trigger syntax) the migration asks which one it runs on.
 */
export function migrationProvider(kind: StoreKind): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrations(kind)) };
}

function migrations(kind: StoreKind): Record<string, Migration> {
  return {
    '2026-11-23-001-initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('units')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('unit_profiles')
          .addColumn('unit_id', 'text', (c) => c.primaryKey().references('units.id'))
          .addColumn('profile', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('user_units')
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
          .addPrimaryKeyConstraint('user_units_pk', ['user_id', 'unit_id'])
          .execute();
        await db.schema
          .createTable('api_tokens')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('label', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createTable('schedule_versions')
          .addColumn('seq', kind === 'postgres' ? 'serial' : 'integer', (c) => (kind === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('effective', 'text', (c) => c.notNull())
          .addColumn('schedule', 'text', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('schedule_versions_unit_version', ['unit_id', 'version'])
          .execute();
        await db.schema.createIndex('schedule_versions_in_force').on('schedule_versions').columns(['unit_id', 'effective', 'version']).execute();
        await db.schema
          .createTable('cost_models')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull())
          .addColumn('lineage_id', 'text', (c) => c.notNull())
          .addColumn('model_version', 'integer', (c) => c.notNull())
          .addColumn('supersedes_id', 'text', (c) => c.unique().references('cost_models.id'))
          .addColumn('scenario', 'text', (c) => c.notNull())
          .addColumn('result', 'text')
          .addColumn('content_hash', 'text')
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('submitted_by', 'text')
          .addColumn('submitted_at', 'text')
          .addColumn('decided_by', 'text')
          .addColumn('decided_at', 'text')
          .addColumn('decision_comment', 'text')
          .execute();
        await db.schema.createIndex('cost_models_unit_state').on('cost_models').columns(['unit_id', 'state']).execute();
        await db.schema
          .createTable('audit_events')
          .addColumn('seq', kind === 'postgres' ? 'serial' : 'integer', (c) => (kind === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor_id', 'text', (c) => c.notNull())
          .addColumn('actor_name', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('entity_type', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text')
          .addColumn('from_version', 'integer')
          .addColumn('to_version', 'integer')
          .addColumn('detail', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('audit_events_entity').on('audit_events').columns(['entity_type', 'entity_id']).execute();
        await createImmutabilityTriggers(db, kind);
      },
    },
    '2026-12-01-002-integrity': {
      async up(db: Kysely<unknown>) {
        await createSettlementPublications(db, kind);
        await chainAuditEvents(db, kind);
        if (kind === 'sqlite') await refuseSqliteReplace(db);
      },
    },
  };
}

/**
 * One row per cost model whose settlement schedules were published: its primary key lets exactly
 * one of several concurrent publishes commit (on PostgreSQL the others wait for it, then fail).
 */
async function createSettlementPublications(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  await db.schema
    .createTable('settlement_publications')
    .addColumn('cost_model_id', 'text', (c) => c.primaryKey().references('cost_models.id'))
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await sql`
    INSERT INTO settlement_publications (cost_model_id, published_by, published_at)
    SELECT substr(source, 12), min(created_by), min(created_at) FROM schedule_versions
    WHERE source LIKE 'cost-model:%' AND substr(source, 12) IN (SELECT id FROM cost_models)
    GROUP BY source`.execute(db);
  if (kind === 'sqlite') {
    for (const when of ['UPDATE', 'DELETE'] as const) {
      await sql
        .raw(
          `CREATE TRIGGER settlement_publications_no_${when.toLowerCase()} BEFORE ${when} ON settlement_publications BEGIN SELECT RAISE(ABORT, 'a publication is never undone'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE TRIGGER settlement_publications_immutable BEFORE UPDATE OR DELETE ON settlement_publications FOR EACH ROW EXECUTE FUNCTION refuse_change('a publication is never undone')`,
    )
    .execute(db);
}

/**
 * Each audit event carries the hash of the one before it (`prev_hash`) and its own (`hash`), so a
 * changed, inserted or removed event breaks the chain that `bargaining-costing verify` walks. The
 * unique `prev_hash` makes a fork impossible even if two writers raced past the append lock.
 */
async function chainAuditEvents(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('hash', 'text').execute();
  // Existing events are chained once, here: the append-only trigger is lifted for this migration only.
  if (kind === 'sqlite') await sql`DROP TRIGGER audit_events_no_update`.execute(db);
  else await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`.execute(db);
  let prev = GENESIS_HASH;
  let after = 0;
  for (;;) {
    const rows = (await db
      .withTables<{ audit_events: AuditEventsTable }>()
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(1000)
      .execute()) as Selectable<AuditEventsTable>[];
    for (const row of rows) {
      const hash = auditEventHash(prev, storedAuditFromRow(row));
      await db.withTables<{ audit_events: AuditEventsTable }>().updateTable('audit_events').set({ prev_hash: prev, hash }).where('seq', '=', row.seq).execute();
      prev = hash;
      after = Number(row.seq);
    }
    if (rows.length < 1000) break;
  }
  if (kind === 'sqlite') {
    await sql`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END`.execute(db);
  } else {
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`.execute(db);
    await sql`ALTER TABLE audit_events ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL`.execute(db);
  }
  await db.schema.createIndex('audit_events_chain').on('audit_events').column('prev_hash').unique().execute();
}

/**
 * SQLite's REPLACE (and INSERT OR REPLACE) resolves a key conflict by deleting the old row without
 * running DELETE triggers (unless recursive_triggers is on, which a tamperer would not set;
 * https://www.sqlite.org/lang_conflict.html). So an insert that collides with an immutable row is
 * refused before it happens. (An UPSERT's DO UPDATE runs the UPDATE triggers and is refused there.)
 */
async function refuseSqliteReplace(db: Kysely<unknown>): Promise<void> {
  for (const [table, collides, message] of [
    [
      'audit_events',
      'NEW.prev_hash IS NULL OR NEW.hash IS NULL OR EXISTS (SELECT 1 FROM audit_events WHERE seq = NEW.seq OR prev_hash = NEW.prev_hash)',
      'audit events are append-only',
    ],
    [
      'schedule_versions',
      'EXISTS (SELECT 1 FROM schedule_versions WHERE seq = NEW.seq OR (unit_id = NEW.unit_id AND version = NEW.version))',
      'schedule versions never change',
    ],
    [
      'cost_models',
      "EXISTS (SELECT 1 FROM cost_models WHERE state = 'approved' AND (id = NEW.id OR supersedes_id = NEW.supersedes_id))",
      'an approved cost model never changes',
    ],
    ['settlement_publications', 'EXISTS (SELECT 1 FROM settlement_publications WHERE cost_model_id = NEW.cost_model_id)', 'a publication is never undone'],
  ] as const) {
    await sql.raw(`CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table} WHEN ${collides} BEGIN SELECT RAISE(ABORT, '${message}'); END`).execute(db);
  }
}

/** The database itself refuses to change an audit event, a schedule version or an approved model. */
async function createImmutabilityTriggers(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  if (kind === 'sqlite') {
    for (const [name, table, when, message] of [
      ['audit_events_no_update', 'audit_events', 'UPDATE', 'audit events are append-only'],
      ['audit_events_no_delete', 'audit_events', 'DELETE', 'audit events are append-only'],
      ['schedule_versions_no_update', 'schedule_versions', 'UPDATE', 'schedule versions never change'],
      ['schedule_versions_no_delete', 'schedule_versions', 'DELETE', 'schedule versions never change'],
    ] as const) {
      await sql.raw(`CREATE TRIGGER ${name} BEFORE ${when} ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`).execute(db);
    }
    for (const [name, when] of [
      ['cost_models_approved_no_update', 'UPDATE'],
      ['cost_models_approved_no_delete', 'DELETE'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${name} BEFORE ${when} ON cost_models WHEN OLD.state = 'approved' BEGIN SELECT RAISE(ABORT, 'an approved cost model never changes'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql.raw(`CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$`).execute(db);
  await sql
    .raw(
      `CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_change('audit events are append-only')`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER schedule_versions_immutable BEFORE UPDATE OR DELETE ON schedule_versions FOR EACH ROW EXECUTE FUNCTION refuse_change('schedule versions never change')`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER cost_models_approved_immutable BEFORE UPDATE OR DELETE ON cost_models FOR EACH ROW WHEN (OLD.state = 'approved') EXECUTE FUNCTION refuse_change('an approved cost model never changes')`,
    )
    .execute(db);
}
