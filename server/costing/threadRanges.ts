import { rowRanges } from '../../shared/engine/costRowRange.js';

/**
 * The row ranges a roster of `rows` rows is costed in on up to `threads` threads, each with
 * `minRowsPerThread` rows or more (one range at least): the calling thread costs the first, a
 * worker each other one. The workers compute theirs from the row count alone, to prepare them.
 */
export function threadRanges(rows: number, threads: number, minRowsPerThread: number): [number, number][] {
  return rowRanges(rows, Math.min(threads, Math.max(1, Math.floor(rows / minRowsPerThread))));
}
