import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureAddinBuild } from './support/addinBuild.js';
import { chromiumProblem, launchChromium, newPaneContext, screenshot, watchErrors } from './support/browser.js';
import { startTestServer, type TestServer } from './support/testServer.js';

describe.skipIf(chromiumProblem !== undefined)('the task pane opened in a plain browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureAddinBuild();
    server = await startTestServer();
    browser = await launchChromium();
  }, 300_000); // the first run builds the add-in with webpack

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says it runs inside Excel and how to install the add-in', async () => {
    const context = await newPaneContext(browser, { excel: false });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByTestId('not-in-excel').waitFor();
    expect(await page.getByText('This page runs inside Excel').isVisible()).toBe(true);
    const text = await page.getByTestId('not-in-excel').innerText();
    expect(text).toContain('Install the add-in');
    expect(text).toContain('Upload My Add-in');
    expect(text).toContain(`${server.url}/manifest.xml`);
    expect(await page.getByRole('button', { name: 'Connect' }).count()).toBe(0);
    await screenshot(page, '00-plain-browser');
    expect(errors).toEqual([]);
    await context.close();
  });
});
