// Issue 11 "Boundaries": routes → services → store. Routes never touch the store; services throw
// domain errors and know nothing of HTTP.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = resolve(import.meta.dirname, '../../server');
const sources = (dir: string) =>
  readdirSync(join(SERVER, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `server/${dir}/${f}`, text: readFileSync(join(SERVER, dir, f), 'utf8') }));

describe('server layering', () => {
  it('routes reach the store only through services', () => {
    const offending = sources('routes').flatMap(({ file, text }) =>
      text
        .split('\n')
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(({ line }) => /\bstore\.(?!js')\w+/.test(line)) // a record type from store.js is fine
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });

  it('services import nothing from the HTTP layer, and throw no HTTP errors', () => {
    const offending = sources('services')
      .filter(({ text }) => /from '\.\.\/http\//.test(text) || /\bHttpProblem\b/.test(text))
      .map(({ file }) => file);
    expect(offending).toEqual([]);
  });
});
