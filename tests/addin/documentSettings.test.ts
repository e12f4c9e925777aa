// The custom functions' first way to the saved costing: Office.context.document.settings, loaded
// with the document, read without a request to Excel (addin/excel/latestCosting.ts), against the
// strict double, which keeps those settings as Office documents them (an in-memory copy of the
// workbook's settings as the add-in loaded them).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { latestCostingInDocumentSettings, saveLatestCosting } from '../../addin/excel/latestCosting.js';
import { digestCosting } from '../../addin/functions/costingDigest.js';
import { costScenario } from '../../shared/engine/costScenario.js';
import { parseScenario } from '../../shared/scenario.js';
import { strictDouble, uninstallOffice } from './strictDouble.js';

afterEach(() => uninstallOffice());

const digest = (() => {
  const parsed = parseScenario(JSON.parse(readFileSync('examples/police.json', 'utf8')));
  if (!parsed.ok) throw new Error('examples/police.json does not parse');
  return digestCosting(costScenario(parsed.value), new Date('2026-12-03T10:00:00Z'));
})();

describe('the saved costing in the document settings', () => {
  it('is read as it was when the add-in loaded the settings, with no request to Excel', async () => {
    const excel = strictDouble({ installOffice: true });
    // A workbook costed and saved earlier: the digest is in its settings when the add-in opens.
    await excel.Excel.run((context) => saveLatestCosting(context, digest));
    const syncs = excel.model.stats.syncs;
    expect(latestCostingInDocumentSettings()).toEqual(digest);
    expect(excel.model.stats.syncs).toBe(syncs);
  });

  it('is undefined in a workbook never costed, and when the setting is not a digest', async () => {
    expect(latestCostingInDocumentSettings()).toBeUndefined(); // no Office at all
    strictDouble({ installOffice: true });
    expect(latestCostingInDocumentSettings()).toBeUndefined();
    const excel = strictDouble({ installOffice: true });
    await excel.Excel.run(async (context) => {
      context.workbook.settings.add('bargaining-costing.latestCosting', '{"not": "a digest"}');
      await context.sync();
    });
    expect(latestCostingInDocumentSettings()).toBeUndefined();
  });
});
