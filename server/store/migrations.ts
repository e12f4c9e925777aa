/* eslint-disable @typescript-eslint/no-explicit-any -- Kysely's guide: migrations take Kysely<any>, never the app's current table types */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
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
      async up(db: Kysely<any>) {
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
  };
}

/** The database itself refuses to change an audit event, a schedule version or an approved model. */
async function createImmutabilityTriggers(db: Kysely<any>, kind: StoreKind): Promise<void> {
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
        .raw(`CREATE TRIGGER ${name} BEFORE ${when} ON cost_models WHEN OLD.state = 'approved' BEGIN SELECT RAISE(ABORT, 'an approved cost model never changes'); END`)
        .execute(db);
    }
    return;
  }
  await sql
    .raw(`CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_change('audit events are append-only')`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER schedule_versions_immutable BEFORE UPDATE OR DELETE ON schedule_versions FOR EACH ROW EXECUTE FUNCTION refuse_change('schedule versions never change')`)
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER cost_models_approved_immutable BEFORE UPDATE OR DELETE ON cost_models FOR EACH ROW WHEN (OLD.state = 'approved') EXECUTE FUNCTION refuse_change('an approved cost model never changes')`,
    )
    .execute(db);
}
