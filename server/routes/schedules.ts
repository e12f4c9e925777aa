import express, { Router } from 'express';
import type { AppContext } from '../appContext.js';
import { principalOf, requireRole, roleGate } from '../http/authenticate.js';
import { notModified } from '../http/conditional.js';
import { jsonBody } from '../http/jsonBody.js';
import { parseInput } from '../http/parseInput.js';
import { unsupportedMediaType } from '../http/problem.js';
import { invalidInput } from '../services/domainErrors.js';
import { asOfQuery, changesQuery, importQuery } from '../http/requestSchemas.js';
import { importScheduleVersion, scheduleEtag, viewScheduleVersion } from '../services/scheduleVersions.js';
import type { ScheduleFileFormat } from '../services/workbookFiles.js';
import { scheduleSchema } from '../../shared/schemas/scenario.js';
import { ScheduleDocuments, scheduleChangesFor, unitScheduleVersions } from '../services/scheduleDocuments.js';
import { today, unitInScope } from './units.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPES = ['text/csv', 'application/csv'];

export function scheduleRoutes(ctx: AppContext): Router {
  const router = Router();

  // Schedule versions never change, so their documents are kept in memory once read; which version
  // is in force is remembered for SCHEDULE_CACHE_SECONDS: a pull, plain or conditional, costs no query.
  const documents = new ScheduleDocuments(ctx.store);
  router.get('/units/:unitId/schedules/current', async (req, res) => {
    const principal = principalOf(req);
    const unit = await unitInScope(ctx, req, principal);
    const query = parseInput(asOfQuery, req.query, 'query');
    const asOf = query.asOf ?? today(ctx.now());
    const current = await ctx.schedulesInForce.head(unit.id, asOf);
    const etag = scheduleEtag(current);
    // setHeader, not res.set: Express's res.set parses every Content-Type again (mime.contentType).
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'private, no-cache');
    if (notModified(req, etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }
    const body = await documents.body(current);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', body.length);
    res.end(body);
  });

  router.get('/units/:unitId/schedules', async (req, res) => {
    const principal = principalOf(req);
    const unit = await unitInScope(ctx, req, principal);
    const versions = await unitScheduleVersions(ctx.store, unit.id);
    res.json({
      unitId: unit.id,
      versions: versions.map((v) => {
        const { schedule, ...rest } = viewScheduleVersion(v);
        return { ...rest, scheduleId: schedule.id };
      }),
    });
  });

  router.get('/schedules/changes', async (req, res) => {
    const principal = principalOf(req);
    const query = parseInput(changesQuery, req.query, 'query');
    const since = Number(query.since ?? '0');
    const limit = Math.min(Math.max(Number(query.limit ?? '100'), 1), 500);
    const changes = await scheduleChangesFor(ctx.store, principal, since, limit + 1);
    const page = changes.slice(0, limit);
    const cursor = page.length > 0 ? page[page.length - 1]!.seq : since;
    res.json({ changes: page.map(viewScheduleVersion), cursor: String(cursor), hasMore: changes.length > limit });
  });

  router.post(
    '/units/:unitId/schedules/import',
    // The role before the body: a negotiator's 5 MB upload is refused unread, not inflated and parsed first.
    roleGate(['admin']),
    jsonBody(ctx.config.importBodyLimit),
    express.raw({ type: [...CSV_TYPES, XLSX_MEDIA_TYPE], limit: ctx.config.importBodyLimit }),
    async (req, res) => {
      const admin = requireRole(req, ['admin']);
      const unit = await unitInScope(ctx, req, admin);
      const query = parseInput(importQuery, req.query, 'query');
      const dryRun = query.dryRun === 'true' || query.dryRun === '1';
      let schedule: unknown;
      let source: string;
      if (req.is('application/json')) {
        if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
          throw invalidInput('the body must be a schedule object (COSTING.md §9 "schedule")', [{ path: 'body', message: 'must be a JSON object' }]);
        }
        schedule = {
          ...(req.body as Record<string, unknown>),
          ...(query.effective ? { effective: query.effective } : {}),
          ...(query.scheduleId ? { id: query.scheduleId } : {}),
        };
        source = 'import:json';
      } else {
        const format: ScheduleFileFormat | undefined = req.is(CSV_TYPES) ? 'csv' : req.is(XLSX_MEDIA_TYPE) ? 'xlsx' : undefined;
        if (!format) throw unsupportedMediaType(`send the schedule as application/json, text/csv or ${XLSX_MEDIA_TYPE}`);
        if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw invalidInput('the upload is empty', [{ path: 'body', message: 'empty' }]);
        if (!query.effective)
          throw invalidInput('a CSV or XLSX import needs ?effective=YYYY-MM-DD', [{ path: 'query.effective', message: 'required for CSV and XLSX imports' }]);
        const read = await ctx.readScheduleFile(format, req.body, {
          id: query.scheduleId ?? `${unit.id}-${query.effective}`,
          effective: query.effective,
          rateBasis: query.rateBasis,
          hoursPerYear: query.hoursPerYear === undefined ? undefined : Number(query.hoursPerYear),
          ratePlaces: query.ratePlaces === undefined ? undefined : Number(query.ratePlaces),
        });
        if (!read.ok)
          throw invalidInput(
            `the ${format.toUpperCase()} file is not a valid schedule: ${read.issues
              .slice(0, 5)
              .map((i) => `${i.path}: ${i.message}`)
              .join('; ')}`,
            read.issues,
          );
        schedule = read.schedule;
        source = `import:${format}`;
      }
      const valid = parseInput(scheduleSchema, schedule, 'schedule');
      const outcome = await importScheduleVersion(ctx.store, admin, ctx.now(), { unitId: unit.id, schedule: valid, source, dryRun }).finally(() =>
        ctx.schedulesInForce.forgetAll(),
      );
      res.status(outcome.created ? 201 : 200).json(outcome);
    },
  );

  return router;
}
