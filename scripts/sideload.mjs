#!/usr/bin/env node
/*
 * npm run sideload [-- desktop | web] [--document <workbook URL>] [--backend <url>] [--port 3000] [--stop]
 *
 * Development sideloading of the add-in into Excel on Windows or Mac (desktop, the default) or
 * Excel on the web (needs --document, the URL of a workbook in OneDrive/SharePoint):
 *  1. builds dist/addin (manifest pointing at https://localhost:<port>) if it is missing;
 *  2. makes sure the office-addin-dev-certs development certificate is installed and trusted
 *     (the first time, the system asks you to trust it);
 *  3. serves https://localhost:<port> with that certificate, forwarding every request to the costing
 *     server (--backend, default http://localhost:3001), which serves the add-in files and the API;
 *     when nothing answers there it starts `bargaining-costing serve --port 3001` itself;
 *  4. registers the manifest with Excel and opens it (office-addin-debugging).
 * Ctrl-C unregisters the add-in and stops what it started. `--stop` only unregisters.
 *
 * office-addin-debugging and office-addin-dev-certs are optional dependencies: a machine
 * without them (CI, Linux servers) still installs with `npm ci`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    document: { type: 'string' },
    backend: { type: 'string', default: 'http://localhost:3001' },
    port: { type: 'string', default: '3000' },
    stop: { type: 'boolean', default: false },
  },
});
const platform = positionals[0] ?? 'desktop';
if (platform !== 'desktop' && platform !== 'web') fail(`platform must be "desktop" or "web", not "${platform}"`);
if (platform === 'web' && !options.document && !options.stop) {
  fail('Excel on the web needs a workbook: npm run sideload -- web --document "https://<tenant>.sharepoint.com/…/Book.xlsx"');
}
const port = Number(options.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port must be a port number, not ${options.port}`);
const manifestPath = resolve('dist/addin/manifest.xml');

function fail(message) {
  process.stderr.write(`sideload: ${message}\n`);
  process.exit(1);
}

async function optional(name) {
  try {
    return await import(name);
  } catch (error) {
    fail(
      `${name} is not installed (${error.message}).\n` +
        `It is an optional dependency: run "npm install --include=optional". On Linux its keytar dependency needs libsecret first: sudo apt-get install libsecret-1-dev.`,
    );
  }
}

const debugging = await optional('office-addin-debugging');
const { startDebugging, stopDebugging, AppType } = debugging.default ?? debugging;

if (options.stop) {
  await stopDebugging(manifestPath);
  process.stdout.write('sideload: the add-in is unregistered.\n');
  process.exit(0);
}

if (!existsSync(manifestPath)) {
  process.stdout.write('sideload: building the add-in (dist/addin)…\n');
  const build = spawnSync('npm', ['run', 'build:addin'], {
    stdio: 'inherit',
    env: { ...process.env, ADDIN_PUBLIC_URL: `https://localhost:${port}` },
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) fail('the add-in build failed (see above)');
}

const certs = await optional('office-addin-dev-certs');
const { ensureCertificatesAreInstalled, getHttpsServerOptions } = certs.default ?? certs;
await ensureCertificatesAreInstalled();
const tls = await getHttpsServerOptions();

const backend = new URL(options.backend);
let serverProcess;
if (!(await answers(backend))) {
  if (!existsSync('dist/server/cli/main.js'))
    fail(`nothing answers at ${backend.origin} and the server is not built: run "npm run build" first, or start the server and pass --backend`);
  process.stdout.write(`sideload: starting the costing server on ${backend.origin}…\n`);
  serverProcess = spawn(process.execPath, ['bin/bargaining-costing.js', 'serve', '--port', backend.port || '80'], { stdio: 'inherit', env: process.env });
  serverProcess.on('exit', (code) => {
    if (code !== 0 && code !== null) process.stderr.write(`sideload: the costing server stopped (exit ${code})\n`);
  });
  for (let i = 0; i < 60 && !(await answers(backend)); i++) await new Promise((r) => setTimeout(r, 500));
  if (!(await answers(backend))) fail(`the costing server did not start on ${backend.origin}`);
}

const front = https.createServer(tls, (req, res) => {
  const upstream = http.request(
    {
      hostname: backend.hostname,
      port: backend.port,
      path: req.url,
      method: req.method,
      headers: { ...req.headers, host: backend.host, 'x-forwarded-proto': 'https' },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`The costing server at ${backend.origin} did not answer: ${error.message}\n`);
  });
  req.pipe(upstream);
});
await new Promise((resolveListen, reject) => front.once('error', reject).listen(port, 'localhost', resolveListen));
process.stdout.write(`sideload: https://localhost:${port} → ${backend.origin}\n`);

await startDebugging(manifestPath, {
  appType: platform === 'web' ? AppType.Web : AppType.Desktop,
  app: 'excel',
  enableDebugging: false,
  enableLiveReload: false,
  devServerPort: port,
  ...(options.document ? { document: options.document } : {}),
});
process.stdout.write('sideload: Excel is opening with Bargaining Costing (Home tab → Costing). Ctrl-C to stop.\n');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await stopDebugging(manifestPath);
  } catch (error) {
    process.stderr.write(`sideload: could not unregister the add-in: ${error.message}\n`);
  }
  front.close();
  serverProcess?.kill('SIGTERM');
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

async function answers(url) {
  return new Promise((resolveAnswer) => {
    const request = http.get(new URL('/healthz', url), (response) => {
      response.resume();
      resolveAnswer(response.statusCode === 200);
    });
    request.on('error', () => resolveAnswer(false));
    request.setTimeout(1000, () => {
      request.destroy();
      resolveAnswer(false);
    });
  });
}
