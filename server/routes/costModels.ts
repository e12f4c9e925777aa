import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../appContext.js';
import { principalOf, requireRole } from '../http/authenticate.js';
import { notModified } from '../http/conditional.js';
import { parseInput } from '../http/parseInput.js';
import { forbidden, notFound, preconditionRequired } from '../http/problem.js';
import { approveBody, costModelListQuery, createCostModelBody, publishBody, returnBody, submitBody, supersedeBody, updateCostModelBody } from '../http/requestSchemas.js';
import {
  approveCostModel,
  createCostModel,
  resultForWorkbook,
  returnCostModel,
  submitCostModel,
  supersedeCostModel,
  updateCostModel,
  validScenario,
  visibleCostModel,
  type CostModelContext,
} from '../services/costModels.js';
import { costModelEtag, viewCostModel, viewSummary } from '../services/costModelView.js';
import { publishSettlementSchedules } from '../services/publishSchedules.js';
import { inScope, scopeFilter } from '../services/principal.js';
import type { CostModelRecord } from '../store/store.js';

export function costModelRoutes(ctx: AppContext): Router {
  const router = Router();
  const models: CostModelContext = { store: ctx.store, costScenario: ctx.costScenario, now: ctx.now };

  async function sendModel(res: Response, model: CostModelRecord, status = 200): Promise<void> {
    const successor = await ctx.store.findSuccessor(model.id);
    res.status(status).set('ETag', costModelEtag(model)).json(viewCostModel(model, successor?.id ?? null));
  }

  router.get('/cost-models', async (req, res) => {
    const principal = principalOf(req);
    const query = parseInput(costModelListQuery, req.query, 'query');
    if (query.unitId && !inScope(principal, query.unitId)) throw forbidden(`unit ${query.unitId} is not in your scope`);
    const unitIds = query.unitId ? [query.unitId] : scopeFilter(principal);
    const list = await ctx.store.listCostModels({ ...(unitIds ? { unitIds } : {}), ...(query.state ? { state: query.state } : {}) });
    res.json({ costModels: list.map(viewSummary) });
  });

  router.post('/cost-models', async (req, res) => {
    const analyst = requireRole(req, ['analyst']);
    const body = parseInput(createCostModelBody, req.body, 'body');
    if (!inScope(analyst, body.unitId)) throw forbidden(`unit ${body.unitId} is not in your scope`);
    if (!(await ctx.store.getUnit(body.unitId))) throw notFound(`no unit ${body.unitId}`);
    const scenario = validScenario(body.scenario, body.unitId);
    const model = await createCostModel(models, analyst, { unitId: body.unitId, title: body.title, scenario });
    res.location(`/api/v1/cost-models/${model.id}`);
    await sendModel(res, model, 201);
  });

  router.get('/cost-models/:id', async (req, res) => {
    const principal = principalOf(req);
    const model = await visibleCostModel(ctx.store, principal, req.params.id);
    const etag = costModelEtag(model);
    if (notModified(req, etag)) {
      res.status(304).set('ETag', etag).end();
      return;
    }
    await sendModel(res, model);
  });

  router.put('/cost-models/:id', async (req, res) => {
    const analyst = requireRole(req, ['analyst']);
    const ifMatch = req.get('if-match');
    if (!ifMatch) throw preconditionRequired('send If-Match with the ETag you read, so no update is lost');
    const body = parseInput(updateCostModelBody, req.body, 'body');
    const existing = await visibleCostModel(ctx.store, analyst, req.params.id);
    const scenario = body.scenario === undefined ? undefined : validScenario(body.scenario, existing.unitId);
    await sendModel(res, await updateCostModel(models, analyst, existing.id, ifMatch, { title: body.title, scenario }));
  });

  router.post('/cost-models/:id/submit', async (req, res) => {
    const analyst = requireRole(req, ['analyst']);
    parseInput(submitBody, req.body ?? {}, 'body');
    await sendModel(res, await submitCostModel(models, analyst, req.params.id, ifMatchOf(req)));
  });

  router.post('/cost-models/:id/approve', async (req, res) => {
    const manager = requireRole(req, ['manager']);
    const body = parseInput(approveBody, req.body ?? {}, 'body');
    await sendModel(res, await approveCostModel(models, manager, req.params.id, ifMatchOf(req), body.comment?.trim() || null));
  });

  router.post('/cost-models/:id/return', async (req, res) => {
    const manager = requireRole(req, ['manager']);
    const body = parseInput(returnBody, req.body ?? {}, 'body');
    await sendModel(res, await returnCostModel(models, manager, req.params.id, ifMatchOf(req), body.comment));
  });

  router.post('/cost-models/:id/supersede', async (req, res) => {
    const analyst = requireRole(req, ['analyst']);
    const body = parseInput(supersedeBody, req.body ?? {}, 'body');
    const successor = await supersedeCostModel(models, analyst, req.params.id, body.title);
    res.location(`/api/v1/cost-models/${successor.id}`);
    await sendModel(res, successor, 201);
  });

  router.post('/cost-models/:id/publish-schedules', async (req, res) => {
    const principal = requireRole(req, ['manager', 'admin']);
    const body = parseInput(publishBody, req.body ?? {}, 'body');
    res.status(201).json(await publishSettlementSchedules(models, principal, req.params.id, body.proposal));
  });

  router.get('/cost-models/:id/workbook.xlsx', async (req, res) => {
    const principal = principalOf(req);
    const model = await visibleCostModel(ctx.store, principal, req.params.id);
    const successor = await ctx.store.findSuccessor(model.id);
    const workbook = await ctx.writeWorkbook(viewCostModel(await resultForWorkbook(models, model), successor?.id ?? null));
    const name = `${model.unitId}-${model.title}`.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .set('Content-Disposition', `attachment; filename="${name}-v${model.modelVersion}.xlsx"`)
      .set('ETag', costModelEtag(model))
      .send(workbook);
  });

  router.get('/cost-models/:id/audit', async (req, res) => {
    const principal = requireRole(req, ['manager', 'admin']);
    const model = await visibleCostModel(ctx.store, principal, req.params.id);
    const events = await ctx.store.listAudit({ entityType: 'cost-model', entityId: model.id, limit: 10_000 });
    res.json({ events });
  });

  return router;
}

function ifMatchOf(req: Request): string | undefined {
  return req.get('if-match') ?? undefined;
}
