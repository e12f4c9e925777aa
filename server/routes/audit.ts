import { Router } from 'express';
import type { AppContext } from '../appContext.js';
import { requireRole } from '../http/authenticate.js';
import { parseInput } from '../http/parseInput.js';
import { auditQuery } from '../http/requestSchemas.js';
import { auditEventsFor } from '../services/auditQueries.js';

/** The append-only audit trail, in order; a manager sees the events of their units. */
export function auditRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/audit', async (req, res) => {
    const principal = requireRole(req, ['manager', 'admin']);
    const query = parseInput(auditQuery, req.query, 'query');
    const limit = Math.min(Math.max(Number(query.limit ?? '500'), 1), 5000);
    const events = await auditEventsFor(ctx.store, principal, { unitId: query.unitId, afterSeq: query.after ? Number(query.after) : undefined, limit });
    res.json({ events, cursor: String(events.length > 0 ? events[events.length - 1]!.seq : Number(query.after ?? 0)) });
  });
  return router;
}
