import { readFileSync } from 'node:fs';

/**
 * The version in the project's package.json. The CLI runs from `server/cli/` (tsx) and from
 * `dist/server/cli/` (the installed bin), so the file is looked for upwards from here rather than
 * imported (a JSON import would be compiled into dist with a path that holds only for one of them).
 */
export function packageVersion(from: URL = new URL('.', import.meta.url)): string {
  for (let dir = from, depth = 0; depth < 6; dir = new URL('..', dir), depth++) {
    let text: string;
    try {
      text = readFileSync(new URL('package.json', dir), 'utf8');
    } catch {
      continue;
    }
    const pkg = JSON.parse(text) as { name?: unknown; version?: unknown };
    if (pkg.name === 'bargaining-costing' && typeof pkg.version === 'string') return pkg.version;
  }
  return 'unknown';
}
