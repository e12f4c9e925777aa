// npm run bench:server — the sync server under load on loopback (autocannon):
//   schedule pulls per second and p99 latency, answered 200 and 304 (conditional),
//   the latency of submitting a 10,000-row cost model (upload, validation, the server's
//   recompute with the shared engine, storage), and pulls while 10,000-row models are submitted
//   and exported as workbooks back to back, next to the committed baseline.
// `npm run bench:server -- --update-baseline` rewrites bench/server-baseline.json.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';
import { format } from 'prettier';
import { parseScenario } from '../shared/scenario.js';
import { scheduleSchema } from '../shared/schemas/scenario.js';
import { demoUnits } from '../server/demo/demoCity.js';
import { demoRoster, demoScenario, demoSchedule } from '../server/demo/demoScenario.js';
import { issueToken } from '../server/services/apiTokens.js';
import { systemActor } from '../server/services/auditTrail.js';
import { importScheduleVersion } from '../server/services/scheduleVersions.js';
import { addUnit } from '../server/services/units.js';
import { addUser } from '../server/services/users.js';
import { migrateStore, openStore } from '../server/store/openStore.js';

const BASELINE = join(import.meta.dirname, 'server-baseline.json');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SUBMIT_ROUNDS = 3;
// The whole measurement runs this many times, each with a fresh server and store; the median of each
// figure is reported with its range (on a shared 2-core machine one run can be a third off).
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface PullFigures {
  requestsPerSecond: number;
  p99Ms: number;
  p50Ms: number;
  /** Server CPU per request (Linux /proc): capacity independent of what else the machine runs. */
  serverCpuUsPerRequest?: number;
}

interface Figures {
  schedulePull200: PullFigures;
  schedulePull304: PullFigures;
  submit10k: { uploadMs: number; submitMs: number; submitMsRuns: number[]; bodyBytes: number };
  /** Schedule pulls while 10,000-row cost models are submitted back to back. */
  schedulePullDuringSubmits?: PullFigures & { submits: number };
  /** Schedule pulls while 10,000-row models are submitted and their workbooks exported back to back. */
  schedulePullDuringExportsAndSubmits?: PullFigures & { submits: number; exports: number };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function tenThousandRowScenario(): unknown {
  const base = demoUnits[0]!;
  const total = base.classes.reduce((n, c) => n + c.rows, 0);
  const unit = { ...base, id: 'BENCH', classes: base.classes.map((c) => ({ ...c, rows: Math.ceil((c.rows * 10_000) / total) })) };
  const roster = demoRoster(unit, 42);
  roster.rows = roster.rows.slice(0, 10_000);
  const schedule = demoSchedule(unit, '2025-07-01', '0.03');
  return demoScenario(unit, schedule, roster, [
    {
      name: 'Union proposal',
      side: 'union',
      provisions: [
        { type: 'gwi', percent: '0.05', effective: '2026-07-04' },
        { type: 'gwi', percent: '0.04', effective: '2027-07-03' },
        { type: 'addStep', percent: '0.05', effective: '2027-07-03', classes: ['PO'] },
        { type: 'gwi', percent: '0.04', effective: '2028-07-01' },
        { type: 'specialPay', code: 'POST_ADV', effective: '2026-07-04', percent: '0.09', pensionable: true, mode: 'set' },
        { type: 'lumpSum', amount: '1500.00', payDate: '2026-12-15', prorateByFte: true },
      ],
    },
    {
      name: 'City offer',
      side: 'management',
      provisions: [
        { type: 'gwi', percent: '0.025', effective: '2026-07-04' },
        { type: 'gwi', percent: '0.025', effective: '2027-07-03' },
        { type: 'gwi', percent: '0.02', effective: '2028-07-01' },
        { type: 'pensionRate', effective: '2026-07-04', tier: 'safety-classic', delta: '-0.02' },
        { type: 'stepFreeze', effective: '2026-07-04', months: 6, mode: 'keep' },
        { type: 'lumpSum', amount: '1000.00', payDate: '2026-12-15' },
      ],
    },
  ]);
}

/** utime + stime of a process in microseconds, from /proc (undefined elsewhere). */
function processCpuUs(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / 100;
}

async function load(
  url: string,
  headers: Record<string, string>,
  serverPid?: number,
): Promise<PullFigures & { statuses: Record<'2xx' | '3xx' | '4xx' | '5xx', number> }> {
  const cpu0 = processCpuUs(serverPid);
  // The load generator runs on its own thread (autocannon's `workers`): on this thread the
  // background clients upload 2 MB bodies and download workbooks, and their parsing and garbage
  // collection would delay the responses autocannon times, charging the client's pauses to the server.
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers, pipelining: 1, workers: 1 });
  const cpu1 = processCpuUs(serverPid);
  const total = result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    p50Ms: result.latency.p50,
    ...(cpu0 !== undefined && cpu1 !== undefined && total > 0 ? { serverCpuUsPerRequest: Math.round((cpu1 - cpu0) / total) } : {}),
    statuses: { '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
  };
}

async function main(): Promise<void> {
  const runs: Figures[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measureOnce());
  await report(medianFigures(runs), runs);
}

/** Each number the median of the runs'; arrays (the submit times listed) are the first run's. */
function medianFigures(runs: Figures[]): Figures {
  const median = (values: unknown[]): unknown => {
    const first = values[0];
    if (typeof first === 'number') {
      const sorted = (values as number[]).slice().sort((a, b) => a - b);
      return sorted[Math.floor((sorted.length - 1) / 2)];
    }
    if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
      const keys = Object.keys(first);
      return Object.fromEntries(keys.map((k) => [k, median(values.map((v) => (v as Record<string, unknown>)[k]))]));
    }
    return first;
  };
  return median(runs) as Figures;
}

async function measureOnce(): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bc-bench-'));
  const store0 = (await migrateStore({ dataDir }), openStore({ dataDir }));
  const actor = systemActor('bench');
  const now = new Date();
  const scenario = tenThousandRowScenario();
  const parsed = parseScenario(scenario);
  if (!parsed.ok)
    throw new Error(
      `bench scenario invalid: ${parsed.issues
        .slice(0, 3)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}`,
    );
  await addUnit(store0, actor, now, { id: 'BENCH', name: 'Bench unit' });
  await importScheduleVersion(store0, actor, now, { unitId: 'BENCH', schedule: scheduleSchema.parse(parsed.value.schedule), source: 'bench', dryRun: false });
  await addUser(store0, actor, now, { id: 'analyst', name: 'Analyst', role: 'analyst', unitIds: ['BENCH'] });
  const token = (await issueToken(store0, 'analyst', 'bench', now)).token;
  await store0.close();

  const port = await freePort();
  // The compiled server, as `npm start` and a deployment run it (npm run bench:server builds it first):
  // under tsx each costing and export worker would compile the TypeScript again.
  // BENCH_CPU_PROFILE_DIR=dir: the server writes a V8 CPU profile there when it stops (for finding
  // where a request's CPU goes; the profiler itself slows the server, so the figures are not comparable).
  const profile = process.env.BENCH_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, 'bin/bargaining-costing.js', 'serve', '--port', String(port), '--no-demo'], {
    cwd: join(import.meta.dirname, '..'),
    // The rate limiters stay in the path (their cost is measured) with limits the load never reaches.
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      RATE_LIMIT_PER_TOKEN: '1000000000',
      RATE_LIMIT_PER_ADDRESS: '1000000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/readyz`)).ok) break;
      } catch {
        if (i > 300) throw new Error('server did not start');
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const auth = { authorization: `Bearer ${token}` };
    const pullUrl = `${base}/api/v1/units/BENCH/schedules/current?asOf=2026-01-01`;
    const first = await fetch(pullUrl, { headers: auth });
    const etag = first.headers.get('etag');
    if (first.status !== 200 || !etag) throw new Error(`schedule pull answered ${first.status}`);
    await load(pullUrl, auth); // warm-up
    const pull200 = await load(pullUrl, auth, child.pid);
    const pull304 = await load(pullUrl, { ...auth, 'if-none-match': etag }, child.pid);
    if (pull200.statuses['2xx'] === 0 || pull304.statuses['3xx'] === 0 || pull200.statuses['5xx'] + pull304.statuses['5xx'] > 0) {
      throw new Error(`unexpected statuses: ${JSON.stringify({ pull200: pull200.statuses, pull304: pull304.statuses })}`);
    }

    const body = JSON.stringify({ unitId: 'BENCH', title: '10,000 rows', scenario });
    /** Uploads a draft; its id and the ETag a submit names. */
    const upload = async () => {
      const created = await fetch(`${base}/api/v1/cost-models`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body });
      const draft = (await created.json()) as { id: string };
      if (created.status !== 201) throw new Error(`create answered ${created.status}: ${JSON.stringify(draft).slice(0, 300)}`);
      return { id: draft.id, etag: created.headers.get('etag')! };
    };
    const submit = async (draft: { id: string; etag: string }) => {
      const submitted = await fetch(`${base}/api/v1/cost-models/${draft.id}/submit`, { method: 'POST', headers: { ...auth, 'if-match': draft.etag } });
      await submitted.arrayBuffer();
      if (submitted.status !== 200) throw new Error(`submit answered ${submitted.status}`);
    };
    const submitRuns: number[] = [];
    let uploadMs = 0;
    for (let round = 0; round < SUBMIT_ROUNDS; round++) {
      const t0 = performance.now();
      const draft = await upload();
      uploadMs = Math.max(uploadMs, performance.now() - t0);
      const t1 = performance.now();
      await submit(draft);
      submitRuns.push(Math.round(performance.now() - t1));
    }
    /** Runs `step` back to back until stopped; counts the steps. */
    const backToBack = (step: () => Promise<void>) => {
      const state = { running: true, count: 0, done: Promise.resolve() };
      state.done = (async () => {
        while (state.running) {
          await step();
          state.count += 1;
        }
      })();
      return state;
    };
    // Pulls while 10,000-row models are uploaded and submitted one after another: the reading,
    // validation and costing run in a worker.
    const submitter = backToBack(async () => submit(await upload()));
    const during = await load(pullUrl, auth, child.pid);
    submitter.running = false;
    await submitter.done;
    const submits = submitter.count;

    // The same with a draft's workbook (costed and written in an export worker) exported back to back.
    const exported = await upload();
    const exporter = backToBack(async () => {
      const reply = await fetch(`${base}/api/v1/cost-models/${exported.id}/workbook.xlsx`, { headers: auth });
      await reply.arrayBuffer();
      if (reply.status !== 200) throw new Error(`export answered ${reply.status}`);
    });
    const submitter2 = backToBack(async () => submit(await upload()));
    const duringBoth = await load(pullUrl, auth, child.pid);
    exporter.running = false;
    submitter2.running = false;
    await Promise.all([exporter.done, submitter2.done]);

    const figures: Figures = {
      schedulePull200: (({ statuses: _s, ...f }) => f)(pull200),
      schedulePull304: (({ statuses: _s, ...f }) => f)(pull304),
      schedulePullDuringSubmits: { ...(({ statuses: _s, serverCpuUsPerRequest: _c, ...f }) => f)(during), submits },
      schedulePullDuringExportsAndSubmits: {
        ...(({ statuses: _s, serverCpuUsPerRequest: _c, ...f }) => f)(duringBoth),
        submits: submitter2.count,
        exports: exporter.count,
      },
      submit10k: {
        uploadMs: Math.round(uploadMs),
        submitMs: [...submitRuns].sort((a, b) => a - b)[Math.floor(submitRuns.length / 2)]!,
        submitMsRuns: submitRuns,
        bodyBytes: Buffer.byteLength(body),
      },
    };
    return figures;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function report(figures: Figures, runs: Figures[]): Promise<void> {
  const baseline = existsSync(BASELINE) ? (JSON.parse(readFileSync(BASELINE, 'utf8')) as { figures: Figures }).figures : undefined;
  console.log(
    `\nBargaining Costing server benchmark — ${CONNECTIONS} connections, ${DURATION}s per run, ${cpus().length} cores, node ${process.version}, LOG_LEVEL=${process.env.LOG_LEVEL ?? 'info'}`,
  );
  console.log(`median of ${runs.length} run(s), each with a fresh server; the range of the runs in brackets`);
  console.log(`${'measure'.padEnd(42)}${'now'.padStart(22)}${'baseline'.padStart(10)}${'change'.padStart(10)}`);
  for (const [name, value, better] of MEASURES) {
    const now = value(figures) ?? 0;
    const before = baseline ? value(baseline) : undefined;
    const change = before ? ((now - before) / before) * 100 : undefined;
    const worse = change !== undefined && (better === 'higher' ? change < -20 : change > 20);
    const values = runs.map(value).filter((v): v is number => v !== undefined);
    const range = values.length > 1 ? ` (${Math.min(...values)}–${Math.max(...values)})` : '';
    console.log(
      `${name.padEnd(42)}${`${now}${range}`.padStart(22)}${String(before ?? '-').padStart(10)}${(change === undefined ? '-' : `${change >= 0 ? '+' : ''}${change.toFixed(0)}%`).padStart(10)}${worse ? '  <- slower than baseline' : ''}`,
    );
  }
  const cpu = figures.schedulePull200.serverCpuUsPerRequest;
  if (cpu)
    console.log(`one server core sustains about ${Math.round(1_000_000 / cpu)} pulls/s at ${cpu} µs of CPU each (the load generator shares the machine)`);
  console.log(
    `targets: ≥ 3,000 pulls/s with p99 ≤ 25 ms; a 10,000-row submit ≤ 2,000 ms (submit runs: ${figures.submit10k.submitMsRuns.join(', ')} ms; body ${(figures.submit10k.bodyBytes / 1e6).toFixed(2)} MB)`,
  );
  const both = figures.schedulePullDuringExportsAndSubmits;
  if (both) console.log(`during exports and submits: ${both.exports} workbook exports and ${both.submits} submits of 10,000 rows completed`);
  if (process.argv.includes('--update-baseline')) {
    // Laid out as Prettier lays out JSON, so the recorded file passes the format check of npm test.
    const json = JSON.stringify({
      recorded: new Date().toISOString(),
      machine: `${cpus().length} cores, ${cpus()[0]?.model ?? ''}`,
      node: process.version,
      figures,
    });
    writeFileSync(BASELINE, await format(json, { parser: 'json' }));
    console.log(`baseline written to ${BASELINE}`);
  }
}

/** The report's rows: a name, how a run's figures give it, and which way is better. */
const MEASURES: [string, (f: Figures) => number | undefined, 'higher' | 'lower'][] = [
  ['schedule pull 200: requests/s', (f) => f.schedulePull200.requestsPerSecond, 'higher'],
  ['schedule pull 200: p99 ms', (f) => f.schedulePull200.p99Ms, 'lower'],
  ['schedule pull 304: requests/s', (f) => f.schedulePull304.requestsPerSecond, 'higher'],
  ['schedule pull 304: p99 ms', (f) => f.schedulePull304.p99Ms, 'lower'],
  ['schedule pull 200: server CPU µs/request', (f) => f.schedulePull200.serverCpuUsPerRequest, 'lower'],
  ['schedule pull 304: server CPU µs/request', (f) => f.schedulePull304.serverCpuUsPerRequest, 'lower'],
  ['pull 200 during 10k submits: requests/s', (f) => f.schedulePullDuringSubmits?.requestsPerSecond, 'higher'],
  ['pull 200 during 10k submits: p99 ms', (f) => f.schedulePullDuringSubmits?.p99Ms, 'lower'],
  ['pull 200 during exports+submits: req/s', (f) => f.schedulePullDuringExportsAndSubmits?.requestsPerSecond, 'higher'],
  ['pull 200 during exports+submits: p99 ms', (f) => f.schedulePullDuringExportsAndSubmits?.p99Ms, 'lower'],
  ['10,000-row upload (create draft) ms', (f) => f.submit10k.uploadMs, 'lower'],
  ['10,000-row submit (recompute) ms, median', (f) => f.submit10k.submitMs, 'lower'],
];

await main();
