// The figures docs/METHODOLOGY.md quotes from its running example, each worked by hand there
// (the arithmetic is in the document, next to the figure).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { costScenario, parseScenario } from '../../shared/index.js';

describe('docs/METHODOLOGY.md running example', () => {
  const parsed = parseScenario(JSON.parse(readFileSync('docs/methodology-example.json', 'utf8')));
  if (!parsed.ok) throw new Error(`docs/methodology-example.json is invalid: ${JSON.stringify(parsed.issues)}`);
  const result = costScenario(parsed.value);
  const offer = result.proposals[0]!;

  it('baseline: 2 × (6 × 5,000.00 + 6 × 5,250.00) wages, 180,078.12 in all', () => {
    expect(result.baseline.FY2027).toMatchObject({ wages: '123000.00', pension: '12546.00', medicare: '2051.40', health: '24000.00', total: '180078.12' });
    expect(result.baselineStepMovement!.FY2027).toMatchObject({ wages: '3000.00', total: '3806.76' });
  });

  it('the offer: increase, by provision, value of 1%, lift, percent of base, per FTE', () => {
    expect(offer.byFiscalYear.FY2027).toMatchObject({ wages: '126690.00', lumpSums: '1000.00', total: '185775.14' });
    expect(offer.increase.FY2027!.total).toBe('5697.02');
    expect(offer.byProvision.map((p) => p.total)).toEqual(['4682.52', '1014.50']);
    expect(offer.valueOfOnePercent.FY2027).toBe('1607.52');
    expect(offer.ongoingAnnualIncrease).toBe('4796.88');
    expect(offer.percentOfBase.FY2027).toBe('0.031636');
    expect(offer.increasePerFte!.FY2027).toBe('2848.51');
  });
});
