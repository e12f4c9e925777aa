import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { CostingPool } from './costing/costingPool.js';
import { configFromEnv, type ServerConfig } from './config.js';
import { loadDemoData } from './demo/loadDemoData.js';
import { createLogger } from './logger.js';
import { migrateStore, openStore } from './store/openStore.js';
import type { Store } from './store/store.js';

/**
 * The costing and export workers' nice value (0 is the request thread's; 19 the lowest priority).
 * 19, not 10: at 10 a worker still takes about a tenth of a core the request thread or a client
 * wants; at 19 about 1.5% (CFS weights 15 against 1024). Measured with `npm run bench:server`, two
 * runs each: pulls during 10,000-row exports and submits 2,015–2,215/s, p99 22–28 ms, against
 * 1,571–2,066/s, p99 30–38 ms at 10. Submits and exports take longer only when the CPU is wanted.
 */
const WORKER_NICENESS = 19;

export interface RunningServer {
  server: Server;
  store: Store;
  url: string;
  /** "Bargaining Costing server at …": printed by whoever runs the server once it is ready to stop cleanly. */
  readyLine: string;
  /** Stops accepting connections, lets in-flight requests finish, closes the database. */
  close(): Promise<void>;
}

/** Migrates, loads demo data on an empty database, and listens. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const location = { databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize };
  const applied = await migrateStore(location);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  const store = openStore(location);
  if (config.demoData) {
    const demo = await loadDemoData(store, config.dataDir, new Date());
    if (demo) {
      logger.info({ tokensFile: demo.tokensFile, units: demo.units }, 'loaded demo data');
      process.stdout.write(`Demo data loaded. The demo users' API tokens are in ${demo.tokensFile}\n`);
    }
  }
  const ready = { value: true };
  // The engine runs off the request thread, so a 10,000-row costing does not stall schedule pulls.
  // Both pools run at a lower CPU priority than the request thread (Linux): on a machine with few
  // cores, pulls keep their latency while 10,000-row submits and workbook exports run.
  const pool = config.costingWorkers > 0 ? new CostingPool(config.costingWorkers, { niceness: WORKER_NICENESS }) : undefined;
  // Workbooks are built in their own workers, so a large export neither stalls the request thread
  // nor delays submits; each worker's heap is capped, so a runaway export fails alone.
  const exportPool =
    config.exportWorkers > 0 ? new CostingPool(config.exportWorkers, { maxHeapMb: config.exportWorkerHeapMb, niceness: WORKER_NICENESS }) : undefined;
  const app = createApp({
    store,
    config,
    logger,
    ready,
    ...(pool ? { costScenario: (scenario) => pool.cost(scenario), scenarioWork: pool.scenarioWork() } : {}),
    ...(exportPool
      ? {
          buildWorkbook: (record, supersededBy, signal, names) => exportPool.workbook(record, supersededBy, signal, names),
          renderReportPdf: (request, signal) => exportPool.reportPdf(request, signal),
        }
      : {}),
  });
  let server: Server;
  try {
    server = await listen(app, config);
  } catch (error) {
    await pool?.close();
    await exportPool?.close();
    await store.close();
    throw error;
  }
  server.keepAliveTimeout = 5_000;
  const address = server.address() as AddressInfo;
  const url = `http://localhost:${address.port}`;
  logger.info({ url, database: store.kind, addinDir: config.addinDir }, 'listening');
  const readyLine = `Bargaining Costing server at ${url} (${store.kind === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL'})\n`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      ready.value = false;
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          logger.warn('shutdown timeout: closing remaining connections');
          server.closeAllConnections();
        }, config.shutdownTimeoutMs);
        force.unref();
        // Keep-alive connections become idle as their requests finish: close them as they do.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        server.close(() => {
          clearTimeout(force);
          clearInterval(sweep);
          resolve();
        });
        server.closeIdleConnections();
      });
      await pool?.close();
      await exportPool?.close();
      await store.close();
      logger.info('stopped');
    })());
  return { server, store, url, readyLine, close };
}

/** The port is taken: said in one line, with how to choose another (no stack trace). */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use: stop what is listening there, or choose another port with PORT=<port> (or serve --port <port>)`);
  }
}

/** Throws PortInUseError when the configured port is taken (`npm start` asks before its build). */
export async function checkPortFree(config: Pick<ServerConfig, 'port' | 'host'>): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(config.port) : error));
    probe.listen(config.port, config.host, () => resolve());
  });
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}

function listen(app: ReturnType<typeof createApp>, config: ServerConfig): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(config.port) : error);
    const s = config.host ? app.listen(config.port, config.host) : app.listen(config.port);
    // Without HOST, Node listens on every interface (IPv6 and IPv4 where available).
    s.once('error', onError);
    s.once('listening', () => {
      s.off('error', onError);
      resolve(s);
    });
  });
}

/**
 * Installs the signal handlers, then says the server is up: whoever waits for that line (a
 * supervisor, a test) may send SIGTERM at once and still get a clean shutdown.
 */
export function serveUntilSignalled(running: RunningServer): void {
  stopOnSignals(running);
  process.stdout.write(running.readyLine);
}

/** SIGTERM/SIGINT: finish in-flight requests, then exit. */
export function stopOnSignals(running: RunningServer): void {
  let signalled = false;
  const stop = (signal: string) => {
    if (signalled) return;
    signalled = true;
    process.stdout.write(`${signal}: finishing in-flight requests\n`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${(error as Error).stack ?? String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  try {
    serveUntilSignalled(await startServer(configFromEnv()));
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
