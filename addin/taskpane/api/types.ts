import type { Schedule, ScenarioInput } from '../../../shared/schemas/scenario.js';
import type { CostingResult } from '../../../shared/result.js';

/** Shapes of docs/API.md (v1) as the task pane reads them. */

export type Role = 'analyst' | 'negotiator' | 'manager' | 'admin';

export interface UnitRef {
  id: string;
  name: string;
}

export interface Me {
  user: { id: string; name: string; role: Role };
  units: UnitRef[];
}

export interface ScheduleVersion {
  unitId: string;
  version: number;
  effective: string;
  schedule: Schedule;
}

/** A conditional GET answers either the new document (with its ETag) or "not modified". */
export type Conditional<T> = { modified: true; value: T; etag: string | null } | { modified: false };

export interface ScheduleChange {
  unitId: string;
  version: number;
  effective: string;
}

export interface ScheduleChanges {
  changes: ScheduleChange[];
  cursor: string | number | null;
}

export type CostModelState = 'draft' | 'submitted' | 'approved' | 'returned';

export interface CostModelSummary {
  id: string;
  unitId: string;
  title: string;
  state: CostModelState;
  /** The revision, for If-Match. */
  version: number;
  modelVersion?: number;
  contentHash?: string | null;
  createdBy?: string;
  submittedBy?: string | null;
  submittedAt?: string | null;
  /** Present once approved: who, when, and the hash of the inputs and the server's result. */
  approval?: { approvedBy: string; approvedAt: string; comment: string | null; contentHash: string };
  /** Present while returned: the manager's comment for the analyst. */
  returned?: { returnedBy: string; returnedAt: string; comment: string };
  /** Display names of the people named in the model, by user id. */
  people?: Record<string, string>;
}

/** A person named in a model, by name when the server gave one (never just a login id where it did). */
export function personName(model: Pick<CostModelSummary, 'people'>, userId: string): string {
  return model.people?.[userId] ?? userId;
}

export interface CostModel extends CostModelSummary {
  scenario: ScenarioInput;
  result: CostingResult | null;
  supersededBy?: string | null;
}

/** A cost model with the ETag the server sent, needed for PUT (If-Match). */
export interface Tagged<T> {
  value: T;
  etag: string | null;
}
