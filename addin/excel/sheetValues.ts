import type { SheetValues } from '../../shared/workbook/grid.js';
import { READ_CELLS_PER_REQUEST, readInRowChunks } from './rowChunks.js';
import { excelStep } from './officeError.js';

/**
 * Reads whole sheets as `shared/workbook/` readers take them: values and number formats, row 0
 * being Excel row 1 and column 0 column A (the used range is padded from A1). Sheets the workbook
 * lacks are left out of the answer. Syncs: 1 (find sheets and used ranges) + one per chunk of
 * `cellsPerRequest` cells, so a 10,000-row roster stays under Excel on the web's response cap
 * (smaller chunks where long text passes it: rowChunks.ts).
 *
 * The used range is of values only (`getUsedRangeOrNullObject(true)`). Excel's own "is the smallest
 * range that encompasses any cells that have a value or formatting assigned to them"
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrangeornullobject-member(1)),
 * so a column formatted as Text or a filled banner would add empty rows and columns, and a sheet
 * that holds formatting only would not read as empty.
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
      const range = p.sheet.getUsedRangeOrNullObject(true);
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
    const chunks = await readInRowChunks(range.rowCount, width, cellsPerRequest, (start, count) =>
      excelStep(`read rows ${top + start + 1}–${top + start + count} of "${name}"`, async () => {
        const chunk = sheet.getRangeByIndexes(top + start, left, count, width);
        chunk.load('values,numberFormat');
        await context.sync();
        const numberFormats = chunk.numberFormat as unknown[][];
        return (chunk.values as unknown[][]).map((row, i) => ({
          values: pad(row, null),
          formats: pad(
            (numberFormats[i] ?? []).map((f) => (typeof f === 'string' ? f : null)),
            null,
          ),
        }));
      }),
    );
    for (const row of chunks) {
      cells.push(row.values);
      formats.push(row.formats);
    }
    out.push({ name, cells, formats });
  }
  return out;
}
