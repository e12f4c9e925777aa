import type { SheetValues } from '../../shared/workbook/grid.js';
import { READ_CELLS_PER_REQUEST } from './tables.js';
import { excelStep } from './officeError.js';

/**
 * Reads whole sheets as `shared/workbook/` readers take them: values and number formats, row 0
 * being Excel row 1 and column 0 column A (the used range is padded from A1). Sheets the workbook
 * lacks are left out of the answer. Syncs: 1 (find sheets and used ranges) + one per chunk of
 * `cellsPerRequest` cells, so a 10,000-row roster stays under Excel on the web's response cap.
 */
export async function readSheetValues(
  context: Excel.RequestContext,
  names: readonly string[],
  cellsPerRequest = READ_CELLS_PER_REQUEST,
): Promise<SheetValues[]> {
  const found = await excelStep(`find the sheets ${names.join(', ')}`, async () => {
    const probes = names.map((name) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load('isNullObject');
      return { name, sheet };
    });
    await context.sync();
    const present = probes.filter((p) => !p.sheet.isNullObject);
    const used = present.map((p) => {
      const range = p.sheet.getUsedRangeOrNullObject();
      range.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
      return { ...p, range };
    });
    await context.sync();
    return used;
  });
  const out: SheetValues[] = [];
  for (const { name, sheet, range } of found) {
    if (range.isNullObject) {
      out.push({ name, cells: [], formats: [] });
      continue;
    }
    const cells: unknown[][] = [];
    const formats: (string | null)[][] = [];
    const top = range.rowIndex;
    const left = range.columnIndex;
    const width = range.columnCount;
    const pad = <T>(row: T[], fill: T): T[] => [...Array.from({ length: left }, () => fill), ...row];
    for (let r = 0; r < top; r++) {
      cells.push([]);
      formats.push([]);
    }
    const perChunk = Math.max(1, Math.floor(cellsPerRequest / Math.max(1, width)));
    for (let start = 0; start < range.rowCount; start += perChunk) {
      const count = Math.min(perChunk, range.rowCount - start);
      await excelStep(`read rows ${top + start + 1}–${top + start + count} of "${name}"`, async () => {
        const chunk = sheet.getRangeByIndexes(top + start, left, count, width);
        chunk.load('values,numberFormat');
        await context.sync();
        const values = chunk.values as unknown[][];
        const numberFormats = chunk.numberFormat as unknown[][];
        values.forEach((row, i) => {
          cells.push(pad(row, null));
          formats.push(
            pad(
              (numberFormats[i] ?? []).map((f) => (typeof f === 'string' ? f : null)),
              null,
            ),
          );
        });
      });
    }
    out.push({ name, cells, formats });
  }
  return out;
}
