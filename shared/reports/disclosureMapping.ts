/**
 * Which costing components and named roll-ups make up each line of the public disclosure form
 * (AB 1200 / Gov. Code 3547.5 style), and which lines the step-and-column line counts. The default
 * follows the county offices' forms; the analyst may move any named roll-up (a retiree health
 * roll-up belongs under health and welfare) or component to another line with a small JSON file
 * (`--mapping`), `--line "NAME=LINE"` options, or the mapping table on the workbook's Disclosure sheet.
 */
import { z } from 'zod';
import { componentNames, type ComponentName } from '../result.js';
import type { InputIssue } from '../issues.js';

export const disclosureLines = ['salarySchedule', 'otherCompensation', 'statutoryBenefits', 'healthAndWelfare'] as const;
export type DisclosureLine = (typeof disclosureLines)[number];

export const DISCLOSURE_LINE_WORDS: Record<DisclosureLine, string> = {
  salarySchedule: 'Salary schedule',
  otherCompensation: 'Other compensation',
  statutoryBenefits: 'Statutory benefits',
  healthAndWelfare: 'Health and welfare',
};

/** Components that a line can take; `otherRollups` is reported by roll-up name instead. */
export type MappedComponent = Exclude<ComponentName, 'otherRollups'>;
export const mappedComponents = componentNames.filter((c): c is MappedComponent => c !== 'otherRollups');

export interface DisclosureMapping {
  components: Record<MappedComponent, DisclosureLine>;
  /** Every named roll-up of the costing, by name. */
  rollups: Record<string, DisclosureLine>;
  /** The lines whose components the step-and-column line sums. */
  stepAndColumn: DisclosureLine[];
}

const DEFAULT_COMPONENTS: Record<MappedComponent, DisclosureLine> = {
  wages: 'salarySchedule',
  specialPays: 'otherCompensation',
  longevity: 'otherCompensation',
  overtime: 'otherCompensation',
  lumpSums: 'otherCompensation',
  flat: 'otherCompensation',
  pension: 'statutoryBenefits',
  socialSecurity: 'statutoryBenefits',
  medicare: 'statutoryBenefits',
  health: 'healthAndWelfare',
};

const ALIASES: Record<string, DisclosureLine> = {
  salary: 'salarySchedule',
  other: 'otherCompensation',
  statutory: 'statutoryBenefits',
  health: 'healthAndWelfare',
};

/** A line given by key, in words or by its first word, in any case: "healthAndWelfare", "Health and welfare", "health". */
export function lineOf(text: string): DisclosureLine | undefined {
  const t = text.toLowerCase().replace(/[^a-z]/g, '');
  return disclosureLines.find((line) => line.toLowerCase() === t || DISCLOSURE_LINE_WORDS[line].toLowerCase().replace(/[^a-z]/g, '') === t) ?? ALIASES[t];
}

const lineText = z.string().transform((s, ctx) => {
  const line = lineOf(s);
  if (!line) {
    ctx.addIssue({
      code: 'custom',
      message: `"${s}" is not a line of the form: use one of ${disclosureLines.map((l) => `"${DISCLOSURE_LINE_WORDS[l]}"`).join(', ')}`,
    });
    return z.NEVER;
  }
  return line;
});

/** The mapping file: every key optional, what it leaves out keeps the default. */
export const disclosureMappingFile = z.strictObject({
  rollups: z.record(z.string(), lineText).optional(),
  components: z.partialRecord(z.enum(mappedComponents as [MappedComponent, ...MappedComponent[]]), lineText).optional(),
  stepAndColumn: z.array(lineText).min(1).optional(),
});
export type DisclosureMappingFile = z.output<typeof disclosureMappingFile>;

export function defaultDisclosureMapping(rollupNames: readonly string[]): DisclosureMapping {
  return {
    components: { ...DEFAULT_COMPONENTS },
    rollups: Object.fromEntries(rollupNames.map((n) => [n, 'statutoryBenefits'])),
    stepAndColumn: ['salarySchedule', 'statutoryBenefits'],
  };
}

/**
 * The default with the analyst's changes; a roll-up name the costing does not have is an issue
 * that lists the names it has.
 */
export function disclosureMapping(
  rollupNames: readonly string[],
  changes: DisclosureMappingFile = {},
  path = 'mapping',
): { ok: true; mapping: DisclosureMapping } | { ok: false; issues: InputIssue[] } {
  const mapping = defaultDisclosureMapping(rollupNames);
  const issues: InputIssue[] = [];
  for (const [name, line] of Object.entries(changes.rollups ?? {})) {
    if (!(name in mapping.rollups)) {
      issues.push({
        path: `${path}.rollups.${name}`,
        message: `no roll-up is named "${name}": the costing's roll-ups are ${rollupNames.length ? rollupNames.map((n) => `"${n}"`).join(', ') : '(none)'}`,
      });
    } else mapping.rollups[name] = line;
  }
  Object.assign(mapping.components, changes.components ?? {});
  if (changes.stepAndColumn) mapping.stepAndColumn = [...new Set(changes.stepAndColumn)];
  return issues.length ? { ok: false, issues } : { ok: true, mapping };
}

/** `--line "Retiree health=Health and welfare"` options as a mapping file's `rollups`/`components`. */
export function mappingFromOptions(options: readonly string[]): { ok: true; changes: DisclosureMappingFile } | { ok: false; issues: InputIssue[] } {
  const rollups: Record<string, DisclosureLine> = {};
  const components: Partial<Record<MappedComponent, DisclosureLine>> = {};
  const issues: InputIssue[] = [];
  options.forEach((option, i) => {
    const at = option.lastIndexOf('=');
    const name = at > 0 ? option.slice(0, at).trim() : '';
    const line = at > 0 ? lineOf(option.slice(at + 1)) : undefined;
    if (!name || !line) {
      const lines = disclosureLines.map((l) => `"${DISCLOSURE_LINE_WORDS[l]}"`).join(', ');
      issues.push({
        path: `--line[${i}]`,
        message: name
          ? `"${option.slice(at + 1).trim()}" is not a line of the disclosure: write one of ${lines} after the =`
          : `"${option}" must be NAME=LINE (a roll-up or component, =, a line), LINE one of ${lines}`,
      });
      return;
    }
    if ((mappedComponents as readonly string[]).includes(name)) components[name as MappedComponent] = line;
    else rollups[name] = line;
  });
  return issues.length ? { ok: false, issues } : { ok: true, changes: { rollups, components } };
}

/** The Disclosure sheet's table where the analyst assigns each named roll-up to a line. */
export const ROLLUP_LINES_CAPTION = 'Line of each named roll-up';
export const ROLLUP_LINES_CAPTION_ID = 'rollupLines';

/**
 * Reads the analyst's roll-up lines from a Disclosure sheet's cells (as written by reportSheet): the
 * rows under the caption and its heading row, up to the first row without both. Absent table: no changes.
 */
export function mappingFromSheet(
  cells: readonly (readonly unknown[])[],
  sheetName = 'Disclosure',
): { ok: true; changes: DisclosureMappingFile } | { ok: false; issues: InputIssue[] } {
  const captionRow = cells.findIndex((r) => r[0] === ROLLUP_LINES_CAPTION);
  if (captionRow < 0) return { ok: true, changes: {} };
  const rollups: Record<string, DisclosureLine> = {};
  const issues: InputIssue[] = [];
  for (let r = captionRow + 2; r < cells.length; r++) {
    const name = cells[r]?.[0];
    const text = cells[r]?.[1];
    // The table ends at the first row without a name or without a line (the note under it has neither in column B).
    if (typeof name !== 'string' || name.trim() === '' || text === null || text === undefined || text === '') break;
    const line = typeof text === 'string' ? lineOf(text) : undefined;
    if (!line)
      issues.push({
        path: `${sheetName}!B${r + 1}`,
        message: `"${typeof text === 'string' ? text : typeof text === 'number' || typeof text === 'boolean' ? String(text) : JSON.stringify(text)}" is not a line of the form: write one of ${disclosureLines.map((l) => DISCLOSURE_LINE_WORDS[l]).join(', ')}`,
      });
    else rollups[name.trim()] = line;
  }
  return issues.length ? { ok: false, issues } : { ok: true, changes: { rollups } };
}
