import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../../shared/schemas/scenario.js';
import { percentInput, fractionAsPercentText } from '../../../addin/taskpane/costing/percentInput.js';
import { applyWhatIf, whatIfProblem } from '../../../addin/taskpane/costing/whatIf.js';

const offer: Proposal = {
  name: 'City offer',
  side: 'management',
  provisions: [
    { type: 'lumpSum', amount: '500.00', payDate: '2026-12-15', prorateByFte: false },
    { type: 'gwi', percent: '0.025', effective: '2026-07-04' },
    { type: 'gwi', percent: '0.02', effective: '2027-07-03' },
  ],
};

describe('the what-if control', () => {
  it('turns a typed percent — 3 or 3% — into the exact fraction', () => {
    expect(['3.5', '3', '0', '0.25', '-2', '12.125', '100', '10'].map(percentInput)).toEqual(['0.035', '0.03', '0', '0.0025', '-0.02', '0.12125', '1', '0.1']);
    expect(['3%', '3 %', ' 3.25% ', '\u22121%', '.5'].map(percentInput)).toEqual(['0.03', '0.03', '0.0325', '-0.01', '0.005']);
    expect(percentInput('')).toBeUndefined();
    expect((percentInput('3,5') as Error).message).toBe('Type a percent, like 3 or 3.5%');
    expect(fractionAsPercentText('0.0325')).toBe('3.25');
  });

  it('accepts 3% in the what-if', () => {
    expect(whatIfProblem({ proposalName: 'x', raisePercent: '3%', effective: '' })).toBeNull();
    expect(applyWhatIf(offer, { proposalName: 'City offer', raisePercent: '3%', effective: '' }, '2026-07-01').provisions[1]).toEqual({ type: 'gwi', percent: '0.03', effective: '2026-07-04' });
  });

  it('changes the first general wage increase only', () => {
    const changed = applyWhatIf(offer, { proposalName: 'City offer', raisePercent: '3.5', effective: '2026-10-01' }, '2026-07-01');
    expect(changed.name).toBe('City offer (what-if)');
    expect(changed.side).toBe('management');
    expect(changed.provisions[1]).toEqual({ type: 'gwi', percent: '0.035', effective: '2026-10-01' });
    expect(changed.provisions[2]).toEqual(offer.provisions[2]);
    expect(offer.provisions[1]).toEqual({ type: 'gwi', percent: '0.025', effective: '2026-07-04' });
  });

  it('keeps the percent when only the date changes, and adds a raise to a proposal without one', () => {
    expect(applyWhatIf(offer, { proposalName: 'City offer', raisePercent: '', effective: '2026-09-01' }, '2026-07-01').provisions[1]).toEqual({
      type: 'gwi',
      percent: '0.025',
      effective: '2026-09-01',
    });
    const bonusOnly: Proposal = { name: 'Bonus', provisions: [offer.provisions[0]!] };
    expect(applyWhatIf(bonusOnly, { proposalName: 'Bonus', raisePercent: '1', effective: '' }, '2026-07-01').provisions[0]).toEqual({
      type: 'gwi',
      percent: '0.01',
      effective: '2026-07-01',
      label: 'What-if raise',
    });
  });

  it('says what is wrong with what was typed', () => {
    expect(whatIfProblem({ proposalName: 'x', raisePercent: '3,5', effective: '' })).toMatch(/percent/);
    expect(whatIfProblem({ proposalName: 'x', raisePercent: '-100', effective: '' })).toMatch(/between/);
    expect(whatIfProblem({ proposalName: 'x', raisePercent: '', effective: '1/7/2026' })).toMatch(/YYYY-MM-DD/);
    expect(whatIfProblem({ proposalName: 'x', raisePercent: '4.25', effective: '2026-07-01' })).toBeNull();
  });
});
