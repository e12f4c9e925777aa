import { percentInput } from './percentInput.js';
import type { Proposal, Scenario } from '../../../shared/schemas/scenario.js';

/** The what-if control's settings: a raise percent (e.g. "3.5") and/or its effective date. */
export interface WhatIf {
  proposalName: string;
  /** Percent as typed, "3.5" or "3.5%" meaning 3.5%; empty keeps the proposal's own. */
  raisePercent: string;
  /** YYYY-MM-DD; empty keeps the proposal's own. */
  effective: string;
}

/** Checks the typed values; the message says what to fix. */
export function whatIfProblem(whatIf: WhatIf): string | null {
  const percent = percentInput(whatIf.raisePercent);
  if (percent instanceof Error) return percent.message;
  if (percent !== undefined && (Number(percent) <= -1 || Number(percent) > 1)) return 'The raise must be between -100% and 100%';
  if (whatIf.effective.trim() !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(whatIf.effective.trim())) return 'Choose the date, or type it as YYYY-MM-DD';
  return null;
}

/**
 * The proposal with the what-if applied: the first general wage increase takes the typed percent
 * and/or date; a proposal without one gains a GWI at the term start.
 */
export function applyWhatIf(proposal: Proposal, whatIf: WhatIf, termStart: string): Proposal {
  const typed = percentInput(whatIf.raisePercent);
  if (typed instanceof Error) throw typed;
  const percent = typed;
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
