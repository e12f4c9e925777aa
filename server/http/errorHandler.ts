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
