import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const ADDIN_DIR = join(ROOT, 'dist/addin');
const SOURCES = ['addin', 'shared', 'webpack.config.cjs', 'manifest.xml'];

/** A build of the add-in: the production one (dist/addin), or one made with other build settings. */
export interface AddinBuild {
  dir: string;
  /** Build settings (ADDIN_ENTRA_CLIENT_ID, …) on top of the test process's environment. */
  env: Record<string, string>;
}

const PRODUCTION: AddinBuild = { dir: ADDIN_DIR, env: {} };

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

function isStale(dir: string): boolean {
  const built = join(dir, 'taskpane.js');
  if (!existsSync(join(dir, 'taskpane.html')) || !existsSync(built)) return true;
  const sources = Math.max(
    ...SOURCES.map((p) => join(ROOT, p))
      .filter(existsSync)
      .map(newestMtime),
  );
  return sources > statSync(built).mtimeMs;
}

/**
 * The production build of the add-in (or another `build`), rebuilt when a source is newer than it.
 * Test files running in parallel take turns through a lock directory, so only one of them builds.
 */
export async function ensureAddinBuild(build: AddinBuild = PRODUCTION): Promise<void> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const lock = `${build.dir}.build-lock`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) throw new Error(`another test held ${lock} for 5 minutes; remove it if no build is running`, { cause: error });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (isStale(build.dir)) {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', build.dir], {
        cwd: ROOT,
        env: { ...process.env, ...build.env },
        stdio: 'pipe',
        timeout: 280_000,
      });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
