import { Button, Text } from '@fluentui/react-components';
import { personName, type CostModelSummary } from '../api/types.js';
import { dayText } from './dayText.js';
import { StateBadge } from './StateBadge.js';

export interface ModelListProps {
  models: readonly CostModelSummary[];
  empty: string;
  actionLabel: string;
  onOpen: (id: string) => void;
}

/** Cost models stacked for a narrow pane: title, unit, state, who submitted, and one action. */
export function ModelList({ models, empty, actionLabel, onOpen }: ModelListProps) {
  if (models.length === 0) return <Text>{empty}</Text>;
  return (
    <ul className="models" aria-label="Cost models" data-testid="model-list">
      {models.map((m) => (
        <li key={m.id} data-testid="model-item">
          <div className="model-text">
            <Text weight="semibold">{m.title}</Text>
            <Text size={200}>
              {m.unitId} · <StateBadge state={m.state} /> {m.submittedBy ? `· submitted by ${personName(m, m.submittedBy)}` : ''}
              {m.submittedAt ? ` on ${dayText(m.submittedAt)}` : ''}
            </Text>
          </div>
          <Button size="small" onClick={() => onOpen(m.id)}>
            {actionLabel}
          </Button>
        </li>
      ))}
    </ul>
  );
}
