import type { CellBlock } from './cells.js';

/** Excel on the web rejects a request over 5 MB; we keep every request at or under 4 MB. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** Room left in each request for the JSON envelope, the addresses and the other queued commands. */
export const REQUEST_OVERHEAD_BYTES = 64 * 1024;

const encoder = new TextEncoder();

/** UTF-8 bytes of a value as JSON: what it adds to a request's payload. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** Half-open row range [start, end) of a block. */
export interface RowChunk {
  start: number;
  end: number;
  bytes: number;
}

/**
 * Splits a block's rows into consecutive chunks whose payload stays within `maxBytes`.
 * `rowBytes(i)` is what row i adds (its values, plus any per-row number formats).
 * A single row larger than the limit is an error: it could never be sent.
 */
export function chunkRowsByPayload(rowCount: number, rowBytes: (row: number) => number, maxBytes: number): RowChunk[] {
  const chunks: RowChunk[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rowCount; i++) {
    const size = rowBytes(i);
    if (size > maxBytes) {
      throw new Error(`row ${i + 1} alone is ${size} bytes, more than the ${maxBytes}-byte limit of one Excel request; shorten its text`);
    }
    if (bytes + size > maxBytes && i > start) {
      chunks.push({ start, end: i, bytes });
      start = i;
      bytes = 0;
    }
    bytes += size;
  }
  if (rowCount > start) chunks.push({ start, end: rowCount, bytes });
  return chunks;
}

/** Chunks a block by the payload of its rows (each row as JSON, plus one separator byte). */
export function chunkBlock(block: CellBlock, maxBytes: number, extraBytesPerRow = 0): RowChunk[] {
  return chunkRowsByPayload(block.length, (i) => jsonBytes(block[i]) + 1 + extraBytesPerRow, maxBytes);
}
