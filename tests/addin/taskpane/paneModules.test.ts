import { describe, expect, it } from 'vitest';
import type { ProposalResult } from '../../../shared/result.js';
import type { SheetGrid } from '../../../shared/workbook/grid.js';
import { describeProblem } from '../../../addin/taskpane/api/problem.js';
import { formatDollars, formatPercent, orderForComparison } from '../../../addin/taskpane/costing/comparison.js';
import { approvedCopyOf } from '../../../addin/taskpane/models/approvedSheets.js';
import { scheduleTableFor, stampFor } from '../../../addin/taskpane/schedule/scheduleTable.js';
import { tabsFor } from '../../../addin/taskpane/components/tabs.js';

describe('the task pane modules', () => {
  it('puts the union first and management second in the comparison', () => {
    const p = (name: string, side?: string) => ({ name, ...(side ? { side } : {}) }) as ProposalResult;
    expect(orderForComparison([p('Joint', 'joint'), p('City', 'management'), p('Union', 'union'), p('Other')]).map((x) => x.name)).toEqual([
      'Union',
      'City',
      'Joint',
      'Other',
    ]);
  });

  it('formats money and ratios for reading', () => {
    expect(formatDollars('1234567.5')).toBe('$1,234,567.50');
    expect(formatDollars('-20')).toBe('−$20.00');
    expect(formatDollars(null)).toBe('—');
    expect(formatPercent('0.0425')).toBe('4.25%');
  });

  it('explains a problem document in words, with its field errors', () => {
    expect(
      describeProblem('save the draft', 400, {
        title: 'Invalid input',
        detail: 'the scenario is not valid',
        errors: [{ path: 'roster.rows[2].step', message: 'must be at least 1' }],
      }),
    ).toBe('Could not save the draft: the scenario is not valid. roster.rows[2].step: must be at least 1');
    expect(describeProblem('approve the cost model', 403, null)).toBe('Could not approve the cost model: your role or units do not allow this.');
    expect(describeProblem('load', 418, null)).toBe('Could not load: the server answered 418.');
  });

  it("renames an approved copy so it sits beside the analyst's sheets", () => {
    const grid = { name: 'Assumptions', tables: [{ name: 'PensionRates', headerRow: 2, firstColumn: 0, headers: ['a'], rowCount: 0 }] } as unknown as SheetGrid;
    const [copy] = approvedCopyOf([grid], '0f3a9c2e-7b1d-4f5e-9a0b-123456789abc');
    expect(copy!.name).toBe('Assumptions 0f3a9c2e');
    expect(copy!.name.length).toBeLessThanOrEqual(31);
    expect(copy!.tables[0]!.name).toBe('PensionRates_0f3a9c2e');
  });

  it('lays a pulled schedule out as a table with one column per step', () => {
    const pulled = {
      unitId: 'RPOA',
      version: 3,
      effective: '2025-07-01',
      schedule: {
        id: 'RPOA-2025',
        effective: '2025-07-01',
        rateBasis: 'hourly' as const,
        hoursPerYear: 2080,
        ratePlaces: 2,
        classes: [
          { code: 'PO', title: 'Police Officer', stepMonths: 12, steps: ['45.12', '47.38', '49.75'] },
          { code: 'SGT', title: 'Sergeant', stepMonths: 12, steps: ['58.00', '60.90'] },
        ],
      },
    };
    const table = scheduleTableFor(pulled);
    expect(table.sheetName).toBe('Rates RPOA');
    expect(table.tableName).toBe('Rates_RPOA');
    expect(table.header).toEqual(['Class', 'Title', 'Step months', 'Step 1', 'Step 2', 'Step 3']);
    expect(table.rows[1]).toEqual(['SGT', 'Sergeant', 12, 58, 60.9, '']);
    expect(table.columnFormats.slice(3)).toEqual(['#,##0.00', '#,##0.00', '#,##0.00']);
    expect(stampFor(pulled, table, '"etag"', new Date('2026-01-02T03:04:05Z'))).toEqual({
      unitId: 'RPOA',
      scheduleId: 'RPOA-2025',
      version: 3,
      effective: '2025-07-01',
      etag: '"etag"',
      tableName: 'Rates_RPOA',
      sheetName: 'Rates RPOA',
      pulledAt: '2026-01-02T03:04:05.000Z',
    });
  });

  it('shows each role its tabs', () => {
    expect(tabsFor(null).map((t) => t.id)).toEqual(['connect']);
    expect(tabsFor('analyst').map((t) => t.id)).toEqual(['schedule', 'workbook', 'proposals', 'cost', 'approved']);
    expect(tabsFor('manager').map((t) => t.id)).toEqual(['schedule', 'approvals', 'approved']);
    expect(tabsFor('negotiator').map((t) => t.id)).toEqual(['schedule', 'workbook', 'proposals', 'cost', 'approved']);
  });
});
