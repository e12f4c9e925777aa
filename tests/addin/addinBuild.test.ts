/**
 * Builds the add-in with the production webpack config (into a temporary folder) and checks what
 * Excel will load: functions.json lists every BARGAIN function with its parameters, the bundle
 * associates each id, the one shared-runtime page loads Office.js and all three bundles, and the
 * emitted manifest carries ADDIN_PUBLIC_URL.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

interface FunctionMetadata {
  id: string;
  name: string;
  parameters: { name: string; type: string; optional?: boolean }[];
  result: { type: string };
}

const out = mkdtempSync(join(tmpdir(), 'addin-build-'));
let functionsJson: { functions: FunctionMetadata[] };

beforeAll(async () => {
  const webpack = require('webpack') as typeof import('webpack');
  const previous = process.env.ADDIN_PUBLIC_URL;
  process.env.ADDIN_PUBLIC_URL = 'https://costing.city.gov';
  const makeConfig = require('../../webpack.config.cjs') as (env: unknown, argv: { mode: string }) => import('webpack').Configuration;
  const config = makeConfig({}, { mode: 'production' });
  if (previous === undefined) delete process.env.ADDIN_PUBLIC_URL;
  else process.env.ADDIN_PUBLIC_URL = previous;
  config.output = { ...config.output, path: out };
  config.devtool = false;
  // Minifying is most of the build's time and not what is tested here.
  config.optimization = { ...config.optimization, minimize: false };
  const stats = await new Promise<import('webpack').Stats>((resolve, reject) =>
    webpack(config, (error, result) => (error ? reject(error) : result ? resolve(result) : reject(new Error('webpack gave no stats')))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  functionsJson = JSON.parse(readFileSync(join(out, 'functions.json'), 'utf8')) as { functions: FunctionMetadata[] };
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The custom functions declared in functions.ts: JSDoc id and the TypeScript parameter list. */
function declaredFunctions(): { id: string; name: string; params: { name: string; optional: boolean }[] }[] {
  const source = readFileSync(new URL('../../addin/functions/functions.ts', import.meta.url), 'utf8');
  // Streaming functions end with the invocation (not a worksheet parameter); optional ones are [bracketed] in the JSDoc.
  const pattern = /@customfunction\s+(\w+)([\s\S]*?)\*\/\s*export\s+(?:async\s+)?function\s+(\w+)\(([^)]*)\)/g;
  return [...source.matchAll(pattern)].map((m) => ({
    id: m[1]!,
    name: m[3]!,
    params: m[4]!
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => p.split(/[?:]/)[0]!.trim())
      .filter((name) => name !== 'invocation')
      .map((name) => ({ name, optional: m[2]!.includes(`@param [${name}]`) })),
  }));
}

describe('the built add-in', () => {
  it('functions.json holds every BARGAIN function with its parameters', () => {
    const byId = new Map(functionsJson.functions.map((f) => [f.id, f]));
    expect([...byId.keys()].sort()).toEqual(['COST', 'RATE', 'VALUEOF1PCT']);
    const rate = byId.get('RATE')!;
    expect(rate.parameters.map((p) => [p.name, p.type, p.optional ?? false])).toEqual([
      ['unit', 'string', false],
      ['classCode', 'string', false],
      ['step', 'number', false],
      ['asOf', 'any', true],
    ]);
    expect(byId.get('COST')!.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
      ['proposal', false],
      ['fiscalYear', false],
      ['component', true],
    ]);
    expect(byId.get('VALUEOF1PCT')!.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
      ['fiscalYear', false],
      ['proposal', true],
    ]);
    for (const f of functionsJson.functions) expect(f.result.type).toBe('number');
    // They stream, so a new costing or a newer schedule reaches the cells without a recalculation.
    for (const f of functionsJson.functions) expect((f as { options?: { stream?: boolean } }).options?.stream).toBe(true);

    // ... and nothing declared in functions.ts is missing from it.
    const declared = declaredFunctions();
    expect(declared.map((d) => d.id).sort()).toEqual([...byId.keys()].sort());
    for (const d of declared) {
      expect(byId.get(d.id)!.parameters.map((p) => ({ name: p.name, optional: p.optional ?? false }))).toEqual(d.params);
    }
  });

  it('the functions bundle associates every id with its function', () => {
    const bundle = readFileSync(join(out, 'functions.js'), 'utf8');
    for (const f of functionsJson.functions) expect(bundle).toMatch(new RegExp(`\\.associate\\("${f.id}",`));
  });

  it('one shared-runtime page loads Office.js, then the functions, commands and task pane bundles', () => {
    const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)"?/g)].map((m) => m[1]!);
    expect(scripts[0]).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const order = ['functions.js', 'commands.js', 'taskpane.js'].map((s) => scripts.indexOf(s));
    for (const at of order) expect(at).toBeGreaterThan(0);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('emits the manifest with the public URL and the icons it names', () => {
    const manifest = readFileSync(join(out, 'manifest.xml'), 'utf8');
    expect(manifest).not.toContain('localhost');
    expect(manifest).toContain('https://costing.city.gov/taskpane.html');
    for (const size of [16, 32, 64, 80])
      expect(
        readFileSync(join(out, 'assets', `icon-${size}.png`))
          .subarray(1, 4)
          .toString('ascii'),
      ).toBe('PNG');
  });
});
