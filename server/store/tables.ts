import type { Generated } from 'kysely';

/** The database tables, as Kysely sees them. JSON documents are stored as text in both dialects. */
export interface Database {
  units: UnitsTable;
  unit_profiles: UnitProfilesTable;
  users: UsersTable;
  user_units: UserUnitsTable;
  api_tokens: ApiTokensTable;
  schedule_versions: ScheduleVersionsTable;
  cost_models: CostModelsTable;
  audit_events: AuditEventsTable;
  settlement_publications: SettlementPublicationsTable;
}

export interface UnitsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UnitProfilesTable {
  unit_id: string;
  /** JSON: { calendar, term, roster, assumptions } of the scenario format. */
  profile: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  name: string;
  role: string;
  created_at: string;
}

export interface UserUnitsTable {
  user_id: string;
  unit_id: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  /** sha256 hex of the token; the token itself is never stored. */
  token_hash: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
}

export interface ScheduleVersionsTable {
  /** Global, increasing: the changes-feed cursor. */
  seq: Generated<number>;
  unit_id: string;
  version: number;
  effective: string;
  /** JSON: the `schedule` part of the scenario format. */
  schedule: string;
  content_hash: string;
  source: string;
  created_by: string;
  created_at: string;
}

export interface CostModelsTable {
  id: string;
  unit_id: string;
  title: string;
  state: string;
  /** Bumped on every change: the ETag. */
  revision: number;
  lineage_id: string;
  model_version: number;
  supersedes_id: string | null;
  scenario: string;
  result: string | null;
  content_hash: string | null;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  submitted_by: string | null;
  submitted_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_comment: string | null;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  unit_id: string | null;
  from_version: number | null;
  to_version: number | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface SettlementPublicationsTable {
  cost_model_id: string;
  published_by: string;
  published_at: string;
}
