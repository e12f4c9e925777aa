import { describe, expect, it } from 'vitest';
import { costingResultJson } from '../../shared/resultJson.js';
import { cost, monthlyScenario } from './scenarioBuilder.js';

// Funds and departments whose codes look like array indices: a JavaScript object (and so
// JSON.stringify) lists them first in numeric order, §7 asks for code-point order.
const numericCodes = () =>
  cost(
    monthlyScenario({
      rows: [
        { fund: '100', department: '10' },
        { fund: '20', department: '9' },
        { fund: 'A', department: 'B' },
        {
          fund: [
            { fund: '9', share: '0.5' },
            { fund: '100', share: '0.5' },
          ],
          department: '9',
        },
      ],
      provisions: [{ type: 'gwi', percent: '0.03', effective: '2026-07-01' }],
    }),
  );

/** The keys of the first JSON object written under `"name":` in `text`, in the text's order. */
function keysInText(text: string, name: string): string[] {
  const start = text.indexOf(`"${name}"`);
  const open = text.indexOf('{', start);
  const keys: string[] = [];
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) break;
    } else if (ch === '"' && depth === 1) {
      const end = text.indexOf('"', i + 1);
      keys.push(text.slice(i + 1, end));
      i = text.indexOf('{', end) - 1;
    }
  }
  return keys;
}

describe('costingResultJson', () => {
  it('writes fund and department keys in code-point order, which JSON.stringify cannot', () => {
    const result = numericCodes();
    expect(Object.keys(result.baselineByFund!)).toEqual(['9', '20', '100', 'A']); // JavaScript's order
    const text = costingResultJson(result, 2);
    // Code points: '1' (U+0031) < '2' < '9' < 'A'.
    expect(keysInText(text, 'baselineByFund')).toEqual(['100', '20', '9', 'A']);
    expect(keysInText(text, 'baselineByDepartment')).toEqual(['10', '9', 'B']);
    for (const name of ['byFund', 'increaseByFund']) expect(keysInText(text, name)).toEqual(['100', '20', '9', 'A']);
    for (const name of ['byDepartment', 'increaseByDepartment']) expect(keysInText(text, name)).toEqual(['10', '9', 'B']);
    // The same value: only the order of those keys differs.
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(result)));
  });

  it('is JSON.stringify to the byte wherever the order is already right', () => {
    const result = cost(monthlyScenario({ rows: [{ fund: 'GF' }, { fund: 'GAS', department: 'PW' }] }));
    expect(costingResultJson(result, 2)).toBe(JSON.stringify(result, null, 2));
    expect(costingResultJson(result)).toBe(JSON.stringify(result));
    const numeric = numericCodes();
    // Compact text, as the server stores it: the same value.
    expect(JSON.parse(costingResultJson(numeric))).toEqual(JSON.parse(JSON.stringify(numeric)));
    expect(costingResultJson(numeric)).not.toContain('\n');
  });
});
