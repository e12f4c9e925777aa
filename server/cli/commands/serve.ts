import type { Command } from 'commander';
import { configWith, withStoreOptions, type StoreCliOptions } from './storeOptions.js';

export function registerServeCommand(program: Command): void {
  withStoreOptions(
    program
      .command('serve')
      .description('migrate the database, load demo data into an empty one, and serve the API and the add-in')
      .option('-p, --port <port>', 'port (default: $PORT or 3000)')
      .option('--no-demo', 'do not load demo data into an empty database')
      .option('--check-port', 'only check that the port is free, and exit (npm start runs this before its build)'),
  ).action(async (options: StoreCliOptions & { port?: string; demo: boolean; checkPort?: boolean }) => {
    const { checkPortFree, PortInUseError, serveUntilSignalled, startServer } = await import('../../index.js');
    const config = configWith(options);
    if (options.port !== undefined) {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`--port must be a port number, got ${options.port}\n`);
        process.exit(2);
      }
      config.port = port;
    }
    if (!options.demo) config.demoData = false;
    try {
      if (options.checkPort) {
        await checkPortFree(config);
        return;
      }
      serveUntilSignalled(await startServer(config));
    } catch (error) {
      if (!(error instanceof PortInUseError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
  });
}
