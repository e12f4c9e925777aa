// Every `npx bargaining-costing` command the README shows on an example file runs as written (a
// newcomer pastes them): exit 0 and some output. Files it writes go to a scratch folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The words of a shell command line: double quotes group, a `#` after a space starts a comment. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') {
      quoted = !quoted;
      word ??= '';
    } else if (!quoted && ch === '#' && word === null) break;
    else if (!quoted && /\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? '') + ch;
  }
  if (word !== null) words.push(word);
  return words;
}

const readme = readFileSync('README.md', 'utf8');
const shown = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((block) => block[1]!.split('\n'))
  .filter((line) => line.startsWith('npx bargaining-costing ') && / examples\/\S+\.json/.test(line));

describe('the README’s example commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bc-readme-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows some (the list below is read from README.md)', () => {
    expect(shown.length).toBeGreaterThanOrEqual(6);
  });

  it.each(shown)('%s', (line) => {
    const args = shellWords(line).slice(2);
    const out = args.indexOf('--out');
    if (out >= 0) args[out + 1] = join(dir, args[out + 1]!);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    if (out >= 0) expect(existsSync(args[out + 1]!) && statSync(args[out + 1]!).size).toBeGreaterThan(0);
    else expect(run.stdout.length).toBeGreaterThan(0);
  });
});
