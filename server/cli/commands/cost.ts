import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CostingInputError, costScenario, formatIssue, type InputIssue } from '../../../shared/index.js';
import { readScenarioFile } from '../scenarioFile.js';
import { costingCsv } from '../report/costingCsv.js';
import { costingTable } from '../report/costingTable.js';

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/** Bad input: one line per problem naming the JSON path, exit status 2, never a stack trace. */
export function exitWithIssues(issues: readonly InputIssue[]): never {
  for (const issue of issues) process.stderr.write(`${formatIssue(issue)}\n`);
  process.exit(2);
}

export function registerCostCommands(program: Command): void {
  program
    .command('cost')
    .description('cost a scenario file (COSTING.md §9): baseline, proposals, increase, value of 1%, lift')
    .argument('<scenario>', 'scenario JSON file ("-" for standard input), or a costing workbook (.xlsx)')
    .option('-f, --format <format>', `output format: ${FORMATS.join(' | ')}`, 'table')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .action(async (file: string, opts: { format: string; out?: string }) => {
      if (!FORMATS.includes(opts.format as Format)) exitWithIssues([{ path: '--format', message: `must be one of ${FORMATS.join(', ')}` }]);
      const scenario = await readScenarioFile(file);
      if (!scenario.ok) exitWithIssues(scenario.issues);
      let result;
      try {
        result = costScenario(scenario.value);
      } catch (error) {
        if (error instanceof CostingInputError) exitWithIssues(error.issues);
        throw error;
      }
      const format = opts.format as Format;
      const text =
        format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : format === 'csv' ? costingCsv(result) : costingTable(result, scenario.value);
      if (opts.out) writeFileSync(opts.out, text);
      else process.stdout.write(text);
    });

  program
    .command('validate')
    .description('check a scenario file without costing it; prints every problem with its JSON path')
    .argument('<scenario>', 'scenario JSON file ("-" for standard input), or a costing workbook (.xlsx)')
    .action(async (file: string) => {
      const scenario = await readScenarioFile(file);
      if (!scenario.ok) exitWithIssues(scenario.issues);
      const s = scenario.value;
      process.stdout.write(
        `ok: ${s.unit.id} — ${s.schedule.classes.length} classes, ${s.roster.rows.length} roster rows, ${s.proposals.length} proposals\n`,
      );
    });
}
