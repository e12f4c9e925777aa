/**
 * The reports print the 1.2 figures (COSTING.md §7). The result type keeps them optional because
 * costings stored before 1.2 (approved ones are immutable) do not have them; the reports take a
 * costing that has every one, and say in words which are missing otherwise.
 */
import type { CostingResult, ProposalResult } from '../result.js';
import type { InputIssue } from '../issues.js';

const costingFields = [
  'positions',
  'vacantPositions',
  'fte',
  'baselineRollupsByName',
  'baselineStepMovement',
  'baselineValueOfOnePercent',
  'baselinePerFte',
  'baselineByFund',
  'baselineByDepartment',
] as const;
const proposalFields = [
  'rollupsByName',
  'increaseRollupsByName',
  'increaseOverPriorYear',
  'stepMovement',
  'increasePerFte',
  'byFund',
  'increaseByFund',
  'byDepartment',
  'increaseByDepartment',
] as const;

export type CompleteProposal = ProposalResult & Required<Pick<ProposalResult, (typeof proposalFields)[number]>>;
export type CompleteCosting = Omit<CostingResult, 'proposals'> &
  Required<Pick<CostingResult, (typeof costingFields)[number]>> & { proposals: CompleteProposal[] };

export function completeCosting(result: CostingResult): { ok: true; costing: CompleteCosting } | { ok: false; issues: InputIssue[] } {
  const missing = [
    ...costingFields.filter((f) => result[f] === undefined),
    ...result.proposals.flatMap((p, i) => proposalFields.filter((f) => p[f] === undefined).map((f) => `proposals[${i}].${f}`)),
  ];
  if (missing.length === 0) return { ok: true, costing: result as CompleteCosting };
  return {
    ok: false,
    issues: [
      {
        path: 'result',
        message: `this costing was made before the figures the reports print (${missing.slice(0, 4).join(', ')}${missing.length > 4 ? ', …' : ''}): cost it again (a new version of an approved model) to report it`,
      },
    ],
  };
}
