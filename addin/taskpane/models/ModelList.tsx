import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { CostModelSummary } from '../api/types.js';
import { StateBadge } from './StateBadge.js';

export interface ModelListProps {
  models: readonly CostModelSummary[];
  empty: string;
  actionLabel: string;
  onOpen: (id: string) => void;
}

/** Cost models as a short table: title, unit, state, who submitted, and one action. */
export function ModelList({ models, empty, actionLabel, onOpen }: ModelListProps) {
  if (models.length === 0) return <Text>{empty}</Text>;
  return (
    <Table size="extra-small" aria-label="Cost models" data-testid="model-list">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Title</TableHeaderCell>
          <TableHeaderCell>Unit</TableHeaderCell>
          <TableHeaderCell>State</TableHeaderCell>
          <TableHeaderCell>Submitted by</TableHeaderCell>
          <TableHeaderCell />
        </TableRow>
      </TableHeader>
      <TableBody>
        {models.map((m) => (
          <TableRow key={m.id}>
            <TableCell>{m.title}</TableCell>
            <TableCell>{m.unitId}</TableCell>
            <TableCell>
              <StateBadge state={m.state} />
            </TableCell>
            <TableCell>{m.submittedBy ?? '—'}</TableCell>
            <TableCell>
              <Button size="small" onClick={() => onOpen(m.id)}>
                {actionLabel}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
