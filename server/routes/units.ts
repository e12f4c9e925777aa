import { Router } from 'express';
import type { AppContext } from '../appContext.js';
import { principalOf, requireRole } from '../http/authenticate.js';
import { parseInput } from '../http/parseInput.js';
import { forbidden, notFound } from '../http/problem.js';
import { asOfQuery, createUnitBody, unitId } from '../http/requestSchemas.js';
import { inScope, scopeFilter, type Principal } from '../services/principal.js';
import { addUnit } from '../services/units.js';
import { unitTemplate } from '../services/unitTemplates.js';
import type { UnitRecord } from '../store/store.js';
import type { Request } from 'express';

/** The unit named in the path, which the caller must have in scope. */
export async function unitInScope(ctx: AppContext, req: Request, principal: Principal): Promise<UnitRecord> {
  const id = parseInput(unitId, req.params.unitId, 'unitId');
  if (!inScope(principal, id)) throw forbidden(`unit ${id} is not in your scope`);
  const now = Date.now();
  let unit = ctx.units.get(id, now);
  if (!unit) {
    unit = await ctx.store.getUnit(id);
    if (unit) ctx.units.set(id, unit, now);
  }
  if (!unit) throw notFound(`no unit ${id}`);
  return unit;
}

export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function unitRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/units', async (req, res) => {
    const principal = principalOf(req);
    const units = await ctx.store.listUnits(scopeFilter(principal));
    res.json({ units: units.map((u) => ({ id: u.id, name: u.name })) });
  });

  router.post('/units', async (req, res) => {
    const admin = requireRole(req, ['admin']);
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
