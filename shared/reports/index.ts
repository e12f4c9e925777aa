/**
 * shared/reports — the report view models (pure): council summary, public disclosure,
 * reconciliation of two proposals, by fund and by department. `buildReport` picks one by name,
 * as the command line, the server and the add-in ask for them.
 */
import type { InputIssue } from '../issues.js';
import type { CostingResult } from '../result.js';
import type { Scenario } from '../schemas/scenario.js';
import { completeCosting } from './costingFigures.js';
import { councilSummary } from './councilSummary.js';
import { chooseProposal, disclosure } from './disclosure.js';
import { disclosureMapping, type DisclosureMappingFile } from './disclosureMapping.js';
import { bySplit } from './fundDepartment.js';
import type { ReportContext } from './reportContext.js';
import type { ReportDocument, ReportView } from './reportDocument.js';
import { reconciliation } from './reconciliation.js';

export * from './reportDocument.js';
export * from './reportFormat.js';
export * from './reportContext.js';
export * from './disclosureMapping.js';
export { councilSummary, termTotal } from './councilSummary.js';
export { completeCosting, type CompleteCosting, type CompleteProposal } from './costingFigures.js';
export { disclosure, chooseProposal } from './disclosure.js';
export { reconciliation, matchProvisions } from './reconciliation.js';
export { bySplit, fundWords } from './fundDepartment.js';

export interface ReportOptions extends ReportContext {
  /** The proposal a disclosure is about, or the first side of a reconciliation. */
  proposal?: string;
  /** The second side of a reconciliation. */
  against?: string;
  /** Changes to the disclosure's default line mapping. */
  mapping?: DisclosureMappingFile;
}

export type ReportOutcome = { ok: true; report: ReportDocument } | { ok: false; issues: InputIssue[] };

export function buildReport(view: ReportView, costing: CostingResult, scenario: Scenario, options: ReportOptions = {}): ReportOutcome {
  const complete = completeCosting(costing);
  if (!complete.ok) return complete;
  const result = complete.costing;
  if (view === 'summary' || view === 'by-fund' || view === 'by-department') {
    // These show every proposal: a name given would be ignored, and a misspelt one unnoticed.
    const chosen = (['proposal', 'against'] as const).filter((option) => options[option] !== undefined);
    if (chosen.length > 0)
      return {
        ok: false,
        issues: chosen.map((option) => ({
          path: `--${option}`,
          message: `the ${view} report shows every proposal: leave ${option} out (it chooses one for the disclosure or a reconciliation)`,
        })),
      };
  }
  switch (view) {
    case 'summary':
      return { ok: true, report: councilSummary(result, scenario, options) };
    case 'by-fund':
    case 'by-department':
      return { ok: true, report: bySplit(view === 'by-fund' ? 'fund' : 'department', result, scenario, options) };
    case 'disclosure': {
      const chosen = chooseProposal(result, options.proposal);
      if (!chosen.ok) return { ok: false, issues: [{ path: chosen.path, message: chosen.message }] };
      const names = Object.keys(result.baselineRollupsByName[result.fiscalYears[0] ?? ''] ?? {});
      const mapping = disclosureMapping(names, options.mapping);
      if (!mapping.ok) return mapping;
      return { ok: true, report: disclosure(result, scenario, chosen.proposal, { ...options, mapping: mapping.mapping }) };
    }
    case 'reconcile': {
      if (result.proposals.length < 2 && options.against === undefined) {
        return { ok: false, issues: [{ path: '--against', message: `a reconciliation needs two proposals; the scenario has ${result.proposals.length}` }] };
      }
      const first = chooseProposal(result, options.proposal ?? result.proposals[0]?.name);
      if (!first.ok) return { ok: false, issues: [{ path: first.path, message: first.message }] };
      const second = chooseProposal(result, options.against ?? result.proposals.find((_, i) => i !== first.index)?.name, '--against');
      if (!second.ok) return { ok: false, issues: [{ path: second.path, message: second.message }] };
      if (second.index === first.index)
        return { ok: false, issues: [{ path: '--against', message: `"${second.proposal.name}" is the same proposal as --proposal: name another one` }] };
      return { ok: true, report: reconciliation(result, scenario, first.index, second.index, options) };
    }
  }
}
