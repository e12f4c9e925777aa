/**
 * The one deterministic pseudo-random sequence behind every generated scenario — the demo city,
 * the examples (scripts/generate-examples.ts) and the benchmark's synthetic units — so each is the
 * same on every run and machine. An LCG in [0, 1): statistical quality is not the point.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The ISO date `days` after `base`. */
export function isoDaysAfter(base: string, days: number): string {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
