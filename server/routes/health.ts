import { Router } from 'express';
import type { AppContext } from '../appContext.js';
import { databaseAnswers } from '../services/readiness.js';

/** Liveness and readiness, unauthenticated, for load balancers and orchestrators. */
export function healthRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (!ctx.ready.value) {
      res
        .status(503)
        .type('application/problem+json')
        .send(JSON.stringify({ type: 'urn:bargaining-costing:problem:not-ready', title: 'Not ready', status: 503, detail: 'the server is shutting down' }));
      return;
    }
    let database: string;
    try {
      database = await databaseAnswers(ctx.store);
    } catch (error) {
      ctx.logger.error({ err: error }, 'readiness check: database unreachable');
      res
        .status(503)
        .type('application/problem+json')
        .send(JSON.stringify({ type: 'urn:bargaining-costing:problem:not-ready', title: 'Not ready', status: 503, detail: 'the database is unreachable' }));
      return;
    }
    res.json({ status: 'ready', database });
  });
  return router;
}
