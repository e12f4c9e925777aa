/** ARCHITECTURE.md §4: addin/excel/ is the only add-in code that talks to Office.js request contexts. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('the Office.js boundary', () => {
  it('only addin/excel/ calls Excel.run or syncs a request context', () => {
    const offenders = sources(join(root, 'addin'))
      .filter((file) => !relative(root, file).startsWith('addin/excel/'))
      .filter((file) => /\bExcel\.run\b|\bcontext\.sync\(|\.sync\(\)/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
