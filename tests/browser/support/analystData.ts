import { parseScenario } from '../../../shared/scenario.js';
import type { Proposal, Scenario } from '../../../shared/schemas/scenario.js';
import { FIRST_DATA_ROW, ROSTER_ROWS } from '../../../shared/workbook/layout.js';
import { gridValues, proposalsSheet, rosterSheet } from '../../../shared/workbook/scenarioToSheets.js';

export type Block = (string | number | boolean | null)[][];

/** The unit's template, as the server gives it to the pane. */
export async function fetchTemplate(url: string, token: string, unitId: string): Promise<Scenario> {
  const response = await fetch(`${url}/api/v1/units/${unitId}/template`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`template ${unitId}: ${response.status} ${await response.text()}`);
  const parsed = parseScenario(await response.json());
  if (!parsed.ok) throw new Error(`template ${unitId} does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

/** The data rows of a sheet grid below its header row (what an analyst pastes at row 3). */
function dataRows(cells: Block, width?: number): Block {
  return cells.slice(FIRST_DATA_ROW - 1).map((row) => (width === undefined ? row : row.slice(0, width)));
}

/**
 * A payroll extract of `rows` lines, built by repeating the template's roster with fresh ids —
 * the block an analyst pastes into the Roster table at A3.
 */
export function payrollExtract(template: Scenario, rows: number): Block {
  const base = template.roster.rows;
  if (base.length === 0) throw new Error('the template has no roster rows to repeat');
  const repeated = Array.from({ length: rows }, (_, i) => ({ ...base[i % base.length]!, id: `X${String(i + 1).padStart(5, '0')}` }));
  return dataRows(gridValues(rosterSheet({ ...template.roster, rows: repeated })).cells, ROSTER_ROWS.columns.length);
}

/** The union's and management's proposals for the demo police unit. */
export function bargainingProposals(): Proposal[] {
  return [
    {
      name: 'Union proposal',
      side: 'union',
      provisions: [
        { type: 'gwi', percent: '0.05', effective: '2026-07-04', label: '5% year 1' },
        { type: 'gwi', percent: '0.04', effective: '2027-07-03', label: '4% year 2' },
      ],
    },
    {
      name: 'City offer',
      side: 'management',
      provisions: [
        { type: 'gwi', percent: '0.025', effective: '2026-07-04', label: '2.5% year 1' },
        { type: 'lumpSum', amount: '500.00', payDate: '2026-12-15', prorateByFte: true, label: 'Signing bonus' },
        { type: 'gwi', percent: '0.02', effective: '2027-07-03', label: '2% year 2' },
      ],
    },
  ];
}

export function proposalRows(proposals: Proposal[]): Block {
  return dataRows(gridValues(proposalsSheet(proposals)).cells);
}
