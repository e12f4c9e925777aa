/**
 * bargaining-costing report <summary|disclosure|reconcile|by-fund|by-department> <scenario.json|workbook.xlsx>
 *   [--proposal NAME] [--against NAME] [--format table|csv|xlsx|pdf] [--out FILE]
 *   [--mapping FILE] [--line "ROLL-UP=LINE" …] [--time-zone ZONE]
 *
 * Costs the scenario and prints one report view. A workbook's Disclosure sheet may carry the
 * analyst's line for each named roll-up; `--mapping` (a JSON file) and `--line` change it further.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { InputIssue } from '../../../shared/issues.js';
import type { DisclosureMappingFile } from '../../../shared/reports/disclosureMapping.js';
import { reportViews, type ReportView } from '../../../shared/reports/reportViews.js';
import { costedScenarioFile, exitWithIssues } from './cost.js';

// The engine, zod, pdfkit and ExcelJS are imported when the command runs, not when the CLI starts.

const FORMATS = ['table', 'csv', 'xlsx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

interface ReportCliOptions {
  proposal?: string;
  against?: string;
  format: string;
  out?: string;
  mapping?: string;
  line: string[];
  timeZone?: string;
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('print a report: the council summary, the public disclosure, a reconciliation of two proposals, or the cost by fund or department')
    .argument('<view>', `one of ${reportViews.join(', ')}`)
    .argument('<scenario>', 'scenario JSON file ("-" for standard input), or a costing workbook (.xlsx)')
    .option('-p, --proposal <name>', 'the proposal to disclose, or the first side of a reconciliation')
    .option('-a, --against <name>', 'the other side of a reconciliation')
    .option('-f, --format <format>', `output format: ${FORMATS.join(' | ')}`, 'table')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .option(
      '-m, --mapping <file>',
      'disclosure line mapping (JSON: {"rollups": {"Retiree health": "Health and welfare"}, "components": {…}, "stepAndColumn": […]})',
    )
    .option(
      '-l, --line <name=line>',
      'put a named roll-up or component on a disclosure line (repeatable)',
      (value: string, all: string[]) => [...all, value],
      [] as string[],
    )
    .option('--time-zone <zone>', 'IANA time zone for printed times (default: this machine\u2019s)')
    .action(async (view: string, file: string, opts: ReportCliOptions) => {
      const issues: InputIssue[] = [];
      if (!(reportViews as readonly string[]).includes(view)) issues.push({ path: '<view>', message: `must be one of ${reportViews.join(', ')}` });
      if (!FORMATS.includes(opts.format as Format)) issues.push({ path: '--format', message: `must be one of ${FORMATS.join(', ')}` });
      const timeZone = opts.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (!validTimeZone(timeZone)) issues.push({ path: '--time-zone', message: `"${timeZone}" is not an IANA time zone (e.g. America/Los_Angeles)` });
      if (issues.length) exitWithIssues(issues);

      const { buildReport } = await import('../../../shared/reports/index.js');
      const { scenario, result } = await costedScenarioFile(file);
      const mapping = await mappingChanges(file, opts);
      const context = { generatedAt: new Date().toISOString(), timeZone };
      const built = buildReport(view as ReportView, result, scenario, {
        ...context,
        ...(opts.proposal !== undefined ? { proposal: opts.proposal } : {}),
        ...(opts.against !== undefined ? { against: opts.against } : {}),
        mapping,
      });
      if (!built.ok) exitWithIssues(built.issues);
      const candidates = result.proposals.filter((p) => p.side !== 'budget');
      if (view === 'disclosure' && opts.proposal === undefined && candidates.length > 1) {
        // A disclosure of the union's proposal when the council meant the settlement is worse than none: say which
        // (a reconciliation names both its sides in its title).
        process.stderr.write(
          `note: disclosing "${candidates[0]!.name}", the first proposal that is not the budget; choose with --proposal: ${candidates.map((p) => `"${p.name}"`).join(', ')}\n`,
        );
      }

      const format = opts.format as Format;
      let output: string | Buffer;
      if (format === 'table' || format === 'csv') {
        const { reportText, reportCsv } = await import('../report/reportText.js');
        output = format === 'table' ? reportText(built.report) : reportCsv(built.report);
      } else if (format === 'pdf') {
        const { reportPdf } = await import('../../pdf/reportPdf.js');
        output = await reportPdf(built.report, scenario, context);
      } else {
        const { reportWorkbook } = await import('../../xlsx/exportCostWorkbook.js');
        output = await reportWorkbook(built.report, scenario, context);
      }
      if (opts.out) writeFileSync(opts.out, output);
      else process.stdout.write(output);
    });
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The workbook's Disclosure sheet, then the mapping file, then each --line: later ones win. */
async function mappingChanges(file: string, opts: ReportCliOptions): Promise<DisclosureMappingFile> {
  const { disclosureMappingFile, mappingFromOptions, mappingFromSheet } = await import('../../../shared/reports/disclosureMapping.js');
  const merged: DisclosureMappingFile = {};
  const apply = (changes: DisclosureMappingFile) => {
    if (changes.rollups) merged.rollups = { ...merged.rollups, ...changes.rollups };
    if (changes.components) merged.components = { ...merged.components, ...changes.components };
    if (changes.stepAndColumn) merged.stepAndColumn = changes.stepAndColumn;
  };
  if (/\.xlsx$/i.test(file)) {
    const { disclosureSheetCells } = await import('../../xlsx/exportCostWorkbook.js');
    const cells = await disclosureSheetCells(readFileSync(file));
    if (cells) {
      const fromSheet = mappingFromSheet(cells);
      if (!fromSheet.ok) exitWithIssues(fromSheet.issues);
      apply(fromSheet.changes);
    }
  }
  if (opts.mapping) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(opts.mapping, 'utf8'));
    } catch (error) {
      exitWithIssues([{ path: opts.mapping, message: `cannot read the mapping file: ${(error as Error).message}` }]);
    }
    const parsed = disclosureMappingFile.safeParse(json);
    if (!parsed.success) exitWithIssues(parsed.error.issues.map((i) => ({ path: [opts.mapping, ...i.path].join('.'), message: i.message })));
    apply(parsed.data);
  }
  const fromOptions = mappingFromOptions(opts.line);
  if (!fromOptions.ok) exitWithIssues(fromOptions.issues);
  apply(fromOptions.changes);
  return merged;
}
