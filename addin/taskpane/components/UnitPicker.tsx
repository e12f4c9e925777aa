import { Field, Select } from '@fluentui/react-components';
import type { UnitRef } from '../api/types.js';

/** Chooses one of the user's bargaining units. */
export function UnitPicker({ units, value, onChange }: { units: UnitRef[]; value: string; onChange: (unitId: string) => void }) {
  return (
    <Field label="Bargaining unit">
      <Select value={value} onChange={(_, d) => onChange(d.value)} name="unit">
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name} ({u.id})
          </option>
        ))}
      </Select>
    </Field>
  );
}
