import { randomUUID } from 'node:crypto';
import type { Express, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { loggableUrl } from '../logger.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The request id: the caller's X-Request-Id when it is safe to echo, else a new UUID. */
    id: string;
    /** A logger whose lines carry this request's id (made on first use). */
    log: Logger;
  }
}

const SAFE_REQUEST_ID = /^[\w.-]{1,100}$/;
/** An API token's prefix (apiTokens.ts): an id holding it is not echoed or logged (a token pasted as a request id). */
const TOKEN_PREFIX = /bct_/i;
const CHILD_LOGGER = Symbol('request logger');
const ACCESS = Symbol('access log');

type LoggedRequest = Request & { [CHILD_LOGGER]?: Logger; [ACCESS]?: { started: number; url: string; remoteAddress: string | undefined } };

/**
 * One JSON line per request, when its response is done — who asked for what and how it ended,
 * never how they authenticated: no headers, no bodies, secret query values redacted.
 *
 * The line has the shape pino-http's had ({reqId, req: {id, method, url, remoteAddress}, user,
 * res: {statusCode}, responseTime}, "request completed" or "request errored" with `err`), written
 * with a single logger call: pino-http made three child loggers per request and serialized the
 * whole request up front, about a fifth of a schedule pull's CPU. `req.log` (the request's child
 * logger) is made only when a route logs something of its own, by a getter on the app's request
 * prototype (https://expressjs.com/en/5x/api.html#app.request), not one defined per request.
 *
 * The line is written on the response's 'close', which Node emits both when the response is
 * complete and when its connection ended first
 * (https://nodejs.org/docs/latest-v20.x/api/http.html#event-close_1).
 */
export function accessLog(app: Express, logger: Logger, ignore: (url: string) => boolean): RequestHandler {
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: LoggedRequest) {
      return (this[CHILD_LOGGER] ??= logger.child({ reqId: this.id }));
    },
  });
  // The line holds only the fields below (the URL through loggableUrl), which none of the logger's
  // redaction paths (logger.ts) can match; pino's redaction would still copy and serialize each of
  // them on every line, so the line is written by a child without it (`redact: []`,
  // https://github.com/pinojs/pino/blob/main/docs/api.md#optionsredact-array--object-1).
  const lines = logger.child({}, { redact: [] });

  function written(this: Response): void {
    const req = this.req as LoggedRequest;
    const access = req[ACCESS]!;
    const status = this.statusCode;
    // 503 is the server shedding load on purpose (every export slot taken): a warning, as the error handler logs it.
    const failed = status >= 500 && status !== 503;
    const level = failed ? 'error' : status >= 400 ? 'warn' : 'info';
    if (!lines.isLevelEnabled(level)) return;
    lines[level](
      {
        reqId: req.id,
        req: { id: req.id, method: req.method, url: loggableUrl(access.url), remoteAddress: access.remoteAddress },
        user: req.principal?.userId, // pino leaves out undefined values
        res: { statusCode: status },
        err: failed ? new Error(`failed with status code ${status}`) : undefined,
        responseTime: Date.now() - access.started,
      },
      failed ? 'request errored' : 'request completed',
    );
  }

  return (req: LoggedRequest, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) && !TOKEN_PREFIX.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    if (!ignore(req.url)) {
      // As the request came (routers rewrite req.url; a closed connection has no peer address).
      req[ACCESS] = { started: Date.now(), url: req.url, remoteAddress: req.socket.remoteAddress };
      res.on('close', written);
    }
    next();
  };
}
