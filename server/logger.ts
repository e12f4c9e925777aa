import pino, { type Logger } from 'pino';

/** Paths that may hold secrets: they never reach the log. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
];

/**
 * Structured JSON logs to stdout. Written asynchronously in batches (a request's log line must not
 * cost the request a system call); pino flushes what is buffered when the process exits.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'bargaining-costing' } },
    destination ?? pino.destination({ dest: 1, sync: false, minLength: 4096 }),
  );
}
