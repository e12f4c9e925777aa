/**
 * bargaining-costing workbook <scenario.json> --out FILE — a scenario file as a costing workbook
 * (the layout the add-in and the server read and write: input sheets, the Costing sheet with live
 * formulas, the report sheets), costed; and bargaining-costing scenario <workbook.xlsx> — the
 * scenario a costing workbook holds, as JSON. Neither needs the server.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { costedScenarioFile, exitWithIssues } from './cost.js';

export function registerWorkbookCommands(program: Command): void {
  program
    .command('workbook')
    .description('write a scenario as a costing workbook (input sheets, Costing with live formulas, report sheets), costed; open it in Excel with the add-in')
    .argument('<scenario>', 'scenario JSON file ("-" for standard input), or a costing workbook (.xlsx) to write again')
    .requiredOption('-o, --out <file>', 'the workbook to write (.xlsx)')
    .action(async (file: string, opts: { out: string }) => {
      const { scenario, result } = await costedScenarioFile(file);
      const { exportCostWorkbook } = await import('../../xlsx/exportCostWorkbook.js');
      const workbook = await exportCostWorkbook({ scenario, result, title: `Costing ${scenario.unit.name}`, state: 'draft' });
      writeFileSync(opts.out, workbook);
      process.stdout.write(
        `wrote ${opts.out} (${scenario.unit.id}, ${scenario.roster.rows.length} roster rows, ${scenario.proposals.length} proposals, ${workbook.length} bytes)\n`,
      );
    });

  program
    .command('scenario')
    .description('print the scenario a costing workbook holds, as a scenario JSON file (COSTING.md §9); problems are named by sheet and cell')
    .argument('<workbook>', 'a costing workbook (.xlsx)')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .action(async (file: string, opts: { out?: string }) => {
      const { readScenarioFile } = await import('../scenarioFile.js');
      const read = await readScenarioFile(file);
      if (!read.ok) exitWithIssues(read.issues);
      const text = `${JSON.stringify(read.value, null, 2)}\n`;
      if (opts.out) writeFileSync(opts.out, text);
      else process.stdout.write(text);
    });
}
