#!/usr/bin/env node
// `--version` is answered before the command line and its commands load (it must take well under
// 0.15 s, most of which is Node's own start-up); everything else goes to the command line.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { packageVersion } = await import('../dist/server/cli/packageVersion.js');
  process.stdout.write(`${packageVersion()}\n`);
} else {
  await import('../dist/server/cli/main.js');
}
