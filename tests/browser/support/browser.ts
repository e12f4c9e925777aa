import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './addinBuild.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_DIST = join(ROOT, 'node_modules/@microsoft/office-js/dist');
const DOUBLE = readFileSync(join(ROOT, 'tests/browser/double/excelDouble.js'), 'utf8');

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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
  await context.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/]|appsforoffice\.microsoft\.com\/lib\/1\/hosted\/)/, (route) => route.abort('blockedbyclient'));
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
