/** Small dense integer ids for content keys, so hot caches can key on numbers and arrays. */
export class KeyIds {
  private readonly ids = new Map<string, number>();

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }

  get size(): number {
    return this.ids.size;
  }
}

type Part = string | number | boolean;

/**
 * Small dense integer ids for tuples of up to four primitive parts (each position always of one
 * type), found through a map per part instead of a key string built per lookup: the costing
 * context takes several ids per roster row, and at 100,000 rows building their strings was a
 * good part of its time.
 */
export class TupleIds {
  private readonly root = new Map<Part, Map<Part, Map<Part, Map<Part, number>>>>();
  private count = 0;

  id(a: Part, b: Part, c: Part = 0, d: Part = 0): number {
    let byB = this.root.get(a);
    if (byB === undefined) this.root.set(a, (byB = new Map<Part, Map<Part, Map<Part, number>>>()));
    let byC = byB.get(b);
    if (byC === undefined) byB.set(b, (byC = new Map<Part, Map<Part, number>>()));
    let byD = byC.get(c);
    if (byD === undefined) byC.set(c, (byD = new Map<Part, number>()));
    let id = byD.get(d);
    if (id === undefined) byD.set(d, (id = this.count++));
    return id;
  }
}
