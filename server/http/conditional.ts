import type { Request } from 'express';

/** True when the request's If-None-Match names `etag` (weak or strong) or is `*`. */
export function notModified(req: Request, etag: string): boolean {
  const header = req.get('if-none-match');
  if (!header) return false;
  if (header === etag) return true; // what a client sends back, most often
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
