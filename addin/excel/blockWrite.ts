import { officeText } from '../../shared/workbook/textSafety.js';
import { blockWidth, toExcelCell, type CellBlock, type CellPosition, type CellValue } from './cells.js';
import { suspendCalculationUntilNextSync, suspendScreenUpdatingOnce } from './calculation.js';
import { describeOfficeError } from './officeError.js';
import { chunkBlock, chunkRowsByPayload, jsonBytes, MAX_REQUEST_BYTES, REQUEST_OVERHEAD_BYTES } from './payload.js';

export interface BlockWriteOptions {
  /**
   * `values` (default) writes constants: text that Excel would take for a formula ("=…", "+…", "-…",
   * "@…") is written as text. `formulas` writes strings that start with "=" as formulas, as given.
   */
  mode?: 'values' | 'formulas';
  /** A number format per column of the block (`undefined` leaves a column's format alone; "@" keeps text as text, written as is). */
  columnFormats?: readonly (string | undefined)[];
  /** A number format per cell, the block's shape (null is "General"); used instead of `columnFormats`. */
  cellFormats?: readonly (readonly (string | null)[])[];
  /** Largest request, in bytes; default 4 MB (Excel on the web rejects requests over 5 MB). */
  maxRequestBytes?: number;
  /** Called after each chunk is in the workbook. */
  onProgress?: (rowsWritten: number, totalRows: number) => void;
}

/**
 * A constant cell for `range.values`: text always stays text. A Text-formatted ("@") cell takes
 * input literally, so its text goes as is — an apostrophe there would stay visible; elsewhere text
 * Excel could take for a formula gets the apostrophe Excel hides.
 */
function toExcelText(value: CellValue, format: string | undefined): string | number | boolean {
  if (typeof value !== 'string') return toExcelCell(value);
  return format === '@' ? value : officeText(value);
}

export interface BlockWriteReport {
  rows: number;
  columns: number;
  /** One request (one `context.sync()`) per chunk. */
  chunks: number;
  /** Bytes of cell data in the largest request. */
  largestRequestBytes: number;
}

/**
 * Writes a 2-D block into a sheet starting at `at`, in row chunks that each fit in one request,
 * with exactly one `context.sync()` per chunk. Number formats go before the values in the same
 * request, so a text column ("@") keeps "2026-07-01" as text. Each request suspends Excel's
 * calculation until its sync; screen updating is suspended once, for the first request.
 */
export async function writeBlock(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  at: CellPosition,
  block: CellBlock,
  options: BlockWriteOptions = {},
): Promise<BlockWriteReport> {
  const columns = blockWidth(block, 'the block to write');
  const formats = options.columnFormats ?? [];
  if (formats.length > columns) throw new Error(`${formats.length} column formats were given for a block ${columns} columns wide`);
  const cellFormats = options.cellFormats;
  if (cellFormats && (cellFormats.length !== block.length || cellFormats.some((row) => row.length !== columns))) {
    throw new Error(`the number formats are not the same shape as the block (${block.length}×${columns})`);
  }
  const formatBytesPerRow = formats.reduce((sum, f) => sum + (f === undefined ? 0 : jsonBytes([f]) + 1), 0);
  const limit = (options.maxRequestBytes ?? MAX_REQUEST_BYTES) - REQUEST_OVERHEAD_BYTES;
  if (limit <= 0) throw new Error(`the request limit must be larger than ${REQUEST_OVERHEAD_BYTES} bytes`);
  if (block.length === 0 || columns === 0) return { rows: 0, columns, chunks: 0, largestRequestBytes: 0 };
  const chunks = cellFormats
    ? chunkRowsByPayload(block.length, (i) => jsonBytes(block[i]) + jsonBytes(cellFormats[i]) + 2, limit)
    : chunkBlock(block, limit, formatBytesPerRow);
  let written = 0;
  for (const chunk of chunks) {
    const rowCount = chunk.end - chunk.start;
    const top = at.row + chunk.start;
    try {
      suspendCalculationUntilNextSync(context);
      if (chunk.start === 0) suspendScreenUpdatingOnce(context);
      if (cellFormats) {
        const chunkFormats = cellFormats.slice(chunk.start, chunk.end);
        if (chunkFormats.some((row) => row.some((format) => format !== null))) {
          sheet.getRangeByIndexes(top, at.column, rowCount, columns).numberFormat = chunkFormats.map((row) => row.map((format) => format ?? 'General'));
        }
      } else {
        formats.forEach((format, c) => {
          if (format === undefined) return;
          sheet.getRangeByIndexes(top, at.column + c, rowCount, 1).numberFormat = Array.from({ length: rowCount }, () => [format]);
        });
      }
      const range = sheet.getRangeByIndexes(top, at.column, rowCount, columns);
      const cells = block
        .slice(chunk.start, chunk.end)
        .map((row) => row.map((value, c) => (options.mode === 'formulas' ? toExcelCell(value) : toExcelText(value, formats[c]))));
      if (options.mode === 'formulas') range.formulas = cells;
      else range.values = cells;
      await context.sync();
    } catch (error) {
      throw describeOfficeError(error, `write rows ${chunk.start + 1}–${chunk.end} of ${block.length}`);
    }
    written += rowCount;
    options.onProgress?.(written, block.length);
  }
  return { rows: block.length, columns, chunks: chunks.length, largestRequestBytes: Math.max(...chunks.map((c) => c.bytes)) };
}
