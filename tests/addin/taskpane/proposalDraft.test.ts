import { describe, expect, it } from 'vitest';
import { provisionCatalog, provisionNames } from '../../../shared/provisions/registry.js';
import { describeProvision, fieldLabel, inputsFromProvision, moveProvision, provisionFromInputs } from '../../../addin/taskpane/proposals/proposalDraft.js';

describe('the proposal builder', () => {
  it('offers every provision type of the registry by its plain name, with a labelled field for each of its fields', () => {
    expect(provisionCatalog.map((k) => k.name)).toEqual(Object.values(provisionNames));
    expect(provisionCatalog.map((k) => k.name)).toEqual(expect.arrayContaining(['General wage increase', 'One-time payment', 'New top step', 'Step freeze']));
    for (const kind of provisionCatalog) for (const field of kind.fields) expect(fieldLabel(field)).toMatch(/^[A-Z][a-z]/);
    const gwi = provisionCatalog.find((k) => k.type === 'gwi')!;
    expect(gwi.fields.map(fieldLabel)).toEqual(['Percent (%)', 'Effective date', 'Classes', 'Label']);
  });

  it('turns 3 or 3% into 0.03, splits classes, and describes the result in plain words', () => {
    for (const typed of ['3', '3%', ' 3 % ']) {
      const draft = provisionFromInputs('gwi', { percent: typed, effective: '2026-07-01', classes: 'PO, SGT' });
      expect(draft.provision).toEqual({ type: 'gwi', percent: '0.03', effective: '2026-07-01', classes: ['PO', 'SGT'] });
    }
    const bonus = provisionFromInputs('lumpSum', { amount: '$1,500', payDate: '2026-12-15', pensionable: true });
    expect(bonus.provision).toEqual({ type: 'lumpSum', amount: '1500', payDate: '2026-12-15', prorateByFte: false, pensionable: true });
    expect(describeProvision(bonus.provision!)).toMatch(/^One-time payment/);
    const bands = provisionFromInputs('longevity', { effective: '2026-07-01', bands: '10:2; 15:4%' });
    expect(bands.provision).toMatchObject({
      bands: [
        { years: 10, percent: '0.02' },
        { years: 15, percent: '0.04' },
      ],
    });
  });

  it('puts each problem next to its field', () => {
    const draft = provisionFromInputs('gwi', { percent: 'three', effective: '' });
    expect(draft.provision).toBeUndefined();
    expect(draft.errors).toEqual({ percent: 'Type a percent, like 3 or 3.5%' });
    const missing = provisionFromInputs('gwi', { percent: '3' });
    expect(Object.keys(missing.errors)).toEqual(['effective']);
    const freeze = provisionFromInputs('stepFreeze', { effective: '2026-07-01', months: '6.5' });
    expect(freeze.errors).toEqual({ months: 'Type a whole number.' });
  });

  it('shows an existing provision back as typed (fractions as percents) and reorders a list', () => {
    expect(inputsFromProvision({ type: 'gwi', percent: '0.0325', effective: '2027-07-01', classes: ['PO'] })).toEqual({
      percent: '3.25',
      effective: '2027-07-01',
      classes: 'PO',
    });
    expect(moveProvision(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveProvision(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});

describe('the pane follows Office’s theme', () => {
  it('takes the dark theme when Office’s background is dark', async () => {
    const { isDark, paneTheme } = await import('../../../addin/taskpane/components/paneTheme.js');
    const { webDarkTheme, webLightTheme } = await import('@fluentui/react-components');
    expect(isDark('#262626')).toBe(true);
    expect(isDark('#000000')).toBe(true);
    expect(isDark('#FFFFFF')).toBe(false);
    expect(paneTheme({ context: { officeTheme: { bodyBackgroundColor: '#1F1F1F' } } })).toBe(webDarkTheme);
    expect(paneTheme(undefined)).toBe(webLightTheme);
  });
});
