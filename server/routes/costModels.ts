import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../appContext.js';
import { principalOf, requireRole, roleGate } from '../http/authenticate.js';
import { notModified } from '../http/conditional.js';
import { jsonBytesOf } from '../http/costModelBodies.js';
import { jsonBody, jsonBytes } from '../http/jsonBody.js';
import { parseInput } from '../http/parseInput.js';
import { approveBody, costModelListQuery, publishBody, returnBody, submitBody, supersedeBody } from '../http/requestSchemas.js';
import {
  approveCostModel,
  approvedRevisionNamed,
  checkedForServing,
  costModelAuditEvents,
  costModelShown,
  draftCostModel,
  listCostModelsFor,
  returnCostModel,
  submitCostModel,
  supersedeCostModel,
  updateCostModel,
  visibleCostModel,
  type CostModelContext,
} from '../services/costModels.js';
import { costModelEtag } from '../services/costModelView.js';
import type { Principal } from '../services/principal.js';
import { publishSettlementSchedules } from '../services/publishSchedules.js';
import type { CostModelRecord } from '../store/store.js';
import { XLSX_MEDIA_TYPE } from './schedules.js';

export function costModelRoutes(ctx: AppContext): Router {
  const router = Router();
  // Every job on the costing workers goes through the admission: per person and in total, with a
  // timeout (services/costingAdmission.ts); 503 + Retry-After when full, 504 when too slow.
  const costing = ctx.costing;
  const work = ctx.scenarioWork;
  const models: CostModelContext = { store: ctx.store, costScenario: ctx.costScenario, now: ctx.now };
  /** The services' context for an action by `actor`: its costing and its check of an approved model are admitted as theirs. */
  const costingBy = (actor: Principal): CostModelContext => ({
    ...models,
    intact: intactFor(actor),
    costStored: (json, withHash) => costing.run(actor, { kind: 'costing', bytes: json.length }, (job) => work.costStored(json, withHash, job)),
  });
  /** The content-hash check of an approved model read by `reader` (remembered by its exact bytes). */
  const intactFor = (reader: Principal) => costing.intactFor(reader, work.intact);
  // Read as bytes: a costing worker parses and validates them (http/costModelBodies.ts).
  const modelBody = jsonBytes(ctx.config.bodyLimit);
  const smallBody = jsonBody(ctx.config.smallBodyLimit);

  async function sendModel(res: Response, model: CostModelRecord, status = 200): Promise<void> {
    res
      .status(status)
      .set('ETag', costModelEtag(model))
      .type('application/json')
      .send(await costModelShown(ctx.store, model));
  }

  router.get('/cost-models', async (req, res) => {
    const principal = principalOf(req);
    const query = parseInput(costModelListQuery, req.query, 'query');
    res.json({ costModels: await listCostModelsFor(ctx.store, principal, query) });
  });

  router.post('/cost-models', roleGate(['analyst']), modelBody, async (req, res) => {
    const analyst = requireRole(req, ['analyst']);
    const text = jsonBytesOf(req);
    const draft = await costing.run(analyst, { kind: 'validation', bytes: text.byteLength }, (job) => work.draftBody(text, ctx.config.rosterRowLimit, job));
    const model = await draftCostModel(models, analyst, draft);
    res.location(`/api/v1/cost-models/${model.id}`);
    await sendModel(res, model, 201);
  });

  router.get('/cost-models/:id', async (req, res) => {
    const principal = principalOf(req);
    const model = await visibleCostModel(ctx.store, principal, req.params.id, { checked: false });
    const etag = costModelEtag(model);
    if (notModified(req, etag)) {
      res.status(304).set('ETag', etag).end();
      return;
    }
    await sendModel(res, await checkedForServing(model, intactFor(principal)));
  });

  router.put('/cost-models/:id', roleGate(['analyst']), modelBody, async (req, res) => {
    const analyst = requireRole(req, ['analyst']);
    const existing = await visibleCostModel(ctx.store, analyst, String(req.params.id), { intact: intactFor(analyst) });
    const text = jsonBytesOf(req);
    const edit = await costing.run(analyst, { kind: 'validation', bytes: text.byteLength }, (job) =>
      work.editBody(text, existing.unitId, ctx.config.rosterRowLimit, job),
    );
    await sendModel(res, await updateCostModel(models, analyst, existing.id, ifMatchOf(req), edit));
  });

  router.post('/cost-models/:id/submit', smallBody, async (req, res) => {
    const analyst = requireRole(req, ['analyst']);
    parseInput(submitBody, req.body ?? {}, 'body');
    await sendModel(res, await submitCostModel(costingBy(analyst), analyst, String(req.params.id), ifMatchOf(req)));
  });

  router.post('/cost-models/:id/approve', smallBody, async (req, res) => {
    const manager = requireRole(req, ['manager']);
    const body = parseInput(approveBody, req.body ?? {}, 'body');
    await sendModel(res, await approveCostModel(costingBy(manager), manager, String(req.params.id), ifMatchOf(req), body.comment?.trim() || null));
  });

  router.post('/cost-models/:id/return', smallBody, async (req, res) => {
    const manager = requireRole(req, ['manager']);
    const body = parseInput(returnBody, req.body ?? {}, 'body');
    await sendModel(res, await returnCostModel(models, manager, String(req.params.id), ifMatchOf(req), body.comment));
  });

  router.post('/cost-models/:id/supersede', smallBody, async (req, res) => {
    const analyst = requireRole(req, ['analyst']);
    const body = parseInput(supersedeBody, req.body ?? {}, 'body');
    const successor = await supersedeCostModel(costingBy(analyst), analyst, String(req.params.id), ifMatchOf(req), body.title);
    res.location(`/api/v1/cost-models/${successor.id}`);
    await sendModel(res, successor, 201);
  });

  router.post('/cost-models/:id/publish-schedules', smallBody, async (req, res) => {
    const principal = requireRole(req, ['manager', 'admin']);
    const body = parseInput(publishBody, req.body ?? {}, 'body');
    const model = await approvedRevisionNamed(ctx.store, principal, String(req.params.id), ifMatchOf(req), intactFor(principal));
    const published = await publishSettlementSchedules(costingBy(principal), principal, model.id, body.proposal).finally(() =>
      ctx.schedulesInForce.forgetAll(),
    );
    res.status(201).json(published);
  });

  // HEAD says whether the workbook is there from the model alone: building one to count its bytes
  // would take an export slot and seconds of a worker for nothing (attack review).
  router.head('/cost-models/:id/workbook.xlsx', async (req, res) => {
    const model = await visibleCostModel(ctx.store, principalOf(req), req.params.id, { checked: false });
    res.status(200).type(XLSX_MEDIA_TYPE).set('ETag', costModelEtag(model)).end();
  });

  router.get('/cost-models/:id/workbook.xlsx', async (req, res) => {
    const principal = principalOf(req);
    const file = await ctx.workbooks.workbook(principal, req.params.id, intactFor(principal));
    res.type(XLSX_MEDIA_TYPE).set('Content-Disposition', `attachment; filename="${file.filename}"`).set('ETag', file.etag).send(file.body);
  });

  router.get('/cost-models/:id/audit', async (req, res) => {
    const principal = requireRole(req, ['manager', 'admin']);
    res.json({ events: await costModelAuditEvents(ctx.store, principal, req.params.id, intactFor(principal)) });
  });

  return router;
}

function ifMatchOf(req: Request): string | undefined {
  return req.get('if-match') ?? undefined;
}
