import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { CostingInputError } from '../../shared/issues.js';
import { DuplicateKeyError, TamperedRecordError } from '../store/store.js';
import { cannotCost, DomainError, notFound } from '../services/domainErrors.js';
import { HttpProblem, problemOf } from './problem.js';

export function sendProblem(res: Parameters<RequestHandler>[1], problem: HttpProblem): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem.toJSON()));
}

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(notFound(`no route ${req.method} ${req.path}`));
};

/** The parts of Express 5's router (the `router` package) read to list a path's methods; anything else is passed over. */
interface RouterLayer {
  route?: { _methods?: () => string[] };
  handle?: { stack?: unknown };
  match?: (path: string) => unknown;
}

/** The methods the router's routes take at `path` (sub-routers mounted without a path included). */
function methodsAt(stack: unknown, path: string, into: Set<string>): void {
  if (!Array.isArray(stack)) return;
  for (const layer of stack as RouterLayer[]) {
    if (layer.route && typeof layer.route._methods === 'function' && typeof layer.match === 'function' && layer.match(path)) {
      for (const method of layer.route._methods()) into.add(method);
    } else if (!layer.route && layer.handle?.stack) methodsAt(layer.handle.stack, path, into);
  }
}

/**
 * After every route of `router`: a path it serves, asked with another method, is 405 with `Allow`
 * (RFC 9110 §15.5.6), not "no route"; a path it does not serve goes on to the 404.
 */
export function wrongMethod(router: { stack?: unknown }): RequestHandler {
  return (req, res, next) => {
    const allowed = new Set<string>();
    methodsAt(router.stack, req.path, allowed);
    allowed.delete(req.method);
    if (allowed.size === 0) {
      next();
      return;
    }
    const allow = [...allowed].sort().join(', ');
    res.set('Allow', allow);
    next(new HttpProblem(405, 'method-not-allowed', 'Method not allowed', `${req.method} is not a method of ${req.path}: use ${allow}`));
  };
}

/** Every error leaves as application/problem+json; only a genuine server fault is a 5xx. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const problem = toProblem(error);
    if (error instanceof TamperedRecordError) {
      const log = (req as { log?: Logger }).log ?? logger;
      log.fatal({ alarm: 'integrity', entity: error.entity, id: error.id, reason: error.reason }, `ALARM: ${error.message}; it was not served`);
    } else if (error instanceof DomainError && error.kind === 'busy') {
      // Expected under load (every export slot taken): a line to count, not a fault to page anyone for.
      ((req as { log?: Logger }).log ?? logger).warn({ problem: error.kind, detail: error.message }, 'request refused');
    } else if (problem.status >= 500) {
      ((req as { log?: Logger }).log ?? logger).error({ err: error }, 'request failed');
    }
    if (error instanceof DomainError && error.retryAfterSeconds !== undefined) res.set('Retry-After', String(error.retryAfterSeconds));
    sendProblem(res, problem);
  };
}

function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof DomainError) return problemOf(error);
  if (error instanceof CostingInputError) return problemOf(cannotCost(`the scenario cannot be costed: ${error.issues.length} problem(s)`, error.issues));
  if (error instanceof DuplicateKeyError) return new HttpProblem(409, 'conflict', 'Conflict', error.message);
  if (error instanceof TamperedRecordError) {
    return new HttpProblem(
      500,
      'integrity-violation',
      'Integrity check failed',
      `${error.message}. It is not served; an administrator should run \`bargaining-costing verify\` and restore from a backup.`,
    );
  }
  const bodyError = error as { type?: unknown; status?: unknown; statusCode?: unknown; expose?: unknown; limit?: unknown; message?: unknown };
  const status = typeof bodyError.status === 'number' ? bodyError.status : typeof bodyError.statusCode === 'number' ? bodyError.statusCode : 500;
  if (status >= 400 && status < 500) {
    switch (bodyError.type) {
      case 'entity.parse.failed':
        return new HttpProblem(400, 'malformed-json', 'Malformed JSON', `the request body is not valid JSON: ${String(bodyError.message)}`, [
          { path: 'body', message: 'not valid JSON' },
        ]);
      case 'entity.too.large':
        return new HttpProblem(
          413,
          'body-too-large',
          'Request body too large',
          `the request body is larger than the limit of ${String(bodyError.limit)} bytes`,
          [{ path: 'body', message: `larger than ${String(bodyError.limit)} bytes` }],
        );
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return new HttpProblem(415, 'unsupported-media-type', 'Unsupported media type', String(bodyError.message));
      default:
        return new HttpProblem(status, 'bad-request', 'Bad request', bodyError.expose === true ? String(bodyError.message) : 'the request could not be read');
    }
  }
  return new HttpProblem(500, 'internal', 'Internal server error', 'the server failed to handle the request; it has been logged');
}
