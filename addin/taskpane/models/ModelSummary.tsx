import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { CostingResult } from '../../../shared/result.js';
import { summaryLines } from './modelSummary.js';

/** The server's costing of a model, one line per proposal. */
export function ModelSummary({ result }: { result: CostingResult | null }) {
  if (!result) return <Text>The server has not costed this model yet.</Text>;
  return (
    <Table size="extra-small" aria-label="Costing summary" data-testid="model-summary">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Proposal</TableHeaderCell>
          <TableHeaderCell>Term increase</TableHeaderCell>
          <TableHeaderCell>{result.fiscalYears[0] ?? 'Year 1'} % of base</TableHeaderCell>
          <TableHeaderCell>Lift</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {summaryLines(result).map((line) => (
          <TableRow key={line.proposal}>
            <TableCell>
              {line.proposal}
              {line.side ? ` (${line.side})` : ''}
            </TableCell>
            <TableCell className="figure">{line.termIncrease}</TableCell>
            <TableCell className="figure">{line.firstYearPercent}</TableCell>
            <TableCell className="figure">{line.lift}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
