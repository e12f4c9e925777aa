import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
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

/**
 * One JSON line per request, when its response is done — who asked for what and how it ended,
 * never how they authenticated: no headers, no bodies, secret query values redacted.
 *
 * The line has the shape pino-http's had ({reqId, req: {id, method, url, remoteAddress}, user,
 * res: {statusCode}, responseTime}, "request completed" or "request errored" with `err`), written
 * with a single logger call: pino-http made three child loggers per request and serialized the
 * whole request up front, about a fifth of a schedule pull's CPU. `req.log` (the request's child
 * logger) is made only when a route logs something of its own.
 *
 * The line is written on the response's 'close', which Node emits both when the response is
 * complete and when its connection ended first
 * (https://nodejs.org/docs/latest-v20.x/api/http.html#event-close_1).
 */
export function accessLog(logger: Logger, ignore: (url: string) => boolean): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', { configurable: true, enumerable: false, get: () => (child ??= logger.child({ reqId: id })) });
    if (!ignore(req.url)) {
      const started = Date.now();
      // As the request came (routers rewrite req.url; a closed connection has no peer address).
      const url = req.url;
      const remoteAddress = req.socket.remoteAddress;
      res.once('close', () => {
        const status = res.statusCode;
        const failed = status >= 500;
        const level = failed ? 'error' : status >= 400 ? 'warn' : 'info';
        if (!logger.isLevelEnabled(level)) return;
        const user = req.principal?.userId;
        logger[level](
          {
            reqId: id,
            req: { id, method: req.method, url: loggableUrl(url), remoteAddress },
            ...(user ? { user } : {}),
            res: { statusCode: status },
            ...(failed ? { err: new Error(`failed with status code ${status}`) } : {}),
            responseTime: Date.now() - started,
          },
          failed ? 'request errored' : 'request completed',
        );
      });
    }
    next();
  };
}
