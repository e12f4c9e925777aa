import express, { type RequestHandler } from 'express';
import { HttpProblem } from './problem.js';

const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * A JSON body parser for one route, with that route's size limit; other routes never read a body.
 * Any JSON value is read (`strict: false`): a body of `null` or `"x"` is then refused by the route's
 * schema as the wrong kind of body, instead of being called "not valid JSON", which it is.
 */
export function jsonBody(limit: string): RequestHandler {
  return express.json({ limit, strict: false, type: JSON_TYPES });
}

/**
 * The body as bytes, for routes that hand it to a worker to parse (http/costModelBodies.ts). JSON is
 * UTF-8 (RFC 8259 §8.1): a body declared in another charset is refused (415) rather than misread.
 */
export function jsonBytes(limit: string): RequestHandler {
  const raw: RequestHandler = express.raw({ limit, type: JSON_TYPES });
  return (req, res, next) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.get('content-type') ?? '')?.[1]?.toLowerCase();
    if (charset === undefined || charset === 'utf-8' || charset === 'utf8') {
      raw(req, res, next);
      return;
    }
    next(
      new HttpProblem(
        415,
        'unsupported-media-type',
        'Unsupported media type',
        `the body is declared ${charset}: send JSON in UTF-8 (charset=utf-8, or no charset)`,
      ),
    );
  };
}
