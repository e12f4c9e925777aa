// The one test command (npm test): lint and format check, strict type-check, then the whole vitest
// suite; it ends with the plain line CI reads, "N passed, N failed, N skipped" (a failed lint or
// type-check counts as one failure each, and so does a test file that fails to load).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
rmSync(report, { force: true });

const step = (name, command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status === 0) console.log(`${name}: ok`);
  else console.log(`${name}: FAILED`);
  return result.status === 0;
};

const lint = step('lint', 'npm', ['run', '--silent', 'lint']);
const typecheck = step('type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);

const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});

let passed = 0;
let failed = (lint ? 0 : 1) + (typecheck ? 0 : 1);
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
  skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  // A test file that fails to load has no failed tests of its own: count it as one failure.
  for (const file of json.testResults ?? []) if (file.status === 'failed' && (file.assertionResults ?? []).every((t) => t.status !== 'failed')) failed += 1;
} else {
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
