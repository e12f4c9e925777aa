/**
 * Where JSON text first breaks the grammar of RFC 8259, as a character index, or null when it does
 * not. JSON.parse says what is wrong but, on Node 20, not always where (an extra comma before `]`
 * gives only a snippet): this walk runs only after JSON.parse failed, so a person is told the line
 * and column. Iterative (an explicit stack), so no depth of nesting can overflow it.
 */
export function jsonSyntaxErrorAt(text: string): number | null {
  let i = 0;
  const n = text.length;
  /** What encloses the value being read: '{' or '['. */
  const stack: string[] = [];
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return true;
    }
    return false;
  };
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  const number = (): boolean => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  const scalar = (): boolean => {
    const c = text[i];
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };

  /** What comes next: a value, an object member (name, colon, value), or what follows a value. */
  let expect: 'value' | 'member' | 'after' = 'value';
  for (;;) {
    ws();
    if (expect === 'after') {
      const open = stack[stack.length - 1];
      if (open === undefined) return i < n ? i : null;
      if (text[i] === (open === '{' ? '}' : ']')) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return i;
      i++;
      expect = open === '{' ? 'member' : 'value';
      continue;
    }
    if (expect === 'member') {
      if (!string()) return i;
      ws();
      if (text[i] !== ':') return i;
      i++;
      ws();
    }
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      ws();
      if (text[i] === (c === '{' ? '}' : ']')) {
        i++;
        expect = 'after';
        continue;
      }
      stack.push(c);
      expect = c === '{' ? 'member' : 'value';
      continue;
    }
    if (!scalar()) return i;
    expect = 'after';
  }
}
