// npm run bench: costs synthetic units of 1,000, 10,000, 100,000 and 350,000 rows, each in its own
// process (so peak memory is per size), on one thread and on every core (COSTING_THREADS' default,
// as `bargaining-costing cost` does), and compares with bench/engine-baseline.json. It measures the
// compiled JavaScript that `bargaining-costing` runs (npm run bench builds it first): under tsx every
// process and costing thread would compile the TypeScript again and carry the compiler's memory.
// Each size runs 3 times (350,000 rows once; --runs N to change): the median, with the range.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CostingThreads, MIN_ROWS_PER_THREAD } from '../server/costing/costScenarioInParallel.js';
import { warmUpEngineFor } from '../shared/engine/costRowRange.js';
import { costScenario, parseScenario } from '../shared/index.js';
import type { CostingResult } from '../shared/result.js';
import { checkScenarioRows } from '../shared/scenario.js';
import { syntheticUnit } from '../shared/syntheticUnit.js';

interface Figure {
  rows: number;
  /** Engine time of the full report (wall clock): the median of the runs. */
  seconds: number;
  /** The fastest and slowest run (this machine's timings vary by a third from one run to the next). */
  secondsRange?: [number, number];
  /** CPU time of the same (user + system): steadier than wall time on a shared machine. */
  cpuSeconds?: number;
  rowPeriodsPerSecond: number;
  peakMB: number;
  /**
   * What `bargaining-costing cost` adds around the engine: JSON text → value, and schema validation
   * on this thread (with workers, of the first range's rows: each worker checks its own meanwhile,
   * and the engine time includes any wait for them).
   */
  jsonParseSeconds?: number;
  /**
   * The engine's warm-up (warmUpEngineFor), run as `bargaining-costing cost` runs it: between the
   * JSON parse and validation, once per process, so its optimised row loop compiles during validation.
   */
  warmUpSeconds?: number;
  /**
   * One thread, up to 100,000 rows: the same report costed again in the same process, as a server's
   * costing worker (warm since it started) or the pane's session costs a counter-offer.
   */
  warmSeconds?: number;
  validateSeconds?: number;
  /** Threads the costing used (the all-core run: fewer than the cores for a small roster, as the CLI). */
  threads?: number;
  /** The same report with the rows costed on every core (CostingThreads, server/costing/costScenarioInParallel.ts). */
  allCores?: AllCores;
}

interface AllCores {
  threads: number;
  seconds: number;
  secondsRange?: [number, number];
  cpuSeconds: number;
  peakMB: number;
}

// 350,000 rows: a state's whole workforce (issue 7).
const SIZES = [1_000, 10_000, 100_000, 350_000];
// Run compiled (npm run bench builds first and runs dist/bench/engine.js, as bargaining-costing runs
// dist/): the baseline stays beside this file's source either way.
const baselineFile = fileURLToPath(
  new URL(import.meta.url.includes('/dist/bench/') ? '../../bench/engine-baseline.json' : './engine-baseline.json', import.meta.url),
);

function measure(rows: number, threads: number): Promise<Figure> | Figure {
  // Started first, as `bargaining-costing cost` does: the workers load while the scenario is read.
  const costing = threads === 1 ? null : new CostingThreads({ threads, minRowsPerThread: MIN_ROWS_PER_THREAD });
  const text = JSON.stringify(syntheticUnit(rows));
  const elapsed = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
  // As `bargaining-costing cost`: the workers read their rows from the text while this thread does.
  costing?.prepare(text);
  let t = process.hrtime.bigint();
  const json: unknown = JSON.parse(text);
  const jsonParseSeconds = elapsed(t);
  costing?.releaseUnneeded(rows);
  t = process.hrtime.bigint();
  warmUpEngineFor(rows);
  const warmUpSeconds = elapsed(t);
  t = process.hrtime.bigint();
  // As `bargaining-costing cost`: with workers, this thread checks only the first range's rows.
  const first = costing?.firstRange(rows) ?? null;
  const parsed = first === null ? parseScenario(json) : checkScenarioRows(json, first);
  const validateSeconds = elapsed(t);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  t = process.hrtime.bigint();
  // Process CPU time: every thread's.
  const cpu = process.cpuUsage();
  const done = (result: CostingResult): Figure => ({
    ...figure(rows, result, elapsed(t), process.cpuUsage(cpu), jsonParseSeconds, validateSeconds),
    warmUpSeconds,
    threads: costing?.used ?? 1,
  });
  if (costing === null) {
    const figures = done(costScenario(parsed.value));
    if (rows > 100_000) return figures;
    t = process.hrtime.bigint();
    costScenario(parsed.value);
    return { ...figures, warmSeconds: elapsed(t) };
  }
  if (first === null) return costing.cost(parsed.value).then(done);
  return costing.costFirstRange(parsed.value, rows).then((result) => {
    if (result === null) throw new Error('a costing thread did not prepare its rows');
    return done(result);
  });
}

function figure(rows: number, result: CostingResult, seconds: number, used: NodeJS.CpuUsage, jsonParseSeconds: number, validateSeconds: number): Figure {
  const cpuSeconds = (used.user + used.system) / 1e6;
  const periods = Object.values(result.periodsByFiscalYear).reduce((a, b) => a + b, 0);
  return {
    rows,
    seconds,
    rowPeriodsPerSecond: (rows * periods) / seconds,
    peakMB: process.resourceUsage().maxRSS / 1024,
    jsonParseSeconds,
    validateSeconds,
    cpuSeconds,
  };
}

const one = process.argv.indexOf('--rows');
const threadsArg = process.argv.indexOf('--threads');
if (one !== -1) {
  const threads = threadsArg === -1 ? 1 : Number(process.argv[threadsArg + 1]);
  process.stdout.write(JSON.stringify(await measure(Number(process.argv[one + 1]), threads)));
} else {
  const self = fileURLToPath(import.meta.url);
  const cores = availableParallelism();
  const run = (rows: number, threads: number) =>
    JSON.parse(
      execFileSync(process.execPath, [...process.execArgv, '--max-old-space-size=2048', self, '--rows', String(rows), '--threads', String(threads)], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      }),
    ) as Figure;
  const only = process.argv.indexOf('--sizes');
  const sizes = only === -1 ? SIZES : process.argv[only + 1]!.split(',').map(Number);
  const runsArg = process.argv.indexOf('--runs');
  // Each size is costed in several cold processes and the median reported: one run can be a third
  // off on a shared machine. 350,000 rows once by default (about two minutes a run).
  const runsFor = (rows: number) => (runsArg !== -1 ? Number(process.argv[runsArg + 1]) : rows > 100_000 ? 1 : 3);
  const figures: Figure[] = sizes.map((rows) => {
    const singles = Array.from({ length: runsFor(rows) }, () => run(rows, 1));
    const warm = singles.flatMap((f) => (f.warmSeconds === undefined ? [] : [f.warmSeconds])).sort((a, b) => a - b);
    const single = {
      ...medianOf(singles),
      secondsRange: rangeOf(singles),
      ...(warm.length === 0 ? {} : { warmSeconds: warm[Math.floor((warm.length - 1) / 2)]! }),
    };
    if (cores === 1) return single;
    const alls = Array.from({ length: runsFor(rows) }, () => run(rows, cores));
    const all = medianOf(alls);
    return {
      ...single,
      allCores: { threads: all.threads ?? cores, seconds: all.seconds, secondsRange: rangeOf(alls), cpuSeconds: all.cpuSeconds ?? 0, peakMB: all.peakMB },
    };
  });
  let baseline: Figure[] = [];
  try {
    baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as Figure[];
  } catch {
    // no baseline yet: this run writes it when asked (--update-baseline)
  }
  console.log(
    'Full 1.2 report (baseline + 2 proposals × 6 provisions, per-provision charges, value of 1% incl. the status quo, step movement, lift, funds, departments), 3-year biweekly horizon',
  );
  console.log(
    'rows'.padStart(8),
    'seconds: median (range)'.padStart(24),
    'CPU s'.padStart(8),
    'row-periods/s'.padStart(14),
    'peak MB'.padStart(9),
    'JSON s'.padStart(8),
    'warm-up s'.padStart(10),
    'warm s'.padStart(8),
    'valid. s'.padStart(9),
    'all-core s: median (range), threads'.padStart(36),
    'CPU s'.padStart(8),
    'peak MB'.padStart(9),
    '  vs baseline',
  );
  for (const f of figures) {
    const b = baseline.find((x) => x.rows === f.rows);
    const change = b ? `${(((f.seconds - b.seconds) / b.seconds) * 100).toFixed(0).padStart(4)}% time (baseline ${b.seconds.toFixed(2)} s)` : '(no baseline)';
    console.log(
      String(f.rows).padStart(8),
      withRange(f.seconds, f.secondsRange).padStart(24),
      (f.cpuSeconds ?? 0).toFixed(3).padStart(8),
      Math.round(f.rowPeriodsPerSecond).toLocaleString('en-US').padStart(14),
      f.peakMB.toFixed(0).padStart(9),
      (f.jsonParseSeconds ?? 0).toFixed(3).padStart(8),
      (f.warmUpSeconds ?? 0).toFixed(3).padStart(10),
      (f.warmSeconds === undefined ? '–' : f.warmSeconds.toFixed(3)).padStart(8),
      (f.validateSeconds ?? 0).toFixed(3).padStart(9),
      (f.allCores ? `${withRange(f.allCores.seconds, f.allCores.secondsRange)}, ${f.allCores.threads}` : '–').padStart(36),
      (f.allCores ? f.allCores.cpuSeconds.toFixed(3) : '–').padStart(8),
      (f.allCores ? f.allCores.peakMB.toFixed(0) : '–').padStart(9),
      ' ',
      change,
    );
  }
  if (process.argv.includes('--update-baseline')) {
    const rounded = figures.map((f) => ({
      ...f,
      seconds: Number(f.seconds.toFixed(3)),
      ...(f.secondsRange ? { secondsRange: roundedRange(f.secondsRange) } : {}),
      rowPeriodsPerSecond: Math.round(f.rowPeriodsPerSecond),
      peakMB: Math.round(f.peakMB),
      jsonParseSeconds: Number((f.jsonParseSeconds ?? 0).toFixed(3)),
      warmUpSeconds: Number((f.warmUpSeconds ?? 0).toFixed(3)),
      ...(f.warmSeconds === undefined ? {} : { warmSeconds: Number(f.warmSeconds.toFixed(3)) }),
      validateSeconds: Number((f.validateSeconds ?? 0).toFixed(3)),
      cpuSeconds: Number((f.cpuSeconds ?? 0).toFixed(3)),
      ...(f.allCores
        ? {
            allCores: {
              threads: f.allCores.threads,
              seconds: Number(f.allCores.seconds.toFixed(3)),
              ...(f.allCores.secondsRange ? { secondsRange: roundedRange(f.allCores.secondsRange) } : {}),
              cpuSeconds: Number(f.allCores.cpuSeconds.toFixed(3)),
              peakMB: Math.round(f.allCores.peakMB),
            },
          }
        : {}),
    }));
    // Laid out as the repository's Prettier check wants (lint checks the committed baseline); loaded
    // here only, so the measured child processes never carry it.
    const { format } = await import('prettier');
    writeFileSync(baselineFile, await format(JSON.stringify(rounded), { parser: 'json' }));
    console.log(`baseline written to ${baselineFile}`);
  }
}

function withRange(seconds: number, range: [number, number] | undefined): string {
  return range === undefined || range[0] === range[1] ? seconds.toFixed(3) : `${seconds.toFixed(3)} (${range[0].toFixed(2)}–${range[1].toFixed(2)})`;
}

/** The run of median time (its other figures with it); peak memory the highest of all runs. */
function medianOf(runs: Figure[]): Figure {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, peakMB: Math.max(...runs.map((r) => r.peakMB)) };
}

function roundedRange(range: [number, number]): [number, number] {
  return [Number(range[0].toFixed(3)), Number(range[1].toFixed(3))];
}

function rangeOf(runs: Figure[]): [number, number] {
  const seconds = runs.map((r) => r.seconds);
  return [Math.min(...seconds), Math.max(...seconds)];
}
