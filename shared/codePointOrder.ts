/**
 * The order of fund and department codes in a costing (COSTING.md §7, "sorted by code point"):
 * the engine's keys, the JSON writer (resultJson.ts) and the report views all use this one. It
 * compares by Unicode code point, not by UTF-16 unit as the default sort does.
 */
export function byCodePoint(a: string, b: string): number {
  // Spreading a string yields code points, which is exactly the order §7 asks for.
  // eslint-disable-next-line @typescript-eslint/no-misused-spread
  const x = [...a];
  // eslint-disable-next-line @typescript-eslint/no-misused-spread
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
