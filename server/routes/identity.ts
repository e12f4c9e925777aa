import { Router } from 'express';
import type { AppContext } from '../appContext.js';
import { principalOf, requireRole } from '../http/authenticate.js';
import { jsonBody } from '../http/jsonBody.js';
import { parseInput } from '../http/parseInput.js';
import { changeUserBody, createTokenBody, createUserBody, unitId } from '../http/requestSchemas.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../services/apiTokens.js';
import { unitsInScope } from '../services/units.js';
import { addUser, changeUser, listUsers } from '../services/users.js';
import type { UserRecord } from '../store/store.js';

const userView = (u: UserRecord) => ({ id: u.id, name: u.name, role: u.role, units: u.unitIds, createdAt: u.createdAt });

/** Who am I; users and their API tokens (admin). */
export function identityRoutes(ctx: AppContext): Router {
  const router = Router();
  const smallBody = jsonBody(ctx.config.smallBodyLimit);

  router.get('/me', async (req, res) => {
    const principal = principalOf(req);
    const units = await unitsInScope(ctx.store, principal);
    res.json({ user: { id: principal.userId, name: principal.name, role: principal.role }, units: units.map((u) => ({ id: u.id, name: u.name })) });
  });

  router.get('/users', async (req, res) => {
    requireRole(req, ['admin']);
    res.json({ users: (await listUsers(ctx.store)).map(userView) });
  });

  router.post('/users', smallBody, async (req, res) => {
    const admin = requireRole(req, ['admin']);
    const body = parseInput(createUserBody, req.body, 'body');
    const user = await addUser(ctx.store, admin, ctx.now(), { id: body.id, name: body.name, role: body.role, unitIds: body.units });
    res.status(201).json(userView(user));
  });

  router.patch('/users/:userId', smallBody, async (req, res) => {
    const admin = requireRole(req, ['admin']);
    const userId = parseInput(unitId, req.params.userId, 'userId');
    const body = parseInput(changeUserBody, req.body, 'body');
    res.json(userView(await changeUser(ctx.store, admin, ctx.now(), userId, { role: body.role, unitIds: body.units }, ctx.principals)));
  });

  router.get('/users/:userId/tokens', async (req, res) => {
    requireRole(req, ['admin']);
    const userId = parseInput(unitId, req.params.userId, 'userId');
    res.json({ tokens: await listApiTokens(ctx.store, userId) });
  });

  router.delete('/users/:userId/tokens/:tokenId', async (req, res) => {
    const admin = requireRole(req, ['admin']);
    const userId = parseInput(unitId, req.params.userId, 'userId');
    await revokeApiToken(ctx.store, admin, ctx.now(), userId, req.params.tokenId, ctx.principals);
    res.status(204).end();
  });

  router.post('/users/:userId/tokens', smallBody, async (req, res) => {
    const admin = requireRole(req, ['admin']);
    const userId = parseInput(unitId, req.params.userId, 'userId');
    const body = parseInput(createTokenBody, req.body ?? {}, 'body');
    const issued = await createApiToken(ctx.store, admin, ctx.now(), userId, body.label);
    res.status(201).json({ ...issued, note: 'the token is shown once; only its hash is stored' });
  });

  return router;
}
