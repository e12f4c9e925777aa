import { Router } from 'express';
import { openApiDocument } from '../openapi/document.js';

/** GET /openapi.json: generated from the zod schemas the routes validate with. */
export function openApiRoutes(): Router {
  const router = Router();
  let cached: string | undefined;
  router.get('/openapi.json', (_req, res) => {
    cached ??= JSON.stringify(openApiDocument());
    res.type('application/json').send(cached);
  });
  return router;
}
