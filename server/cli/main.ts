import { Command } from 'commander';
import { registerCostCommands } from './commands/cost.js';
import { registerExportCommand } from './commands/exportWorkbook.js';
import { registerImportScheduleCommand } from './commands/importSchedule.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerServeCommand } from './commands/serve.js';
import { registerTokenCommands } from './commands/token.js';
import { registerUserCommands } from './commands/user.js';

const program = new Command()
  .name('bargaining-costing')
  .description('Cost collective-bargaining proposals exactly; serve salary schedules and approved costings.')
  .showHelpAfterError()
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

registerCostCommands(program);
registerServeCommand(program);
registerMigrateCommand(program);
registerImportScheduleCommand(program);
registerUserCommands(program);
registerTokenCommands(program);
registerExportCommand(program);
// The report command loads pdfkit and ExcelJS only when it runs.
(await import('./commands/report.js')).registerReportCommand(program);

await program.parseAsync(process.argv);
