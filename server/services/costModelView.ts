import type { CostingResult } from '../../shared/result.js';
import type { CostModelRecord, CostModelSummary } from '../store/store.js';

export function costModelEtag(model: Pick<CostModelSummary, 'id' | 'revision'>): string {
  return `"${model.id}.${model.revision}"`;
}

export interface CostModelSummaryView {
  id: string;
  unitId: string;
  title: string;
  state: string;
  version: number;
  lineageId: string;
  modelVersion: number;
  supersedes: string | null;
  contentHash: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  /** `revision`: the revision the manager read and approved (If-Match); `version` is one more, the approved record. */
  approval?: { approvedBy: string; approvedAt: string; revision: number; comment: string | null; contentHash: string };
  returned?: { returnedBy: string; returnedAt: string; comment: string };
  /** Display names of the people named above, by user id ("Morgan Reyes", not "manager"). */
  people?: Record<string, string>;
}

export interface CostModelView extends CostModelSummaryView {
  scenario: unknown;
  result: CostingResult | null;
  supersededBy: string | null;
}

export function viewSummary(m: CostModelSummary, people?: Readonly<Record<string, string>>): CostModelSummaryView {
  const view: CostModelSummaryView = {
    id: m.id,
    unitId: m.unitId,
    title: m.title,
    state: m.state,
    version: m.revision,
    lineageId: m.lineageId,
    modelVersion: m.modelVersion,
    supersedes: m.supersedesId,
    contentHash: m.contentHash,
    createdBy: m.createdBy,
    createdAt: m.createdAt,
    updatedBy: m.updatedBy,
    updatedAt: m.updatedAt,
    submittedBy: m.submittedBy,
    submittedAt: m.submittedAt,
  };
  if (m.state === 'approved' && m.decidedBy && m.decidedAt && m.contentHash) {
    // Approving is the one step into 'approved' and adds one to the revision; approved models never change after.
    view.approval = { approvedBy: m.decidedBy, approvedAt: m.decidedAt, revision: m.revision - 1, comment: m.decisionComment, contentHash: m.contentHash };
  }
  if (m.state === 'returned' && m.decidedBy && m.decidedAt) {
    view.returned = { returnedBy: m.decidedBy, returnedAt: m.decidedAt, comment: m.decisionComment ?? '' };
  }
  if (people) {
    const named: Record<string, string> = {};
    for (const id of [m.createdBy, m.updatedBy, m.submittedBy, m.decidedBy]) if (id && people[id] !== undefined) named[id] = people[id];
    view.people = named;
  }
  return view;
}

export function viewCostModel(m: CostModelRecord, supersededBy: string | null): CostModelView {
  return {
    ...viewSummary(m),
    scenario: JSON.parse(m.scenarioJson) as unknown,
    result: m.resultJson === null ? null : (JSON.parse(m.resultJson) as CostingResult),
    supersededBy,
  };
}

/**
 * viewCostModel as JSON text, with the stored scenario and result spliced in as stored (they are
 * JSON the server wrote): the request thread never parses and re-serialises a large roster.
 */
export function costModelJsonText(m: CostModelRecord, supersededBy: string | null, people?: Readonly<Record<string, string>>): string {
  const summary = JSON.stringify(viewSummary(m, people));
  return `${summary.slice(0, -1)},"scenario":${m.scenarioJson},"result":${m.resultJson ?? 'null'},"supersededBy":${JSON.stringify(supersededBy)}}`;
}
