import express, { type RequestHandler } from 'express';

/** A JSON body parser for one route, with that route's size limit; other routes never read a body. */
export function jsonBody(limit: string): RequestHandler {
  return express.json({ limit, strict: true, type: ['application/json', 'application/*+json'] });
}
