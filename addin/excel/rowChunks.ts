/**
 * Cells read per request to start with: at the ~40 bytes a short cell takes this stays well under
 * Excel on the web's 5 MB response cap ("Excel on the web has a payload size limit for requests and
 * responses of 5MB. RichAPI.Error will be thrown if that limit is exceeded",
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 */
export const READ_CELLS_PER_REQUEST = 50_000;

/**
 * Reads `rowCount` rows of `columns` cells in chunks of at most `cellsPerRequest` cells, one request
 * each, in order. Cells of long text can make a chunk's response pass the cap: Excel then refuses
 * it with ResponsePayloadSizeLimitExceeded, and that chunk and the rest are read in halves, down to
 * one row a request (Microsoft's advice for large reads: "split the range into multiple smaller
 * ranges", https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices).
 */
export async function readInRowChunks<Row>(
  rowCount: number,
  columns: number,
  cellsPerRequest: number,
  readRows: (start: number, count: number) => Promise<Row[]>,
): Promise<Row[]> {
  const rows: Row[] = [];
  let perChunk = Math.max(1, Math.floor(cellsPerRequest / Math.max(1, columns)));
  for (let start = 0; start < rowCount;) {
    const count = Math.min(perChunk, rowCount - start);
    try {
      rows.push(...(await readRows(start, count)));
      start += count;
    } catch (error) {
      if (count === 1 || !tooLargeToRead(error)) throw error;
      perChunk = Math.ceil(count / 2);
    }
  }
  return rows;
}

function tooLargeToRead(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ResponsePayloadSizeLimitExceeded';
}
