import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { fail, runCli, withStore, withStoreOptions, type StoreCliOptions } from './storeOptions.js';

export function registerExportCommand(program: Command): void {
  withStoreOptions(
    program
      .command('export <costModelId>')
      .description('write a cost model as the audit-ready workbook (input sheets, Costing with live formulas, approval block)')
      .option('-o, --out <file>', 'output file (default: <id>.xlsx)'),
  ).action((id: string, options: StoreCliOptions & { out?: string }) =>
    runCli(() =>
      withStore(options, async (store) => {
        const [{ viewCostModel }, { defaultWorkbookWriter }] = await Promise.all([
          import('../../services/costModelView.js'),
          import('../../services/xlsxAdapters.js'),
        ]);
        const model = await store.getCostModel(id);
        if (!model) fail(`no cost model ${id}`);
        const successor = await store.findSuccessor(id);
        const workbook = await defaultWorkbookWriter(viewCostModel(model, successor?.id ?? null));
        const out = options.out ?? `${id}.xlsx`;
        writeFileSync(out, workbook);
        process.stdout.write(`wrote ${out} (${model.state}, ${workbook.length} bytes)\n`);
      }),
    ),
  );
}
