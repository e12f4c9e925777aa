import { blockAddress, parseCellAddress } from './a1.js';
import { blockWidth, type CellBlock, type CellPosition, type CellValue } from './cells.js';
import { writeBlock, type BlockWriteOptions, type BlockWriteReport } from './blockWrite.js';
import { checkSheetName } from './sheets.js';
import { describeOfficeError, excelStep } from './officeError.js';
import { READ_CELLS_PER_REQUEST, readInRowChunks } from './rowChunks.js';

export interface TableSpec {
  sheetName: string;
  tableName: string;
  /** Top-left cell of the header row, "A1" by default. */
  at?: string;
  header: readonly string[];
  rows: CellBlock;
  /** A number format per column ("@" text, "0.00", "yyyy-mm-dd", "#,##0.00"…). */
  columnFormats?: readonly (string | undefined)[];
  /** Excel table style, "TableStyleMedium2" by default. */
  style?: string;
  /** Fit the column widths to the contents after writing (default true). */
  autofit?: boolean;
  maxRequestBytes?: number;
  onProgress?: BlockWriteOptions['onProgress'];
}

export interface TableWriteReport extends BlockWriteReport {
  sheetName: string;
  tableName: string;
  /** The table's address including its header row, e.g. "A3:F120". */
  address: string;
}

const tableNamePattern = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;

/**
 * Writes a table: the header and rows as chunked 2-D blocks (one sync per chunk, each suspending
 * calculation until its sync), THEN creates the Excel table over them. A table of the same name
 * anywhere in the workbook is first turned back into a plain range and cleared, so pulling a
 * schedule again refreshes it in place. The sheet is added when missing.
 * Syncs: 1 (look up the sheet and table) + one per chunk + 1 (create the table).
 */
export async function writeTable(context: Excel.RequestContext, spec: TableSpec): Promise<TableWriteReport> {
  checkSheetName(spec.sheetName);
  if (!tableNamePattern.test(spec.tableName) || /^[A-Za-z]{1,3}\d+$/.test(spec.tableName)) {
    throw new Error(`"${spec.tableName}" cannot be a table name: use letters, digits, _ and ., starting with a letter, and not a cell address`);
  }
  if (spec.header.length === 0) throw new Error(`table ${spec.tableName} needs at least one column`);
  const block: CellBlock = [[...spec.header], ...spec.rows];
  const width = blockWidth(block, `table ${spec.tableName}`);
  const at: CellPosition = parseCellAddress(spec.at ?? 'A1');
  const address = blockAddress(at, block.length, width);
  const sheet = await excelStep(`prepare ${spec.sheetName} for the table ${spec.tableName}`, async () => {
    const existingSheet = context.workbook.worksheets.getItemOrNullObject(spec.sheetName);
    const existingTable = context.workbook.tables.getItemOrNullObject(spec.tableName);
    existingSheet.load('isNullObject');
    existingTable.load('isNullObject');
    await context.sync();
    if (!existingTable.isNullObject) existingTable.convertToRange().clear('All');
    return existingSheet.isNullObject ? context.workbook.worksheets.add(spec.sheetName) : existingSheet;
  });
  const report = await writeBlock(context, sheet, at, block, {
    mode: 'values',
    ...(spec.columnFormats ? { columnFormats: spec.columnFormats } : {}),
    ...(spec.maxRequestBytes !== undefined ? { maxRequestBytes: spec.maxRequestBytes } : {}),
    ...(spec.onProgress ? { onProgress: (done: number, total: number) => spec.onProgress?.(Math.max(0, done - 1), total - 1) } : {}),
  });
  await excelStep(`create the table ${spec.tableName} over ${address}`, async () => {
    const table = sheet.tables.add(address, true);
    table.name = spec.tableName;
    table.style = spec.style ?? 'TableStyleMedium2';
    if (spec.autofit !== false) table.getRange().format.autofitColumns();
    await context.sync();
  });
  return { ...report, rows: spec.rows.length, sheetName: spec.sheetName, tableName: spec.tableName, address };
}

export interface TableContents {
  sheetName: string;
  /** Including the header row. */
  address: string;
  header: string[];
  rows: CellValue[][];
}

/**
 * Reads a table's header and data rows as values (numbers as numbers, dates as Excel serials,
 * text as text), in row chunks that fit in one response. Syncs: 2 + one per chunk.
 * A missing table is an error that names it.
 */
export async function readTable(context: Excel.RequestContext, tableName: string, cellsPerRequest = READ_CELLS_PER_REQUEST): Promise<TableContents> {
  const table = context.workbook.tables.getItemOrNullObject(tableName);
  const headerRange = table.getHeaderRowRange();
  const body = table.getDataBodyRange();
  const worksheet = table.worksheet;
  try {
    table.load('isNullObject');
    await context.sync();
  } catch (error) {
    throw describeOfficeError(error, `find the table ${tableName}`);
  }
  if (table.isNullObject)
    throw new Error(`This workbook has no table named ${tableName}. Start a costing workbook from the pane, or rename your table to ${tableName}.`);
  return excelStep(`read the table ${tableName}`, async () => {
    headerRange.load('values,address');
    body.load('rowIndex,columnIndex,rowCount,columnCount');
    worksheet.load('name');
    await context.sync();
    const header = (headerRange.values[0] ?? []).map((v) => String(v));
    const columns = body.columnCount;
    const rows = await readInRowChunks(body.rowCount, columns, cellsPerRequest, async (start, count) => {
      const chunk = worksheet.getRangeByIndexes(body.rowIndex + start, body.columnIndex, count, columns);
      chunk.load('values');
      await context.sync();
      return chunk.values as CellValue[][];
    });
    const address = blockAddress({ row: body.rowIndex - 1, column: body.columnIndex }, body.rowCount + 1, columns);
    return { sheetName: worksheet.name, address, header, rows: dropEmptyTrailingRow(rows) };
  });
}

/** A table with no data rows still has one (empty) body row in Excel; it is not data. */
function dropEmptyTrailingRow(rows: CellValue[][]): CellValue[][] {
  if (rows.length === 1 && rows[0]!.every((v) => v === '' || v === null)) return [];
  return rows;
}
