import { Badge, Card, CardHeader, Text } from '@fluentui/react-components';
import type { Me } from '../api/types.js';

/** Who the server says you are: name, role and the bargaining units in your scope. */
export function IdentityCard({ me, serverUrl }: { me: Me; serverUrl: string }) {
  return (
    <Card data-testid="identity">
      <CardHeader
        header={
          <Text weight="semibold">
            {me.user.name} <Badge appearance="tint">{me.user.role}</Badge>
          </Text>
        }
        description={<Text size={200}>Connected to {serverUrl}</Text>}
      />
      <Text size={200}>Units: {me.units.length === 0 ? 'none assigned' : me.units.map((u) => `${u.name} (${u.id})`).join(', ')}</Text>
    </Card>
  );
}
