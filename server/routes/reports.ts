/**
 * GET /cost-models/:id/report/<summary|disclosure|reconcile|by-fund|by-department>.pdf
 *   ?proposal=NAME&against=NAME&line=ROLL-UP%3DLINE&tz=America/Los_Angeles
 *
 * A cost model's report as a PDF, under the same role and unit checks as the model itself (a
 * model outside the caller's units is "not found"). An approved model's PDF carries its approval
 * block and content hash, the approver by name.
 *
 * POST /reports/<view>.pdf  {scenario, proposal?, against?, line?, tz?}
 *
 * The same for a costing not saved as a model (the add-in's current costing): the scenario must be
 * of a unit in the caller's scope; it is costed and drawn like a draft. Both are drawn on the
 * costing workers, off the request thread.
 */
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../appContext.js';
import { principalOf } from '../http/authenticate.js';
import { jsonBody } from '../http/jsonBody.js';
import { parseInput } from '../http/parseInput.js';
import { cannotCost, invalidInput, notFound } from '../services/domainErrors.js';
import { userDisplayName } from '../services/users.js';
import { CostingInputError } from '../../shared/issues.js';
import { parseScenario } from '../../shared/scenario.js';
import type { CostingResult } from '../../shared/result.js';
import { mappingFromOptions, reportViews, type DisclosureMappingFile, type ReportOptions } from '../../shared/reports/index.js';
import type { ReportPdfOutcome } from '../pdf/renderReportPdf.js';
import { inScope } from '../services/principal.js';
import type { ReportView } from '../../shared/reports/reportDocument.js';
import { resultForWorkbook, validScenarioWithin, visibleCostModel, type CostModelContext } from '../services/costModels.js';

const reportOptions = {
  proposal: z.string().min(1).max(200).optional(),
  against: z.string().min(1).max(200).optional(),
  line: z.union([z.string().max(300), z.array(z.string().max(300)).max(100)]).optional(),
  tz: z
    .string()
    .max(64)
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as America/Los_Angeles')
    .optional(),
};
const reportQuery = z.strictObject(reportOptions);
const reportBody = z.strictObject({ scenario: z.unknown(), ...reportOptions });

export function reportRoutes(ctx: AppContext): Router {
  const router = Router();
  const models: CostModelContext = { store: ctx.store, costScenario: ctx.costScenario, now: ctx.now };

  router.get('/cost-models/:id/report/:file', async (req, res) => {
    const principal = principalOf(req);
    const view = viewOf(req.params.file);
    const query = parseInput(reportQuery, req.query, 'query');
    const model = await visibleCostModel(ctx.store, principal, req.params.id);
    const mapping = mappingOf(query.line, 'query');

    const parsed = parseScenario(JSON.parse(model.scenarioJson));
    if (!parsed.ok) throw cannotCost(`cost model ${model.id} holds a scenario that no longer validates`, parsed.issues);
    let result: CostingResult;
    try {
      result = JSON.parse((await resultForWorkbook(models, model)).resultJson!) as CostingResult;
    } catch (error) {
      if (error instanceof CostingInputError) throw cannotCost('the draft cannot be costed as it stands', error.issues);
      throw error;
    }

    const nameOf = (userId: string | null) => userDisplayName(ctx.store, userId);
    const options: ReportOptions = {
      model: { title: model.title, version: model.modelVersion, state: model.state },
      generatedAt: ctx.now().toISOString(),
      timeZone: query.tz ?? 'UTC',
      mapping,
      ...(query.proposal !== undefined ? { proposal: query.proposal } : {}),
      ...(query.against !== undefined ? { against: query.against } : {}),
    };
    if (model.state === 'approved' && model.contentHash && model.decidedAt) {
      options.approval = {
        approverName: await nameOf(model.decidedBy),
        approvedAt: model.decidedAt,
        contentHash: model.contentHash,
        ...(model.decisionComment ? { comment: model.decisionComment } : {}),
      };
    } else if (model.state === 'returned' && model.decidedAt) {
      options.returned = { byName: await nameOf(model.decidedBy), at: model.decidedAt, comment: model.decisionComment ?? '' };
    }

    sendPdf(
      res,
      await ctx.renderReportPdf({ view, scenario: parsed.value, result, options }),
      `${model.unitId}-${model.title}-v${model.modelVersion}-${view}`,
      'query',
    );
  });

  router.post('/reports/:file', jsonBody(ctx.config.bodyLimit), async (req, res) => {
    const principal = principalOf(req);
    const view = viewOf(String(req.params.file));
    const body = parseInput(reportBody, req.body ?? {}, 'body');
    const unitId = (body.scenario as { unit?: { id?: unknown } } | null)?.unit?.id;
    if (typeof unitId !== 'string' || !inScope(principal, unitId)) throw notFound(`no unit ${String(unitId)} in your scope`);
    const scenario = validScenarioWithin(body.scenario, unitId, ctx.config.rosterRowLimit);
    const mapping = mappingOf(body.line, 'body');
    let result: CostingResult;
    try {
      result = await ctx.costScenario(scenario);
    } catch (error) {
      if (error instanceof CostingInputError) throw cannotCost('the scenario cannot be costed as it stands', error.issues);
      if (error instanceof RangeError) throw cannotCost(`the scenario cannot be costed: ${error.message}`, [{ path: 'body.scenario', message: error.message }]);
      throw error;
    }
    const options: ReportOptions = {
      model: { title: 'Working costing (not saved)', state: 'draft' },
      generatedAt: ctx.now().toISOString(),
      timeZone: body.tz ?? 'UTC',
      mapping,
      ...(body.proposal !== undefined ? { proposal: body.proposal } : {}),
      ...(body.against !== undefined ? { against: body.against } : {}),
    };
    sendPdf(res, await ctx.renderReportPdf({ view, scenario, result, options }), `${unitId}-${view}`, 'body');
  });

  return router;
}

function viewOf(file: string): ReportView {
  const view = file.replace(/\.pdf$/, '') as ReportView;
  if (!file.endsWith('.pdf') || !reportViews.includes(view))
    throw notFound(`no report ${file}: the reports are ${reportViews.map((v) => `${v}.pdf`).join(', ')}`);
  return view;
}

/** `line=NAME=LINE` options (one or many) as the disclosure's mapping changes. */
function mappingOf(line: string | string[] | undefined, where: 'query' | 'body'): DisclosureMappingFile {
  const mapping = mappingFromOptions(line === undefined ? [] : Array.isArray(line) ? line : [line]);
  if (!mapping.ok)
    throw invalidInput(
      `the ${where} is invalid`,
      mapping.issues.map((i) => ({ path: i.path.replace('--line', `${where}.line`), message: i.message })),
    );
  return mapping.changes;
}

function sendPdf(res: Response, outcome: ReportPdfOutcome, name: string, where: 'query' | 'body'): void {
  if (!outcome.ok) {
    throw outcome.issues.some((i) => i.path === 'result')
      ? cannotCost(outcome.issues[0]!.message, outcome.issues)
      : invalidInput(
          `the ${where} is invalid`,
          outcome.issues.map((i) => ({ path: i.path.replace(/^--/, `${where}.`).replace(/^mapping/, `${where}.line`), message: i.message })),
        );
  }
  res
    .type('application/pdf')
    .set('Content-Disposition', `inline; filename="${name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 100)}.pdf"`)
    .set('Cache-Control', 'no-store')
    .send(Buffer.from(outcome.pdf));
}
