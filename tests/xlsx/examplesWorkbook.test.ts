// The shipped example scenarios, through the workbook both ways and recalculated by HyperFormula.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseScenarioText } from '../../shared/scenario.js';
import { costScenario } from '../../shared/engine/costScenario.js';
import { componentNames } from '../../shared/result.js';
import { costingSheet } from '../../shared/workbook/costingSheet.js';
import { exportCostWorkbook } from '../../server/xlsx/exportCostWorkbook.js';
import { readScenarioWorkbook } from '../../server/xlsx/readScenarioWorkbook.js';
import { loadXlsx, recalcSheet } from './workbookRecalc.js';

const examples = readdirSync(new URL('../../examples/', import.meta.url)).filter((f) => f.endsWith('.json'));

describe.each(examples)('examples/%s', (file) => {
  it('exports a workbook whose recalculated totals equal the engine and whose inputs read back equal', async () => {
    const parsed = parseScenarioText(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const scenario = parsed.value;
    const result = costScenario(scenario);
    const buffer = await exportCostWorkbook({ scenario, result, generatedAt: '2026-11-23T00:00:00.000Z' });
    expect(await readScenarioWorkbook(buffer)).toEqual({ ok: true, scenario });
    const map = costingSheet(result, scenario, { generatedAt: '2026-11-23T00:00:00.000Z' }).map;
    const hf = recalcSheet((await loadXlsx(buffer)).getWorksheet('Costing')!);
    for (const fy of result.fiscalYears) {
      for (const c of [...componentNames, 'total'] as const) {
        expect(hf.money(map.baseline[c][fy]!)).toBe(result.baseline[fy]![c]);
        result.proposals.forEach((p, i) => expect(hf.money(map.proposals[i]!.increase[c][fy]!), `${p.name} ${c} ${fy}`).toBe(p.increase[fy]![c]));
      }
    }
    result.proposals.forEach((p, i) => expect(hf.money(map.proposals[i]!.lift)).toBe(p.ongoingAnnualIncrease));
    hf.destroy();
  });
});
