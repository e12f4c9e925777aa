/**
 * A minimal XML reader for the manifest test (elements, attributes, text; comments, the XML
 * declaration skipped). Enough for a well-formed manifest, and it fails loudly on anything else.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3;
    } else if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i);
      if (end < 0) throw new Error('unterminated declaration');
      i = end + 2;
    } else if (source.startsWith('</', i)) {
      const end = source.indexOf('>', i);
      const name = source.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`closing </${name}> does not match <${open?.name}>`);
      i = end + 1;
    } else if (source[i] === '<') {
      const end = source.indexOf('>', i);
      if (end < 0) throw new Error('unterminated tag');
      let body = source.slice(i + 1, end);
      const selfClosing = body.endsWith('/');
      if (selfClosing) body = body.slice(0, -1);
      const nameMatch = /^([\w:.-]+)/.exec(body);
      if (!nameMatch) throw new Error(`bad tag at ${i}: ${body.slice(0, 40)}`);
      const element: XmlElement = { name: nameMatch[1]!, attributes: {}, children: [], text: '' };
      const attrs = body.slice(nameMatch[1]!.length);
      const attrPattern = /\s*([\w:.-]+)\s*=\s*"([^"]*)"/gy;
      let m: RegExpExecArray | null;
      let consumed = 0;
      while ((m = attrPattern.exec(attrs))) {
        if (m[1]! in element.attributes) throw new Error(`duplicate attribute ${m[1]} on <${element.name}>`);
        element.attributes[m[1]!] = decode(m[2]!);
        consumed = attrPattern.lastIndex;
      }
      if (attrs.slice(consumed).trim() !== '') throw new Error(`cannot read the attributes of <${element.name}>: ${attrs.slice(consumed)}`);
      stack.at(-1)!.children.push(element);
      if (!selfClosing) stack.push(element);
      i = end + 1;
    } else {
      const next = source.indexOf('<', i);
      const text = source.slice(i, next < 0 ? source.length : next);
      stack.at(-1)!.text += decode(text).trim();
      i = next < 0 ? source.length : next;
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (root.children.length !== 1) throw new Error('a document needs exactly one root element');
  return root.children[0]!;
}

/** Every element of the tree, depth first. */
export function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(allElements)];
}

export function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0]!;
}
