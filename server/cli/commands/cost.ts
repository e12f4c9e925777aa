import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatIssue, type InputIssue } from '../../../shared/issues.js';
import type { CostingResult } from '../../../shared/result.js';
import type { Scenario } from '../../../shared/schemas/scenario.js';

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/** Bad input: one line per problem naming the JSON path (or the cell), exit status 2, never a stack trace. */
export function exitWithIssues(issues: readonly InputIssue[]): never {
  for (const issue of issues) process.stderr.write(`${formatIssue(issue)}\n`);
  process.exit(2);
}

/** A scenario file (JSON or a costing workbook) read and costed in this process; its problems exit 2, one line each. */
export async function costedScenarioFile(file: string): Promise<{ scenario: Scenario; result: CostingResult }> {
  const [{ readScenarioFile }, { costScenario }, { CostingInputError }] = await Promise.all([
    import('../scenarioFile.js'),
    import('../../../shared/engine/costScenario.js'),
    import('../../../shared/issues.js'),
  ]);
  const read = await readScenarioFile(file);
  if (!read.ok) exitWithIssues(read.issues);
  try {
    return { scenario: read.value, result: costScenario(read.value) };
  } catch (error) {
    if (error instanceof CostingInputError) exitWithIssues(error.issues);
    throw error;
  }
}

/** Allowed but worth a look (a negative lump sum): one line each, on standard error so JSON output stays clean. */
function printWarnings(warnings: readonly InputIssue[]): void {
  for (const warning of warnings) process.stderr.write(`warning: ${formatIssue(warning)}\n`);
}

// The engine, zod and ExcelJS are imported when a command runs, not when the CLI starts
// (`bargaining-costing --version` must not pay for them).
export function registerCostCommands(program: Command): void {
  program
    .command('cost')
    .description('cost a scenario file (COSTING.md §9): baseline, proposals, increase, value of 1%, lift')
    .argument('<scenario>', 'scenario JSON file ("-" for standard input), or a costing workbook (.xlsx)')
    .option('-f, --format <format>', `output format: ${FORMATS.join(' | ')}`, 'table')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .option('--timings', "print on standard error the seconds spent on JSON parse, the engine's warm-up, validation and costing")
    .addHelpText(
      'after',
      '\nCOSTING_THREADS=n costs the roster rows on n threads (default: every core, each with 10,000 rows or more; 1: this thread only); the result is the same to the byte.',
    )
    .action(async (file: string, opts: { format: string; out?: string; timings?: boolean }) => {
      if (!FORMATS.includes(opts.format as Format)) exitWithIssues([{ path: '--format', message: `must be one of ${FORMATS.join(', ')}` }]);
      const [{ readScenarioFile }, { CostingThreads, costingThreads }, { CostingInputError }, { warmUpEngineFor }, { checkScenario }] = await Promise.all([
        import('../scenarioFile.js'),
        import('../../costing/costScenarioInParallel.js'),
        import('../../../shared/issues.js'),
        import('../../../shared/engine/costRowRange.js'),
        import('../../../shared/scenario.js'),
      ]);
      const setting = costingThreads();
      if (setting === null)
        exitWithIssues([{ path: 'COSTING_THREADS', message: `must be a whole number of threads, 1 or more (got ${process.env.COSTING_THREADS})` }]);
      // The costing threads load the engine while this one reads the file, then each reads and
      // checks its own rows of it while this one checks the first range's and the rest of the file.
      const costing = new CostingThreads(setting);
      const timings = { jsonParseSeconds: 0, validationSeconds: 0 };
      let warmUpSeconds = 0;
      const scenario = await readScenarioFile(file, timings, {
        onJsonText: (text) => costing.prepare(text),
        // The engine's warm-up before validation: its optimised row loop compiles meanwhile.
        beforeValidation: (rowCount) => {
          costing.releaseUnneeded(rowCount);
          const start = performance.now();
          warmUpEngineFor(rowCount);
          warmUpSeconds = (performance.now() - start) / 1000;
        },
        firstRange: (rowCount) => costing.firstRange(rowCount),
      });
      printWarnings(scenario.warnings);
      if (!scenario.ok) {
        await costing.close();
        exitWithIssues(scenario.issues);
      }
      let result;
      const costingStart = performance.now();
      try {
        const rest = scenario.restCheckedElsewhere;
        result = rest === undefined ? null : await costing.costFirstRange(scenario.value, rest.rowCount);
        if (result === null && rest !== undefined) {
          // A worker's rows did not pass, or a range was refused while costed: the whole file is
          // checked and costed here, for the messages a one-thread costing gives.
          const whole = checkScenario(rest.document);
          if (!whole.ok) {
            await costing.close();
            exitWithIssues(whole.issues);
          }
          result = await costing.cost(whole.value, { checked: true });
        } else if (result === null) {
          // readScenarioFile ran every check a costing makes.
          result = await costing.cost(scenario.value, { checked: true });
        }
      } catch (error) {
        if (error instanceof CostingInputError) exitWithIssues(error.issues);
        throw error;
      }
      if (opts.timings) {
        const s = (seconds: number) => `${seconds.toFixed(3)} s`;
        process.stderr.write(
          `timings: JSON parse ${s(timings.jsonParseSeconds)}, engine warm-up ${s(warmUpSeconds)}, validation ${s(timings.validationSeconds)}, costing ${s((performance.now() - costingStart) / 1000)} (${costing.used} thread${costing.used === 1 ? '' : 's'})\n`,
        );
      }
      const format = opts.format as Format;
      let text: string;
      if (format === 'json') text = `${(await import('../../../shared/resultJson.js')).costingResultJson(result, 2)}\n`;
      else if (format === 'csv') text = (await import('../report/costingCsv.js')).costingCsv(result);
      else text = (await import('../report/costingTable.js')).costingTable(result, scenario.value);
      if (opts.out) writeFileSync(opts.out, text);
      else process.stdout.write(text);
    });

  program
    .command('validate')
    .description('check a scenario file for everything a costing refuses, without costing it; prints every problem with its JSON path or cell, and warnings')
    .argument('<scenario>', 'scenario JSON file ("-" for standard input), or a costing workbook (.xlsx)')
    .action(async (file: string) => {
      const { readScenarioFile } = await import('../scenarioFile.js');
      const scenario = await readScenarioFile(file);
      printWarnings(scenario.warnings);
      if (!scenario.ok) exitWithIssues(scenario.issues);
      const s = scenario.value;
      // Amounts near the bounds of §1 may pass what the engine counts in integer cents, and a large
      // such scenario is refused by `cost` for its size: cost it here (figures discarded) to say so.
      const { mayBeRefusedBeyondIntegerCents } = await import('../../../shared/validation/integerCentsBound.js');
      if (mayBeRefusedBeyondIntegerCents(s)) {
        const [{ costScenario }, { CostingInputError }] = await Promise.all([
          import('../../../shared/engine/costScenario.js'),
          import('../../../shared/issues.js'),
        ]);
        try {
          costScenario(s);
        } catch (error) {
          if (error instanceof CostingInputError) exitWithIssues(error.issues);
          throw error;
        }
      }
      process.stdout.write(`ok: ${s.unit.id} — ${s.schedule.classes.length} classes, ${s.roster.rows.length} roster rows, ${s.proposals.length} proposals\n`);
    });
}
