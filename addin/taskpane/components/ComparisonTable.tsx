import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { CostingResult } from '../../../shared/result.js';
import { comparisonRows, formatFigure, orderForComparison } from '../costing/comparison.js';

/** Union and management proposals side by side (other proposals after them). */
export function ComparisonTable({ result }: { result: CostingResult }) {
  const proposals = orderForComparison(result.proposals);
  if (proposals.length === 0) return <Text>The workbook has no proposals to compare; add them on the Proposals sheet.</Text>;
  const rows = comparisonRows(result, proposals);
  return (
    <Table size="extra-small" aria-label="Proposals compared" data-testid="comparison">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Increase over baseline</TableHeaderCell>
          {proposals.map((p) => (
            <TableHeaderCell key={p.name}>
              {p.name}
              {p.side ? ` (${p.side})` : ''}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.label}>
            <TableCell>{row.label}</TableCell>
            {row.figures.map((figure, i) => (
              <TableCell key={proposals[i]!.name} className="figure">
                {formatFigure(row.kind, figure)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
