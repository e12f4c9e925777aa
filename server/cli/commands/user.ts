import type { Command } from 'commander';
import { roles, type Role } from '../../store/store.js';
import { systemActor } from '../../services/auditTrail.js';
import { addUser, changeUser, listUsers } from '../../services/users.js';
import { fail, runCli, withStore, withStoreOptions, type StoreCliOptions } from './storeOptions.js';

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage users');
  withStoreOptions(
    user
      .command('add')
      .description('add a user with a role and the bargaining units they may see')
      .requiredOption('--name <name>', 'display name')
      .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
      .option('--id <id>', 'user id (default: a random id)')
      .option('--units <ids>', 'comma-separated unit ids (admins see every unit)', ''),
  ).action((options: StoreCliOptions & { name: string; role: string; id?: string; units: string }) =>
    runCli(async () => {
      if (!(roles as readonly string[]).includes(options.role)) fail(`--role must be one of ${roles.join(', ')}, got ${options.role}`);
      const unitIds = options.units
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean);
      await withStore(options, async (store) => {
        const created = await addUser(store, systemActor('cli'), new Date(), { id: options.id, name: options.name, role: options.role as Role, unitIds });
        process.stdout.write(`${JSON.stringify({ id: created.id, name: created.name, role: created.role, units: created.unitIds })}\n`);
      });
    }),
  );
  withStoreOptions(user.command('list').description('list users')).action((options: StoreCliOptions) =>
    runCli(() =>
      withStore(options, async (store) => {
        for (const u of await listUsers(store)) process.stdout.write(`${u.id}\t${u.role}\t${u.unitIds.join(',') || '-'}\t${u.name}\n`);
      }),
    ),
  );
  withStoreOptions(
    user
      .command('set <id>')
      .description("change a user's role and/or units")
      .option('--role <role>', `one of ${roles.join(', ')}`)
      .option('--units <ids>', 'comma-separated unit ids (replaces the current set)'),
  ).action((id: string, options: StoreCliOptions & { role?: string; units?: string }) =>
    runCli(async () => {
      if (options.role !== undefined && !(roles as readonly string[]).includes(options.role))
        fail(`--role must be one of ${roles.join(', ')}, got ${options.role}`);
      if (options.role === undefined && options.units === undefined) fail('give --role, --units or both');
      const unitIds = options.units
        ?.split(',')
        .map((u) => u.trim())
        .filter(Boolean);
      await withStore(options, async (store) => {
        const changed = await changeUser(store, systemActor('cli'), new Date(), id, { role: options.role as Role | undefined, unitIds });
        process.stdout.write(`${JSON.stringify({ id: changed.id, name: changed.name, role: changed.role, units: changed.unitIds })}\n`);
      });
    }),
  );
}
