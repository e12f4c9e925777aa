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
import { publishSettlementSchedules } from '../services/publishSchedules.js';
import type { CostModelRecord } from '../store/store.js';
import { XLSX_MEDIA_TYPE } from './schedules.js';

export function costModelRoutes(ctx: AppContext): Router {
  const router = Router();
  const models: CostModelContext = {
    store: ctx.store,
    costScenario: ctx.costScenario,
    now: ctx.now,
    costStored: (json, withHash) => ctx.scenarioWork.costStored(json, withHash),
  };
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
    const draft = await ctx.scenarioWork.draftBody(jsonBytesOf(req), ctx.config.rosterRowLimit);
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
    await sendModel(res, await checkedForServing(model, ctx.scenarioWork.intact));
  });

  router.put('/cost-models/:id', roleGate(['analyst']), modelBody, async (req, res) => {
    const analyst = requireRole(req, ['analyst']);
    const existing = await visibleCostModel(ctx.store, analyst, String(req.params.id));
    const edit = await ctx.scenarioWork.editBody(jsonBytesOf(req), existing.unitId, ctx.config.rosterRowLimit);
    await sendModel(res, await updateCostModel(models, analyst, existing.id, ifMatchOf(req), edit));
  });

  router.post('/cost-models/:id/submit', smallBody, async (req, res) => {
    const analyst = requireRole(req, ['analyst']);
    parseInput(submitBody, req.body ?? {}, 'body');
    await sendModel(res, await submitCostModel(models, analyst, String(req.params.id), ifMatchOf(req)));
  });

  router.post('/cost-models/:id/approve', smallBody, async (req, res) => {
    const manager = requireRole(req, ['manager']);
    const body = parseInput(approveBody, req.body ?? {}, 'body');
    await sendModel(res, await approveCostModel(models, manager, String(req.params.id), ifMatchOf(req), body.comment?.trim() || null));
  });

  router.post('/cost-models/:id/return', smallBody, async (req, res) => {
    const manager = requireRole(req, ['manager']);
    const body = parseInput(returnBody, req.body ?? {}, 'body');
    await sendModel(res, await returnCostModel(models, manager, String(req.params.id), ifMatchOf(req), body.comment));
  });

  router.post('/cost-models/:id/supersede', smallBody, async (req, res) => {
    const analyst = requireRole(req, ['analyst']);
    const body = parseInput(supersedeBody, req.body ?? {}, 'body');
    const successor = await supersedeCostModel(models, analyst, String(req.params.id), ifMatchOf(req), body.title);
    res.location(`/api/v1/cost-models/${successor.id}`);
    await sendModel(res, successor, 201);
  });

  router.post('/cost-models/:id/publish-schedules', smallBody, async (req, res) => {
    const principal = requireRole(req, ['manager', 'admin']);
    const body = parseInput(publishBody, req.body ?? {}, 'body');
    const model = await approvedRevisionNamed(ctx.store, principal, String(req.params.id), ifMatchOf(req));
    const published = await publishSettlementSchedules(models, principal, model.id, body.proposal).finally(() => ctx.schedulesInForce.forgetAll());
    res.status(201).json(published);
  });

  // HEAD says whether the workbook is there from the model alone: building one to count its bytes
  // would take an export slot and seconds of a worker for nothing (attack review).
  router.head('/cost-models/:id/workbook.xlsx', async (req, res) => {
    const model = await visibleCostModel(ctx.store, principalOf(req), req.params.id, { checked: false });
    res.status(200).type(XLSX_MEDIA_TYPE).set('ETag', costModelEtag(model)).end();
  });

  router.get('/cost-models/:id/workbook.xlsx', async (req, res) => {
    const file = await ctx.workbooks.workbook(principalOf(req), req.params.id);
    res.type(XLSX_MEDIA_TYPE).set('Content-Disposition', `attachment; filename="${file.filename}"`).set('ETag', file.etag).send(file.body);
  });

  router.get('/cost-models/:id/audit', async (req, res) => {
    const principal = requireRole(req, ['manager', 'admin']);
    res.json({ events: await costModelAuditEvents(ctx.store, principal, req.params.id) });
  });

  return router;
}

function ifMatchOf(req: Request): string | undefined {
  return req.get('if-match') ?? undefined;
}
