/**
 * Each pane state the browser tests reach: a screenshot at the two widths Office gives a task pane
 * (320 px, Excel's narrowest, and 350 px), and axe-core's WCAG 2.2 AA rules run on it — a serious or
 * critical violation fails the test, naming the rule and the elements.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS } from './browser.js';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const PANE_WIDTHS = [320, 350] as const;

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }[];
}

/** Serious and critical accessibility problems of the page as it is now. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // page.evaluate runs outside the page's CSP, which (rightly) refuses inline scripts.
  // The script's last value is axe itself, a huge cyclic object: end with a plain value so nothing is sent back.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(`${AXE}\n;true`);
  const result = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run: (context: Document, options: unknown) => Promise<AxeResult> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      // Office.js adds a hidden telemetry frame the page's CSP refuses: axe would wait for it forever.
      iframes: false,
    }),
  );
  return (
    result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      // Fluent's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>) only pass focus on; the
      // tools Microsoft maintains suppress this rule on them (https://github.com/microsoft/tabster/issues/288,
      // https://github.com/microsoft/accessibility-insights-web/pull/7605). Everything else counts.
      .map((v) => (v.id === 'aria-hidden-focus' ? { ...v, nodes: v.nodes.filter((n) => !n.html.includes('data-tabster-dummy')) } : v))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  );
}

/**
 * Whether the shown tabs sit on one row inside the page (the ones that do not fit are hidden under
 * More). Run in the page.
 */
function tabsFitOneRow(): boolean {
  const shown = [...document.querySelectorAll('[role="tab"]')].filter((t) => t.getClientRects().length > 0).map((t) => t.getBoundingClientRect());
  const tops = shown.map((box) => box.top);
  const past = shown.some((box) => box.right > document.documentElement.clientWidth + 0.5);
  return !past && (tops.length < 2 || Math.max(...tops) - Math.min(...tops) <= 4);
}

/** Screenshots at 320 and 350 px, then the accessibility check; the viewport goes back to what it was. */
export async function paneState(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize() ?? { width: 420, height: 900 };
  const tabsDoNotFit: number[] = [];
  for (const width of PANE_WIDTHS) {
    await page.setViewportSize({ width, height: before.height });
    // Fluent's overflow re-lays the tabs out after a resize: wait for it (a bounded wait, then it counts as a failure).
    const fit = await page.waitForFunction(tabsFitOneRow, undefined, { timeout: 3000 }).then(
      () => true,
      () => false,
    );
    if (!fit) tabsDoNotFit.push(width);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
  if (tabsDoNotFit.length > 0) throw new Error(`${name}: the tabs wrap onto two rows, or reach past the pane, at ${tabsDoNotFit.join(' and ')} px`);
  const problems = await accessibilityProblems(page);
  if (problems.length > 0) throw new Error(`${name}: accessibility problems:\n${problems.join('\n')}`);
}
