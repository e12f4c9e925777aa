/**
 * csvRows(text) → rows of string cells (RFC 4180: quoted fields, doubled quotes, CRLF or LF,
 * a leading BOM). Comma-separated, or semicolon-separated when the first line has semicolons and
 * no commas (European Excel exports). Throws `CsvFormatError` for an unterminated quote or a
 * file beyond the limits.
 */
export class CsvFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

export interface CsvLimits {
  maxRows: number;
  maxColumns: number;
}

export const DEFAULT_CSV_LIMITS: CsvLimits = { maxRows: 200_000, maxColumns: 500 };

export function csvRows(text: string, limits: CsvLimits = DEFAULT_CSV_LIMITS): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = input.slice(0, input.search(/\r?\n|$/));
  const separator = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  const endRow = () => {
    row.push(field);
    field = '';
    if (row.length > limits.maxColumns) throw new CsvFormatError(`line ${line} has ${row.length} fields (limit ${limits.maxColumns})`);
    rows.push(row);
    row = [];
    if (rows.length > limits.maxRows) throw new CsvFormatError(`the file has more than ${limits.maxRows} rows`);
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRow();
      line++;
    } else field += ch;
  }
  if (quoted) throw new CsvFormatError(`a quoted field that starts on line ${quoteLine} never ends`);
  if (field !== '' || row.length) endRow();
  return rows;
}
