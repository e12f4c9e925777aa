import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { parseScenario } from '../../shared/scenario.js';
import { costScenario } from '../../shared/engine/costScenario.js';
import { componentNames } from '../../shared/result.js';
import { costingSheet } from '../../shared/workbook/costingSheet.js';
import { exportCostWorkbook } from '../../server/xlsx/exportCostWorkbook.js';
import { readScenarioWorkbook } from '../../server/xlsx/readScenarioWorkbook.js';
import { sampleScenario } from '../workbook/sampleScenario.js';
import { loadXlsx, recalcSheet } from './workbookRecalc.js';
import { buildReport } from '../../shared/reports/index.js';
import type { ReportView } from '../../shared/reports/reportDocument.js';
import { defaultLines, expectedBySplit, expectedDisclosure, expectedReconcile, expectedSummary } from '../reports/expectedFigures.js';
import { fundedScenario } from '../reports/fundedScenario.js';
import { expectPrinted, fromSheet } from '../reports/printedTables.js';

/** The report sheets need the engine's 1.2 figures (issue 7); a costing without them exports the rest. */
const engineReports12 = costScenario(fundedScenario()).positions !== undefined;
const REPORT_SHEETS = engineReports12 ? ['Summary', 'Disclosure', 'Reconciliation', 'By fund', 'By department'] : [];
const INPUT_SHEETS = ['Schedule', 'Roster', 'Assumptions', 'Proposals'];

const approval = {
  approver: 'Maria Manager',
  approvedAt: '2026-11-23T18:00:00.000Z',
  contentHash: 'c0ffee'.repeat(10) + 'beef',
  comment: '=HYPERLINK("http://evil.example","open")',
};

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
    const buffer = await exportCostWorkbook({
      scenario,
      result,
      title: 'FY27 settlement',
      state: 'approved',
      approval,
      generatedAt: '2026-11-23T18:05:00.000Z',
    });
    const wb = await loadXlsx(buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([...REPORT_SHEETS, 'Costing', ...INPUT_SHEETS]);
    const map = costingSheet(result, scenario, { approval, title: 'FY27 settlement', state: 'approved', generatedAt: '2026-11-23T18:05:00.000Z' }).map;
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
    for (const sheet of wb.worksheets)
      expect((sheet as unknown as { sheetProtection: { sheet: boolean } | null }).sheetProtection?.sheet, sheet.name).toBe(true);
    const parts = xmlParts(buffer);
    for (let i = 1; i <= wb.worksheets.length; i++) expect(parts.get(`xl/worksheets/sheet${i}.xml`)).toContain('<sheetProtection');
    // Left and right sections only: the state and the page number never print over each other.
    expect(costing.headerFooter.oddFooter).toBe(`&LApproved Nov 23, 2026 · sha256 ${approval.contentHash.slice(0, 12)}…&RPage &P of &N`);
    expect(costing.headerFooter.oddHeader).toBe('&LPolice Officers Association (POA) — Costing&R');
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
    const result = costScenario(scenario);
    const map = costingSheet(result, scenario, { state: 'draft' }).map;
    expect(wb.getWorksheet('Costing')!.getCell(map.baseline.wages[result.fiscalYears[0]!]!).numFmt).toBe('"$"#,##0.00_);("$"#,##0.00)');
  });

  it('text that looks like a formula is written as text, never as a formula', async () => {
    const scenario = sampleScenario();
    scenario.unit.name = '@SUM(1+1)';
    scenario.roster.rows[0]!.id = '-E1001';
    const buffer = await exportCostWorkbook({ scenario, result: costScenario(scenario), approval });
    const parts = xmlParts(buffer);
    const formulas = [...parts.entries()]
      .filter(([n]) => n.startsWith('xl/worksheets/'))
      .flatMap(([, xml]) => [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]!));
    expect(formulas.length).toBeGreaterThan(50);
    // Only these shapes: sums over ranges or cell lists, differences, references, guarded ratios, whole-dollar roundings of engine figures.
    const cell = '\\$?[A-Z]+\\$?\\d+';
    const shapes = new RegExp(
      `^(SUM\\(${cell}(:${cell}|(,${cell})*)\\)|${cell}-${cell}|${cell}|IF\\(${cell}=0,&quot;&quot;,(ROUND\\(${cell}\\/${cell},6\\)|${cell}\\/${cell})\\)|ROUND\\(ROUND\\(-?\\d+(\\.\\d+)?([+-]\\d+(\\.\\d+)?)*,2\\),0\\))$`,
    );
    for (const f of formulas) expect(f).toMatch(shapes);
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

  // Funds, a budget and a retro are in tests/reports (each renderer); here the whole export of an example unit.
  it.skipIf(!engineReports12)('the report sheets, recalculated by HyperFormula from the file, print the engine\u2019s figures', async () => {
    const parsed = parseScenario(JSON.parse(readFileSync('examples/police.json', 'utf8')));
    if (!parsed.ok) throw new Error('example invalid');
    const scenario = parsed.value;
    const result = costScenario(scenario);
    const buffer = await exportCostWorkbook({
      scenario,
      result,
      title: 'FY27 settlement',
      version: 2,
      state: 'approved',
      approval,
      generatedAt: '2026-11-23T18:05:00.000Z',
      timeZone: 'America/Los_Angeles',
    });
    const wb = await loadXlsx(buffer);
    const expected: Record<ReportView, ReturnType<typeof expectedSummary>> = {
      summary: expectedSummary(result),
      disclosure: expectedDisclosure(result, 0, defaultLines(result)),
      reconcile: expectedReconcile(result, scenario, 0, 1),
      'by-fund': expectedBySplit(result, 'fund'),
      'by-department': expectedBySplit(result, 'department'),
    };
    const sheetOf: Record<ReportView, string> = {
      summary: 'Summary',
      disclosure: 'Disclosure',
      reconcile: 'Reconciliation',
      'by-fund': 'By fund',
      'by-department': 'By department',
    };
    let checked = 0;
    for (const view of Object.keys(expected) as ReportView[]) {
      const built = buildReport(view, result, scenario);
      if (!built.ok) throw new Error(view);
      checked += expectPrinted(fromSheet(wb.getWorksheet(sheetOf[view])!, built.report), expected[view], `${view} sheet`);
    }
    expect(checked).toBeGreaterThan(200);
    // The summary carries a picture of its chart (ExcelJS cannot write native charts) and prints on one page.
    expect(wb.getWorksheet('Summary')!.getImages()).toHaveLength(1);
    expect(wb.getWorksheet('Summary')!.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
  });

  it('prints as something to hand a council: words not codes, names not logins, local times, repeated titles, page breaks, readable widths', async () => {
    const scenario = sampleScenario();
    const result = costScenario(scenario);
    const buffer = await exportCostWorkbook({
      scenario,
      result,
      title: 'FY27 settlement',
      state: 'approved',
      approval: { ...approval, approver: 'Morgan Reyes' },
      timeZone: 'America/Los_Angeles',
      generatedAt: '2026-11-23T18:05:00.000Z',
    });
    const wb = await loadXlsx(buffer);
    const costing = wb.getWorksheet('Costing')!;
    // labels[i] is column A of row i + 1.
    const labels = Array.from({ length: costing.rowCount }, (_, i) => String(costing.getCell(i + 1, 1).value ?? ''));
    const texts = wb.worksheets.flatMap((sheet) => {
      const out: string[] = [];
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') out.push(cell.value);
        }),
      );
      return out;
    });
    expect(labels.filter((l) => /^\d+\. |\b(gwi|lumpSum|addStep|stepFreeze|flatIncrease)\b/.test(l))).toEqual([]);
    expect(labels).toContain('General wage increase 3% (Jul 1, 2026) \u2014 3% year 1');
    expect(labels.some((l) => l.startsWith('Police Officer (PO): increase'))).toBe(true);
    expect(costing.getCell(`B${labels.indexOf('Approved by') + 1}`).value).toBe('Morgan Reyes');
    expect(costing.getCell(`B${labels.indexOf('Approved at') + 1}`).value).toBe('Nov 23, 2026, 10:00 AM PST');
    expect(texts.filter((t) => /\d{4}-\d\d-\d\dT\d\d:\d\d/.test(t))).toEqual([]);

    const parts = xmlParts(buffer);
    const workbookXml = parts.get('xl/workbook.xml')!;
    // Every sheet repeats its title rows on each printed page.
    expect(workbookXml.match(/_xlnm\.Print_Titles/g)).toHaveLength(wb.worksheets.length);
    const costingXml = parts.get(`xl/worksheets/sheet${wb.worksheets.indexOf(costing) + 1}.xml`)!;
    expect(costingXml).toMatch(/<rowBreaks count="\d+"/);
    for (const sheet of wb.worksheets) {
      expect(sheet.headerFooter.oddFooter, sheet.name).not.toContain('&C');
      // No heading is cut off: each heading row's cells are narrower than their column.
      sheet.eachRow((row) =>
        row.eachCell((cell, col) => {
          const style = cell.fill && 'fgColor' in cell.fill ? cell.fill.fgColor?.argb : undefined;
          if (style === 'FFD9E1F2' && typeof cell.value === 'string')
            expect(sheet.getColumn(col).width ?? 9, `${sheet.name}!${cell.address} "${cell.value}"`).toBeGreaterThanOrEqual(cell.value.length);
        }),
      );
      const width = sheet.columns.reduce((a, c) => a + (c.width ?? 9), 0);
      // Wide sheets are not squeezed onto one page wide (4-point text): they run across pages instead.
      if (width > 190) expect(sheet.pageSetup.fitToPage, sheet.name).toBe(false);
    }
  });

  it('a draft says so in a banner; a returned model carries who returned it and the manager\u2019s comment', async () => {
    const scenario = sampleScenario();
    const result = costScenario(scenario);
    const draft = await loadXlsx(await exportCostWorkbook({ scenario, result, title: 'FY27', state: 'draft' }));
    for (const name of [...(engineReports12 ? ['Summary'] : []), 'Costing']) {
      const banner = draft.getWorksheet(name)!.getCell('A2');
      expect(banner.value, name).toBe('DRAFT \u2014 not approved');
      expect(banner.font?.color?.argb).toBe('FFC00000');
    }
    const returned = await loadXlsx(
      await exportCostWorkbook({
        scenario,
        result,
        title: 'FY27',
        state: 'returned',
        returned: { by: 'Morgan Reyes', at: '2026-11-23T18:00:00.000Z', comment: 'Use the July roster' },
        timeZone: 'America/Los_Angeles',
      }),
    );
    const costing = returned.getWorksheet('Costing')!;
    expect(costing.getCell('A2').value).toBe('RETURNED FOR CHANGES \u2014 not approved');
    const rows = costing.getSheetValues() as unknown[][];
    const at = rows.findIndex((r) => Array.isArray(r) && r[1] === 'Manager\u2019s comment');
    expect(costing.getCell(`B${at}`).value).toBe('Use the July roster');
    expect(costing.getCell(`B${at - 2}`).value).toBe('Morgan Reyes');
  });
});
