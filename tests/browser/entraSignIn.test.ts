/**
 * Sign-in with the organisation's account, in real headless Chromium against the real server: the
 * add-in built with an Entra ID app registration, the server trusting an OIDC issuer on this
 * machine (its JWKS served here, tokens signed with jose), and a stand-in for MSAL's nested app
 * authentication in the page. Also: API tokens where no Entra app is configured, and the tabs on
 * one row at the pane's widths.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADDIN_DIR, ensureAddinBuild, ROOT, type AddinBuild } from './support/addinBuild.js';
import { chromiumProblem, launchChromium, newPaneContext, screenshot, watchErrors } from './support/browser.js';
import { startLocalIssuer, type LocalIssuer, type Person, type TokenOptions } from '../server/support/localIssuer.js';
import { installMsalStandIn, type MsalStandIn, type StandInScript } from './support/msalStandIn.js';
import { accessibilityProblems, PANE_WIDTHS, paneState } from './support/paneStates.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const CLIENT_ID = '00000000-0000-4000-8000-00000000c0de';
const AUTHORITY = 'https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555';
const SCOPE = `api://localhost/${CLIENT_ID}/access_as_user`;
/** The add-in as an organisation with Entra ID builds it (docs/ADDIN.md). */
const ENTRA_BUILD: AddinBuild = {
  dir: join(ROOT, 'dist/addin-entra'),
  env: { ADDIN_ENTRA_CLIENT_ID: CLIENT_ID, ADDIN_ENTRA_AUTHORITY: AUTHORITY, ADDIN_ENTRA_SCOPE: SCOPE },
};

const ANALYST: Person = { sub: 'e2b9-ana', name: 'Ana Rivera', login: 'arivera@city.gov', roles: ['analyst'], units: ['RPOA'] };
const ADMIN: Person = { sub: 'f7c1-sam', name: 'Sam Okafor', login: 'sokafor@city.gov', roles: ['admin'], units: [] };

/** What a page keeps in every store another page of the origin could read. */
interface StoredEverywhere {
  localStorage: Record<string, string>;
  sessionStorage: Record<string, string>;
  cookie: string;
  indexedDb: Record<string, unknown>;
  cacheStorage: string[];
}

async function storedEverywhere(page: Page): Promise<StoredEverywhere> {
  return page.evaluate(async () => {
    const entries = (storage: Storage) =>
      Object.fromEntries(Array.from({ length: storage.length }, (_, i) => storage.key(i)!).map((k) => [k, storage.getItem(k) ?? '']));
    const indexedDb: Record<string, unknown> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error(`cannot open ${name}`));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        indexedDb[`${name}/${store}`] = await new Promise((resolve, reject) => {
          const all = db.transaction(store, 'readonly').objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error ?? new Error(`cannot read ${store}`));
        });
      }
      db.close();
    }
    const cacheStorage: string[] = [];
    if ('caches' in globalThis) {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) cacheStorage.push(`${name}: ${request.url} ${await ((await cache.match(request))?.text() ?? '')}`);
      }
    }
    return { localStorage: entries(localStorage), sessionStorage: entries(sessionStorage), cookie: document.cookie, indexedDb, cacheStorage };
  });
}

/** The token appears in none of the page's stores, nor in any cookie of the context (HttpOnly ones too). */
async function expectTokenKeptInMemoryOnly(context: BrowserContext, page: Page, token: string): Promise<void> {
  const stored = JSON.stringify(await storedEverywhere(page));
  expect(stored).not.toContain(token);
  // Any JWT at all (header "eyJ…" base64url of '{"'), not only this one.
  expect(stored).not.toMatch(/eyJ[\w-]{10,}\.[\w-]+\./);
  expect(JSON.stringify(await context.cookies())).not.toContain(token);
}

/** The Authorization header of every API request the page makes. */
function watchApiAuthorization(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) void request.headerValue('authorization').then((value) => seen.push(value ?? '(none)'));
  });
  return seen;
}

const ADMIN_TABS = ['Schedule', 'Workbook', 'Proposals', 'Cost', 'Approvals', 'Approved'];

interface TabRow {
  /** The tabs shown (the others are in the More menu), by visible text. */
  names: string[];
  tops: number[];
  /** Shown tabs reaching past the pane's left or right edge. */
  outside: string[];
  scrolls: boolean;
}

async function tabRow(page: Page): Promise<TabRow> {
  return page.evaluate(() => {
    const list = document.querySelector('[role="tablist"]')!;
    const pane = document.querySelector('.pane')!.getBoundingClientRect();
    const shown = [...list.querySelectorAll<HTMLElement>('[role="tab"]')].filter((t) => t.getClientRects().length > 0);
    const boxes = shown.map((t) => ({ name: t.innerText.trim(), box: t.getBoundingClientRect() }));
    return {
      names: boxes.map((t) => t.name),
      tops: boxes.map((t) => Math.round(t.box.top)),
      outside: boxes.filter((t) => t.box.right > pane.right + 0.5 || t.box.left < pane.left - 0.5).map((t) => t.name),
      scrolls: list.scrollWidth > list.clientWidth,
    };
  });
}

/**
 * The row once Fluent's overflow has measured the new width: it re-lays out after a resize,
 * asynchronously and sometimes more than one frame later, so first wait (bounded) for no tab past
 * the pane's edge, then for two equal readings.
 */
async function settledTabRow(page: Page): Promise<TabRow> {
  await expect.poll(async () => (await tabRow(page)).outside, { timeout: 5000 }).toEqual([]);
  let last = await tabRow(page);
  await expect
    .poll(
      async () => {
        const previous = JSON.stringify(last);
        last = await tabRow(page);
        return previous === JSON.stringify(last);
      },
      { interval: 100 },
    )
    .toBe(true);
  return last;
}

function expectOneRowInsideThePane(row: TabRow, width: number): void {
  expect(new Set(row.tops).size, `tabs on one row at ${width} px: ${row.names.join(', ')} at tops ${row.tops.join(', ')}`).toBe(1);
  expect(row.outside, `tabs past the pane's edge at ${width} px`).toEqual([]);
  expect(row.scrolls, `the tab list scrolls sideways at ${width} px`).toBe(false);
}

const NOT_A_STACK = /\bat \S+ \(|\.js:\d+|\bError:|undefined/;

describe.skipIf(chromiumProblem !== undefined)("sign-in with the organisation's account in the task pane", () => {
  let issuer: LocalIssuer;
  let server: TestServer;
  let tokenOnlyServer: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  /** A fresh pane (its own context: nothing remembered) with the MSAL stand-in answering as `script` says. */
  async function openPane(
    script: Omit<StandInScript, 'token'> & { person?: Person; token?: TokenOptions },
    url = server.url,
  ): Promise<{ page: Page; msal: MsalStandIn; errors: string[]; authorization: string[] }> {
    await context?.close();
    context = await newPaneContext(browser, { excel: true });
    const person = script.person ?? ANALYST;
    const msal = await installMsalStandIn(context, { silent: script.silent, popup: script.popup, token: () => issuer.token(person, script.token) });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const authorization = watchApiAuthorization(page);
    await page.goto(`${url}/taskpane.html`);
    return { page, msal, errors, authorization };
  }

  const errorBar = async (page: Page) => {
    const bar = page.getByTestId('error-bar');
    await bar.waitFor();
    const title = await bar.locator('.fui-MessageBarTitle').innerText();
    const text = await bar.innerText();
    return {
      title,
      detail: text
        .replace(title, '')
        .replace(/\s*Dismiss\s*$/, '')
        .trim(),
    };
  };

  beforeAll(async () => {
    await ensureAddinBuild(ENTRA_BUILD);
    await ensureAddinBuild();
    issuer = await startLocalIssuer(CLIENT_ID);
    server = await startTestServer({ addinDir: ENTRA_BUILD.dir, oidc: issuer.oidc });
    tokenOnlyServer = await startTestServer({ addinDir: ADDIN_DIR, oidc: issuer.oidc });
    browser = await launchChromium();
  }, 600_000); // the first run builds the add-in twice with webpack

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await tokenOnlyServer?.close();
    await issuer?.close();
  });

  it('signs in silently when the pane opens, calls the server with that token and shows the user by name', async () => {
    const { page, msal, errors, authorization } = await openPane({ silent: 'token', popup: 'cancelled' });
    await page.getByTestId('signed-in-as').waitFor();
    expect(await page.getByTestId('signed-in-as').innerText()).toBe(ANALYST.name);
    // MSAL made as the app registration says, with its cache in memory, asked for the API's scope only.
    expect(msal.configuration).toEqual({ auth: { clientId: CLIENT_ID, authority: AUTHORITY }, cache: { cacheLocation: 'memoryStorage' } });
    await expect.poll(() => msal.calls).toEqual(['create', 'silent']);
    expect(msal.scopes).toEqual([[SCOPE]]);
    const [token] = msal.issued;
    await expect.poll(() => authorization.length).toBeGreaterThan(0);
    expect(new Set(authorization)).toEqual(new Set([`Bearer ${token}`]));

    await page.getByTestId('signed-in-as').click();
    const identity = await page.getByTestId('identity').innerText();
    expect(identity).toContain(ANALYST.name);
    expect(identity).toContain('RPOA');
    expect(await page.locator('body').innerText()).not.toContain(ANALYST.login);
    await expectTokenKeptInMemoryOnly(context, page, token!);
    await paneState(page, 'signin-01-signed-in-silently');
    expect(errors).toEqual([]);
  });

  it('offers sign-in when the host needs the user, signs in through the prompt, and forgets the token on sign-out', async () => {
    const { page, msal, errors, authorization } = await openPane({ silent: 'interaction-required', popup: 'token' });
    const signIn = page.getByRole('button', { name: "Sign in with your organisation's account" });
    await signIn.waitFor();
    // The pane never prompts by itself when it opens: the silent attempt failed quietly. The calls are
    // reported from the page asynchronously, so they are polled.
    await expect.poll(() => msal.calls).toEqual(['create', 'silent']);
    expect(await page.getByTestId('error-bar').count()).toBe(0);
    expect(await page.getByLabel('API token').count()).toBe(0);
    await paneState(page, 'signin-02-sign-in-offered');

    await signIn.click();
    await page.getByTestId('signed-in-as').waitFor();
    expect(await page.getByTestId('signed-in-as').innerText()).toBe(ANALYST.name);
    await expect.poll(() => msal.calls).toEqual(['create', 'silent', 'silent', 'popup', 'setActiveAccount']);
    const [token] = msal.issued;
    expect(new Set(authorization)).toEqual(new Set([`Bearer ${token}`]));
    await expectTokenKeptInMemoryOnly(context, page, token!);

    await page.getByTestId('signed-in-as').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn.waitFor();
    await expectTokenKeptInMemoryOnly(context, page, token!);
    expect(await page.evaluate(() => (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('bargaining-costing.connection')])).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('says in plain words when the user closes the sign-in prompt, or the sign-in service refuses the app', async () => {
    const { page, msal, errors } = await openPane({ silent: 'interaction-required', popup: 'cancelled' });
    const signIn = page.getByRole('button', { name: "Sign in with your organisation's account" });
    await signIn.click();
    const cancelled = await errorBar(page);
    expect(cancelled).toEqual({
      title: "Could not sign in with your organisation's account",
      detail: 'the sign-in window was closed before signing in finished; select Sign in to try again',
    });
    expect(msal.calls.slice(2)).toEqual(['silent', 'popup']);
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
    await paneState(page, 'signin-03-prompt-closed');

    msal.script.silent = 'server-error';
    await signIn.click();
    await page.getByTestId('error-bar').getByText('AADSTS700016').waitFor();
    const refused = await errorBar(page);
    expect(refused.title).toBe("Could not sign in with your organisation's account");
    // Entra's own sentence, without MSAL's code in front or the trace lines after it.
    expect(refused.detail).toBe("AADSTS700016: Application with identifier '00000000-0000-4000-8000-00000000c0de' was not found in the directory 'City'.");
    expect(refused.detail).not.toMatch(NOT_A_STACK);
    // A failure that is not "the user must interact" never opens a prompt.
    expect(msal.calls.slice(-1)).toEqual(['silent']);
    expect(errors).toEqual([]);
  });

  it.each([
    ['made for another application', { audience: 'api://another-app' }, 'it was made for another application than this costing server'],
    ['that has expired', { expiresIn: -600 }, 'it has expired; sign in again'],
  ] as const)('says in plain words when the server refuses a token %s', async (what, options, words) => {
    const { page, msal, errors } = await openPane({ silent: 'token', popup: 'token', token: options });
    const startup = await errorBar(page);
    expect(startup.detail).toContain(`the sign-in was not accepted: ${words}`);
    expect(startup.detail).not.toMatch(NOT_A_STACK);
    await page.getByRole('button', { name: 'Dismiss' }).click();

    // Signing in again by hand says the same, with what failed as the title.
    await page.getByRole('button', { name: "Sign in with your organisation's account" }).click();
    const again = await errorBar(page);
    expect(again.title).toBe('Could not check who you are on the server');
    expect(again.detail).toContain(`the sign-in was not accepted: ${words}`);
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
    await expectTokenKeptInMemoryOnly(context, page, msal.issued[0]!);
    await paneState(page, `signin-04-token-refused-${what.replace(/ /g, '-')}`);
    // The browser logs each refused request (401) as a console error; those were expected.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });

  it('keeps API tokens working beside Entra ID, and alone where the build names no Entra app', async () => {
    const beside = await openPane({ silent: 'interaction-required', popup: 'cancelled' });
    await beside.page.getByRole('button', { name: 'Use an API token instead' }).click();
    await beside.page.getByLabel('API token').fill(server.users.analyst!.token);
    await beside.page.getByRole('button', { name: 'Connect', exact: true }).click();
    await beside.page.getByTestId('signed-in-as').waitFor();
    expect(await beside.page.getByTestId('signed-in-as').innerText()).toBe(server.users.analyst!.name);
    expect(new Set(beside.authorization)).toEqual(new Set([`Bearer ${server.users.analyst!.token}`]));
    expect(beside.errors).toEqual([]);

    // The production build names no Entra app: no sign-in button, MSAL never made, the API token signs in.
    const alone = await openPane({ silent: 'token', popup: 'token' }, tokenOnlyServer.url);
    await alone.page.getByLabel('API token').waitFor();
    expect(await alone.page.getByRole('button', { name: "Sign in with your organisation's account" }).count()).toBe(0);
    await alone.page.getByLabel('Server address').fill(tokenOnlyServer.url);
    await alone.page.getByLabel('API token').fill(tokenOnlyServer.users.analyst!.token);
    await alone.page.getByRole('button', { name: 'Connect', exact: true }).click();
    await alone.page.getByTestId('signed-in-as').waitFor();
    expect(await alone.page.getByTestId('signed-in-as').innerText()).toBe(tokenOnlyServer.users.analyst!.name);
    expect(alone.msal.calls).toEqual([]);
    expect(alone.errors).toEqual([]);
  });

  it('keeps the tabs on one row inside the pane at 320 and 350 px, the ones that do not fit under More', async () => {
    // An administrator has the most tabs: six never fit at these widths.
    const { page, errors } = await openPane({ silent: 'token', popup: 'token', person: ADMIN });
    await page.getByTestId('signed-in-as').waitFor();
    const more = page.getByRole('tab', { name: 'More tabs', exact: true });
    for (const width of PANE_WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await more.waitFor();
      const row = await settledTabRow(page);
      expectOneRowInsideThePane(row, width);
      expect(row.names.at(-1)).toBe('More');
      await more.click();
      await page.getByRole('menu').waitFor();
      // Every tab is on the row or in the menu, in order, each once; both read together, as the
      // overflow may still move a tab while the menu opens.
      await expect
        .poll(async () => [...(await tabRow(page)).names.filter((n) => n !== 'More'), ...(await page.getByRole('menuitem').allInnerTexts())])
        .toEqual(ADMIN_TABS);
      expect(await page.getByRole('menuitem').count()).toBeGreaterThan(0);
      // The menu fades in: axe would read the text's contrast half-way through the animation.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      await screenshot(page, `signin-05-tabs-more-open-${width}`);
      expect(await accessibilityProblems(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByRole('menu').waitFor({ state: 'detached' });
    }

    // A tab chosen under More is selected and moves onto the row.
    await page.setViewportSize({ width: PANE_WIDTHS[0], height: 900 });
    await more.click();
    await page.getByRole('menuitem', { name: 'Approved', exact: true }).click();
    const approved = page.getByRole('tab', { name: 'Approved', exact: true });
    await approved.waitFor();
    expect(await approved.getAttribute('aria-selected')).toBe('true');
    for (const width of PANE_WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await approved.waitFor();
      expectOneRowInsideThePane(await settledTabRow(page), width);
    }
    await page.setViewportSize({ width: 420, height: 900 });
    await paneState(page, 'signin-06-approved-chosen-under-more');
    expect(errors).toEqual([]);
  });
});
