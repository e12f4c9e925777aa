// The syntax walk that places a JSON error for a person (shared/validation/jsonSyntax.ts), checked
// against JSON.parse, an independent parser: on valid text it finds nothing; on text JSON.parse
// refuses it finds a place, and only then.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/seededRandom.js';
import { jsonSyntaxErrorAt } from '../../shared/validation/jsonSyntax.js';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonSyntaxErrorAt', () => {
  const valid = [
    readFileSync('examples/police.json', 'utf8'),
    '{"a": [1, -2.5e+3, true, false, null, "x\\u00e9\\n\\"", {}, []], "b": {"c": 0}}',
    ' 7 ',
    '"\\/"',
  ];

  it('finds nothing in valid JSON', () => {
    for (const text of valid) expect(jsonSyntaxErrorAt(text)).toBeNull();
  });

  it('places the mistakes a person makes', () => {
    expect(jsonSyntaxErrorAt('[1, 2, ]')).toBe(7);
    expect(jsonSyntaxErrorAt('{"a": 1,}')).toBe(8);
    expect(jsonSyntaxErrorAt("{'a': 1}")).toBe(1);
    expect(jsonSyntaxErrorAt('{"a": 01}')).toBe(7);
    expect(jsonSyntaxErrorAt('{"a": 1} x')).toBe(9);
    expect(jsonSyntaxErrorAt('{"a": "tab\there"}')).toBe(10);
    expect(jsonSyntaxErrorAt('')).toBe(0);
  });

  it('walks 100,000 levels of nesting without running out of stack', () => {
    expect(jsonSyntaxErrorAt(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeNull();
    expect(jsonSyntaxErrorAt(`${'['.repeat(100_000)}${']'.repeat(99_999)}`)).toBe(199_999);
  });

  it('agrees with JSON.parse on 2,000 damaged copies of valid documents: a place exactly when it refuses', () => {
    const random = seededRandom(11);
    const pieces = [',', ']', '}', '"', ':', '0', '.', '-', 'e', ' ', '\\', 'x', '[', '{', 'tru', '\n'];
    for (let k = 0; k < 2000; k++) {
      const base = valid[k % 2 === 0 ? 1 : 0]!.slice(0, k % 2 === 0 ? undefined : 3000);
      const at = Math.floor(random() * base.length);
      const damaged =
        random() < 0.5 ? base.slice(0, at) + base.slice(at + 1) : base.slice(0, at) + pieces[Math.floor(random() * pieces.length)]! + base.slice(at);
      expect(jsonSyntaxErrorAt(damaged) === null, damaged.slice(Math.max(0, at - 20), at + 20)).toBe(parses(damaged));
    }
  });
});
