import { describe, expect, it } from 'vitest';
import { describeProvision, provisionCatalog, provisionFields, provisionNames } from '../../shared/index.js';
import { provisionTypes } from '../../shared/schemas/scenario.js';

describe('the provision registry', () => {
  it('describes each provision in one plain line', () => {
    expect(describeProvision({ type: 'gwi', percent: '0.03', effective: '2026-07-01' })).toBe('General wage increase 3% (Jul 1, 2026)');
    expect(describeProvision({ type: 'lumpSum', percent: '0.035', payDate: '2026-12-15', prorateByFte: false })).toBe(
      'One-time payment 3.5% of annual pay (paid Dec 15, 2026)',
    );
    expect(describeProvision({ type: 'lumpSum', amount: '1000', payDate: '2026-12-15', prorateByFte: true, classes: ['PO'] })).toBe(
      'One-time payment $1,000.00 prorated by FTE for PO (paid Dec 15, 2026)',
    );
    expect(describeProvision({ type: 'dropSteps', classes: ['A'], count: 2, effective: '2027-01-01' })).toBe('Drop bottom 2 steps for A (Jan 1, 2027)');
    expect(describeProvision({ type: 'rollupRate', name: 'STRS', delta: '-0.005', effective: '2027-07-01' })).toBe(
      'Roll-up rate change, STRS, by −0.5% (Jul 1, 2027)',
    );
  });

  it('lists every type with its plain name and fields read from the schema', () => {
    expect(provisionTypes).toHaveLength(16);
    expect(provisionCatalog.map((k) => k.type)).toEqual(provisionTypes);
    expect(provisionNames.minimumRate).toBe('Pay floor');
    expect(provisionFields.gwi).toEqual([
      { name: 'percent', kind: 'percent', required: true },
      { name: 'effective', kind: 'date', required: true },
      { name: 'classes', kind: 'classes', required: false },
      { name: 'label', kind: 'text', required: false },
    ]);
    expect(provisionFields.stepFreeze.find((f) => f.name === 'mode')).toEqual({ name: 'mode', kind: 'choice', required: false, choices: ['keep', 'slide'] });
    expect(provisionFields.flat.find((f) => f.name === 'fiscalYears')?.kind).toBe('fiscalYears');
    expect(provisionFields.lumpSum.map((f) => f.name)).toEqual([
      'amount',
      'percent',
      'days',
      'daysPerYear',
      'payDate',
      'prorateByFte',
      'pensionable',
      'classes',
      'label',
    ]);
  });
});
