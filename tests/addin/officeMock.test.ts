/**
 * Load/sync discipline against office-addin-mock: a property read before `load` + `sync` comes
 * back as an error string (not a throw), so every value is asserted explicitly.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { loadLatestCosting, loadWorkbookSetting, protectSheets, saveLatestCosting, selectCell, settingKeys } from '../../addin/excel/index.js';
import type { CostingDigest } from '../../addin/functions/costingDigest.js';

function settingsContext(stored: { isNullObject: boolean; value: string }) {
  const data = {
    context: {
      workbook: {
        settings: {
          item: stored,
          added: { key: '', value: '' },
          getItemOrNullObject(this: { item: unknown }, _key: string) {
            return this.item;
          },
          add(this: { added: { key: string; value: string } }, key: string, value: string) {
            this.added.key = key;
            this.added.value = value;
          },
        },
      },
    },
  };
  return new OfficeMockObject(data) as unknown as { context: Excel.RequestContext & { workbook: { settings: { added: { key: string; value: string } } } } };
}

const digest: CostingDigest = {
  format: 'bargaining-costing/digest@1',
  costedAt: '2026-11-23T22:00:00.000Z',
  unit: 'POA',
  scheduleId: 'POA-2025-07',
  fiscalYears: ['FY2027'],
  baseline: {},
  proposals: [],
};

describe('workbook settings through office-addin-mock', () => {
  it('reads a saved setting only after load and sync, and parses its JSON', async () => {
    const mock = settingsContext({ isNullObject: false, value: JSON.stringify(digest) });
    const value = await loadLatestCosting(mock.context);
    expect(value).toEqual(digest);
  });

  it('an absent setting is undefined, not an error string', async () => {
    const mock = settingsContext({ isNullObject: true, value: '' });
    expect(await loadWorkbookSetting(mock.context, settingKeys.latestCosting)).toBeUndefined();
  });

  it('a damaged setting is an error that says what to do', async () => {
    const mock = settingsContext({ isNullObject: false, value: '{not json' });
    await expect(loadLatestCosting(mock.context)).rejects.toThrow(/not valid JSON.*cost the workbook again/);
  });

  it('saves the digest as JSON under its key', async () => {
    const mock = settingsContext({ isNullObject: true, value: '' });
    await saveLatestCosting(mock.context, digest);
    const added = mock.context.workbook.settings.added;
    expect(added.key).toBe('bargaining-costing.latestCosting');
    expect(JSON.parse(added.value)).toEqual(digest);
  });
});

describe('sheets through office-addin-mock', () => {
  function workbook() {
    const calls: string[] = [];
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            Approved: {
              protection: {
                protected: false,
                protect(options: unknown) {
                  calls.push(`protect Approved ${JSON.stringify(options)}`);
                },
              },
              activate() {
                calls.push('activate Approved');
              },
              cell: {
                select() {
                  calls.push('select Approved!D12');
                },
              },
              getRange(this: { cell: unknown }, address: string) {
                calls.push(`getRange ${address}`);
                return this.cell;
              },
            },
            Locked: {
              protection: {
                protected: true,
                protect() {
                  calls.push('protect Locked');
                },
              },
            },
            getItem(this: Record<string, unknown>, name: string) {
              return this[name];
            },
          },
        },
      },
    }) as unknown as { context: Excel.RequestContext };
    return { mock, calls };
  }

  it('protects the sheets not yet protected, after reading their state', async () => {
    const { mock, calls } = workbook();
    await protectSheets(mock.context, ['Approved', 'Locked']);
    expect(calls).toEqual([`protect Approved {"allowFormatColumns":true,"allowSort":true,"allowAutoFilter":true,"selectionMode":"Normal"}`]);
  });

  it('selects a cell after showing its sheet', async () => {
    const { mock, calls } = workbook();
    await selectCell(mock.context, 'Approved', 'D12');
    expect(calls).toEqual(['activate Approved', 'getRange D12', 'select Approved!D12']);
  });
});
