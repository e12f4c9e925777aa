import type { Logger } from 'pino';
import type { ServerConfig } from './config.js';
import type { Store } from './store/store.js';
import type { PoolScenarioWork } from './costing/costingPool.js';
import type { CostingAdmission } from './services/costingAdmission.js';
import type { CostScenario } from './services/costModels.js';
import type { OidcVerifier } from './services/oidcVerifier.js';
import type { ExpiringCache } from './services/expiringCache.js';
import type { PrincipalCache } from './services/principalCache.js';
import type { UnitRecord } from './store/store.js';
import type { ScheduleFileReader } from './services/workbookFiles.js';
import type { ExportSlots } from './services/exportSlots.js';
import type { WorkbookExports } from './services/workbookExports.js';
import type { ReportPdfRenderer } from './pdf/renderReportPdf.js';
import type { SchedulesInForce } from './services/scheduleDocuments.js';

/** What the routes need; built once by createApp. */
export interface AppContext {
  store: Store;
  config: ServerConfig;
  logger: Logger;
  costScenario: CostScenario;
  /**
   * Cost-model bodies and stored costings, off the request thread in the server. The routes run
   * it through `costing` (per-person and total bounds, a timeout); the in-process version
   * (tests, COSTING_WORKERS=0) ignores the job options.
   */
  scenarioWork: PoolScenarioWork;
  /** Admission to the costing workers (services/costingAdmission.ts), shared by every route that uses them. */
  costing: CostingAdmission;
  /** The clock of timestamps and of the caches' expiry. */
  now: () => Date;
  oidc: OidcVerifier | undefined;
  readScheduleFile: ScheduleFileReader;
  /** Workbook exports and report PDFs share these (a concurrency limit, per person too, and a timeout). */
  exportSlots: ExportSlots;
  workbooks: WorkbookExports;
  /** API-token principals, remembered for AUTH_CACHE_SECONDS. */
  principals: PrincipalCache;
  /** Report PDFs (server/pdf): on the export workers when the server has them. */
  renderReportPdf: ReportPdfRenderer;
  /** Units by id, remembered for AUTH_CACHE_SECONDS (every unit-scoped request looks its unit up). */
  units: ExpiringCache<UnitRecord>;
  /** The schedule version in force per unit and day, remembered for SCHEDULE_CACHE_SECONDS. */
  schedulesInForce: SchedulesInForce;
  /** False while shutting down: /readyz answers 503. */
  ready: { value: boolean };
}
