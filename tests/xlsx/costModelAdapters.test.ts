import { describe, expect, it } from 'vitest';
import { writeCostModelWorkbook } from '../../server/xlsx/costModelAdapters.js';
import type { CostModelView } from '../../server/services/costModelView.js';
import { costScenario } from '../../shared/engine/costScenario.js';
import { sampleScenarioInput, sampleScenario } from '../workbook/sampleScenario.js';
import { loadXlsx } from './workbookRecalc.js';

function view(overrides: Partial<CostModelView>): CostModelView {
  return {
    id: 'cm-1',
    unitId: 'POA',
    title: 'FY27 & beyond',
    state: 'draft',
    version: 1,
    lineageId: 'cm-1',
    modelVersion: 2,
    supersedes: null,
    contentHash: null,
    createdBy: 'ana',
    createdAt: '2026-11-23T10:00:00.000Z',
    updatedBy: 'ana',
    updatedAt: '2026-11-23T10:00:00.000Z',
    submittedBy: null,
    submittedAt: null,
    scenario: sampleScenarioInput,
    result: null,
    supersededBy: null,
    ...overrides,
  };
}

describe('writeCostModelWorkbook (the server route’s writer)', () => {
  it('a draft without a stored result is costed by the shared engine for the export, unprotected', async () => {
    const wb = await loadXlsx(await writeCostModelWorkbook(view({})));
    const costing = wb.getWorksheet('Costing')!;
    expect(String(costing.getCell('A2').value)).toBe('DRAFT \u2014 not approved');
    expect(String(costing.getCell('A3').value)).toBe('FY27 & beyond, version 2 (Draft)');
    expect((costing as unknown as { sheetProtection: unknown }).sheetProtection ?? null).toBeNull();
    expect(costing.headerFooter.oddHeader).toContain('FY27 && beyond, version 2');
  });

  it('an approved model uses its stored result and is protected with its approval block', async () => {
    const result = costScenario(sampleScenario());
    const hash = 'a'.repeat(64);
    const wb = await loadXlsx(
      await writeCostModelWorkbook(
        view({
          state: 'approved',
          result,
          contentHash: hash,
          approval: { approvedBy: 'mia', approvedAt: '2026-11-23T12:00:00.000Z', revision: 3, comment: null, contentHash: hash },
        }),
      ),
    );
    const costing = wb.getWorksheet('Costing')!;
    const values = (costing.getSheetValues() as unknown[][]).filter(Array.isArray).map((r) => r.slice(1, 3));
    expect(values).toContainEqual(['Approved by', 'mia']);
    expect(values).toContainEqual(['Content hash (sha256)', hash]);
    expect(values.some((r) => r[0] === 'Comment')).toBe(false);
    for (const sheet of wb.worksheets) expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
  });

  it('the approver and the manager who returned a model appear by name, with the comment', async () => {
    const approved = await loadXlsx(
      await writeCostModelWorkbook(
        view({
          state: 'approved',
          result: costScenario(sampleScenario()),
          contentHash: 'a'.repeat(64),
          approval: { approvedBy: 'mia', approvedAt: '2026-11-23T12:00:00.000Z', revision: 2, comment: null, contentHash: 'a'.repeat(64) },
        }),
        { mia: 'Mia Manager' },
      ),
    );
    expect((approved.getWorksheet('Costing')!.getSheetValues() as unknown[][]).filter(Array.isArray).map((r) => r.slice(1, 3))).toContainEqual([
      'Approved by',
      'Mia Manager',
    ]);
    const returned = await loadXlsx(
      await writeCostModelWorkbook(
        view({ state: 'returned', returned: { returnedBy: 'mia', returnedAt: '2026-11-23T12:00:00.000Z', comment: 'Use the July roster' } }),
        { mia: 'Mia Manager' },
      ),
    );
    const values = (returned.getWorksheet('Costing')!.getSheetValues() as unknown[][]).filter(Array.isArray).map((r) => r.slice(1, 3));
    expect(values).toContainEqual(['Returned by', 'Mia Manager']);
    expect(values).toContainEqual(['Manager\u2019s comment', 'Use the July roster']);
  });

  it('a stored scenario that no longer validates is an error, not a half workbook', async () => {
    await expect(writeCostModelWorkbook(view({ scenario: { format: 'nope' } }))).rejects.toThrow(/no longer validates/);
  });
});
