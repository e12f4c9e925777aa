import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, normalize } from 'node:path';
import SparticuzChromium from '@sparticuz/chromium';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './addinBuild.js';

export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_DIST = join(ROOT, 'node_modules/@microsoft/office-js/dist');
const DOUBLE = readFileSync(join(ROOT, 'tests/browser/double/excelDouble.js'), 'utf8');

const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SYSTEM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PACKAGED = join(ROOT, 'node_modules/@sparticuz/chromium');
// The package's flags are tuned for AWS Lambda. Dropped here: the two that lower the page's security
// (the pane is tested under the browser's usual rules), and --single-process (Lambda needs it; with
// it a second browser context's page stalled in the journey test).
const NOT_FOR_TESTS = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);

interface ChromiumLaunch {
  executablePath: string;
  args: string[];
  /** Where the executable came from, for the log. */
  source: string;
}

/**
 * @sparticuz/chromium ships Chromium brotli-compressed inside the npm package and inflates it into
 * os.tmpdir(). It is inflated once into node_modules/.cache instead (staged, then renamed, so test
 * files starting together never launch a half-written binary) and reused by later runs.
 */
async function packagedChromium(): Promise<ChromiumLaunch> {
  const { version } = JSON.parse(readFileSync(join(PACKAGED, 'package.json'), 'utf8')) as { version: string };
  const cache = join(ROOT, 'node_modules/.cache/sparticuz-chromium');
  const target = join(cache, version);
  if (!existsSync(join(target, 'chromium'))) {
    mkdirSync(cache, { recursive: true });
    const staging = mkdtempSync(join(cache, `${version}-partial-`));
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = staging; // executablePath() inflates into os.tmpdir(), which reads TMPDIR
    try {
      await SparticuzChromium.executablePath(join(PACKAGED, 'bin'));
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
    try {
      renameSync(staging, target);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(join(target, 'chromium'))) throw error;
    }
  }
  return {
    executablePath: join(target, 'chromium'),
    args: SparticuzChromium.args.filter((arg) => !NOT_FOR_TESTS.has(arg)),
    source: `@sparticuz/chromium ${version}`,
  };
}

async function canLaunch(launch: ChromiumLaunch): Promise<string | undefined> {
  try {
    const browser = await chromium.launch({ executablePath: launch.executablePath, args: launch.args });
    await browser.close();
    return undefined;
  } catch (error) {
    return `${launch.source} at ${launch.executablePath} does not start: ${(error as Error).message.split('\n')[0] ?? ''}`;
  }
}

/** The system's Chromium when present (or CHROMIUM_PATH), otherwise the one inside @sparticuz/chromium. */
async function findChromium(): Promise<ChromiumLaunch | { problem: string }> {
  const problems: string[] = [];
  if (existsSync(SYSTEM_CHROMIUM)) {
    const system = { executablePath: SYSTEM_CHROMIUM, args: SYSTEM_ARGS, source: 'system Chromium' };
    const problem = await canLaunch(system);
    if (!problem) return system;
    problems.push(problem);
  } else {
    problems.push(`no Chromium at ${SYSTEM_CHROMIUM} (set CHROMIUM_PATH to use another)`);
  }
  if (process.platform === 'linux' && process.arch === 'x64') {
    try {
      const packaged = await packagedChromium();
      const problem = await canLaunch(packaged);
      if (!problem) return packaged;
      problems.push(problem);
    } catch (error) {
      problems.push(`@sparticuz/chromium could not be inflated: ${(error as Error).message}`);
    }
  } else {
    problems.push(`@sparticuz/chromium ships Chromium for x64 Linux only, not ${process.platform}-${process.arch}`);
  }
  return { problem: problems.join('; ') };
}

const found = await findChromium();

/** Why the browser tests cannot run here, or undefined when a Chromium starts: test files skip on it. */
export const chromiumProblem: string | undefined = 'problem' in found ? found.problem : undefined;
if (chromiumProblem) console.warn(`browser tests skipped: ${chromiumProblem}`);

export function launchChromium(): Promise<Browser> {
  if ('problem' in found) throw new Error(`no Chromium to launch: ${found.problem}`);
  return chromium.launch({ executablePath: found.executablePath, args: found.args });
}

export interface PaneOptions {
  /** Inject the in-memory Excel (the page then believes it runs in Excel). */
  excel: boolean;
}

/**
 * A browser context for the pane: Office.js's CDN address served from the npm package, every other
 * outside address refused (the tests never reach the internet), and optionally the Excel double.
 */
export async function newPaneContext(browser: Browser, options: PaneOptions): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, serviceWorkers: 'block' });
  await context.route(`${OFFICE_CDN}**`, async (route) => {
    const path = new URL(route.request().url()).pathname.replace('/lib/1/hosted/', '');
    const file = normalize(join(OFFICE_DIST, path));
    if (!file.startsWith(OFFICE_DIST) || !existsSync(file)) return route.fulfill({ status: 404, body: `not in @microsoft/office-js: ${path}` });
    return route.fulfill({ status: 200, contentType: 'application/javascript; charset=utf-8', body: readFileSync(file) });
  });
  await context.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/]|appsforoffice\.microsoft\.com\/lib\/1\/hosted\/)/, (route) =>
    route.abort('blockedbyclient'),
  );
  if (options.excel) await context.addInitScript({ content: DOUBLE });
  return context;
}

/** Collects the page's uncaught errors and console errors, to fail on them. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // office.js, outside a real Office host, tries to frame its telemetry page; the CSP refuses it.
    if (message.type() === 'error' && !/telemetryservice\.firstpartyapps\.oaspapps\.com/.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
