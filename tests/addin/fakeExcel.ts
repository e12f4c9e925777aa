/**
 * A small fake Excel request context for the add-in's I/O tests. It records every request (the
 * commands queued between two `context.sync()` calls) with its payload bytes — the JSON of the
 * cell values, formulas and number formats it carries — and rejects a request over Excel on the
 * web's 5 MB cap, as Excel does. Properties read back at once (no load bookkeeping): the
 * office-addin-mock tests cover load/sync discipline.
 */
import { blockAddress, parseCellAddress } from '../../addin/excel/a1.js';

const encoder = new TextEncoder();
const bytesOf = (value: unknown) => encoder.encode(JSON.stringify(value)).length;

export const EXCEL_WEB_REQUEST_LIMIT = 5 * 1024 * 1024;

export interface FakeRequest {
  bytes: number;
  ops: string[];
}

type Cell = string | number | boolean;

class FakeFormat {
  font: Record<string, unknown> = {};
  fill: Record<string, unknown> = {};
  columnWidth?: number;
  constructor(
    private readonly excel: FakeExcel,
    private readonly address: string,
  ) {}
  borders = {
    getItem: (edge: string) => ({
      set style(_v: string) {
        /* accepted, not recorded */
      },
      edge,
    }),
  };
  autofitColumns(): void {
    this.excel.op(`autofit ${this.address}`);
  }
}

export class FakeRange {
  readonly format: FakeFormat;
  constructor(
    private readonly excel: FakeExcel,
    readonly sheet: FakeSheet,
    readonly rowIndex: number,
    readonly columnIndex: number,
    readonly rowCount: number,
    readonly columnCount: number,
  ) {
    this.format = new FakeFormat(excel, this.address);
  }
  get address(): string {
    return blockAddress({ row: this.rowIndex, column: this.columnIndex }, this.rowCount, this.columnCount);
  }
  load(): this {
    return this;
  }
  private put(kind: 'values' | 'formulas', block: Cell[][]): void {
    if (block.length !== this.rowCount || block.some((r) => r.length !== this.columnCount)) {
      throw Object.assign(new Error(`The number of rows or columns in the input array doesn't match the size or dimensions of the range.`), {
        code: 'InvalidArgument',
      });
    }
    this.excel.op(`${kind} ${this.sheet.name}!${this.address}`, bytesOf(block));
    block.forEach((row, r) => row.forEach((v, c) => this.sheet.cells.set(`${this.rowIndex + r},${this.columnIndex + c}`, v)));
  }
  set values(block: Cell[][]) {
    this.put('values', block);
  }
  get values(): Cell[][] {
    return Array.from({ length: this.rowCount }, (_, r) =>
      Array.from({ length: this.columnCount }, (_, c) => this.sheet.cells.get(`${this.rowIndex + r},${this.columnIndex + c}`) ?? ''),
    );
  }
  set formulas(block: Cell[][]) {
    this.put('formulas', block);
  }
  set numberFormat(block: string[][]) {
    this.excel.op(`numberFormat ${this.sheet.name}!${this.address}`, bytesOf(block));
    block.forEach((row, r) => row.forEach((f, c) => this.sheet.formats.set(`${this.rowIndex + r},${this.columnIndex + c}`, f)));
  }
  clear(): void {
    this.excel.op(`clear ${this.sheet.name}!${this.address}`);
  }
  select(): void {
    this.excel.op(`select ${this.sheet.name}!${this.address}`);
    this.excel.selected = `${this.sheet.name}!${this.address}`;
  }
  getEntireColumn(): this {
    return this;
  }
}

export class FakeTable {
  name = '';
  style = '';
  isNullObject = false;
  constructor(
    private readonly excel: FakeExcel,
    readonly worksheet: FakeSheet,
    readonly range: FakeRange,
  ) {}
  load(): this {
    return this;
  }
  getRange(): FakeRange {
    return this.range;
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.excel, this.worksheet, this.range.rowIndex, this.range.columnIndex, 1, this.range.columnCount);
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.excel, this.worksheet, this.range.rowIndex + 1, this.range.columnIndex, this.range.rowCount - 1, this.range.columnCount);
  }
  convertToRange(): FakeRange {
    this.excel.op(`convertToRange ${this.name}`);
    this.excel.tables.delete(this.name);
    return this.range;
  }
}

export class FakeSheet {
  readonly cells = new Map<string, Cell>();
  readonly formats = new Map<string, string>();
  isNullObject = false;
  readonly tables;
  readonly charts;
  readonly freezePanes;
  readonly protection = {
    protected: false,
    load: () => undefined,
    protect: () => {
      this.protection.protected = true;
    },
  };
  constructor(
    private readonly excel: FakeExcel,
    readonly name: string,
  ) {
    const self = this;
    this.tables = {
      load: () => undefined,
      get items(): FakeTable[] {
        return [...excel.tables.values()].filter((t) => t.worksheet === self);
      },
      add: (address: string, hasHeaders: boolean) => {
        const [from, to] = address.split(':');
        const a = parseCellAddress(from!);
        const b = parseCellAddress(to ?? from!);
        const table = new FakeTable(excel, this, new FakeRange(excel, this, a.row, a.column, b.row - a.row + 1, b.column - a.column + 1));
        excel.op(`tables.add ${this.name}!${address} headers=${hasHeaders}`);
        excel.pendingTables.push(table);
        return table;
      },
    };
    this.charts = {
      items: [] as { name: string; delete(): void }[],
      load: () => undefined,
      getItemOrNullObject: () => ({ isNullObject: true, load: () => undefined, delete: () => undefined }),
      add: (type: string, range: FakeRange, seriesBy: string) => {
        excel.op(`charts.add ${type} ${range.address} ${seriesBy}`);
        const chart = {
          name: '',
          title: { text: '' },
          legend: { position: '' },
          axes: { valueAxis: { numberFormat: '' } },
          setPosition: (a: string, b: string) => excel.op(`chart.setPosition ${a}:${b}`),
        };
        excel.charts.push({ sheet: this.name, type, source: range.address, seriesBy, chart });
        return chart;
      },
    };
    this.freezePanes = { unfreeze: () => undefined, freezeAt: () => undefined, freezeRows: () => undefined, freezeColumns: () => undefined };
  }
  load(): this {
    return this;
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    return new FakeRange(this.excel, this, row, column, rows, columns);
  }
  getRange(address?: string): FakeRange {
    if (!address) return new FakeRange(this.excel, this, 0, 0, 1048576, 16384);
    const [from, to] = address.split(':');
    const a = parseCellAddress(from!);
    const b = parseCellAddress(to ?? from!);
    return new FakeRange(this.excel, this, a.row, a.column, b.row - a.row + 1, b.column - a.column + 1);
  }
  activate(): void {
    this.excel.op(`activate ${this.name}`);
  }
}

export class FakeExcel {
  readonly requests: FakeRequest[] = [];
  current: FakeRequest = { bytes: 0, ops: [] };
  readonly sheets = new Map<string, FakeSheet>();
  readonly tables = new Map<string, FakeTable>();
  pendingTables: FakeTable[] = [];
  calculationMode = 'Automatic';
  selected = '';
  readonly settings = new Map<string, unknown>();
  readonly names = new Map<string, { reference: string; comment: string }>();
  readonly charts: { sheet: string; type: string; source: string; seriesBy: string; chart: { name: string; title: { text: string } } }[] = [];
  /** Make a sync fail: return an error to reject the request with (its commands are not applied). */
  failSync: ((request: FakeRequest, index: number) => unknown) | undefined;

  op(name: string, bytes = 0): void {
    this.current.ops.push(name);
    this.current.bytes += bytes;
  }

  get syncs(): number {
    return this.requests.length;
  }

  /** All ops of all requests, in order, with the index of the request they went in. */
  get log(): { request: number; op: string }[] {
    return this.requests.flatMap((r, i) => r.ops.map((op) => ({ request: i, op })));
  }

  readonly context = this.makeContext();

  private makeContext() {
    const excel = this;
    const application = {
      get calculationMode() {
        return excel.calculationMode;
      },
      set calculationMode(mode: string) {
        excel.op(`calculationMode=${mode}`);
        excel.calculationMode = mode;
      },
      load: () => undefined,
      suspendApiCalculationUntilNextSync: () => excel.op('suspendApiCalculation'),
      suspendScreenUpdatingUntilNextSync: () => excel.op('suspendScreenUpdating'),
      calculate: (type: string) => excel.op(`calculate ${type}`),
    };
    const nullObject = () => ({ isNullObject: true, load: () => undefined });
    const workbook = {
      application,
      worksheets: {
        getItemOrNullObject: (name: string) => excel.sheets.get(name) ?? nullObject(),
        getItem: (name: string) => {
          const sheet = excel.sheets.get(name);
          if (!sheet) throw Object.assign(new Error(`The requested resource doesn't exist.`), { code: 'ItemNotFound' });
          return sheet;
        },
        add: (name: string) => {
          excel.op(`worksheets.add ${name}`);
          const sheet = new FakeSheet(excel, name);
          excel.sheets.set(name, sheet);
          return sheet;
        },
      },
      tables: {
        getItemOrNullObject: (name: string) =>
          excel.tables.get(name) ?? { ...nullObject(), getHeaderRowRange: () => ({}), getDataBodyRange: () => ({}), worksheet: {} },
      },
      settings: {
        add: (key: string, value: unknown) => {
          excel.op(`settings.add ${key}`, bytesOf(value));
          excel.settings.set(key, value);
        },
        getItemOrNullObject: (key: string) =>
          excel.settings.has(key) ? { isNullObject: false, value: excel.settings.get(key), load: () => undefined } : nullObject(),
      },
      names: {
        add: (name: string, reference: string, comment: string) => {
          excel.op(`names.add ${name} ${reference}`);
          excel.names.set(name, { reference, comment });
        },
        getItemOrNullObject: (name: string) =>
          excel.names.has(name)
            ? {
                isNullObject: false,
                load: () => undefined,
                delete: () => {
                  excel.op(`names.delete ${name}`);
                  excel.names.delete(name);
                },
              }
            : nullObject(),
      },
    };
    return {
      workbook,
      application,
      sync: async () => {
        const request = excel.current;
        excel.current = { bytes: 0, ops: [] };
        const index = excel.requests.length;
        excel.requests.push(request);
        if (request.bytes > EXCEL_WEB_REQUEST_LIMIT) {
          throw Object.assign(new Error('The request payload size has exceeded the limit.'), { code: 'RequestPayloadSizeLimitExceeded' });
        }
        const failure = excel.failSync?.(request, index);
        if (failure) throw failure;
        for (const t of excel.pendingTables) excel.tables.set(t.name, t);
        excel.pendingTables = [];
      },
    } as unknown as Excel.RequestContext;
  }

  /** Adds a sheet as if the workbook already had it (no request). */
  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(this, name);
    this.sheets.set(name, sheet);
    return sheet;
  }
}
