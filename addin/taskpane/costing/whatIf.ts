import { provisionFields, type Provision } from '../../../shared/provisions/registry.js';
import type { Proposal, Scenario } from '../../../shared/schemas/scenario.js';
import type { CostingResult, ProposalIncrease, ProposalResult } from '../../../shared/result.js';
import { percentInput } from './percentInput.js';

/** The what-if control's settings: one provision of one proposal, its percent and/or date changed. */
export interface WhatIf {
  proposalName: string;
  /** Index of the provision in the proposal. */
  provisionIndex: number;
  /** Percent as typed, "3.5" or "3.5%"; empty keeps the provision's own. */
  raisePercent: string;
  /** YYYY-MM-DD; empty keeps the provision's own. */
  effective: string;
}

/** Which of a provision's fields the what-if can vary: its (first) percent and its (first) date, from the registry. */
export function variableFields(provision: Provision): { percent?: string; date?: string } {
  const fields = provisionFields[provision.type];
  const values = provision as unknown as Record<string, unknown>;
  const percent = fields.find((f) => f.kind === 'percent' && (f.required || values[f.name] !== undefined));
  const date = fields.find((f) => f.kind === 'date');
  return { ...(percent ? { percent: percent.name } : {}), ...(date ? { date: date.name } : {}) };
}

/** Checks the typed values; the message says what to fix. */
export function whatIfProblem(whatIf: WhatIf): string | null {
  const percent = percentInput(whatIf.raisePercent);
  if (percent instanceof Error) return percent.message;
  if (percent !== undefined && (Number(percent) <= -1 || Number(percent) >= 1)) return 'The percent must be between -100% and 100%';
  if (whatIf.effective.trim() !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(whatIf.effective.trim())) return 'Choose the date, or type it as YYYY-MM-DD';
  return null;
}

/** The proposal with the one provision changed, named "<name> (what-if)". */
export function applyWhatIf(proposal: Proposal, whatIf: WhatIf): Proposal {
  const provision = proposal.provisions[whatIf.provisionIndex];
  if (!provision) throw new Error(`${proposal.name} has no provision ${whatIf.provisionIndex + 1}; validate again.`);
  const typed = percentInput(whatIf.raisePercent);
  if (typed instanceof Error) throw typed;
  const fields = variableFields(provision);
  const changed: Record<string, unknown> = { ...provision };
  if (typed !== undefined && fields.percent) changed[fields.percent] = typed;
  if (whatIf.effective.trim() !== '' && fields.date) changed[fields.date] = whatIf.effective.trim();
  const provisions = [...proposal.provisions];
  provisions[whatIf.provisionIndex] = changed as unknown as Provision;
  return { ...proposal, name: `${proposal.name} (what-if)`, provisions };
}

/** A scenario costing only the what-if proposal: the original and the other side come from the costing already done. */
export function whatIfScenario(scenario: Scenario, whatIf: WhatIf): Scenario {
  const base = scenario.proposals.find((p) => p.name === whatIf.proposalName);
  if (!base) throw new Error(`The workbook has no proposal named "${whatIf.proposalName}"; validate again.`);
  return { ...scenario, proposals: [applyWhatIf(base, whatIf)] };
}

/** The other side's offer: union ↔ management; else the first proposal that is not this one. */
export function otherSide(result: CostingResult, name: string): ProposalResult | undefined {
  const own = result.proposals.find((p) => p.name === name);
  const opposite = own?.side === 'union' ? 'management' : own?.side === 'management' ? 'union' : undefined;
  return result.proposals.find((p) => p.name !== name && (opposite ? p.side === opposite : true));
}

export interface WhatIfLine {
  label: string;
  whatIf: string;
  original: string;
  other: string | null;
}

/** Increase over the baseline per fiscal year and over the term: the what-if, the original, the other side's offer. */
export function whatIfLines(
  result: CostingResult,
  whatIfResult: ProposalIncrease,
  original: ProposalIncrease,
  other: ProposalIncrease | undefined,
): WhatIfLine[] {
  const lines: WhatIfLine[] = result.fiscalYears.map((fy) => ({
    label: fy,
    whatIf: whatIfResult.increase[fy]?.total ?? '0',
    original: original.increase[fy]?.total ?? '0',
    other: other ? (other.increase[fy]?.total ?? '0') : null,
  }));
  lines.push({
    label: 'Term',
    whatIf: whatIfResult.increaseTotal.total,
    original: original.increaseTotal.total,
    other: other ? other.increaseTotal.total : null,
  });
  return lines;
}
