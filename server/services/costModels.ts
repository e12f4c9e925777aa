import { randomUUID } from 'node:crypto';
import { parseScenario, refusedScenario } from '../../shared/scenario.js';
import { addMonths, parseDay } from '../../shared/dates.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import type { CostingResult } from '../../shared/result.js';
import { costingResultJson } from '../../shared/resultJson.js';
import { checkCostModelIntact, tamperedCostModel, type AuditEventRecord, type CostModelRecord, type CostModelState, type Store } from '../store/store.js';
import { cannotCost, conflict, forbidden, invalidInput, notFound, preconditionFailed, preconditionRequired } from './domainErrors.js';
import { recordAudit, type SystemActor } from './auditTrail.js';
import { costModelContentHash, storedCostModelIntact } from './contentHash.js';
import { costModelEtag, costModelJsonText, viewSummary, type CostModelSummaryView } from './costModelView.js';
import { inScope, scopeFilter, type Principal } from './principal.js';

/** The shared engine, in-process or in a worker thread (server/costing). */
export type CostScenario = (scenario: Scenario) => CostingResult | Promise<CostingResult>;

export interface CostModelContext {
  store: Store;
  costScenario: CostScenario;
  now: () => Date;
  /** Costs a stored scenario (default: costStoredScenario with `costScenario`; the server: the costing workers). */
  costStored?: (scenarioJson: string, withContentHash: boolean) => Promise<StoredCosting>;
  /**
   * Checks an approved model's content hash before an action reads it (supersede, publish, …): in
   * the server on the costing workers, remembered by its bytes (costingAdmission.ts); default on this thread.
   */
  intact?: IntactCheck;
}

/** A stored scenario's costing, as it is stored. */
export interface StoredCosting {
  resultJson: string;
  fiscalYears: string[];
  /** With withContentHash: sha256 of the canonical {scenario, result} (services/contentHash.ts). */
  contentHash: string | undefined;
}

/**
 * Parses, costs and (for an approval) hashes a stored scenario: all the work of a submit or an
 * approval that grows with the roster, so the server runs it on a costing worker.
 */
export async function costStoredScenario(scenarioJson: string, withContentHash: boolean, cost: CostScenario): Promise<StoredCosting> {
  const scenario = storedScenario(scenarioJson);
  const result = await recompute(cost, scenario);
  return {
    resultJson: costingResultJson(result),
    fiscalYears: result.fiscalYears,
    contentHash: withContentHash ? costModelContentHash(scenario, result) : undefined,
  };
}

function costStored(ctx: CostModelContext): NonNullable<CostModelContext['costStored']> {
  return ctx.costStored ?? ((json, withHash) => costStoredScenario(json, withHash, ctx.costScenario));
}

type Actor = Principal | SystemActor;

/** The longest term the server costs: it keeps one request from occupying the server for minutes. */
export const MAX_TERM_YEARS = 10;

/** Validates a scenario document; problems are reported under `scenario.` and it must belong to the unit. */
export function validScenario(input: unknown, unitId: string): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) {
    // Every problem, the costing-time ones in the rows the schema accepts included (200 listed).
    const errors = refusedScenario(input, parsed.issues).issues.map((i) => ({
      path: i.path === '(document)' ? 'scenario' : `scenario.${i.path}`.replace('.[', '['),
      message: i.message,
    }));
    throw invalidInput(
      `the scenario is invalid: ${errors
        .slice(0, 5)
        .map((e) => `${e.path}: ${e.message}`)
        .join('; ')}`,
      errors,
    );
  }
  const term = parsed.value.term;
  if (parseDay(term.end) > addMonths(parseDay(term.start), MAX_TERM_YEARS * 12)) {
    throw invalidInput(`the term is longer than ${MAX_TERM_YEARS} years`, [
      { path: 'scenario.term.end', message: `must be within ${MAX_TERM_YEARS} years of term.start (a longer horizon is not a contract the server costs)` },
    ]);
  }
  if (parsed.value.unit.id !== unitId) {
    throw invalidInput(`the scenario is for unit ${parsed.value.unit.id}, not ${unitId}`, [
      { path: 'scenario.unit.id', message: `must be ${unitId}, the cost model's unit` },
    ]);
  }
  return parsed.value;
}

/** Validates a scenario and holds its roster to the configured limit (one export or costing must not exhaust the server). */
export function validScenarioWithin(input: unknown, unitId: string, rosterRowLimit: number): Scenario {
  // Checked before the full validation, which would otherwise do the work the limit is there to refuse.
  checkRosterSize((input as { roster?: unknown } | null)?.roster, rosterRowLimit, 'scenario.roster.rows');
  return validScenario(input, unitId);
}

/** Refuses a roster (scenario or unit template) with more rows than the limit, naming the field. */
export function checkRosterSize(roster: unknown, rosterRowLimit: number, path: string): void {
  const rows = (roster as { rows?: unknown } | null | undefined)?.rows;
  if (Array.isArray(rows) && rows.length > rosterRowLimit) {
    throw invalidInput(`the roster has ${rows.length} rows; the server takes at most ${rosterRowLimit} per unit`, [
      { path, message: `has ${rows.length} rows; at most ${rosterRowLimit} are allowed (an administrator can raise ROSTER_ROW_LIMIT for a larger unit)` },
    ]);
  }
}

/** Cost models the caller may see, optionally of one unit (which must be in scope) and one state. */
export async function listCostModelsFor(
  store: Store,
  principal: Principal,
  query: { unitId?: string | undefined; state?: CostModelState | undefined },
): Promise<CostModelSummaryView[]> {
  if (query.unitId && !inScope(principal, query.unitId)) throw forbidden(`unit ${query.unitId} is not in your scope`);
  const unitIds = query.unitId ? [query.unitId] : scopeFilter(principal);
  const models = await store.listCostModels({ ...(unitIds ? { unitIds } : {}), ...(query.state ? { state: query.state } : {}) });
  const people = await peopleNames(store);
  return models.map((m) => viewSummary(m, people));
}

/** Every user's display name by id, so lists and models show "Morgan Reyes", not a login id. */
async function peopleNames(store: Store): Promise<Record<string, string>> {
  return Object.fromEntries((await store.listUsers()).map((u) => [u.id, u.name]));
}

/** A model as the API shows it (CostModelView as JSON text), with the id of its successor if it has been superseded. */
export async function costModelShown(store: Store, model: CostModelRecord): Promise<string> {
  const successor = await store.findSuccessor(model.id);
  return costModelJsonText(model, successor?.id ?? null, await peopleNames(store));
}

/** The audit events of one model the caller may see. */
export async function costModelAuditEvents(store: Store, principal: Principal, id: string, intact?: IntactCheck): Promise<AuditEventRecord[]> {
  const model = await visibleCostModel(store, principal, id, { intact });
  return store.listAudit({ entityType: 'cost-model', entityId: model.id, limit: 10_000 });
}

/** For a route that answers 304 first: the check visibleCostModel leaves to it. */
export { checkCostModelIntact };

/** Hashes a stored model's content against its content hash (on a worker in the server: it is the whole roster). */
export type IntactCheck = (stored: Pick<CostModelRecord, 'scenarioJson' | 'resultJson' | 'contentHash'>) => Promise<boolean>;

/** The in-process check, for a server without workers and for tests. */
export const intactHere: IntactCheck = (stored) => Promise.resolve().then(() => storedCostModelIntact(stored));

/**
 * An approved model checked against its content hash by `intact` before it is served (issue 10 #5):
 * the read routes, which any user in scope can call as often as the rate limit lets them, hash on a
 * worker, so the request thread never hashes a roster. A mismatch is TamperedRecordError, never served.
 */
export async function checkedForServing(model: CostModelRecord, intact: IntactCheck): Promise<CostModelRecord> {
  if (model.state === 'approved' && !(await intact(model))) throw tamperedCostModel(model);
  return model;
}

/**
 * A model the caller may see. An approved one is checked against its content hash (a mismatch is
 * TamperedRecordError, never served) only once the caller is known to see it — someone out of scope
 * learns nothing, not even that it exists — and only when `checked` (a caller that may answer 304
 * checks with checkCostModelIntact before it serves the body).
 */
export async function visibleCostModel(
  store: Store,
  principal: Principal | undefined,
  id: string,
  options: { checked?: boolean; intact?: IntactCheck | undefined } = {},
): Promise<CostModelRecord> {
  const model = await store.getCostModel(id, { checked: false });
  if (!model || (principal && !inScope(principal, model.unitId))) throw notFound(`no cost model ${id}`);
  if (options.checked === false) return model;
  return options.intact ? checkedForServing(model, options.intact) : checkCostModelIntact(model);
}

/**
 * A person changing a model's state names the revision they read (If-Match), so nobody submits,
 * approves or returns a revision they have not seen. The demo loader and the command line act as
 * a system actor on what they just wrote, and may omit it.
 */
function checkIfMatch(model: CostModelRecord, ifMatch: string | undefined, actor: Actor): void {
  if (ifMatch === undefined) {
    if ('role' in actor)
      throw preconditionRequired(`send If-Match with the ETag of the revision you read (now ${costModelEtag(model)}), so you act on exactly that revision`);
    return;
  }
  const tags = ifMatch.split(',').map((t) => t.trim());
  // "*" matches any revision (RFC 9110 §13.1.1): a person would approve whatever is current, read or not.
  if ('role' in actor && tags.includes('*'))
    throw preconditionRequired(
      `If-Match: * names no revision: send the ETag of the revision you read (now ${costModelEtag(model)}), so you act on exactly that revision`,
    );
  // A list is as good as "*": ETags are "<id>.<revision>", so a list of every revision matches whichever is current.
  if ('role' in actor && tags.length > 1)
    throw preconditionRequired(
      `If-Match names ${tags.length} revisions: send the one ETag of the revision you read (now ${costModelEtag(model)}), so you act on exactly that revision`,
    );
  if (!tags.includes('*') && !tags.includes(costModelEtag(model))) {
    throw preconditionFailed(`the cost model has changed since you read it: it is now at version ${model.revision} (ETag ${costModelEtag(model)})`);
  }
}

function requireState(model: CostModelRecord, allowed: readonly CostModelState[], doing: string): void {
  if (!allowed.includes(model.state)) throw conflict(`cannot ${doing} a cost model that is ${model.state} (it must be ${allowed.join(' or ')})`);
}

/** After a conditional update lost a race: 412 for a client that named a version, 409 otherwise. */
async function lostRace(store: Store, id: string, ifMatch: string | undefined): Promise<never> {
  const now = await store.getCostModel(id, { checked: false });
  if (ifMatch !== undefined) throw preconditionFailed(`the cost model was changed by someone else (now version ${now?.revision ?? '?'})`);
  throw conflict(`the cost model was changed by someone else while this request ran (now ${now?.state ?? 'gone'}, version ${now?.revision ?? '?'})`);
}

/** The state of a model that has just become a draft: first revision, nothing costed or decided. */
function freshDraft(userId: string, at: string) {
  return {
    state: 'draft',
    revision: 1,
    resultJson: null,
    contentHash: null,
    createdBy: userId,
    createdAt: at,
    updatedBy: userId,
    updatedAt: at,
    submittedBy: null,
    submittedAt: null,
    decidedBy: null,
    decidedAt: null,
    decisionComment: null,
  } as const satisfies Partial<CostModelRecord>;
}

/** A person's new draft from a validated body (http/costModelBodies.ts): the unit must be in their scope and exist. */
export async function draftCostModel(
  ctx: CostModelContext,
  analyst: Principal,
  input: { unitId: string; title: string; scenarioJson: string; rosterRows: number },
): Promise<CostModelRecord> {
  if (!inScope(analyst, input.unitId)) throw forbidden(`unit ${input.unitId} is not in your scope`);
  if (!(await ctx.store.getUnit(input.unitId))) throw notFound(`no unit ${input.unitId}`);
  return insertDraft(ctx, analyst, input);
}

export async function createCostModel(
  ctx: CostModelContext,
  actor: Actor,
  input: { unitId: string; title: string; scenario: Scenario },
): Promise<CostModelRecord> {
  return insertDraft(ctx, actor, {
    unitId: input.unitId,
    title: input.title,
    scenarioJson: JSON.stringify(input.scenario),
    rosterRows: input.scenario.roster.rows.length,
  });
}

async function insertDraft(
  ctx: CostModelContext,
  actor: Actor,
  input: { unitId: string; title: string; scenarioJson: string; rosterRows: number },
): Promise<CostModelRecord> {
  const at = ctx.now().toISOString();
  const id = randomUUID();
  const model: CostModelRecord = {
    id,
    unitId: input.unitId,
    title: input.title,
    lineageId: id,
    modelVersion: 1,
    supersedesId: null,
    scenarioJson: input.scenarioJson,
    ...freshDraft(actor.userId, at),
  };
  await ctx.store.transaction(async (tx) => {
    await tx.insertCostModel(model);
    await recordAudit(tx, actor, new Date(at), {
      action: 'cost-model.created',
      entityType: 'cost-model',
      entityId: id,
      unitId: input.unitId,
      toVersion: 1,
      detail: { title: input.title, rosterRows: input.rosterRows },
    });
  });
  return model;
}

export async function updateCostModel(
  ctx: CostModelContext,
  actor: Principal,
  id: string,
  ifMatch: string | undefined,
  /** A validated edit (http/costModelBodies.ts). */
  input: { title?: string | undefined; scenarioJson?: string | undefined },
): Promise<CostModelRecord> {
  const model = await visibleCostModel(ctx.store, actor, id, { intact: ctx.intact });
  checkIfMatch(model, ifMatch, actor);
  requireState(model, ['draft', 'returned'], 'edit');
  const scenarioJson = input.scenarioJson;
  const now = ctx.now();
  return transition(ctx, actor, model, ifMatch, ['draft', 'returned'], now, {
    change: {
      state: 'draft',
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(scenarioJson !== undefined ? { scenarioJson, resultJson: null } : {}),
    },
    action: 'cost-model.updated',
    detail: { fields: [input.title !== undefined ? 'title' : null, scenarioJson !== undefined ? 'scenario' : null].filter(Boolean) },
  });
}

/** A model with its figures: an approved or submitted model's stored ones, a draft's costed now. */
export async function resultForWorkbook(ctx: CostModelContext, model: CostModelRecord): Promise<CostModelRecord> {
  if (model.resultJson !== null) return model;
  return { ...model, resultJson: costingResultJson(await recompute(ctx.costScenario, storedScenario(model.scenarioJson))) };
}

function storedScenario(scenarioJson: string): Scenario {
  const parsed = parseScenario(JSON.parse(scenarioJson));
  if (!parsed.ok) throw new Error(`a stored scenario no longer validates: ${parsed.issues[0]?.path}: ${parsed.issues[0]?.message}`);
  return parsed.value;
}

/**
 * The server's own costing. A scenario that passed validation but holds amounts beyond what can
 * be represented exactly (the engine's RangeError) cannot be costed: 422, not a server fault.
 */
async function recompute(cost: CostScenario, scenario: Scenario): Promise<CostingResult> {
  try {
    return await cost(scenario);
  } catch (error) {
    if (error instanceof RangeError) {
      throw cannotCost(`the scenario cannot be costed: ${error.message}`, [
        { path: 'scenario', message: `${error.message} (an amount, rate or count is too large to cost exactly)` },
      ]);
    }
    throw error;
  }
}

/** An approved model whose If-Match names its current revision (before an action that only reads it, such as publishing its schedules). */
export async function approvedRevisionNamed(
  store: Store,
  actor: Principal,
  id: string,
  ifMatch: string | undefined,
  intact?: IntactCheck,
): Promise<CostModelRecord> {
  const model = await visibleCostModel(store, actor, id, { intact });
  checkIfMatch(model, ifMatch, actor);
  return model;
}

export async function submitCostModel(ctx: CostModelContext, actor: Actor, id: string, ifMatch: string | undefined): Promise<CostModelRecord> {
  const model = await visibleCostModel(ctx.store, 'role' in actor ? actor : undefined, id, { intact: ctx.intact });
  checkIfMatch(model, ifMatch, actor);
  requireState(model, ['draft', 'returned'], 'submit');
  const costed = await costStored(ctx)(model.scenarioJson, false);
  const now = ctx.now();
  return transition(ctx, actor, model, ifMatch, ['draft', 'returned'], now, {
    change: {
      state: 'submitted',
      resultJson: costed.resultJson,
      submittedBy: actor.userId,
      submittedAt: now.toISOString(),
      decidedBy: null,
      decidedAt: null,
      decisionComment: null,
    },
    action: 'cost-model.submitted',
    detail: { fiscalYears: costed.fiscalYears },
  });
}

export async function approveCostModel(
  ctx: CostModelContext,
  actor: Actor,
  id: string,
  ifMatch: string | undefined,
  comment: string | null,
): Promise<CostModelRecord> {
  const model = await visibleCostModel(ctx.store, 'role' in actor ? actor : undefined, id, { intact: ctx.intact });
  checkIfMatch(model, ifMatch, actor);
  requireState(model, ['submitted'], 'approve');
  if ((await authorsOf(ctx.store, model)).has(actor.userId)) {
    throw forbidden('you wrote, edited or submitted a revision of this cost model (or of the model it supersedes), so another manager must approve it');
  }
  const costed = await costStored(ctx)(model.scenarioJson, true);
  const contentHash = costed.contentHash!;
  const now = ctx.now();
  return transition(ctx, actor, model, ifMatch, ['submitted'], now, {
    change: { state: 'approved', resultJson: costed.resultJson, contentHash, decidedBy: actor.userId, decidedAt: now.toISOString(), decisionComment: comment },
    action: 'cost-model.approved',
    detail: { approvedRevision: model.revision, contentHash, comment },
  });
}

const AUTHORING_ACTIONS = new Set(['cost-model.created', 'cost-model.updated', 'cost-model.submitted']);

/**
 * Everyone who wrote any revision of a model: who created, edited or submitted it, and the same for
 * every model it supersedes (a successor starts as a copy of its predecessor's content).
 */
async function authorsOf(store: Store, model: CostModelRecord): Promise<Set<string>> {
  const authors = new Set<string>();
  // Who wrote them is all that is read of the predecessors: their content is not served here.
  for (let m: CostModelRecord | undefined = model; m; m = m.supersedesId ? await store.getCostModel(m.supersedesId, { checked: false }) : undefined) {
    authors.add(m.createdBy);
    if (m.submittedBy) authors.add(m.submittedBy);
    for (const event of await store.listAudit({ entityType: 'cost-model', entityId: m.id, limit: 100_000 })) {
      if (AUTHORING_ACTIONS.has(event.action)) authors.add(event.actorId);
    }
  }
  return authors;
}

export async function returnCostModel(
  ctx: CostModelContext,
  actor: Principal,
  id: string,
  ifMatch: string | undefined,
  comment: string,
): Promise<CostModelRecord> {
  const model = await visibleCostModel(ctx.store, actor, id, { intact: ctx.intact });
  checkIfMatch(model, ifMatch, actor);
  requireState(model, ['submitted'], 'return');
  const now = ctx.now();
  return transition(ctx, actor, model, ifMatch, ['submitted'], now, {
    change: { state: 'returned', decidedBy: actor.userId, decidedAt: now.toISOString(), decisionComment: comment },
    action: 'cost-model.returned',
    detail: { comment },
  });
}

/** An approved model stays as it is; its successor is a new draft one model version up. */
export async function supersedeCostModel(
  ctx: CostModelContext,
  actor: Principal,
  id: string,
  ifMatch: string | undefined,
  title: string | undefined,
): Promise<CostModelRecord> {
  const model = await visibleCostModel(ctx.store, actor, id, { intact: ctx.intact });
  checkIfMatch(model, ifMatch, actor);
  requireState(model, ['approved'], 'supersede');
  const existing = await ctx.store.findSuccessor(id);
  if (existing) throw conflict(`cost model ${id} is already superseded by ${existing.id}`);
  const now = ctx.now();
  const at = now.toISOString();
  const successor: CostModelRecord = {
    ...model,
    id: randomUUID(),
    title: title ?? model.title,
    modelVersion: model.modelVersion + 1,
    supersedesId: model.id,
    ...freshDraft(actor.userId, at),
  };
  await ctx.store.transaction(async (tx) => {
    await tx.insertCostModel(successor);
    await recordAudit(tx, actor, now, {
      action: 'cost-model.superseded',
      entityType: 'cost-model',
      entityId: model.id,
      unitId: model.unitId,
      fromVersion: model.revision,
      detail: { successor: successor.id, modelVersion: successor.modelVersion },
    });
    await recordAudit(tx, actor, now, {
      action: 'cost-model.created',
      entityType: 'cost-model',
      entityId: successor.id,
      unitId: model.unitId,
      toVersion: 1,
      detail: { supersedes: model.id, modelVersion: successor.modelVersion, title: successor.title },
    });
  });
  return successor;
}

async function transition(
  ctx: CostModelContext,
  actor: Actor,
  model: CostModelRecord,
  ifMatch: string | undefined,
  from: readonly CostModelState[],
  now: Date,
  step: { change: Omit<Parameters<Store['updateCostModel']>[3], 'updatedBy' | 'updatedAt'>; action: string; detail: Record<string, unknown> },
): Promise<CostModelRecord> {
  const revision = await ctx.store.transaction(async (tx) => {
    const next = await tx.updateCostModel(model.id, model.revision, from, { ...step.change, updatedBy: actor.userId, updatedAt: now.toISOString() });
    if (next === undefined) return undefined;
    await recordAudit(tx, actor, now, {
      action: step.action,
      entityType: 'cost-model',
      entityId: model.id,
      unitId: model.unitId,
      fromVersion: model.revision,
      toVersion: next,
      detail: { from: model.state, to: step.change.state ?? model.state, ...step.detail },
    });
    return next;
  });
  if (revision === undefined) return lostRace(ctx.store, model.id, ifMatch);
  const updated = await ctx.store.getCostModel(model.id);
  if (!updated) throw new Error(`cost model ${model.id} vanished after an update`);
  return updated;
}
