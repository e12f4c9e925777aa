import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const ADDIN_DIR = join(ROOT, 'dist/addin');
const SOURCES = ['addin', 'shared', 'webpack.config.cjs', 'manifest.xml'];
const LOCK = join(ROOT, 'dist/.addin-build-lock');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

function isStale(): boolean {
  const built = join(ADDIN_DIR, 'taskpane.js');
  if (!existsSync(join(ADDIN_DIR, 'taskpane.html')) || !existsSync(built)) return true;
  const sources = Math.max(
    ...SOURCES.map((p) => join(ROOT, p))
      .filter(existsSync)
      .map(newestMtime),
  );
  return sources > statSync(built).mtimeMs;
}

/**
 * The production build of the add-in, rebuilt when a source is newer than it. Test files running
 * in parallel take turns through a lock directory, so only one of them builds.
 */
export async function ensureAddinBuild(): Promise<void> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) throw new Error(`another test held ${LOCK} for 5 minutes; remove it if no build is running`, { cause: error });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (isStale()) {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production'], {
        cwd: ROOT,
        stdio: 'pipe',
        timeout: 280_000,
      });
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
