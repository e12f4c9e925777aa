/**
 * scheduleFromCells(sheet, settings, options) → the `schedule` part of a scenario read from a
 * grid of cells: the Schedule sheet of the shared layout, or an HR system's export (CSV or the
 * first sheet of an XLSX). Two shapes are understood, found by their header row (any of the first
 * rows, any column):
 *   wide: Class | Title | Step months | Step 1 | Step 2 | …   (one row per class)
 *   long: Class | Title | Step | Rate                          (one row per class and step)
 * Header names are matched case-insensitively, with common aliases ("Classification",
 * "Job code", "Hourly rate"…); other columns are ignored. Schedule settings come from `settings`
 * (the import request) first, then from a Setting/Value table in the sheet, then the defaults.
 * With `rejectFormulaText`, text that a spreadsheet would run as a formula (=, +, -, @ …) is an
 * issue, not a value. Problems name their cell.
 */
import { scheduleSchema, type Schedule } from '../schemas/scenario.js';
import { formatPath } from '../issues.js';
import type { SheetValues } from './grid.js';
import { isEmptyCell, readCell } from './cellConversion.js';
import { HEADER_SEARCH_ROWS, SCHEDULE_SETTINGS, STEP_HEADER_PATTERN } from './layout.js';
import { looksLikeFormula } from './textSafety.js';
import { findTable, tableRows } from './tableReader.js';
import { CellMap, issueAt, type CellLocation, type WorkbookIssue } from './workbookIssues.js';
import { DECIMAL_PATTERN } from '../money.js';

export interface ScheduleSettings {
  id?: string | undefined;
  effective?: string | undefined;
  rateBasis?: Schedule['rateBasis'] | undefined;
  hoursPerYear?: number | undefined;
  ratePlaces?: number | undefined;
}

export type ScheduleFromCellsResult = { ok: true; schedule: Schedule } | { ok: false; issues: WorkbookIssue[] };

const ALIASES: Record<'class' | 'title' | 'stepMonths' | 'step' | 'rate', RegExp> = {
  class: /^(class|class code|classification|classification code|job code|job class|job class code)$/,
  title: /^(title|class title|classification title|job title|description)$/,
  stepMonths: /^(step months|months per step|step interval \(months\))$/,
  step: /^(step|step number|step no\.?)$/,
  rate: /^(rate|step rate|hourly rate|pay rate|salary|annual salary|amount)$/,
};

const norm = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase().replace(/\s+/g, ' ') : '');

interface Header {
  row: number; // 1-based
  columns: Partial<Record<keyof typeof ALIASES, { column: number; header: string }>>;
  steps: { n: number; column: number; header: string }[];
}

function findHeader(sheet: SheetValues): Header | undefined {
  for (let r = 0; r < Math.min(sheet.cells.length, HEADER_SEARCH_ROWS); r++) {
    const cells = sheet.cells[r] ?? [];
    const classCol = cells.findIndex((c) => ALIASES.class.test(norm(c)));
    if (classCol < 0) continue;
    const header: Header = { row: r + 1, columns: {}, steps: [] };
    cells.forEach((c, i) => {
      const text = norm(c);
      if (!text) return;
      const stepN = STEP_HEADER_PATTERN.exec(text);
      if (stepN) {
        header.steps.push({ n: Number(stepN[1]), column: i, header: String(c).trim() });
        return;
      }
      for (const key of Object.keys(ALIASES) as (keyof typeof ALIASES)[]) {
        if (!header.columns[key] && ALIASES[key].test(text)) header.columns[key] = { column: i, header: String(c).trim() };
      }
    });
    header.steps.sort((a, b) => a.n - b.n);
    return header;
  }
  return undefined;
}

export function scheduleFromCells(sheet: SheetValues, settings: ScheduleSettings = {}, options: { rejectFormulaText?: boolean } = {}): ScheduleFromCellsResult {
  const issues: WorkbookIssue[] = [];
  const bad = new Set<string>();
  const at = (row: number, column: number, header: string): CellLocation => ({ sheet: sheet.name, row, column, header });
  const problem = (loc: CellLocation, message: string, path?: (string | number)[]) => {
    bad.add(`${loc.row}:${loc.column}`);
    issues.push(issueAt(loc, message, path ? formatPath(path) : undefined));
  };
  const map = new CellMap(at(1, 0, '(sheet)'));
  const raw = (row: number, column: number) => sheet.cells[row - 1]?.[column];
  const format = (row: number, column: number) => sheet.formats?.[row - 1]?.[column];
  const safe = (loc: CellLocation, value: unknown): boolean => {
    if (!options.rejectFormulaText || typeof value !== 'string') return true;
    const text = value.trim();
    if (!looksLikeFormula(value) && !looksLikeFormula(text)) return true;
    if (DECIMAL_PATTERN.test(text.replace(/^\+/, ''))) return true;
    problem(loc, `text starting with "${text[0] === '\t' ? '\\t' : value[0]}" looks like a spreadsheet formula; an import takes values only`);
    return false;
  };

  // Settings: request first, then a Setting/Value table in the sheet, then schema defaults.
  const doc: Record<string, unknown> = {};
  const settingsTable = findTable(sheet, SCHEDULE_SETTINGS);
  if (settingsTable) {
    for (const row of tableRows(settingsTable)) {
      const label = norm(row.cell('Setting'));
      const spec = SCHEDULE_SETTINGS.settings.find((s) => s.label.toLowerCase() === label);
      if (!spec) continue;
      const loc = { ...row.at('Value'), header: spec.label };
      const key = spec.path[1]!;
      map.set([key], loc);
      if (!safe(loc, row.cell('Value'))) continue;
      const read = readCell(spec.kind, row.cell('Value'), { format: row.format('Value') });
      if (!read.ok) problem(loc, read.reason, [key]);
      else if (read.value !== undefined) doc[key] = read.value;
    }
  }
  for (const [key, value] of Object.entries(settings)) if (value !== undefined) doc[key] = value;
  const ratePlaces = typeof doc.ratePlaces === 'number' ? doc.ratePlaces : 2;

  const header = findHeader(sheet);
  if (!header) {
    problem(at(1, 0, '(sheet)'), 'no header row found: expected a column "Class" with "Step 1", "Step 2", … columns, or "Class", "Step" and "Rate" columns');
    return { ok: false, issues };
  }
  const classCol = header.columns.class!;
  map.set(['classes'], at(header.row, classCol.column, classCol.header));
  const wide = header.steps.length > 0;
  if (!wide && !(header.columns.step && header.columns.rate)) {
    problem(at(header.row, classCol.column, classCol.header), 'no step columns: expected "Step 1", "Step 2", … columns, or "Step" and "Rate" columns');
    return { ok: false, issues };
  }
  header.steps.forEach((s, i) => {
    if (s.n !== i + 1) problem(at(header.row, s.column, s.header), `step columns must be numbered Step 1, Step 2, … without gaps (expected Step ${i + 1})`);
  });

  const readAt = (row: number, col: { column: number; header: string }, kind: Parameters<typeof readCell>[0], path: (string | number)[]): unknown => {
    const loc = at(row, col.column, col.header);
    map.set(path, loc);
    const value = raw(row, col.column);
    if (!safe(loc, value)) return undefined;
    const read = readCell(kind, value, { format: format(row, col.column), defaultPlaces: kind === 'stepRate' ? ratePlaces : undefined });
    if (!read.ok) {
      problem(loc, read.reason, path);
      return undefined;
    }
    return read.value;
  };

  const classes: Record<string, unknown>[] = [];
  const byCode = new Map<string, { index: number; steps: Map<number, { value: unknown; row: number }> }>();
  const relevant = [
    classCol.column,
    header.columns.title?.column,
    header.columns.stepMonths?.column,
    header.columns.step?.column,
    header.columns.rate?.column,
    ...header.steps.map((s) => s.column),
  ].filter((c): c is number => c !== undefined);
  for (let row = header.row + 1; row <= sheet.cells.length; row++) {
    if (relevant.every((c) => isEmptyCell(raw(row, c)))) continue;
    const code = readAt(row, classCol, 'code', ['(class)']);
    if (typeof code !== 'string' || code === '') {
      if (!bad.has(`${row}:${classCol.column}`)) problem(at(row, classCol.column, classCol.header), 'is required: the class this row is for');
      continue;
    }
    let entry = byCode.get(code);
    if (entry && wide) {
      problem(at(row, classCol.column, classCol.header), `class ${code} is listed twice`);
      continue;
    }
    if (!entry) {
      entry = { index: classes.length, steps: new Map() };
      byCode.set(code, entry);
      classes.push({ code });
      map.set(['classes', entry.index], at(row, classCol.column, classCol.header));
      map.set(['classes', entry.index, 'code'], at(row, classCol.column, classCol.header));
    }
    const target = classes[entry.index]!;
    const path = ['classes', entry.index];
    if (header.columns.title && target.title === undefined) {
      const title = readAt(row, header.columns.title, 'text', [...path, 'title']);
      if (title !== undefined) target.title = title;
    }
    if (header.columns.stepMonths && target.stepMonths === undefined) {
      const months = readAt(row, header.columns.stepMonths, 'integer', [...path, 'stepMonths']);
      if (months !== undefined) target.stepMonths = months;
    }
    if (wide) {
      const steps: unknown[] = [];
      let gap: { column: number; header: string } | undefined;
      for (const s of header.steps) {
        const v = readAt(row, s, 'stepRate', [...path, 'steps', steps.length]);
        if (v === undefined) {
          if (!bad.has(`${row}:${s.column}`)) gap = s;
          continue;
        }
        if (gap)
          problem(at(row, gap.column, gap.header), 'a class has no step here but has a later step: steps must be consecutive from Step 1', [...path, 'steps']);
        gap = undefined;
        steps.push(v);
      }
      map.set([...path, 'steps'], at(row, header.steps[0]!.column, header.steps[0]!.header));
      target.steps = steps;
    } else {
      const stepCol = header.columns.step!;
      const rateCol = header.columns.rate!;
      const n = readAt(row, stepCol, 'integer', ['(step)']);
      if (typeof n !== 'number') {
        if (!bad.has(`${row}:${stepCol.column}`)) problem(at(row, stepCol.column, stepCol.header), 'is required: the step number');
        continue;
      }
      if (n < 1) {
        problem(at(row, stepCol.column, stepCol.header), 'must be at least 1');
        continue;
      }
      if (entry.steps.has(n)) {
        problem(at(row, stepCol.column, stepCol.header), `class ${code} step ${n} is listed twice (also row ${entry.steps.get(n)!.row})`);
        continue;
      }
      const value = readAt(row, rateCol, 'stepRate', ['(rate)']);
      map.set([...path, 'steps', n - 1], at(row, rateCol.column, rateCol.header));
      map.setIfAbsent([...path, 'steps'], at(row, stepCol.column, stepCol.header));
      entry.steps.set(n, { value, row });
    }
  }
  if (!wide) {
    for (const [code, entry] of byCode) {
      const numbers = [...entry.steps.keys()].sort((a, b) => a - b);
      const target = classes[entry.index]!;
      const missing = numbers.length ? Array.from({ length: numbers[numbers.length - 1]! }, (_, i) => i + 1).filter((n) => !entry.steps.has(n)) : [];
      if (missing.length) {
        const loc = map.locate(['classes', entry.index]);
        problem(loc, `class ${code} has no step ${missing.join(', ')}: steps must be consecutive from 1`);
      }
      target.steps = numbers.map((n) => entry.steps.get(n)!.value);
    }
  }
  doc.classes = classes;
  const parsed = scheduleSchema.safeParse(doc, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const loc = map.locate(issue.path);
      if (bad.has(`${loc.row}:${loc.column}`) && issue.code === 'invalid_type') continue;
      const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
      const settingMissing = missing && issue.path.length === 1;
      issues.push(
        issueAt(
          loc,
          settingMissing ? `${String(issue.path[0])} is required: give it with the import` : missing ? 'is required (the cell is empty)' : issue.message,
          formatPath(issue.path),
        ),
      );
    }
  }
  if (issues.length || !parsed.success) return { ok: false, issues };
  return { ok: true, schedule: parsed.data };
}
