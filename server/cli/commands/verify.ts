import type { Command } from 'commander';
import type { IntegrityReport } from '../../services/storeIntegrity.js';
import { runCli, withStore, withStoreOptions, type StoreCliOptions } from './storeOptions.js';

export function registerVerifyCommand(program: Command): void {
  withStoreOptions(
    program
      .command('verify')
      .description('check the audit chain, every approved cost model and every schedule version; exit 1 and say what is wrong if anything was tampered with'),
  ).action((options: StoreCliOptions) =>
    runCli(() =>
      withStore(options, async (store) => {
        const { verifyStore } = await import('../../services/storeIntegrity.js');
        printIntegrity(await verifyStore(store), 'verified');
      }),
    ),
  );
}

/** Prints a summary on stdout, or every problem on stderr with exit status 1. */
export function printIntegrity(report: IntegrityReport, done: string): void {
  const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const counts = [
    counted(report.auditEvents, 'audit event', 'audit events'),
    counted(report.approvedModels, 'approved cost model', 'approved cost models'),
    counted(report.scheduleVersions, 'schedule version', 'schedule versions'),
  ].join(', ');
  if (report.problems.length > 0) {
    process.stderr.write(`INTEGRITY CHECK FAILED: ${report.problems.length} problem(s) in ${counts}\n`);
    for (const problem of report.problems) process.stderr.write(`  - ${problem}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${done}: ${counts}; all intact. Audit chain head: ${report.chainHead}\n`);
}
