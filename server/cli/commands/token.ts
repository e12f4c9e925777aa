import type { Command } from 'commander';
import { createApiToken, listApiTokens, revokeApiToken } from '../../services/apiTokens.js';
import { systemActor } from '../../services/auditTrail.js';
import { fail, runCli, withStore, withStoreOptions, type StoreCliOptions } from './storeOptions.js';

export function registerTokenCommands(program: Command): void {
  const token = program.command('token').description('manage API tokens');
  withStoreOptions(
    token
      .command('create')
      .description('create an API token for a user; it is printed once and stored only as a hash')
      .requiredOption('--user <id>', 'user id')
      .option('--label <label>', 'what the token is for', 'cli'),
  ).action((options: StoreCliOptions & { user: string; label: string }) =>
    runCli(() =>
      withStore(options, async (store) => {
        const user = await store.getUser(options.user);
        if (!user) fail(`no user ${options.user} (add one with: bargaining-costing user add)`);
        const issued = await createApiToken(store, systemActor('cli'), new Date(), user.id, options.label);
        process.stderr.write(`token for ${user.id} (${user.role}); shown once, store it safely:\n`);
        process.stdout.write(`${issued.token}\n`);
      }),
    ),
  );
  withStoreOptions(token.command('list').description("list a user's tokens (never the secrets)").requiredOption('--user <id>', 'user id')).action(
    (options: StoreCliOptions & { user: string }) =>
      runCli(() =>
        withStore(options, async (store) => {
          for (const t of await listApiTokens(store, options.user))
            process.stdout.write(`${t.id}\t${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}\t${t.label}\n`);
        }),
      ),
  );
  withStoreOptions(
    token
      .command('revoke')
      .description('revoke a token (a running server sees it within AUTH_CACHE_SECONDS)')
      .requiredOption('--user <id>', 'user id')
      .requiredOption('--id <tokenId>', 'token id (see token list)'),
  ).action((options: StoreCliOptions & { user: string; id: string }) =>
    runCli(() =>
      withStore(options, async (store) => {
        await revokeApiToken(store, systemActor('cli'), new Date(), options.user, options.id);
        process.stdout.write(`revoked ${options.id}\n`);
      }),
    ),
  );
}
