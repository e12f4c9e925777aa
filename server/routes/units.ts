import { Router } from 'express';
import type { AppContext } from '../appContext.js';
import { principalOf, requireRole } from '../http/authenticate.js';
import { jsonBody } from '../http/jsonBody.js';
import { parseInput } from '../http/parseInput.js';
import { asOfQuery, createUnitBody, unitId } from '../http/requestSchemas.js';
import { checkRosterSize } from '../services/costModels.js';
import type { Principal } from '../services/principal.js';
import { addUnit, unitForPrincipal, unitsInScope } from '../services/units.js';
import { unitTemplate } from '../services/unitTemplates.js';
import type { UnitRecord } from '../store/store.js';
import type { Request } from 'express';

/** The unit named in the path, which the caller must have in scope. */
export async function unitInScope(ctx: AppContext, req: Request, principal: Principal): Promise<UnitRecord> {
  const id = parseInput(unitId, req.params.unitId, 'unitId');
  return unitForPrincipal(ctx.store, ctx.units, principal, id, ctx.now().getTime());
}

export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function unitRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/units', async (req, res) => {
    const principal = principalOf(req);
    const units = await unitsInScope(ctx.store, principal);
    res.json({ units: units.map((u) => ({ id: u.id, name: u.name })) });
  });

  router.post('/units', jsonBody(ctx.config.bodyLimit), async (req, res) => {
    const admin = requireRole(req, ['admin']);
    checkRosterSize((req.body as { template?: { roster?: unknown } } | undefined)?.template?.roster, ctx.config.rosterRowLimit, 'body.template.roster.rows');
    const body = parseInput(createUnitBody, req.body, 'body');
    const unit = await addUnit(ctx.store, admin, ctx.now(), { id: body.id, name: body.name, profile: body.template });
    res.status(201).json({ id: unit.id, name: unit.name, createdAt: unit.createdAt });
  });

  router.get('/units/:unitId/template', async (req, res) => {
    const principal = requireRole(req, ['analyst', 'manager', 'admin']);
    const unit = await unitInScope(ctx, req, principal);
    const query = parseInput(asOfQuery, req.query, 'query');
    res.json(await unitTemplate(ctx.store, unit, query.asOf ?? today(ctx.now())));
  });

  return router;
}
