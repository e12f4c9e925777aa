import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { costScenario as engineCostScenario } from '../shared/engine/costScenario.js';
import type { AppContext } from './appContext.js';
import { configFromEnv, type ServerConfig } from './config.js';
import { addinStatic } from './http/addinStatic.js';
import { apiHeaders } from './http/apiHeaders.js';
import { authenticate } from './http/authenticate.js';
import { inProcessScenarioWork, type ScenarioWork } from './http/costModelBodies.js';
import { errorHandler, unknownRoute, wrongMethod } from './http/errorHandler.js';
import { accessLog } from './http/accessLog.js';
import { createLogger } from './logger.js';
import { perAddressLimit, perCredentialLimit } from './http/rateLimits.js';
import { auditRoutes } from './routes/audit.js';
import { costModelRoutes } from './routes/costModels.js';
import { reportRoutes } from './routes/reports.js';
import { renderReportPdf, type ReportPdfRenderer } from './pdf/renderReportPdf.js';
import { healthRoutes } from './routes/health.js';
import { identityRoutes } from './routes/identity.js';
import { openApiRoutes } from './routes/openapi.js';
import { scheduleRoutes } from './routes/schedules.js';
import { unitRoutes } from './routes/units.js';
import type { CostScenario } from './services/costModels.js';
import { OidcVerifier } from './services/oidcVerifier.js';
import { PrincipalCache } from './services/principalCache.js';
import { CostingAdmission } from './services/costingAdmission.js';
import { ExportSlots } from './services/exportSlots.js';
import { inProcessWorkbookBuilder, WorkbookExports, type WorkbookBuilder } from './services/workbookExports.js';
import { defaultScheduleFileReader, defaultWorkbookWriter } from './services/xlsxAdapters.js';
import type { ScheduleFileReader, WorkbookWriter } from './services/workbookFiles.js';
import type { Store, UnitRecord } from './store/store.js';
import { ExpiringCache } from './services/expiringCache.js';
import { SchedulesInForce } from './services/scheduleDocuments.js';

export interface AppDeps {
  store: Store;
  config?: Partial<ServerConfig>;
  logger?: Logger;
  costScenario?: CostScenario;
  /** Default: in-process, with `costScenario`. */
  scenarioWork?: ScenarioWork;
  now?: () => Date;
  readScheduleFile?: ScheduleFileReader;
  /** The in-process writer, used when no `buildWorkbook` is given. */
  writeWorkbook?: WorkbookWriter;
  /** Builds workbooks off the request thread (the costing workers' pool in production). */
  buildWorkbook?: WorkbookBuilder;
  renderReportPdf?: ReportPdfRenderer;
  /** Shared with the listener so /readyz fails during shutdown. */
  ready?: { value: boolean };
}

export const API_PREFIX = '/api/v1';

/** Builds the Express app (routes → services → store) without listening. */
export function createApp(deps: AppDeps): Express {
  const config: ServerConfig = { ...configFromEnv({}), ...deps.config };
  const exportSlots = new ExportSlots({ concurrency: config.exportConcurrency, timeoutMs: config.exportTimeoutMs });
  const logger = deps.logger ?? createLogger(config.logLevel);
  const now = deps.now ?? (() => new Date());
  const costScenario = deps.costScenario ?? engineCostScenario;
  const scenarioWork = deps.scenarioWork ?? inProcessScenarioWork(costScenario);
  const ctx: AppContext = {
    store: deps.store,
    config,
    logger,
    costScenario,
    scenarioWork,
    costing: new CostingAdmission(
      {
        timeoutMs: config.costingTimeoutMs,
        queueLimit: config.costingQueueLimit,
        quickQueueLimit: config.costingQuickQueueLimit,
        quickBytes: config.costingQuickBytes,
        workers: config.costingWorkers,
      },
      () => now().getTime(),
    ),
    now,
    oidc: config.oidc ? new OidcVerifier(config.oidc, now) : undefined,
    readScheduleFile: deps.readScheduleFile ?? defaultScheduleFileReader,
    exportSlots,
    workbooks: new WorkbookExports(
      deps.store,
      deps.buildWorkbook ?? inProcessWorkbookBuilder(deps.writeWorkbook ?? defaultWorkbookWriter),
      exportSlots,
      { cacheBytes: config.exportCacheBytes },
      (modelId) => logger.debug({ costModel: modelId }, 'workbook export started'),
      scenarioWork.intact,
    ),
    principals: new PrincipalCache(config.authCacheMs, now),
    renderReportPdf: deps.renderReportPdf ?? renderReportPdf,
    ready: deps.ready ?? { value: true },
    units: new ExpiringCache<UnitRecord>(config.authCacheMs),
    schedulesInForce: new SchedulesInForce(deps.store, config.scheduleCacheMs, () => now().getTime()),
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);
  app.locals.context = ctx;

  // Load-balancer probes every few seconds would drown the log.
  app.use(accessLog(app, logger, (url) => url === '/healthz' || url === '/readyz'));

  const api = express.Router();
  api.use(apiHeaders());
  const byAddress = perAddressLimit(config.rateLimitPerAddress, () => now().getTime());
  if (byAddress) api.use(byAddress);
  api.use(authenticate(ctx));
  const byCredential = perCredentialLimit(config.rateLimitPerToken, () => now().getTime());
  if (byCredential) api.use(byCredential);
  // No body parser here: each route that takes a body parses it, with its own limit (http/jsonBody.ts).
  api.use(scheduleRoutes(ctx)); // first: schedule pulls are the hot path
  api.use(openApiRoutes());
  api.use(identityRoutes(ctx));
  api.use(unitRoutes(ctx));
  api.use(costModelRoutes(ctx));
  api.use(reportRoutes(ctx));
  api.use(auditRoutes(ctx));
  api.use(wrongMethod(api));
  api.use(unknownRoute);
  app.use(API_PREFIX, api);
  // After the API, which never passes a request on: API requests do not go through this router.
  app.use(healthRoutes(ctx));

  app.use(addinStatic(config.addinDir));
  app.use(unknownRoute);
  app.use(errorHandler(logger));
  return app;
}
