import { randomUUID } from 'node:crypto';
import { parseScenario } from '../../shared/scenario.js';
import { addMonths, parseDay } from '../../shared/dates.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import type { CostingResult } from '../../shared/result.js';
import type { CostModelRecord, CostModelState, Store } from '../store/store.js';
import { conflict, forbidden, invalidInput, notFound, preconditionFailed, unprocessable } from '../http/problem.js';
import { recordAudit, type SystemActor } from './auditTrail.js';
import { costModelContentHash } from './contentHash.js';
import { costModelEtag } from './costModelView.js';
import { inScope, type Principal } from './principal.js';

/** The shared engine, in-process or in a worker thread (server/costing). */
export type CostScenario = (scenario: Scenario) => CostingResult | Promise<CostingResult>;

export interface CostModelContext {
  store: Store;
  costScenario: CostScenario;
  now: () => Date;
}

type Actor = Principal | SystemActor;

/** The longest term the server costs: it keeps one request from occupying the server for minutes. */
export const MAX_TERM_YEARS = 10;

/** Validates a scenario document; problems are reported under `scenario.` and it must belong to the unit. */
export function validScenario(input: unknown, unitId: string): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) {
    const errors = parsed.issues.map((i) => ({ path: i.path === '(document)' ? 'scenario' : `scenario.${i.path}`.replace('.[', '['), message: i.message }));
    throw invalidInput(`the scenario is invalid: ${errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
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

/** Loads a model the caller may see: out-of-scope models are reported as absent. */
export async function visibleCostModel(store: Store, principal: Principal | undefined, id: string): Promise<CostModelRecord> {
  const model = await store.getCostModel(id);
  if (!model || (principal && !inScope(principal, model.unitId))) throw notFound(`no cost model ${id}`);
  return model;
}

function checkIfMatch(model: CostModelRecord, ifMatch: string | undefined): void {
  if (ifMatch === undefined) return;
  const tags = ifMatch.split(',').map((t) => t.trim());
  if (!tags.includes('*') && !tags.includes(costModelEtag(model))) {
    throw preconditionFailed(`the cost model has changed since you read it: it is now at version ${model.revision} (ETag ${costModelEtag(model)})`);
  }
}

function requireState(model: CostModelRecord, allowed: readonly CostModelState[], doing: string): void {
  if (!allowed.includes(model.state)) throw conflict(`cannot ${doing} a cost model that is ${model.state} (it must be ${allowed.join(' or ')})`);
}

/** After a conditional update lost a race: 412 for a client that named a version, 409 otherwise. */
async function lostRace(store: Store, id: string, ifMatch: string | undefined): Promise<never> {
  const now = await store.getCostModel(id);
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

export async function createCostModel(
  ctx: CostModelContext,
  actor: Actor,
  input: { unitId: string; title: string; scenario: Scenario },
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
    scenarioJson: JSON.stringify(input.scenario),
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
      detail: { title: input.title, rosterRows: input.scenario.roster.rows.length },
    });
  });
  return model;
}

export async function updateCostModel(
  ctx: CostModelContext,
  actor: Principal,
  id: string,
  ifMatch: string,
  input: { title?: string | undefined; scenario?: Scenario | undefined },
): Promise<CostModelRecord> {
  const model = await visibleCostModel(ctx.store, actor, id);
  checkIfMatch(model, ifMatch);
  requireState(model, ['draft', 'returned'], 'edit');
  const now = ctx.now();
  return transition(ctx, actor, model, ifMatch, ['draft', 'returned'], now, {
    change: {
      state: 'draft',
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.scenario !== undefined ? { scenarioJson: JSON.stringify(input.scenario), resultJson: null } : {}),
    },
    action: 'cost-model.updated',
    detail: { fields: [input.title !== undefined ? 'title' : null, input.scenario !== undefined ? 'scenario' : null].filter(Boolean) },
  });
}

function storedScenario(model: CostModelRecord): Scenario {
  const parsed = parseScenario(JSON.parse(model.scenarioJson));
  if (!parsed.ok) throw new Error(`stored scenario of cost model ${model.id} no longer validates: ${parsed.issues[0]?.path}: ${parsed.issues[0]?.message}`);
  return parsed.value;
}

/**
 * The server's own costing. A scenario that passed validation but holds amounts beyond what can
 * be represented exactly (the engine's RangeError) cannot be costed: 422, not a server fault.
 */
async function recompute(ctx: CostModelContext, scenario: Scenario): Promise<CostingResult> {
  try {
    return await ctx.costScenario(scenario);
  } catch (error) {
    if (error instanceof RangeError) {
      throw unprocessable(`the scenario cannot be costed: ${error.message}`, [{ path: 'scenario', message: `${error.message} (an amount, rate or count is too large to cost exactly)` }]);
    }
    throw error;
  }
}

/** A draft's costing for its workbook, on the costing workers; a costed model keeps its stored result. */
export async function resultForWorkbook(ctx: CostModelContext, model: CostModelRecord): Promise<CostModelRecord> {
  if (model.resultJson !== null) return model;
  return { ...model, resultJson: JSON.stringify(await recompute(ctx, storedScenario(model))) };
}

export async function submitCostModel(ctx: CostModelContext, actor: Actor, id: string, ifMatch: string | undefined): Promise<CostModelRecord> {
  const model = await visibleCostModel(ctx.store, 'role' in actor ? actor : undefined, id);
  checkIfMatch(model, ifMatch);
  requireState(model, ['draft', 'returned'], 'submit');
  const result = await recompute(ctx, storedScenario(model));
  const now = ctx.now();
  return transition(ctx, actor, model, ifMatch, ['draft', 'returned'], now, {
    change: { state: 'submitted', resultJson: JSON.stringify(result), submittedBy: actor.userId, submittedAt: now.toISOString(), decidedBy: null, decidedAt: null, decisionComment: null },
    action: 'cost-model.submitted',
    detail: { fiscalYears: result.fiscalYears },
  });
}

export async function approveCostModel(
  ctx: CostModelContext,
  actor: Actor,
  id: string,
  ifMatch: string | undefined,
  comment: string | null,
): Promise<CostModelRecord> {
  const model = await visibleCostModel(ctx.store, 'role' in actor ? actor : undefined, id);
  checkIfMatch(model, ifMatch);
  requireState(model, ['submitted'], 'approve');
  if (model.submittedBy === actor.userId) throw forbidden('a manager cannot approve a cost model they submitted');
  const scenario = storedScenario(model);
  const result = await recompute(ctx, scenario);
  const contentHash = costModelContentHash(scenario, result);
  const now = ctx.now();
  return transition(ctx, actor, model, ifMatch, ['submitted'], now, {
    change: { state: 'approved', resultJson: JSON.stringify(result), contentHash, decidedBy: actor.userId, decidedAt: now.toISOString(), decisionComment: comment },
    action: 'cost-model.approved',
    detail: { contentHash, comment },
  });
}

export async function returnCostModel(ctx: CostModelContext, actor: Principal, id: string, ifMatch: string | undefined, comment: string): Promise<CostModelRecord> {
  const model = await visibleCostModel(ctx.store, actor, id);
  checkIfMatch(model, ifMatch);
  requireState(model, ['submitted'], 'return');
  const now = ctx.now();
  return transition(ctx, actor, model, ifMatch, ['submitted'], now, {
    change: { state: 'returned', decidedBy: actor.userId, decidedAt: now.toISOString(), decisionComment: comment },
    action: 'cost-model.returned',
    detail: { comment },
  });
}

/** An approved model stays as it is; its successor is a new draft one model version up. */
export async function supersedeCostModel(ctx: CostModelContext, actor: Principal, id: string, title: string | undefined): Promise<CostModelRecord> {
  const model = await visibleCostModel(ctx.store, actor, id);
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
