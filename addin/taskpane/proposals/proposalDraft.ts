/**
 * The proposal builder's rules, apart from React: the form of each provision type comes from the
 * provision registry (shared/provisions/registry.ts) — its plain-words name and its field list —
 * so a new type appears in the pane without a line here. What people type (3 or 3% for a percent,
 * a picked date, "PO, SGT" for classes) becomes the scenario's form, checked by the registry's own
 * schema, with each problem next to its field.
 */
import {
  describeProvision,
  provisionCatalog,
  provisionFields,
  provisionSchema,
  type Provision,
  type ProvisionField,
  type ProvisionType,
} from '../../../shared/provisions/registry.js';
import { readCell } from '../../../shared/workbook/cellConversion.js';
import { fractionAsPercentText, percentInput } from '../costing/percentInput.js';

export { describeProvision, provisionCatalog, type ProvisionField, type ProvisionType };

/** What the form holds: text as typed, booleans as ticked. */
export type FieldInputs = Record<string, string | boolean>;

export interface ProvisionDraft {
  provision?: Provision;
  /** Field name → what to fix; "" for the provision as a whole. */
  errors: Record<string, string>;
}

/** "payDate" → "Pay date", "prorateByFte" → "Prorate by FTE". */
export function fieldLabel(field: ProvisionField): string {
  const words = field.name
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()
    .replace(/\bfte\b/, 'FTE');
  const label = words.charAt(0).toUpperCase() + words.slice(1);
  return field.kind === 'percent' ? `${label} (%)` : field.kind === 'date' && !/date$/i.test(field.name) ? `${label} date` : label;
}

/** A hint under a field: how to type it. */
export function fieldHint(field: ProvisionField): string | undefined {
  switch (field.kind) {
    case 'percent':
      return 'Type 3 or 3% for three percent.';
    case 'classes':
      return field.required ? 'Class codes, separated by commas.' : 'Class codes, separated by commas; empty for every class.';
    case 'fiscalYears':
      return 'Fiscal years, e.g. FY2027, FY2028.';
    default:
      return field.name === 'bands' ? 'Years of service and percent, e.g. 10:2; 15:4' : undefined;
  }
}

function readField(field: ProvisionField, input: string | boolean): { value?: unknown; error?: string } {
  if (typeof input === 'boolean') return { value: input };
  const text = input.trim();
  if (text === '') return {};
  switch (field.kind) {
    case 'percent': {
      const fraction = percentInput(text);
      return fraction instanceof Error ? { error: fraction.message } : { value: fraction };
    }
    case 'int':
      return /^-?\d+$/.test(text) ? { value: Number(text) } : { error: 'Type a whole number.' };
    case 'decimal':
      return /^-?(\d+(\.\d*)?|\.\d+)$/.test(text.replace(/[$,]/g, '')) ? { value: text.replace(/[$,]/g, '') } : { error: 'Type a number, like 1500 or 2.5.' };
    case 'classes':
    case 'fiscalYears': {
      const read = readCell(field.kind === 'classes' ? 'list' : 'fiscalYears', text);
      return read.ok ? { value: read.value } : { error: read.reason };
    }
    default: {
      if (field.name === 'bands') return readBands(text);
      return { value: text };
    }
  }
}

/** Longevity bands as people type them: "10:2; 15:4%" → [{years: 10, percent: "0.02"}, …]. */
function readBands(text: string): { value?: unknown; error?: string } {
  const bands: { years: number; percent: string }[] = [];
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const m = /^(\d{1,3})\s*:\s*(.+)$/.exec(part);
    const percent = m ? percentInput(m[2]!) : undefined;
    if (!m || percent === undefined || percent instanceof Error) return { error: `Write each band as years:percent, e.g. 10:2; 15:4 (found "${part}").` };
    bands.push({ years: Number(m[1]), percent });
  }
  return { value: bands };
}

/** The provision the form describes, or what to fix in it. */
export function provisionFromInputs(type: ProvisionType, inputs: FieldInputs): ProvisionDraft {
  const errors: Record<string, string> = {};
  const candidate: Record<string, unknown> = { type };
  for (const field of provisionFields[type]) {
    const input = inputs[field.name];
    if (input === undefined) continue;
    const read = readField(field, input);
    if (read.error) errors[field.name] = read.error;
    else if (read.value !== undefined) candidate[field.name] = read.value;
  }
  if (Object.keys(errors).length > 0) return { errors };
  const parsed = provisionSchema.safeParse(candidate);
  if (parsed.success) return { provision: parsed.data, errors };
  for (const issue of parsed.error.issues) {
    const name = typeof issue.path[0] === 'string' ? issue.path[0] : '';
    const message = issue.message === 'is required' || /received undefined/.test(issue.message) ? 'Required.' : issue.message;
    errors[name] ??= message.charAt(0).toUpperCase() + message.slice(1);
  }
  return { errors };
}

/** The form's inputs for an existing provision (to edit it): fractions shown as percents. */
export function inputsFromProvision(provision: Provision): FieldInputs {
  const inputs: FieldInputs = {};
  const values = provision as unknown as Record<string, unknown>;
  for (const field of provisionFields[provision.type]) {
    const value = values[field.name];
    if (value === undefined) continue;
    if (typeof value === 'boolean') inputs[field.name] = value;
    else if (field.kind === 'percent' && typeof value === 'string') inputs[field.name] = fractionAsPercentText(value);
    else if (Array.isArray(value)) {
      const band = (v: unknown) => v as { years?: number; percent?: string };
      inputs[field.name] = value
        .map((v: unknown) =>
          band(v).years !== undefined && band(v).percent !== undefined ? `${band(v).years}:${fractionAsPercentText(band(v).percent!)}` : String(v),
        )
        .join(field.name === 'bands' ? '; ' : ', ');
    } else
      inputs[field.name] = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  }
  return inputs;
}

/** Moves the provision at `index` one place up (-1) or down (+1); out of range leaves the list as is. */
export function moveProvision<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}
