/**
 * GET /cost-models/:id/report/<summary|disclosure|reconcile|by-fund|by-department>.pdf
 *   ?proposal=NAME&against=NAME&line=ROLL-UP%3DLINE&tz=America/Los_Angeles
 *
 * A cost model's report as a PDF, under the same role and unit checks as the model itself (a
 * model outside the caller's units is "not found"). An approved model's PDF carries its approval
 * block and content hash, the approver by name. The PDF is drawn on the costing workers, off the
 * request thread.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../appContext.js';
import { principalOf } from '../http/authenticate.js';
import { parseInput } from '../http/parseInput.js';
import { invalidInput, notFound, unprocessable } from '../http/problem.js';
import { CostingInputError } from '../../shared/issues.js';
import { parseScenario } from '../../shared/scenario.js';
import type { CostingResult } from '../../shared/result.js';
import { mappingFromOptions, reportViews, type ReportOptions } from '../../shared/reports/index.js';
import type { ReportView } from '../../shared/reports/reportDocument.js';
import { resultForWorkbook, visibleCostModel, type CostModelContext } from '../services/costModels.js';

const reportQuery = z.strictObject({
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
});

export function reportRoutes(ctx: AppContext): Router {
  const router = Router();
  const models: CostModelContext = { store: ctx.store, costScenario: ctx.costScenario, now: ctx.now };

  router.get('/cost-models/:id/report/:file', async (req, res) => {
    const principal = principalOf(req);
    const file = String(req.params.file);
    const view = file.replace(/\.pdf$/, '') as ReportView;
    if (!file.endsWith('.pdf') || !reportViews.includes(view)) throw notFound(`no report ${file}: the reports are ${reportViews.map((v) => `${v}.pdf`).join(', ')}`);
    const query = parseInput(reportQuery, req.query, 'query');
    const model = await visibleCostModel(ctx.store, principal, String(req.params.id));

    const lines = query.line === undefined ? [] : Array.isArray(query.line) ? query.line : [query.line];
    const mapping = mappingFromOptions(lines);
    if (!mapping.ok) throw invalidInput('the query is invalid', mapping.issues.map((i) => ({ path: i.path.replace('--line', 'query.line'), message: i.message })));

    const parsed = parseScenario(JSON.parse(model.scenarioJson));
    if (!parsed.ok) throw unprocessable(`cost model ${model.id} holds a scenario that no longer validates`, parsed.issues);
    let result: CostingResult;
    try {
      result = JSON.parse((await resultForWorkbook(models, model)).resultJson!) as CostingResult;
    } catch (error) {
      if (error instanceof CostingInputError) throw unprocessable('the draft cannot be costed as it stands', error.issues);
      throw error;
    }

    const nameOf = async (userId: string | null) => (userId ? ((await ctx.store.getUser(userId))?.name ?? userId) : '');
    const options: ReportOptions = {
      model: { title: model.title, version: model.modelVersion, state: model.state },
      generatedAt: ctx.now().toISOString(),
      timeZone: query.tz ?? 'UTC',
      mapping: mapping.changes,
      ...(query.proposal !== undefined ? { proposal: query.proposal } : {}),
      ...(query.against !== undefined ? { against: query.against } : {}),
    };
    if (model.state === 'approved' && model.contentHash && model.decidedAt) {
      options.approval = { approverName: await nameOf(model.decidedBy), approvedAt: model.decidedAt, contentHash: model.contentHash, ...(model.decisionComment ? { comment: model.decisionComment } : {}) };
    } else if (model.state === 'returned' && model.decidedAt) {
      options.returned = { byName: await nameOf(model.decidedBy), at: model.decidedAt, comment: model.decisionComment ?? '' };
    }

    const outcome = await ctx.renderReportPdf({ view, scenario: parsed.value, result, options });
    if (!outcome.ok) throw invalidInput('the query is invalid', outcome.issues.map((i) => ({ path: i.path.replace(/^--/, 'query.'), message: i.message })));
    const name = `${model.unitId}-${model.title}`.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);
    res
      .type('application/pdf')
      .set('Content-Disposition', `inline; filename="${name}-v${model.modelVersion}-${view}.pdf"`)
      .set('Cache-Control', 'no-store')
      .send(Buffer.from(outcome.pdf));
  });

  return router;
}
