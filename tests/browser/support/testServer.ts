import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv, type ServerConfig } from '../../../server/config.js';
import { startServer, type RunningServer } from '../../../server/index.js';
import { ADDIN_DIR } from './addinBuild.js';

export interface DemoUser {
  name: string;
  role: string;
  token: string;
}

export interface TestServer {
  url: string;
  users: Record<string, DemoUser>;
  running: RunningServer;
  close(): Promise<void>;
}

/**
 * The real server (createApp via startServer) on a random port, SQLite in a temp DATA_DIR, demo data
 * loaded; `settings` change its configuration (another add-in build, an OIDC issuer).
 */
export async function startTestServer(settings: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bc-browser-'));
  const running = await startServer({ ...configFromEnv({}), port: 0, dataDir, addinDir: ADDIN_DIR, logLevel: 'silent', demoData: true, ...settings });
  const tokens = JSON.parse(readFileSync(join(dataDir, 'demo-tokens.json'), 'utf8')) as { users: Record<string, DemoUser> };
  return {
    url: running.url,
    users: tokens.users,
    running,
    async close() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
