/**
 * The arrays the row loop (costRows.ts) reads must have one shape (V8 "map": elements kind) from one
 * costing to the next, or its optimised code, compiled on the warm-up's arrays, is thrown away at
 * the first array of another shape and compiled again (docs/ARCHITECTURE.md, "Warm-up"). The usual
 * ways of building an array do not give one shape: `Array.prototype.map` returns a packed array
 * when the interpreter runs it and a holey one when it is inlined into optimised code (V8's
 * JSCallReducer::ReduceArrayMap), so one line made packed arrays in a costing's first plans and
 * holey ones once it was hot; and an array literal starts with the elements kind its allocation
 * site has learnt, so a list of small integers is "small integers" or "objects" depending on what
 * that line built before. These build the loop's arrays as packed arrays of any values, whatever
 * they hold and wherever they run.
 */

const SHAPE = {};

/** An empty packed array of any values (elements kind PACKED_ELEMENTS, V8's most general packed kind). */
function emptyPacked<T>(): T[] {
  const out: unknown[] = [];
  out.push(SHAPE);
  out.pop();
  return out as T[];
}

/** `items.map(fn)`, of the one shape. */
export function packedMap<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out = emptyPacked<U>();
  for (let i = 0; i < items.length; i++) out.push(fn(items[i]!, i));
  return out;
}

/** A copy of `items` of the one shape. */
export function packed<T>(items: readonly T[]): T[] {
  return packedMap(items, (item) => item);
}

/**
 * An empty array already of the kind of elements it will hold (objects, with holes: the caches of
 * costRows.ts are indexed by sparse ids). An array made by `[]` changes its shape at its first such
 * element, so the row loop would meet each new costing's arrays with the first shape.
 */
export function holeyArray<T>(): (T | undefined)[] {
  const array: (T | undefined)[] = [];
  array[1] = undefined;
  array.length = 0;
  return array;
}
