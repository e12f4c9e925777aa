import { describe, expect, it } from 'vitest';
import { assertSafeXlsxZip, XlsxRejectedError } from '../../server/xlsx/zipGuard.js';
import { readScenarioWorkbook } from '../../server/xlsx/readScenarioWorkbook.js';
import { parseScheduleXlsx } from '../../server/xlsx/scheduleImport.js';
import { exportCostWorkbook } from '../../server/xlsx/exportCostWorkbook.js';
import { costScenario } from '../../shared/engine/costScenario.js';
import { sampleScenario } from '../workbook/sampleScenario.js';
import { buildZip } from './zipFixtures.js';

const MiB = 1024 * 1024;

describe('XLSX uploads are checked before ExcelJS reads them', () => {
  it('a file that is not a zip is refused with a plain reason', async () => {
    const csv = Buffer.from('Class,Step 1\nPO,45.12\n');
    expect(() => assertSafeXlsxZip(csv)).toThrow(XlsxRejectedError);
    expect(() => assertSafeXlsxZip(csv)).toThrow(/not an XLSX file: an XLSX workbook is a zip archive/);
    expect(await parseScheduleXlsx(csv)).toEqual({ ok: false, issues: [{ path: '(file)', message: expect.stringMatching(/^not an XLSX file/) }] });
    expect(await readScenarioWorkbook(Buffer.alloc(0))).toEqual({ ok: false, issues: [{ path: '(file)', message: 'the file is empty' }] });
  });

  it('a zip bomb is refused by its declared size and compression ratio', async () => {
    const bomb = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(120 * MiB) }]);
    expect(bomb.length).toBeLessThan(1 * MiB);
    expect(() => assertSafeXlsxZip(bomb)).toThrow(/inflate to 120 MiB .*zip bomb/);
    const ratio = buildZip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(20 * MiB, 0x41) }]);
    expect(() => assertSafeXlsxZip(ratio)).toThrow(/compressed \d+:1.*zip bomb/);
    const result = await readScenarioWorkbook(bomb);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.message).toMatch(/zip bomb/);
  });

  it('a forged zip that declares a small size but inflates to more is refused', () => {
    const forged = buildZip([{ name: 'xl/workbook.xml', data: Buffer.alloc(5 * MiB), declaredSize: 1000 }]);
    expect(() => assertSafeXlsxZip(forged)).toThrow(/inflates beyond the size it declares/);
  });

  it('many small entries adding up beyond the limit are refused', () => {
    const entries = Array.from({ length: 30 }, (_, i) => ({ name: `xl/media/${i}.bin`, data: Buffer.alloc(MiB / 2, i) }));
    expect(() =>
      assertSafeXlsxZip(buildZip(entries), {
        maxFileBytes: 50 * MiB,
        maxEntries: 100,
        maxTotalUncompressedBytes: 10 * MiB,
        maxEntryUncompressedBytes: 10 * MiB,
        maxCompressionRatio: 10_000,
      }),
    ).toThrow(/more than 10 MiB/);
  });

  it('a truncated workbook is refused; a real one passes', async () => {
    const scenario = sampleScenario();
    const real = await exportCostWorkbook({ scenario, result: costScenario(scenario) });
    expect(assertSafeXlsxZip(real).entries).toBeGreaterThan(10);
    expect(() => assertSafeXlsxZip(real.subarray(0, real.length - 100))).toThrow(XlsxRejectedError);
  });

  it('a zip that is not a workbook reads as a plain problem, not a crash', async () => {
    const notWorkbook = buildZip([{ name: 'hello.txt', data: Buffer.from('hello') }]);
    const result = await readScenarioWorkbook(notWorkbook);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.path).toBe('(file)');
  });
});
