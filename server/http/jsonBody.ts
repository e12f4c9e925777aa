import express, { type RequestHandler } from 'express';

/** A JSON body parser for one route, with that route's size limit; other routes never read a body. */
export function jsonBody(limit: string): RequestHandler {
  return express.json({ limit, strict: true, type: ['application/json', 'application/*+json'] });
}

/** The body as bytes, for routes that hand it to a costing worker to parse (http/costModelBodies.ts). */
export function jsonBytes(limit: string): RequestHandler {
  return express.raw({ limit, type: ['application/json', 'application/*+json'] });
}
