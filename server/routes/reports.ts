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
 * export workers, off the request thread, in the server's export slots with workbook exports
 * (exportSlots.ts: a concurrency limit, per person too, and a timeout).
 */
import { Router, type Response } from 'express';
import type { AppContext } from '../appContext.js';
import { principalOf } from '../http/authenticate.js';
import { jsonBytesOf } from '../http/costModelBodies.js';
import { jsonBytes } from '../http/jsonBody.js';
import { parseInput } from '../http/parseInput.js';
import { mappingOf, reportQuery } from '../http/reportRequests.js';
import { cannotCost, invalidInput, notFound } from '../services/domainErrors.js';
import { userDisplayName } from '../services/users.js';
import { reportViews, type ReportOptions } from '../../shared/reports/index.js';
import type { ReportPdfOutcome } from '../pdf/renderReportPdf.js';
import type { ReportView } from '../../shared/reports/reportDocument.js';
import { checkedForServing, visibleCostModel } from '../services/costModels.js';

export function reportRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/cost-models/:id/report/:file', async (req, res) => {
    const principal = principalOf(req);
    const view = viewOf(req.params.file);
    const query = parseInput(reportQuery, req.query, 'query');
    // The approved model's content-hash check: admitted and remembered (services/costingAdmission.ts).
    const intact = ctx.costing.intactFor(principal, ctx.scenarioWork.intact);
    const model = await checkedForServing(await visibleCostModel(ctx.store, principal, req.params.id, { checked: false }), intact);
    const nameOf = (userId: string | null) => userDisplayName(ctx.store, userId);
    const options: ReportOptions = {
      model: { title: model.title, version: model.modelVersion, state: model.state },
      generatedAt: ctx.now().toISOString(),
      timeZone: query.tz ?? 'UTC',
      mapping: mappingOf(query.line, 'query'),
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
    // The scenario and result travel as stored: read, and a draft costed, where the PDF is drawn.
    const request = { kind: 'stored', view, scenarioJson: model.scenarioJson, resultJson: model.resultJson, options } as const;
    const outcome = await ctx.exportSlots.run(principal, 'report PDF', (signal) => ctx.renderReportPdf(request, signal));
    sendPdf(res, outcome, `${model.unitId}-${model.title}-v${model.modelVersion}-${view}`, 'query');
  });

  // The body is read as bytes and handed on whole: parsed, checked and costed where the PDF is drawn.
  router.post('/reports/:file', jsonBytes(ctx.config.bodyLimit), async (req, res) => {
    const principal = principalOf(req);
    const view = viewOf(String(req.params.file));
    const request = {
      kind: 'body',
      view,
      text: jsonBytesOf(req, '{scenario, proposal?, against?, line?, tz?}'),
      principal,
      rosterRowLimit: ctx.config.rosterRowLimit,
      generatedAt: ctx.now().toISOString(),
    } as const;
    const outcome = await ctx.exportSlots.run(principal, 'report PDF', (signal) => ctx.renderReportPdf(request, signal));
    sendPdf(res, outcome, outcome.ok && outcome.name ? outcome.name : view, 'body');
  });

  return router;
}

function viewOf(file: string): ReportView {
  const view = file.replace(/\.pdf$/, '') as ReportView;
  if (!file.endsWith('.pdf') || !reportViews.includes(view))
    throw notFound(`no report ${file}: the reports are ${reportViews.map((v) => `${v}.pdf`).join(', ')}`);
  return view;
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
