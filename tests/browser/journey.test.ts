/**
 * The whole journey in real headless Chromium against the real server: the production task pane,
 * Office.js from the npm package, and the in-memory Excel double standing in for the workbook.
 * The tests run in order and share one analyst page (and, later, a manager's second context).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parseScenario } from '../../shared/scenario.js';
import type { CostingResult } from '../../shared/result.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import { costingSheet } from '../../shared/workbook/costingSheet.js';
import { SHEET } from '../../shared/workbook/layout.js';
import { ensureAddinBuild } from './support/addinBuild.js';
import { bargainingProposals, fetchTemplate, payrollExtract, proposalRows } from './support/analystData.js';
import { ROSTER_ROWS as ROSTER_LAYOUT } from '../../shared/workbook/layout.js';
import { chromiumProblem, launchChromium, newPaneContext, watchErrors } from './support/browser.js';
import { paneState } from './support/paneStates.js';
import { ExcelPage } from './support/excelPage.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const UNIT = 'RPOA';
const ROSTER_ROWS = 400;
const BAD_ROW = 7; // Excel row of the roster line given a step that does not exist
const TITLE = 'RPOA: union proposal vs. City offer (browser test)';
const RETURN_COMMENT = 'Show the City offer with the signing bonus prorated, then resubmit.';

describe.skipIf(chromiumProblem !== undefined)('the analyst and manager journey in the task pane', () => {
  let server: TestServer;
  let browser: Browser;
  let analystContext: BrowserContext;
  let page: Page;
  let excel: ExcelPage;
  let pageErrors: string[];
  let template: Scenario;
  let managerContext: BrowserContext;
  let manager: Page;
  let managerErrors: string[];

  const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click();
  const button = (name: string) => page.getByRole('button', { name, exact: true });

  async function reviewInQueue(): Promise<void> {
    const row = manager.getByTestId('model-list').getByTestId('model-item').filter({ hasText: TITLE });
    await row.waitFor();
    await row.getByRole('button', { name: 'Review' }).click();
    await manager.getByTestId('review').getByTestId('model-summary').waitFor();
    expect(await manager.getByTestId('model-summary').innerText()).toContain('Union proposal');
  }

  async function connect(target: Page, token: string): Promise<void> {
    await target.getByLabel('Server address').fill(server.url);
    await target.getByLabel('API token').fill(token);
    await target.getByRole('button', { name: 'Connect', exact: true }).click();
    await target.getByTestId('signed-in-as').waitFor();
  }

  beforeAll(async () => {
    await ensureAddinBuild();
    server = await startTestServer();
    browser = await launchChromium();
    analystContext = await newPaneContext(browser, { excel: true });
    page = await analystContext.newPage();
    pageErrors = watchErrors(page);
    excel = new ExcelPage(page);
    template = await fetchTemplate(server.url, server.users.analyst!.token, UNIT);
    await page.goto(`${server.url}/taskpane.html`);
  }, 300_000); // the first run builds the add-in with webpack

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('connects with a token and shows the user, role and units', async () => {
    await page.getByLabel('Server address').waitFor();
    await paneState(page, '01-connect');
    await page.getByLabel('API token').fill('not-a-token');
    await button('Connect').click();
    await page.getByTestId('error-bar').waitFor();
    // The title says what failed; the reason follows it.
    expect(await page.getByTestId('error-bar').locator('.fui-MessageBarTitle').innerText()).toBe('Could not check who you are on the server');
    expect(await page.getByTestId('error-bar').innerText()).toContain('the token is not an API token of this server');
    await paneState(page, '02-connect-refused');
    // The browser logs the refused request (401) as a console error; that one was expected.
    expect(pageErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    pageErrors.length = 0;

    await connect(page, server.users.analyst!.token);
    // The header shows who is signed in by name (not the role); it opens the account.
    expect(await page.getByTestId('signed-in-as').innerText()).toBe(server.users.analyst!.name);
    await page.getByTestId('signed-in-as').click();
    const identity = await page.getByTestId('identity').innerText();
    expect(identity).toContain(server.users.analyst!.name);
    expect(identity).toContain('analyst');
    expect(identity).toContain(UNIT);
    await paneState(page, '03-connected');
  });

  it('remembers the connection when the pane is opened again', async () => {
    await page.reload();
    await page.getByTestId('signed-in-as').waitFor();
    expect(await page.getByTestId('signed-in-as').innerText()).toBe(server.users.analyst!.name);
  });

  it('shows an Excel failure in words instead of swallowing it', async () => {
    await tab('Schedule');
    await page.getByLabel('Bargaining unit').selectOption(UNIT);
    // Choosing the unit starts the background check for a newer schedule, which syncs with Excel too:
    // let it finish, or it may take the failure meant for the pull.
    await page.locator(`section[data-checked-unit="${UNIT}"]`).waitFor();
    await excel.failNextSync('AccessDenied', 'The workbook is read-only.');
    await button('Pull schedule').click();
    const bar = page.getByTestId('error-bar');
    await bar.waitFor();
    expect(await bar.locator('.fui-MessageBarTitle').innerText()).toBe('Could not pull the salary schedule of RPOA');
    expect(await bar.innerText()).toMatch(/protected or read-only/);
    await paneState(page, '04-excel-error');
    await bar.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('pulls the schedule into a stamped table and refreshes a newer version in place', async () => {
    await button('Pull schedule').click();
    await page.getByTestId('schedule-stamp').waitFor();
    const stampText = await page.getByTestId('schedule-stamp').innerText();
    const pulled = (await (
      await fetch(`${server.url}/api/v1/units/${UNIT}/schedules/current`, { headers: { Authorization: `Bearer ${server.users.analyst!.token}` } })
    ).json()) as {
      version: number;
      effective: string;
      schedule: Scenario['schedule'];
    };
    expect(stampText).toContain(`version ${pulled.version}`);
    expect(stampText).toContain(`effective ${pulled.effective}`);
    let workbook = await excel.summary();
    expect(workbook.tables.map((t) => t.name)).toContain(`Rates_${UNIT}`);
    expect(await excel.cell(`Rates ${UNIT}`, 'A1')).toBe(`Schedule ${pulled.schedule.id} · version ${pulled.version} · effective ${pulled.effective}`);
    expect(await excel.cell(`Rates ${UNIT}`, 'D4')).toBe(Number(pulled.schedule.classes[0]!.steps[0]));
    expect(workbook.names.map((n) => n.name)).toContain(`BC_Schedule_${UNIT}`);
    await paneState(page, '05-schedule-pulled');

    // An administrator imports a corrected schedule, in force today.
    const corrected = {
      ...pulled.schedule,
      id: `${pulled.schedule.id}-CORR`,
      effective: new Date().toISOString().slice(0, 10),
      classes: pulled.schedule.classes.map((c, i) => (i === 0 ? { ...c, steps: c.steps.map((s) => (Number(s) + 1).toFixed(2)) } : c)),
    };
    const imported = await fetch(`${server.url}/api/v1/units/${UNIT}/schedules/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.users.admin!.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(corrected),
    });
    expect(imported.status, await imported.clone().text()).toBeLessThan(300);

    await button('Check for updates').click();
    await page.getByTestId('schedule-newer').waitFor();
    await paneState(page, '06-schedule-newer-on-server');
    await page.getByRole('button', { name: 'Refresh in place' }).click();
    await page.getByTestId('schedule-current').waitFor();
    expect(await page.getByTestId('schedule-stamp').innerText()).toContain(corrected.id);
    expect(await excel.cell(`Rates ${UNIT}`, 'D4')).toBe(Number(corrected.classes[0]!.steps[0]));
    workbook = await excel.summary();
    expect(workbook.tables.filter((t) => t.name === `Rates_${UNIT}`)).toHaveLength(1);
    expect(workbook.sheets.filter((s) => s.name === `Rates ${UNIT}`)).toHaveLength(1);
  });

  it('starts a costing workbook with the shared layout, filled from the template', async () => {
    await tab('Workbook');
    // One unit picker for every tab: the unit chosen on Schedule is still chosen here.
    expect(await page.getByLabel('Bargaining unit').inputValue()).toBe(UNIT);
    await button('Start costing workbook').click();
    await page.getByTestId('workbook-started').waitFor();
    const workbook = await excel.summary();
    for (const sheet of [SHEET.schedule, SHEET.roster, SHEET.assumptions, SHEET.proposals]) expect(workbook.sheets.map((s) => s.name)).toContain(sheet);
    expect(workbook.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['ScheduleClasses', 'RosterRows', 'ProposalList', 'ProvisionRows']));
    expect(workbook.activeSheet).toBe(SHEET.roster);
    expect(workbook.calculationMode).toBe('Automatic');
    await paneState(page, '07-workbook-started');

    // Starting again asks before replacing the analyst's sheets.
    await button('Start costing workbook').click();
    await page.getByTestId('overwrite-warning').waitFor();
    expect(await page.getByTestId('overwrite-warning').innerText()).toContain('Roster');
    await button('Keep my sheets').click();
    expect(await page.getByTestId('overwrite-warning').count()).toBe(0);
  });

  it('replaces the roster with a pasted extract: a wrong step is listed by cell and selecting it selects the cell; fixed, it validates', async () => {
    const extract = payrollExtract(template, ROSTER_ROWS);
    const badIndex = BAD_ROW - 3;
    const broken = extract.map((row, i) => (i === badIndex ? row.map((cell, c) => (c === 2 ? 9 : cell)) : row));
    // The extract as Excel copies it: tab-separated with its header row.
    const tsv = [ROSTER_LAYOUT.columns.map((c) => c.header), ...broken]
      .map((row) => row.map((cell) => (cell === null ? '' : String(cell))).join('\t'))
      .join('\n');
    await button('Replace roster…').click();
    await page.getByLabel('Paste the payroll extract (with its header row)').fill(tsv);
    await button('Preview pasted rows').click();
    await page.getByTestId('roster-preview').waitFor();
    expect(await page.getByTestId('roster-preview').innerText()).toContain(`${ROSTER_ROWS} rows will replace the whole Roster`);
    await paneState(page, '08a-roster-preview');
    // The extract's date (the day payroll produced it): the template's here, so its step dates are not stale.
    await page.getByLabel('Extract date').fill(template.roster.extractDate);
    await button(`Replace the roster with ${ROSTER_ROWS} rows`).click();
    await page.getByTestId('roster-preview').waitFor({ state: 'detached' });
    await excel.paste(SHEET.proposals, 'A3', proposalRows(bargainingProposals()));

    await button('Validate').click();
    await page.getByTestId('issue-list').waitFor();
    const issues = await page.getByTestId('issue-list').innerText();
    expect(issues).toContain(`Roster row ${BAD_ROW}, column C (Step)`);
    expect(issues).toMatch(/step 9 does not exist/);
    await paneState(page, '08-validation-problems');

    await page.getByRole('button', { name: `Roster row ${BAD_ROW}, column C (Step)` }).click();
    await expect.poll(async () => (await excel.summary()).selection).toEqual({ sheet: SHEET.roster, address: `C${BAD_ROW}` });

    await excel.paste(SHEET.roster, `C${BAD_ROW}`, [[extract[badIndex]![2]!]]);
    await button('Validate').click();
    await page.getByTestId('validation-ok').waitFor();
    expect(await page.getByTestId('validation-ok').innerText()).toMatch(new RegExp(`${ROSTER_ROWS} roster rows from the extract pasted .+, 2 proposals`));
    await paneState(page, '09-validated');
  });

  it('costs in a worker, writes the Costing sheet and its chart, and compares union and management', async () => {
    await tab('Cost');
    await button('Cost proposals').click();
    await page.getByTestId('cost-done').waitFor({ timeout: 60_000 });
    await page.getByTestId('comparison').first().waitFor();
    const headers = await page.getByTestId('comparison').first().locator('th').allInnerTexts();
    expect(headers.slice(1)).toEqual(['Union proposal (union)', 'City offer (management)']);
    const workbook = await excel.summary();
    const costing = workbook.sheets.find((s) => s.name === SHEET.costing);
    expect(costing).toBeDefined();
    expect(costing!.charts).toHaveLength(1);
    expect(costing!.charts[0]!.type).toBe('ColumnClustered');
    expect(workbook.settings).toContain('bargaining-costing.latestCosting');
    expect(workbook.activeSheet).toBe(SHEET.costing);
    expect(workbook.stats.largestRequestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    await paneState(page, '10-costed-and-compared');
  });

  it('re-costs as the what-if percent changes, against the original and the union’s offer', async () => {
    const whatIf = page.getByTestId('what-if');
    await whatIf.getByLabel('Proposal', { exact: true }).selectOption('City offer');
    await whatIf.getByLabel('Provision').selectOption({ index: 0 });
    await whatIf.getByLabel('Percent (%)').fill('3%');
    await whatIf.getByTestId('what-if-done').waitFor({ timeout: 30_000 });
    const table = whatIf.getByTestId('what-if-comparison');
    expect(await table.locator('th').allInnerTexts()).toEqual(['Increase', 'What-if', 'vs. original', 'vs. Union proposal']);
    // 3% instead of 2.5% in year 1 costs more than the original and less than the union's 5%.
    const term = (await table.locator('tr').last().locator('td').allInnerTexts()).map((t) => t.replace(/\s/g, ''));
    expect(term[0]).toBe('Term');
    expect(term[2]).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(term[3]).toMatch(/^−\$[\d,]+\.\d\d$/);
    expect(await whatIf.getByTestId('what-if-baseline').innerText()).toMatch(/^Baseline \(status quo\) over the term: \$[\d,]+\.\d\d\.$/);
    console.log(`what-if re-costing: ${await whatIf.getByTestId('what-if-done').getAttribute('data-ms')} ms`);
    await paneState(page, '11-what-if');
    await whatIf.getByLabel('Percent (%)').fill('abc');
    await expect.poll(() => whatIf.getByText('Type a percent, like 3 or 3.5%').isVisible()).toBe(true);
    expect(await table.count()).toBe(0); // no stale figures beside the problem
  });

  it('submits the model and follows its state', async () => {
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await button('Submit for approval').click();
    await expect.poll(() => page.getByTestId('model-state').first().innerText(), { timeout: 30_000 }).toBe('submitted');
    await page.getByTestId('model-summary').waitFor();
    await paneState(page, '12-submitted');
  });

  it("the Costing sheet's live formulas give the server's own figures", async () => {
    const models = (await (
      await fetch(`${server.url}/api/v1/cost-models?state=submitted`, { headers: { Authorization: `Bearer ${server.users.manager!.token}` } })
    ).json()) as { id: string; title: string }[] | { costModels: { id: string; title: string }[] };
    const list = Array.isArray(models) ? models : models.costModels;
    const mine = list.find((m) => m.title === TITLE);
    expect(mine).toBeDefined();
    const model = (await (
      await fetch(`${server.url}/api/v1/cost-models/${mine!.id}`, { headers: { Authorization: `Bearer ${server.users.manager!.token}` } })
    ).json()) as {
      scenario: unknown;
      result: CostingResult;
    };
    const parsed = parseScenario(model.scenario);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const expected = costingSheet(model.result, parsed.value);
    for (const proposal of expected.map.proposals) {
      const server = model.result.proposals.find((p) => p.name === proposal.name)!;
      for (const fy of model.result.fiscalYears) {
        const value = await excel.cell(SHEET.costing, proposal.increase.total[fy]!);
        expect(Number(value)).toBeCloseTo(Number(server.increase[fy]!.total), 2);
      }
    }
  });

  it('a manager, in a second browser context, reviews the summary and returns it with a comment', async () => {
    managerContext = await newPaneContext(browser, { excel: true });
    manager = await managerContext.newPage();
    managerErrors = watchErrors(manager);
    await manager.goto(`${server.url}/taskpane.html`);
    await connect(manager, server.users.manager!.token);
    expect(await manager.getByRole('tab', { name: 'Approvals' }).count()).toBe(1);
    expect(await manager.getByRole('tab', { name: 'Submit' }).count()).toBe(0);
    await manager.getByRole('tab', { name: 'Approvals' }).click();
    await reviewInQueue();
    await paneState(manager, '13-manager-review');
    await manager.getByRole('button', { name: 'Return to analyst' }).click();
    expect(await manager.getByTestId('error-bar').innerText()).toContain('say why you are returning it');
    await manager.getByTestId('error-bar').getByRole('button', { name: 'Dismiss' }).click();
    await manager.getByLabel('Comment').fill(RETURN_COMMENT);
    await manager.getByRole('button', { name: 'Return to analyst' }).click();
    await expect.poll(() => manager.getByTestId('review').getByTestId('model-state').innerText()).toBe('returned');
    await paneState(manager, '14-manager-returned');
  });

  it('the analyst sees the comment and resubmits', async () => {
    await button('Refresh state').click();
    await expect.poll(() => page.getByTestId('model-state').first().innerText()).toBe('returned');
    expect(await page.getByTestId('returned-comment').innerText()).toContain(RETURN_COMMENT);
    await paneState(page, '15-analyst-sees-return');
    await button('Resubmit for approval').click();
    // Submitting costs the model on the server: give it the time the first submission gets.
    await expect
      .poll(
        async () =>
          (await page.getByTestId('error-bar').count()) > 0
            ? `error: ${await page.getByTestId('error-bar').first().innerText()}`
            : page.getByTestId('model-state').first().innerText(),
        { timeout: 30_000 },
      )
      .toBe('submitted');
  });

  it('the manager approves the resubmitted model', async () => {
    await manager.getByRole('button', { name: 'Refresh', exact: true }).click();
    await reviewInQueue();
    // The manager first opens the submitted model read-only into sheets, to check its figures.
    await manager.getByTestId('open-read-only').click();
    await manager.getByTestId('review-opened').waitFor({ timeout: 30_000 });
    const managerBook = (
      await manager.evaluate(() =>
        (globalThis as unknown as { __excelDouble: { summary(): { sheets: { name: string; protected: boolean }[] } } }).__excelDouble.summary(),
      )
    ).sheets;
    const copies = managerBook.filter((s) => /^(Costing|Roster) [A-Za-z0-9]+$/.test(s.name));
    expect(copies).toHaveLength(2);
    expect(copies.every((s) => s.protected)).toBe(true);
    await paneState(manager, '16a-manager-opened-read-only');
    await manager.getByLabel('Comment').fill('Matches the bargaining brief. Approved for the closed session.');
    await manager.getByRole('button', { name: 'Approve…' }).click();
    // Approval is irreversible: it asks first and says what is approved.
    await manager.getByTestId('approve-confirm').waitFor();
    expect(await manager.getByTestId('approve-confirm').innerText()).toContain('cannot be undone');
    await paneState(manager, '16b-manager-confirm-approval');
    await manager.getByRole('button', { name: 'Cancel' }).click();
    expect(await manager.getByTestId('review').getByTestId('model-state').innerText()).toBe('submitted');
    await manager.getByRole('button', { name: 'Approve…' }).click();
    await manager.getByRole('button', { name: 'Yes, approve' }).click();
    await expect.poll(() => manager.getByTestId('review').getByTestId('model-state').innerText(), { timeout: 30_000 }).toBe('approved');
    expect(await manager.getByTestId('approved-summary').innerText()).toContain('Matches the bargaining brief');
    await paneState(manager, '16-manager-approved');
    expect(managerErrors).toEqual([]);
    await managerContext.close();
  });

  it('the analyst sees the approval and opens the approved model into new, protected sheets', async () => {
    await button('Refresh state').click();
    await expect.poll(() => page.getByTestId('model-state').first().innerText()).toBe('approved');
    await page.getByTestId('approved-note').waitFor();
    await paneState(page, '17-analyst-sees-approval');

    await tab('Approved');
    const row = page.getByTestId('model-list').getByTestId('model-item').filter({ hasText: TITLE });
    await row.waitFor();
    await row.getByRole('button', { name: 'Open in workbook' }).click();
    await page.getByTestId('approved-opened').waitFor({ timeout: 30_000 });
    const workbook = await excel.summary();
    const opened = workbook.sheets.filter((s) => /^(Costing|Schedule|Roster|Assumptions|Proposals) [A-Za-z0-9]+$/.test(s.name));
    expect(opened.map((s) => s.name.split(' ')[0]).sort()).toEqual(['Assumptions', 'Costing', 'Proposals', 'Roster', 'Schedule']);
    expect(opened.every((s) => s.protected)).toBe(true);
    const costingCopy = opened.find((s) => s.name.startsWith('Costing '))!.name;
    expect(JSON.stringify(await excel.block(costingCopy, 'A1:B12'))).toContain('Approval');
    const own = workbook.sheets.find((s) => s.name === SHEET.roster);
    expect(own?.protected).toBe(false);
    await paneState(page, '18-approved-model-opened');

    // Opening it again shows the copy already there rather than writing over protected sheets.
    await row.getByRole('button', { name: 'Open in workbook' }).click();
    await expect.poll(() => page.getByTestId('approved-opened').innerText()).toContain('already in this workbook');
    expect((await excel.summary()).selection).toEqual({ sheet: costingCopy, address: 'A1' });
    await paneState(page, '19-approved-model-already-open');

    // A change to an approved costing is a new version; the approved one stays as it was.
    await tab('Cost');
    await button('Start a new version').click();
    await expect.poll(() => page.getByTestId('model-state').first().innerText()).toBe('draft');
    expect(await button('Submit for approval').isEnabled()).toBe(true);
    await paneState(page, '20-new-version-draft');

    expect(pageErrors).toEqual([]);
  });
  it('builds a proposal at the table: plain-words provisions, 3% as 0.03, live cost, reorder and remove, written to the Proposals sheet', async () => {
    await tab('Proposals');
    const builder = page.getByTestId('proposal-builder');
    await builder.getByRole('button', { name: 'New proposal' }).click();
    await builder.getByLabel('Name').fill('Mediator');
    await builder.getByLabel('Side').selectOption('joint');
    await builder.getByLabel('Add a provision').selectOption({ label: 'General wage increase' });
    await paneState(page, '21-builder-form');
    await builder.getByLabel('Percent (%)').fill('3%');
    await builder.getByRole('button', { name: 'Add to proposal' }).click();
    // The date is required: the problem sits next to its field.
    await expect.poll(() => builder.getByTestId('provision-form').innerText()).toMatch(/Effective date[\s\S]*Required/);
    await paneState(page, '22-builder-field-problem');
    await builder.getByLabel('Effective date').fill('2026-07-04');
    await builder.getByRole('button', { name: 'Add to proposal' }).click();
    await builder.getByLabel('Add a provision').selectOption({ label: 'One-time payment' });
    await builder.getByLabel(/^Amount/).fill('1000');
    await builder.getByLabel(/^Pay date/).fill('2026-12-15');
    await builder.getByRole('button', { name: 'Add to proposal' }).click();
    await builder.getByLabel('Add a provision').selectOption({ label: 'Step freeze' });
    await builder.getByLabel('Effective date').fill('2027-07-03');
    await builder.getByLabel(/^Months/).fill('6');
    await builder.getByRole('button', { name: 'Add to proposal' }).click();
    await expect.poll(async () => await builder.getByTestId('provision-list').locator('li').count()).toBe(3);
    await builder.getByRole('button', { name: /^Move One-time payment .* up$/ }).click();
    await builder.getByRole('button', { name: /^Remove Step freeze/ }).click();
    const items = await builder.getByTestId('provision-list').locator('li').allInnerTexts();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^One-time payment/);
    expect(items[1]).toMatch(/^General wage increase 3% \(Jul 4, 2026\)/);
    await expect
      .poll(() => builder.getByTestId('live-cost').innerText(), { timeout: 30_000 })
      .toMatch(/^Costs \$[\d,]+\.\d\d over the baseline for the term \(FY/);
    await paneState(page, '23-builder-live-cost');
    await builder.getByRole('button', { name: 'Write to the Proposals sheet' }).click();
    await builder.getByTestId('proposals-written').waitFor();
    const sheet = JSON.stringify(await excel.block(SHEET.proposals, 'A1:Z20'));
    expect(sheet).toContain('Mediator');
    expect(sheet).toContain('0.03');
    await paneState(page, '24-builder-written');
    expect(pageErrors).toEqual([]);
  });
});
