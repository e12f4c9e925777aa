import { Router } from 'express';
import type { AppContext } from '../appContext.js';
import { principalOf, requireRole } from '../http/authenticate.js';
import { parseInput } from '../http/parseInput.js';
import { notFound } from '../http/problem.js';
import { changeUserBody, createTokenBody, createUserBody, unitId } from '../http/requestSchemas.js';
import { issueToken } from '../services/apiTokens.js';
import { recordAudit } from '../services/auditTrail.js';
import { addUser, changeUser } from '../services/users.js';

/** Who am I; users and their API tokens (admin). */
export function identityRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/me', async (req, res) => {
    const principal = principalOf(req);
    const units = await ctx.store.listUnits(principal.unitIds === 'all' ? undefined : principal.unitIds);
    res.json({ user: { id: principal.userId, name: principal.name, role: principal.role }, units: units.map((u) => ({ id: u.id, name: u.name })) });
  });

  router.get('/users', async (req, res) => {
    requireRole(req, ['admin']);
    const users = await ctx.store.listUsers();
    res.json({ users: users.map((u) => ({ id: u.id, name: u.name, role: u.role, units: u.unitIds, createdAt: u.createdAt })) });
  });

  router.post('/users', async (req, res) => {
    const admin = requireRole(req, ['admin']);
    const body = parseInput(createUserBody, req.body, 'body');
    const user = await addUser(ctx.store, admin, ctx.now(), { id: body.id, name: body.name, role: body.role, unitIds: body.units });
    res.status(201).json({ id: user.id, name: user.name, role: user.role, units: user.unitIds, createdAt: user.createdAt });
  });

  router.patch('/users/:userId', async (req, res) => {
    const admin = requireRole(req, ['admin']);
    const userId = parseInput(unitId, req.params.userId, 'userId');
    const body = parseInput(changeUserBody, req.body, 'body');
    const user = await changeUser(ctx.store, admin, ctx.now(), userId, { role: body.role, unitIds: body.units });
    res.json({ id: user.id, name: user.name, role: user.role, units: user.unitIds, createdAt: user.createdAt });
  });

  router.get('/users/:userId/tokens', async (req, res) => {
    requireRole(req, ['admin']);
    const userId = parseInput(unitId, req.params.userId, 'userId');
    if (!(await ctx.store.getUser(userId))) throw notFound(`no user ${userId}`);
    res.json({ tokens: await ctx.store.listTokens(userId) });
  });

  router.delete('/users/:userId/tokens/:tokenId', async (req, res) => {
    const admin = requireRole(req, ['admin']);
    const userId = parseInput(unitId, req.params.userId, 'userId');
    const tokenId = req.params.tokenId;
    const now = ctx.now();
    const revoked = await ctx.store.transaction(async (tx) => {
      const done = await tx.revokeToken(userId, tokenId, now.toISOString());
      if (done) await recordAudit(tx, admin, now, { action: 'token.revoked', entityType: 'token', entityId: tokenId, unitId: null, detail: { user: userId } });
      return done;
    });
    if (!revoked) throw notFound(`user ${userId} has no active token ${tokenId}`);
    res.status(204).end();
  });

  router.post('/users/:userId/tokens', async (req, res) => {
    const admin = requireRole(req, ['admin']);
    const userId = parseInput(unitId, req.params.userId, 'userId');
    const body = parseInput(createTokenBody, req.body ?? {}, 'body');
    const user = await ctx.store.getUser(userId);
    if (!user) throw notFound(`no user ${userId}`);
    const now = ctx.now();
    const issued = await ctx.store.transaction(async (tx) => {
      const token = await issueToken(tx, user.id, body.label, now);
      await recordAudit(tx, admin, now, { action: 'token.created', entityType: 'token', entityId: token.id, unitId: null, detail: { user: user.id, label: body.label } });
      return token;
    });
    res.status(201).set('Cache-Control', 'no-store').json({ ...issued, note: 'the token is shown once; only its hash is stored' });
  });

  return router;
}
