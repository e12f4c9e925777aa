import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../../shared/schemas/scenario.js';
import type { CostingResult, ProposalResult } from '../../../shared/result.js';
import { fractionAsPercentText, percentInput } from '../../../addin/taskpane/costing/percentInput.js';
import { applyWhatIf, otherSide, variableFields, whatIfLines, whatIfProblem, whatIfScenario } from '../../../addin/taskpane/costing/whatIf.js';
import { sameExceptProposals } from '../../../addin/taskpane/costing/costRunner.js';
import { parseScenario } from '../../../shared/index.js';
import { syntheticUnit } from '../../../shared/syntheticUnit.js';

const offer: Proposal = {
  name: 'City offer',
  side: 'management',
  provisions: [
    { type: 'lumpSum', amount: '500.00', payDate: '2026-12-15', prorateByFte: false },
    { type: 'gwi', percent: '0.025', effective: '2026-07-04' },
    { type: 'gwi', percent: '0.02', effective: '2027-07-03' },
  ],
};
const at = (provisionIndex: number, raisePercent: string, effective = '') => ({ proposalName: 'City offer', provisionIndex, raisePercent, effective });

describe('the what-if control', () => {
  it('turns a typed percent — 3 or 3% — into the exact fraction', () => {
    expect(['3.5', '3', '0', '0.25', '-2', '12.125', '100', '10'].map(percentInput)).toEqual(['0.035', '0.03', '0', '0.0025', '-0.02', '0.12125', '1', '0.1']);
    expect(['3%', '3 %', ' 3.25% ', '\u22121%', '.5'].map(percentInput)).toEqual(['0.03', '0.03', '0.0325', '-0.01', '0.005']);
    expect(percentInput('')).toBeUndefined();
    expect((percentInput('3,5') as Error).message).toBe('Type a percent, like 3 or 3.5%');
    expect(fractionAsPercentText('0.0325')).toBe('3.25');
  });

  it('varies any provision’s percent or date — the second raise here — and nothing else', () => {
    const changed = applyWhatIf(offer, at(2, '3%', '2027-10-01'));
    expect(changed.name).toBe('City offer (what-if)');
    expect(changed.side).toBe('management');
    expect(changed.provisions[2]).toEqual({ type: 'gwi', percent: '0.03', effective: '2027-10-01' });
    expect(changed.provisions[1]).toEqual(offer.provisions[1]);
    expect(offer.provisions[2]).toEqual({ type: 'gwi', percent: '0.02', effective: '2027-07-03' });
    // A one-time payment by amount has a date to vary but no percent.
    expect(variableFields(offer.provisions[0]!)).toEqual({ date: 'payDate' });
    expect(applyWhatIf(offer, at(0, '', '2027-01-15')).provisions[0]).toMatchObject({ payDate: '2027-01-15', amount: '500.00' });
  });

  it('says what is wrong with what was typed', () => {
    expect(whatIfProblem(at(1, '3,5'))).toMatch(/percent/);
    expect(whatIfProblem(at(1, '-100'))).toMatch(/between/);
    expect(whatIfProblem(at(1, '', '1/7/2026'))).toMatch(/YYYY-MM-DD/);
    expect(whatIfProblem(at(1, '4.25%', '2026-07-01'))).toBeNull();
  });

  it('compares with the original and the other side, per fiscal year and over the term', () => {
    const p = (name: string, side: string, fy1: string, fy2: string, term: string) =>
      ({ name, side, increase: { FY2027: { total: fy1 }, FY2028: { total: fy2 } }, increaseTotal: { total: term } }) as unknown as ProposalResult;
    const result = {
      fiscalYears: ['FY2027', 'FY2028'],
      proposals: [p('Union proposal', 'union', '500', '900', '1400'), p('City offer', 'management', '250', '450', '700')],
    } as unknown as CostingResult;
    expect(otherSide(result, 'City offer')?.name).toBe('Union proposal');
    const lines = whatIfLines(result, p('City offer (what-if)', 'management', '300', '540', '840'), result.proposals[1]!, otherSide(result, 'City offer'));
    expect(lines).toEqual([
      { label: 'FY2027', whatIf: '300', original: '250', other: '500' },
      { label: 'FY2028', whatIf: '540', original: '450', other: '900' },
      { label: 'Term', whatIf: '840', original: '700', other: '1400' },
    ]);
  });

  it('sends the worker only the proposals of a what-if: every other part is the same object as the scenario costed', () => {
    const parsed = parseScenario(syntheticUnit(3));
    if (!parsed.ok) throw new Error('the synthetic unit is valid');
    const scenario = parsed.value;
    const whatIf = whatIfScenario(scenario, { proposalName: 'City offer', provisionIndex: 0, raisePercent: '3%', effective: '' });
    expect(sameExceptProposals(scenario, whatIf)).toBe(true);
    expect(sameExceptProposals(whatIf, whatIfScenario(scenario, { ...at(0, '4%'), proposalName: 'Union proposal' }))).toBe(true);
    // Validated again (new objects, even if equal), or another roster: the whole scenario goes.
    expect(sameExceptProposals(scenario, structuredClone(scenario))).toBe(false);
    expect(sameExceptProposals(scenario, { ...scenario, roster: { ...scenario.roster, rows: [] } })).toBe(false);
  });
});
