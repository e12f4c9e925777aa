import { Command } from 'commander';
import { registerCostCommands } from './commands/cost.js';

const program = new Command()
  .name('bargaining-costing')
  .description('Cost collective-bargaining proposals exactly; serve salary schedules and approved costings.')
  .showHelpAfterError()
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

registerCostCommands(program);

await program.parseAsync(process.argv);
