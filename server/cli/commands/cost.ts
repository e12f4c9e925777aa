import type { Command } from 'commander';

export function registerCostCommands(program: Command): void {
  program
    .command('cost <scenario>')
    .description('cost a scenario file (COSTING.md §9)')
    .action(() => {
      throw new Error('not yet');
    });
}
