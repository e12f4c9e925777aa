import { Badge } from '@fluentui/react-components';
import type { CostModelState } from '../api/types.js';

const colors: Record<CostModelState, 'informative' | 'warning' | 'success' | 'danger'> = {
  draft: 'informative',
  submitted: 'warning',
  approved: 'success',
  returned: 'danger',
};

export function StateBadge({ state }: { state: CostModelState }) {
  return (
    <Badge color={colors[state]} appearance="filled" data-testid="model-state">
      {state}
    </Badge>
  );
}
