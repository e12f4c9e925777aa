import { describe, expect, it } from 'vitest';
import { inflateRawSync } from 'node:zlib';
import { costScenario } from '../../shared/engine/costScenario.js';
import { componentNames } from '../../shared/result.js';
import { costingSheet } from '../../shared/workbook/costingSheet.js';
import { exportCostWorkbook } from '../../server/xlsx/exportCostWorkbook.js';
import { readScenarioWorkbook } from '../../server/xlsx/readScenarioWorkbook.js';
import { sampleScenario } from '../workbook/sampleScenario.js';
import { loadXlsx, recalcSheet } from './workbookRecalc.js';

const approval = { approver: 'Maria Manager', approvedAt: '2026-11-23T18:00:00.000Z', contentHash: 'c0ffee'.repeat(10) + 'beef', comment: '=HYPERLINK("http://evil.example","open")' };

/** Every XML part of the xlsx, inflated (the zip's central directory walked by hand). */
function xmlParts(buffer: Buffer): Map<string, string> {
  const parts = new Map<string, string>();
  let eocd = buffer.length - 22;
  while (buffer.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = buffer.readUInt32LE(eocd + 16);
  for (let i = 0; i < buffer.readUInt16LE(eocd + 10); i++) {
    const method = buffer.readUInt16LE(p + 10);
    const size = buffer.readUInt32LE(p + 20);
    const nameLength = buffer.readUInt16LE(p + 28);
    const local = buffer.readUInt32LE(p + 42);
    const name = buffer.subarray(p + 46, p + 46 + nameLength).toString();
    p += 46 + nameLength + buffer.readUInt16LE(p + 30) + buffer.readUInt16LE(p + 32);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    parts.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
  }
  return parts;
}

describe('exportCostWorkbook', () => {
  it('recalculated by HyperFormula from the file, the Costing totals equal the engine to the cent', async () => {
    const scenario = sampleScenario();
    const result = costScenario(scenario);
    const buffer = await exportCostWorkbook({ scenario, result, title: 'FY27 settlement', state: 'approved', approval, generatedAt: '2026-11-23T18:05:00.000Z' });
    const wb = await loadXlsx(buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Costing', 'Schedule', 'Roster', 'Assumptions', 'Proposals']);
    const map = costingSheet(result, scenario, { approval, title: 'FY27 settlement (approved)', generatedAt: '2026-11-23T18:05:00.000Z' }).map;
    const hf = recalcSheet(wb.getWorksheet('Costing')!);
    let checked = 0;
    for (const fy of result.fiscalYears) {
      for (const c of [...componentNames, 'total'] as const) {
        expect(hf.money(map.baseline[c][fy]!)).toBe(result.baseline[fy]![c]);
        result.proposals.forEach((p, i) => {
          expect(hf.money(map.proposals[i]!.byFiscalYear[c][fy]!)).toBe(p.byFiscalYear[fy]![c]);
          expect(hf.money(map.proposals[i]!.increase[c][fy]!)).toBe(p.increase[fy]![c]);
          checked += 2;
        });
      }
      result.proposals.forEach((p, i) => {
        expect(hf.money(map.proposals[i]!.valueOfOnePercent[fy]!)).toBe(p.valueOfOnePercent[fy]);
        const pct = hf.value(map.proposals[i]!.percentOfBase[fy]!);
        expect(typeof pct === 'number' ? pct.toFixed(6) : pct).toBe(p.percentOfBase[fy] ?? '');
      });
    }
    result.proposals.forEach((p, i) => expect(hf.money(map.proposals[i]!.lift)).toBe(p.ongoingAnnualIncrease));
    expect(checked).toBeGreaterThan(100);
    hf.destroy();
  });

  it('the total cells are live formulas, not values', async () => {
    const scenario = sampleScenario();
    const result = costScenario(scenario);
    const buffer = await exportCostWorkbook({ scenario, result });
    const wb = await loadXlsx(buffer);
    const map = costingSheet(result, scenario).map;
    const sheet = wb.getWorksheet('Costing')!;
    const total = sheet.getCell(map.proposals[0]!.increase.total[result.fiscalYears[0]!]!).value as { formula: string; result: number };
    expect(total.formula).toMatch(/^SUM\(B\d+:B\d+\)$/);
    expect(total.result).toBe(Number(result.proposals[0]!.increase[result.fiscalYears[0]!]!.total));
  });

  it('an approved model carries the approval block and every sheet is protected', async () => {
    const scenario = sampleScenario();
    const buffer = await exportCostWorkbook({ scenario, result: costScenario(scenario), state: 'approved', approval });
    const wb = await loadXlsx(buffer);
    const costing = wb.getWorksheet('Costing')!;
    const rows = costing.getSheetValues() as unknown[][];
    const labelRow = (label: string) => rows.findIndex((r) => Array.isArray(r) && r[1] === label);
    expect(costing.getCell(`B${labelRow('Approved by')}`).value).toBe('Maria Manager');
    expect(costing.getCell(`B${labelRow('Content hash (sha256)')}`).value).toBe(approval.contentHash);
    for (const sheet of wb.worksheets) expect((sheet as unknown as { sheetProtection: { sheet: boolean } | null }).sheetProtection?.sheet, sheet.name).toBe(true);
    const parts = xmlParts(buffer);
    for (let i = 1; i <= 5; i++) expect(parts.get(`xl/worksheets/sheet${i}.xml`)).toContain('<sheetProtection');
    expect(costing.headerFooter.oddFooter).toContain(`Approved by Maria Manager, sha256 ${approval.contentHash}`);
    expect(costing.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
  });

  it('a draft is not protected; tables, formats, widths and frozen panes are set', async () => {
    const scenario = sampleScenario();
    const buffer = await exportCostWorkbook({ scenario, result: costScenario(scenario), state: 'draft' });
    const wb = await loadXlsx(buffer);
    const roster = wb.getWorksheet('Roster')!;
    expect((roster as unknown as { sheetProtection: unknown }).sheetProtection ?? null).toBeNull();
    expect(Object.keys((roster as unknown as { tables: Record<string, unknown> }).tables)).toEqual(['RosterRows', 'RosterSettings']);
    expect(roster.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(roster.getColumn(1).width).toBe(12);
    const assumptions = wb.getWorksheet('Assumptions')!;
    expect(assumptions.getCell('F3').value).toBe(0.1325);
    expect(assumptions.getCell('F3').numFmt).toBe('0.00%');
    expect(wb.getWorksheet('Costing')!.getCell('B20').numFmt).toBe('#,##0.00');
  });

  it('text that looks like a formula is written as text, never as a formula', async () => {
    const scenario = sampleScenario();
    scenario.unit.name = '@SUM(1+1)';
    scenario.roster.rows[0]!.id = '-E1001';
    const buffer = await exportCostWorkbook({ scenario, result: costScenario(scenario), approval });
    const parts = xmlParts(buffer);
    const formulas = [...parts.entries()].filter(([n]) => n.startsWith('xl/worksheets/')).flatMap(([, xml]) => [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]!));
    expect(formulas.length).toBeGreaterThan(50);
    for (const f of formulas) expect(f).toMatch(/^(SUM\([A-Z]+\d+:[A-Z]+\d+\)|[A-Z]+\d+-[A-Z]+\d+|[A-Z]+\d+|IF\(\$B\$\d+=0,&quot;&quot;,ROUND\([A-Z]+\d+\/\$B\$\d+,6\)\))$/);
    const wb = await loadXlsx(buffer);
    const proposals = wb.getWorksheet('Proposals')!;
    const label = proposals.getCell('G6'); // Label: the third column of the provisions table, which starts in E
    expect(label.value).toBe('=HYPERLINK("http://x","click")');
    expect(label.type).toBe(3); // ExcelJS ValueType.String
    expect(wb.getWorksheet('Assumptions')!.getCell('B4').value).toBe('@SUM(1+1)');
  });

  it('the exported workbook reads back into the same scenario (what the command line costs)', async () => {
    const scenario = sampleScenario();
    const buffer = await exportCostWorkbook({ scenario, result: costScenario(scenario) });
    const back = await readScenarioWorkbook(buffer);
    expect(back).toEqual({ ok: true, scenario });
  });

  it('a model without a result still exports its input sheets', async () => {
    const scenario = sampleScenario();
    const buffer = await exportCostWorkbook({ scenario, result: null, state: 'draft', notCostedReason: 'no wage base for 2029' });
    const wb = await loadXlsx(buffer);
    expect(String(wb.getWorksheet('Costing')!.getCell('A2').value)).toContain('no wage base for 2029');
    expect(await readScenarioWorkbook(buffer)).toEqual({ ok: true, scenario });
  });
});
