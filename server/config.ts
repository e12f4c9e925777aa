import { resolve } from 'node:path';
import type { OidcConfig } from './services/oidcVerifier.js';

/** Everything the server reads from its environment (documented in the README). */
export interface ServerConfig {
  port: number;
  host: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  dbPoolSize: number;
  /** Limit of JSON request bodies (cost models carry whole rosters). */
  bodyLimit: string;
  /** Limit of schedule import uploads (CSV, XLSX). */
  importBodyLimit: string;
  logLevel: string;
  /** Built add-in files served on the same origin. */
  addinDir: string;
  demoData: boolean;
  oidc: OidcConfig | undefined;
  trustProxy: string | undefined;
  shutdownTimeoutMs: number;
  /** How long an API token's user, role and units are remembered (0: look up every request). */
  authCacheMs: number;
  /** How long an instance remembers which schedule version is in force (SchedulesInForce). */
  scheduleCacheMs: number;
  /** Worker threads that run the costing engine (0: on the request thread). */
  costingWorkers: number;
  /** A costing job (a body read, a submit's or approval's costing, a content-hash check) not done this long after admission is stopped: 504. */
  costingTimeoutMs: number;
  /** Large costing jobs admitted at once (running or waiting), one per person; one more is refused with 503 and Retry-After. */
  costingQueueLimit: number;
  /** Small costing jobs admitted at once (eight per person); one more is refused with 503 and Retry-After. */
  costingQuickQueueLimit: number;
  /** Input size (bytes) up to which a costing job is small and may run on the quick lane. */
  costingQuickBytes: number;
  /** Largest roster (rows) accepted for a unit's cost model or template; the default suits the largest public employers' units. */
  rosterRowLimit: number;
  /** Worker threads that build workbook exports (0: on the request thread, tests only). */
  exportWorkers: number;
  /** Workbook exports built at once; more are refused with 503 and Retry-After. */
  exportConcurrency: number;
  exportTimeoutMs: number;
  /** Memory kept for approved models' workbooks (by content hash). */
  exportCacheBytes: number;
  /** Heap of each export worker, MB: an export that needs more fails alone. */
  exportWorkerHeapMb: number;
  /** Limit of small JSON bodies (decisions, users, tokens). */
  smallBodyLimit: string;
  /** Requests per minute per API token or OIDC subject (0: no limit). */
  rateLimitPerToken: number;
  /** Requests per minute per client address, before authentication (0: no limit). */
  rateLimitPerAddress: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const oidcIssuer = env.OIDC_ISSUER?.trim();
  const oidcAudience = env.OIDC_AUDIENCE?.trim();
  if (Boolean(oidcIssuer) !== Boolean(oidcAudience)) throw new Error('set both OIDC_ISSUER and OIDC_AUDIENCE, or neither');
  return {
    port: integer(env.PORT, 3000, 'PORT'),
    host: env.HOST?.trim() || undefined,
    dataDir: resolve(env.DATA_DIR?.trim() || './data'),
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    dbPoolSize: integer(env.DB_POOL_SIZE, 10, 'DB_POOL_SIZE'),
    bodyLimit: env.BODY_LIMIT?.trim() || '10mb',
    importBodyLimit: env.IMPORT_BODY_LIMIT?.trim() || '5mb',
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    addinDir: resolve(env.ADDIN_DIR?.trim() || 'dist/addin'),
    demoData: !/^(0|false|no|off)$/i.test(env.DEMO_DATA?.trim() ?? 'true'),
    oidc:
      oidcIssuer && oidcAudience
        ? {
            issuer: oidcIssuer,
            audience: oidcAudience,
            jwksUrl: env.OIDC_JWKS_URL?.trim() || undefined,
            roleClaim: env.OIDC_ROLE_CLAIM?.trim() || 'roles',
            unitsClaim: env.OIDC_UNITS_CLAIM?.trim() || 'units',
            maxTokenLifetimeSeconds: integer(env.OIDC_MAX_TOKEN_LIFETIME_SECONDS, 7200, 'OIDC_MAX_TOKEN_LIFETIME_SECONDS'),
            clockSkewSeconds: integer(env.OIDC_CLOCK_SKEW_SECONDS, 60, 'OIDC_CLOCK_SKEW_SECONDS'),
          }
        : undefined,
    trustProxy: env.TRUST_PROXY?.trim() || undefined,
    shutdownTimeoutMs: integer(env.SHUTDOWN_TIMEOUT_MS, 10_000, 'SHUTDOWN_TIMEOUT_MS'),
    authCacheMs: integer(env.AUTH_CACHE_SECONDS, 5, 'AUTH_CACHE_SECONDS') * 1000,
    scheduleCacheMs: integer(env.SCHEDULE_CACHE_SECONDS, 5, 'SCHEDULE_CACHE_SECONDS') * 1000,
    costingWorkers: integer(env.COSTING_WORKERS, 1, 'COSTING_WORKERS'),
    costingTimeoutMs: Math.max(1, integer(env.COSTING_TIMEOUT_SECONDS, 120, 'COSTING_TIMEOUT_SECONDS')) * 1000,
    costingQueueLimit: Math.max(1, integer(env.COSTING_QUEUE_LIMIT, 4, 'COSTING_QUEUE_LIMIT')),
    costingQuickQueueLimit: Math.max(1, integer(env.COSTING_QUICK_QUEUE_LIMIT, 32, 'COSTING_QUICK_QUEUE_LIMIT')),
    costingQuickBytes: integer(env.COSTING_QUICK_KB, 256, 'COSTING_QUICK_KB') * 1024,
    rosterRowLimit: integer(env.ROSTER_ROW_LIMIT, 100_000, 'ROSTER_ROW_LIMIT'),
    exportWorkers: integer(env.EXPORT_WORKERS, 1, 'EXPORT_WORKERS'),
    exportConcurrency: Math.max(1, integer(env.EXPORT_CONCURRENCY, 2, 'EXPORT_CONCURRENCY')),
    exportTimeoutMs: integer(env.EXPORT_TIMEOUT_SECONDS, 300, 'EXPORT_TIMEOUT_SECONDS') * 1000,
    exportCacheBytes: integer(env.EXPORT_CACHE_MB, 64, 'EXPORT_CACHE_MB') * 1024 * 1024,
    exportWorkerHeapMb: integer(env.EXPORT_WORKER_HEAP_MB, 2048, 'EXPORT_WORKER_HEAP_MB'),
    smallBodyLimit: env.SMALL_BODY_LIMIT?.trim() || '64kb',
    rateLimitPerToken: integer(env.RATE_LIMIT_PER_TOKEN, 1200, 'RATE_LIMIT_PER_TOKEN'),
    rateLimitPerAddress: integer(env.RATE_LIMIT_PER_ADDRESS, 6000, 'RATE_LIMIT_PER_ADDRESS'),
  };
}

function integer(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined || text.trim() === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${JSON.stringify(text)}`);
  return n;
}
