import { Command } from 'commander';
import { registerCostCommands } from './commands/cost.js';
import { registerExportCommand } from './commands/exportWorkbook.js';
import { registerImportScheduleCommand } from './commands/importSchedule.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerServeCommand } from './commands/serve.js';
import { registerTokenCommands } from './commands/token.js';
import { registerUserCommands } from './commands/user.js';
import { registerWorkbookCommands } from './commands/workbook.js';
import { packageVersion } from './packageVersion.js';

// Registering a command must stay cheap: each command imports what it needs (the engine, Express,
// ExcelJS, Kysely) inside its action, so `--version`, `--help` and `validate` start fast.

const program = new Command()
  .name('bargaining-costing')
  .description('Cost collective-bargaining proposals exactly; serve salary schedules and approved costings.')
  .version(packageVersion(), '-V, --version', 'print the version')
  .showHelpAfterError()
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

registerCostCommands(program);
registerWorkbookCommands(program);
registerServeCommand(program);
registerMigrateCommand(program);
registerImportScheduleCommand(program);
registerUserCommands(program);
registerTokenCommands(program);
registerExportCommand(program);
(await import('./commands/verify.js')).registerVerifyCommand(program);
(await import('./commands/backup.js')).registerBackupCommand(program);
(await import('./commands/restore.js')).registerRestoreCommand(program);
// The report command loads pdfkit and ExcelJS only when it runs.
(await import('./commands/report.js')).registerReportCommand(program);

await program.parseAsync(process.argv);
