import type { Proposal, Scenario } from '../../../shared/schemas/scenario.js';

/** The what-if control's settings: a raise percent (e.g. "3.5") and/or its effective date. */
export interface WhatIf {
  proposalName: string;
  /** Percent as typed, "3.5" meaning 3.5%; empty keeps the proposal's own. */
  raisePercent: string;
  /** YYYY-MM-DD; empty keeps the proposal's own. */
  effective: string;
}

/** Checks the typed values; the message says what to fix. */
export function whatIfProblem(whatIf: WhatIf): string | null {
  if (whatIf.raisePercent.trim() !== '') {
    if (!/^-?\d+(\.\d+)?$/.test(whatIf.raisePercent.trim())) return 'Type the raise as a percent, like 3.5';
    const value = Number(whatIf.raisePercent);
    if (value <= -100 || value > 100) return 'The raise must be between -100% and 100%';
  }
  if (whatIf.effective.trim() !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(whatIf.effective.trim())) return 'Type the date as YYYY-MM-DD';
  return null;
}

/** "3.5" (percent) → "0.035" (the scenario's fraction), exactly, without floating point. */
export function percentToFraction(percent: string): string {
  const text = percent.trim();
  const negative = text.startsWith('-');
  const [whole = '0', frac = ''] = text.replace(/^-/, '').split('.');
  const digits = (whole.padStart(3, '0') + frac).replace(/^0+(?=\d)/, '');
  const places = frac.length + 2;
  const padded = digits.padStart(places + 1, '0');
  const fraction = `${padded.slice(0, padded.length - places)}.${padded.slice(padded.length - places)}`.replace(/\.?0+$/, '');
  return `${negative && fraction !== '0' ? '-' : ''}${fraction || '0'}`;
}

/**
 * The proposal with the what-if applied: the first general wage increase takes the typed percent
 * and/or date; a proposal without one gains a GWI at the term start.
 */
export function applyWhatIf(proposal: Proposal, whatIf: WhatIf, termStart: string): Proposal {
  const percent = whatIf.raisePercent.trim() === '' ? undefined : percentToFraction(whatIf.raisePercent);
  const effective = whatIf.effective.trim() === '' ? undefined : whatIf.effective.trim();
  const index = proposal.provisions.findIndex((p) => p.type === 'gwi');
  const provisions = [...proposal.provisions];
  if (index >= 0) {
    const gwi = provisions[index]!;
    if (gwi.type !== 'gwi') throw new Error('unreachable: the found provision is a GWI');
    provisions[index] = { ...gwi, ...(percent !== undefined ? { percent } : {}), ...(effective !== undefined ? { effective } : {}) };
  } else if (percent !== undefined) {
    provisions.unshift({ type: 'gwi', percent, effective: effective ?? termStart, label: 'What-if raise' });
  }
  return { ...proposal, name: `${proposal.name} (what-if)`, provisions };
}

/** A scenario costing only the what-if proposal next to the one it started from. */
export function whatIfScenario(scenario: Scenario, whatIf: WhatIf): Scenario {
  const base = scenario.proposals.find((p) => p.name === whatIf.proposalName);
  if (!base) throw new Error(`The workbook has no proposal named "${whatIf.proposalName}"; validate again.`);
  return { ...scenario, proposals: [base, applyWhatIf(base, whatIf, scenario.term.start)] };
}
