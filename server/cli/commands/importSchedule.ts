import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../../services/auditTrail.js';
import { fail, runCli, withStore, withStoreOptions, type StoreCliOptions } from './storeOptions.js';

interface ImportOptions extends StoreCliOptions {
  unit: string;
  effective?: string;
  scheduleId?: string;
  format?: string;
  dryRun?: boolean;
}

export function registerImportScheduleCommand(program: Command): void {
  withStoreOptions(
    program
      .command('import-schedule <file>')
      .description("import a unit's salary schedule from JSON, CSV or XLSX as a new effective-dated version")
      .requiredOption('--unit <id>', 'bargaining unit id')
      .option('--effective <date>', 'effective date YYYY-MM-DD (required for CSV/XLSX; overrides the JSON)')
      .option('--schedule-id <id>', 'schedule id for CSV/XLSX (default: <unit>-<effective>)')
      .option('--format <format>', 'json | csv | xlsx (default: from the file extension)')
      .option('--dry-run', 'show the differences against the version in force; change nothing'),
  ).action((file: string, options: ImportOptions) =>
    runCli(async () => {
      const format = (options.format ?? extname(file).slice(1)).toLowerCase();
      if (!['json', 'csv', 'xlsx'].includes(format)) fail(`--format must be json, csv or xlsx (cannot tell from ${file})`);
      let content: Buffer;
      try {
        content = readFileSync(file);
      } catch (error) {
        fail(`cannot read ${file}: ${(error as Error).message}`);
      }
      let candidate: unknown;
      if (format === 'json') {
        try {
          candidate = JSON.parse(content.toString('utf8'));
        } catch (error) {
          fail(`${file}: not valid JSON: ${(error as Error).message}`);
        }
        if (options.effective) candidate = { ...(candidate as object), effective: options.effective };
      } else {
        if (!options.effective) fail('--effective is required for CSV and XLSX imports');
        const { defaultScheduleFileReader } = await import('../../services/xlsxAdapters.js');
        const read = await defaultScheduleFileReader(format as 'csv' | 'xlsx', content, {
          id: options.scheduleId ?? `${options.unit}-${options.effective}`,
          effective: options.effective,
        });
        if (!read.ok) fail(read.issues.map((i) => `${file}: ${i.path}: ${i.message}`).join('\n'));
        candidate = read.schedule;
      }
      const [{ scheduleSchema }, { issuesFromZod }, { importScheduleVersion }] = await Promise.all([
        import('../../../shared/schemas/scenario.js'),
        import('../../../shared/schemas/zodMessages.js'),
        import('../../services/scheduleVersions.js'),
      ]);
      const parsed = scheduleSchema.safeParse(candidate);
      if (!parsed.success)
        fail(
          issuesFromZod(parsed.error)
            .map((i) => `schedule.${i.path}: ${i.message}`)
            .join('\n'),
        );
      await withStore(options, async (store) => {
        if (!(await store.getUnit(options.unit))) fail(`no unit ${options.unit}`);
        const outcome = await importScheduleVersion(store, systemActor('cli'), new Date(), {
          unitId: options.unit,
          schedule: parsed.data,
          source: `cli:${format}`,
          dryRun: Boolean(options.dryRun),
        });
        process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
      });
    }),
  );
}
