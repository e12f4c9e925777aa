/** What one worksheet cell holds when the add-in writes or reads it. `null` is written as an empty cell. */
export type CellValue = string | number | boolean | null;

/** A 2-D block of cells, row-major; every row has the same length. */
export type CellBlock = CellValue[][];

/** Zero-based position of a block's top-left cell. */
export interface CellPosition {
  row: number;
  column: number;
}

/** Excel wants "" rather than null to clear a cell (null means "leave unchanged"). */
export function toExcelCell(value: CellValue): string | number | boolean {
  return value === null ? '' : value;
}

/** Checks the block is rectangular and returns its column count (0 for an empty block). */
export function blockWidth(block: CellBlock, what: string): number {
  const width = block[0]?.length ?? 0;
  block.forEach((row, i) => {
    if (row.length !== width) {
      throw new Error(`${what}: row ${i + 1} has ${row.length} cells but the first row has ${width}; every row must be the same width`);
    }
  });
  return width;
}
