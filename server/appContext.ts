import type { Logger } from 'pino';
import type { ServerConfig } from './config.js';
import type { Store } from './store/store.js';
import type { CostScenario } from './services/costModels.js';
import type { OidcVerifier } from './services/oidcVerifier.js';
import type { ScheduleFileReader, WorkbookWriter } from './services/workbookFiles.js';

/** What the routes need; built once by createApp. */
export interface AppContext {
  store: Store;
  config: ServerConfig;
  logger: Logger;
  costScenario: CostScenario;
  now: () => Date;
  oidc: OidcVerifier | undefined;
  readScheduleFile: ScheduleFileReader;
  writeWorkbook: WorkbookWriter;
  /** False while shutting down: /readyz answers 503. */
  ready: { value: boolean };
}
