import { Router } from 'express';
import type { AppContext } from '../appContext.js';
import { requireRole } from '../http/authenticate.js';
import { parseInput } from '../http/parseInput.js';
import { forbidden } from '../http/problem.js';
import { auditQuery } from '../http/requestSchemas.js';
import { inScope, scopeFilter } from '../services/principal.js';

/** The append-only audit trail, in order; a manager sees the events of their units. */
export function auditRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/audit', async (req, res) => {
    const principal = requireRole(req, ['manager', 'admin']);
    const query = parseInput(auditQuery, req.query, 'query');
    if (query.unitId && !inScope(principal, query.unitId)) throw forbidden(`unit ${query.unitId} is not in your scope`);
    const unitIds = query.unitId ? [query.unitId] : scopeFilter(principal);
    const limit = Math.min(Math.max(Number(query.limit ?? '500'), 1), 5000);
    const events = await ctx.store.listAudit({ ...(unitIds ? { unitIds } : {}), ...(query.after ? { afterSeq: Number(query.after) } : {}), limit });
    res.json({ events, cursor: String(events.length > 0 ? events[events.length - 1]!.seq : Number(query.after ?? 0)) });
  });
  return router;
}
