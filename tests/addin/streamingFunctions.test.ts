/**
 * Issue 9's defects 5 and 8: BARGAIN.RATE follows a newer schedule, BARGAIN.COST reads the
 * workbook once for all its cells, and nothing in the background reaches into Excel while the
 * analyst is editing a cell.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { latestCostingInDocumentSettings, saveLatestCosting, stampSchedule, type ScheduleStamp } from '../../addin/excel/index.js';
import type { CostingDigest } from '../../addin/functions/costingDigest.js';
import { cost, rate } from '../../addin/functions/functions.js';
import { CONNECTION_STORAGE_KEY } from '../../addin/runtime/connection.js';
import { publishLatestCosting, rememberSchedule, sharedState } from '../../addin/runtime/sharedState.js';
import { ScheduleFreshness } from '../../addin/taskpane/schedule/scheduleFreshness.js';
import { officeWorkbook } from '../../addin/taskpane/workbook/officeWorkbook.js';
import { strictDouble, uninstallOffice } from './strictDouble.js';

/** A streaming cell: every value Excel would show, in order. */
function cell() {
  const shown: (number | string)[] = [];
  const invocation = {
    setResult: (value: number | Error) => shown.push(value instanceof Error ? `error: ${value.message}` : value),
    onCanceled: undefined as (() => void) | undefined,
  };
  return { shown, invocation };
}

/** A hundred cells of =BARGAIN.COST("City offer", 2027), as Excel calculates them at once. */
function hundredCostCells() {
  const cells = Array.from({ length: 100 }, () => cell());
  cells.forEach(({ invocation }) => cost('City offer', 2027, undefined, invocation));
  return cells;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

const digest = (total: string): CostingDigest => ({
  format: 'bargaining-costing/digest@1',
  costedAt: '2026-12-01T00:00:00.000Z',
  unit: 'POA',
  scheduleId: 'POA-2025-07',
  fiscalYears: ['FY2027'],
  baseline: { FY2027: { total: '1000000.00' } as never },
  proposals: [{ name: 'City offer', byFiscalYear: {}, increase: { FY2027: { total } as never }, valueOfOnePercent: { FY2027: '10000.00' } }],
});

function resetRuntime(): void {
  const state = sharedState();
  state.latestCosting = undefined;
  state.savedCostingRead = undefined;
  state.schedules.clear();
  state.inFlight.clear();
  state.costingWatchers.clear();
  state.scheduleWatchers.clear();
}

afterEach(() => {
  resetRuntime();
  uninstallOffice();
  delete (globalThis as { localStorage?: unknown }).localStorage;
  delete (globalThis as { fetch?: unknown }).fetch;
});

describe('defect 5: BARGAIN.RATE after a refresh in place', () => {
  it('a RATE cell shows the newer schedule’s rate as soon as the pane pulls it', async () => {
    const schedule = (v: string) => ({ id: 'POA-2025-07', effective: '2025-07-01', classes: [{ code: 'PO', steps: [v, '47.38'] }] });
    rememberSchedule({ unitId: 'POA', version: 3, effective: '2025-07-01', schedule: schedule('45.12') });
    const { shown, invocation } = cell();
    rate('POA', 'PO', 1, undefined, invocation);
    await settle();
    expect(shown).toEqual([45.12]);
    rememberSchedule({ unitId: 'POA', version: 4, effective: '2026-07-01', schedule: schedule('46.47') });
    await settle();
    expect(shown).toEqual([45.12, 46.47]);
    invocation.onCanceled?.();
    rememberSchedule({ unitId: 'POA', version: 5, effective: '2027-07-01', schedule: schedule('48.00') });
    await settle();
    expect(shown).toEqual([45.12, 46.47]); // a deleted cell no longer listens
  });
});

describe('defect 8: BARGAIN.COST and cell editing', () => {
  it('a hundred COST cells answer at once from the document settings Office loaded, even while a cell is edited: no request to Excel', async () => {
    const excel = strictDouble({ installOffice: true });
    await excel.Excel.run((context) => saveLatestCosting(context, digest('30000.00')));
    const runsBefore = excel.model.stats.runs;
    excel.startCellEdit();
    const cells = hundredCostCells();
    await settle();
    expect(cells.every((c) => c.shown.length === 1 && c.shown[0] === 30000)).toBe(true);
    expect(excel.model.stats.runs - runsBefore).toBe(0);
    excel.endCellEdit();
  });

  it('a hundred COST cells read the saved costing from the workbook once, waiting while a cell is edited, then follow new costings', async () => {
    const excel = strictDouble({ installOffice: true });
    // The add-in loaded the document's settings before this costing was saved (in another window):
    // they do not have it, so the cells read the workbook.
    expect(latestCostingInDocumentSettings()).toBeUndefined();
    await excel.Excel.run((context) => saveLatestCosting(context, digest('30000.00')));
    const runsBefore = excel.model.stats.runs;
    excel.startCellEdit();
    const cells = hundredCostCells();
    await settle();
    expect(cells[0]!.shown).toEqual([]); // waiting for the edit to end, not failing
    excel.endCellEdit();
    await settle();
    expect(cells.every((c) => c.shown.length === 1 && c.shown[0] === 30000)).toBe(true);
    expect(excel.model.stats.runs - runsBefore).toBe(1);
    expect(excel.model.stats.refusedInCellEdit).toBe(0);
    publishLatestCosting(digest('45000.00'));
    expect(cells[99]!.shown).toEqual([30000, 45000]);
  });

  it('the schedule check reads the workbook once per unit, then asks only the server: editing a cell is never interrupted', async () => {
    const excel = strictDouble({ installOffice: true });
    const stamp: ScheduleStamp = {
      unitId: 'POA',
      scheduleId: 'POA-2025-07',
      version: 3,
      effective: '2025-07-01',
      etag: '"v3"',
      tableName: 'Rates_POA',
      sheetName: 'Sheet1',
      pulledAt: '2026-12-01T00:00:00Z',
    };
    await excel.Excel.run((context) => stampSchedule(context, stamp, 'A1'));
    let serverAsked = 0;
    const freshness = new ScheduleFreshness({
      readStamp: (unit) => officeWorkbook.readScheduleStamp(unit),
      currentSchedule: async () => {
        serverAsked++;
        return { modified: false };
      },
    });
    expect((await freshness.check('POA')).freshness).toEqual({ kind: 'current' });
    const runs = excel.model.stats.runs;
    excel.startCellEdit();
    for (let minute = 0; minute < 5; minute++) expect((await freshness.check('POA')).freshness.kind).toBe('current');
    excel.endCellEdit();
    expect(excel.model.stats.runs).toBe(runs);
    expect(excel.model.stats.refusedInCellEdit).toBe(0);
    expect(serverAsked).toBe(6);
  });
});

describe('connection for the functions', () => {
  it('RATE with no connection is #N/A in words', async () => {
    (globalThis as { localStorage?: unknown }).localStorage = { getItem: (key: string) => (key === CONNECTION_STORAGE_KEY ? null : null) };
    const { shown, invocation } = cell();
    rate('POA', 'PO', 1, undefined, invocation);
    await settle();
    expect(shown).toEqual(['error: Not connected to the costing server: open the Bargaining Costing pane and connect.']);
  });
});
