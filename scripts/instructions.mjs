// npm run bench:instructions [-- --rows 3000]: the instructions one warm costing of the synthetic
// unit's full 1.2 report takes, counted by valgrind's callgrind with V8 on one thread
// (`node --single-threaded`), as (3 costings − 1 costing) / 2 so start-up, parsing and the first
// costing's compilation drop out. Repeatable to 0.1–0.2% from one run to the next, where wall-clock
// times on a shared machine vary by half: the way to tell whether an engine change of a few
// percent helps (README, "Performance"). Needs valgrind (Debian: apt-get install valgrind); it runs
// about 50 times slower than the engine, so keep the roster small.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const dist = fileURLToPath(new URL('../dist/shared/', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};

if (process.argv.includes('--cost')) {
  // The measured process: costs the synthetic unit `--cost N` times.
  const { syntheticUnit } = await import(`${dist}syntheticUnit.js`);
  const { parseScenario, costScenario } = await import(`${dist}index.js`);
  const parsed = parseScenario(JSON.parse(JSON.stringify(syntheticUnit(arg('--rows', 3000)))));
  if (!parsed.ok) throw new Error('the synthetic unit does not validate');
  for (let i = 0; i < arg('--cost', 1); i++) costScenario(parsed.value);
} else {
  if (!existsSync(`${dist}index.js`)) {
    console.error('dist/ is not built: run npm run bench:instructions (it builds first)');
    process.exit(1);
  }
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    console.error('valgrind is not installed: apt-get install valgrind (or your system’s package)');
    process.exit(1);
  }
  const rows = arg('--rows', 3000);
  /** Instructions of a process that costs `n` times (valgrind's "I refs"), run beside the other. */
  const count = (n) =>
    new Promise((resolve, reject) => {
      const args = ['--tool=callgrind', '--smc-check=all-non-file', '--callgrind-out-file=/dev/null'];
      const child = spawn('valgrind', [...args, process.execPath, '--single-threaded', self, '--cost', String(n), '--rows', String(rows)]);
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('error', reject);
      child.on('close', (code) => {
        const refs = /I\s+refs:\s+([\d,]+)/.exec(err);
        if (code !== 0 || !refs) reject(new Error(`valgrind exited ${code}:\n${err.slice(-2000)}`));
        else resolve(Number(refs[1].replaceAll(',', '')));
      });
    });
  const [one, three] = await Promise.all([count(1), count(3)]);
  const perCosting = (three - one) / 2;
  console.log(`${rows.toLocaleString('en-US')} rows, full 1.2 report: ${(perCosting / 1e9).toFixed(3)} G instructions per warm costing`);
  console.log(`(1 costing ${(one / 1e9).toFixed(3)} G, 3 costings ${(three / 1e9).toFixed(3)} G, V8 single-threaded, callgrind)`);
}
