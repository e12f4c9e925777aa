/*
 * An in-memory Excel for the browser tests, injected before any page script runs.
 *
 * It implements the part of the Excel JavaScript API the add-in uses (addin/excel/): worksheets,
 * ranges (values, formulas, number formats, formats), tables, charts, protection, freeze panes,
 * selection, workbook names and settings, the application's calculation mode, and `context.sync()`.
 *
 * It is strict where Excel is, so that code which only the double accepts fails a test:
 * - Commands are queued and run at `context.sync()`, in order. The first one that fails rejects the
 *   sync and the commands after it are not run (earlier ones stay done): "If there was an error,
 *   [traceMessages] contains all trace messages that were executed before the error occurred"
 *   (https://learn.microsoft.com/javascript/api/office/officeextension.error).
 * - `load()` loads only the properties named ("values,numberFormat", ["name"], "items/name", or
 *   every scalar property when called with nothing); reading any other property throws
 *   PropertyNotLoaded, as does reading one before the sync that loads it
 *   (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load).
 *   `isNullObject` of a *OrNullObject result is readable after a sync without a load
 *   (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
 * - Cells formatted as Text ("@") keep what is written literally, apostrophe and "=" included:
 *   "the cell is displayed exactly as entered" (Text number format,
 *   https://support.microsoft.com/office/format-numbers-as-text-583160db-…). Elsewhere a leading
 *   apostrophe makes the rest text and is not shown.
 * - Cell-edit mode (`startCellEdit()`): a batch fails with InvalidOperationInCellEditMode unless
 *   the run asked `delayForCellEdit`, in which case it waits until editing ends
 *   (https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
 * - `Office.context.requirements.isSetSupported(name, version)` answers from a configurable set
 *   (`supportSets({ExcelApi: '1.7'})`), as an older Excel would
 *   (https://learn.microsoft.com/office/dev/add-ins/develop/specify-api-requirements-runtime).
 * Each sync's request and response are measured (their JSON in UTF-8 bytes); one over 5 MB fails
 * with RequestPayloadSizeLimitExceeded or ResponsePayloadSizeLimitExceeded, as Excel on the web
 * does. The used range counts formatted cells unless asked for values only, as Excel's does. The
 * grid is Excel's, A1 to XFD1048576: an address or index past it is refused (InvalidArgument). A
 * protected sheet refuses formatting its protection options do not allow (AccessDenied), and a
 * table name Excel would refuse is refused (see parseCell, ensureFormattable, tableNameProblem).
 * A command on a sheet deleted earlier in the same batch fails with ItemNotFound (ensureAlive).
 * Values typed into General cells are converted the way Excel converts them
 * (numbers, ISO dates to serials, TRUE/FALSE). Formulas are evaluated (SUM, ROUND, IF, + - * /,
 * comparisons), so totals read back as Excel would show them.
 *
 * It also takes over Office.onReady (office.js itself is the real one, routed from the npm package)
 * so the page believes it runs in Excel, and exposes `window.__excelDouble` for the test: the
 * model, counters, `paste`, `cell`, `failNextSync`, `startCellEdit`/`endCellEdit`, `supportSets`.
 * In Node (the add-in's unit tests) it runs on a plain object standing in for `window`.
 */
(() => {
  'use strict';
  const MAX_REQUEST_BYTES = 5 * 1024 * 1024;
  const MAX_ROWS = 1048576;
  const MAX_COLUMNS = 16384;

  const utf8 = new TextEncoder();
  function utf8Bytes(value) {
    return utf8.encode(JSON.stringify(value)).length;
  }

  class OfficeError extends Error {
    constructor(code, message, location) {
      super(message);
      this.name = 'RichApi.Error';
      this.code = code;
      this.debugInfo = { code, message, errorLocation: location || '' };
    }
  }

  // ── addresses ──────────────────────────────────────────────────────────────────────────────
  function columnLetters(index) {
    let n = index + 1;
    let out = '';
    while (n > 0) {
      const r = (n - 1) % 26;
      out = String.fromCharCode(65 + r) + out;
      n = Math.floor((n - 1) / 26);
    }
    return out;
  }
  function columnIndex(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }
  /**
   * A cell of the grid: 1,048,576 rows by 16,384 columns, A1 to XFD1048576 ("Excel specifications
   * and limits", https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3);
   * "A0" or "XFE1" is no cell, and Excel refuses the address (InvalidArgument).
   */
  function parseCell(text) {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
    if (!m) return null;
    const cell = { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
    return inGrid(cell.r, cell.c) ? cell : null;
  }
  function inGrid(r, c) {
    return Number.isInteger(r) && Number.isInteger(c) && r >= 0 && c >= 0 && r < MAX_ROWS && c < MAX_COLUMNS;
  }
  /** An area wholly on the grid (getRangeByIndexes, getCell, getResizedRange past the edge are refused). */
  function areaInGrid(area) {
    return area.rows >= 1 && area.cols >= 1 && inGrid(area.r0, area.c0) && inGrid(area.r0 + area.rows - 1, area.c0 + area.cols - 1);
  }
  /** "A1", "A1:C3", "A:A", "3:3", optionally "Sheet!…", to {r0, c0, rows, cols}. */
  function parseAddress(address) {
    const text = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
    const [a, b] = text.split(':');
    const one = parseCell(a);
    if (one) {
      const two = b === undefined ? one : parseCell(b);
      if (!two) throw new OfficeError('InvalidArgument', `The argument is invalid or missing: address "${address}"`);
      const r0 = Math.min(one.r, two.r);
      const c0 = Math.min(one.c, two.c);
      return { r0, c0, rows: Math.abs(two.r - one.r) + 1, cols: Math.abs(two.c - one.c) + 1 };
    }
    const col = /^\$?([A-Za-z]{1,3})$/;
    if (col.test(a) && col.test(b || a)) {
      const c0 = columnIndex(a.replace('$', ''));
      const c1 = columnIndex((b || a).replace('$', ''));
      if (c0 < MAX_COLUMNS && c1 < MAX_COLUMNS) return { r0: 0, c0: Math.min(c0, c1), rows: MAX_ROWS, cols: Math.abs(c1 - c0) + 1 };
    }
    throw new OfficeError('InvalidArgument', `The argument is invalid or missing: address "${address}"`);
  }
  function formatAddress(area) {
    const start = `${columnLetters(area.c0)}${area.r0 + 1}`;
    const end = `${columnLetters(area.c0 + area.cols - 1)}${area.r0 + area.rows}`;
    return start === end ? start : `${start}:${end}`;
  }
  function quoteSheet(name) {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  }
  function overlaps(a, b) {
    return a.r0 < b.r0 + b.rows && b.r0 < a.r0 + a.rows && a.c0 < b.c0 + b.cols && b.c0 < a.c0 + a.cols;
  }
  function inside(r, c, area) {
    return r >= area.r0 && r < area.r0 + area.rows && c >= area.c0 && c < area.c0 + area.cols;
  }

  // ── the workbook model ─────────────────────────────────────────────────────────────────────
  const model = {
    sheets: [],
    tables: [],
    names: new Map(),
    settings: new Map(),
    activeSheet: null,
    selection: null,
    calculationMode: 'Automatic',
    stats: {
      syncs: 0,
      runs: 0,
      largestRequestBytes: 0,
      suspendedCalculation: 0,
      suspendedScreen: 0,
      fullCalculations: 0,
      calculationModeChanges: 0,
      /** Syncs that wrote cells without suspendApiCalculationUntilNextSync in the same request. */
      writesWithoutSuspendedCalculation: 0,
      /** Syncs refused because the user was editing a cell. */
      refusedInCellEdit: 0,
      /** Syncs that waited for the user to finish editing (delayForCellEdit). */
      delayedForCellEdit: 0,
      /** range.calculate() calls, by address. */
      rangeCalculations: [],
    },
    failNext: [],
    editing: false,
    editWaiters: [],
    supported: { ExcelApi: '1.17', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.4', IdentityAPI: '1.3', NestedAppAuth: '1.1' },
  };

  function makeSheet(name) {
    return { name, cells: new Map(), charts: [], protected: false, freeze: null, columnWidths: {}, styles: new Map(), visible: true, print: newPrint() };
  }
  function newSheet(name) {
    const sheet = makeSheet(name);
    model.sheets.push(sheet);
    if (!model.activeSheet) model.activeSheet = name;
    return sheet;
  }
  newSheet('Sheet1');

  function versionAtLeast(have, want) {
    const a = String(have).split('.').map(Number);
    const b = String(want || '1.1')
      .split('.')
      .map(Number);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const x = a[i] || 0;
      const y = b[i] || 0;
      if (x !== y) return x > y;
    }
    return true;
  }
  function isSetSupported(name, version) {
    const have = model.supported[name];
    return have !== undefined && have !== null && versionAtLeast(have, version);
  }

  function findSheet(name) {
    const lower = name.toLowerCase();
    return model.sheets.find((s) => s.name.toLowerCase() === lower) || null;
  }
  function findTable(name) {
    const lower = name.toLowerCase();
    return model.tables.find((t) => t.name.toLowerCase() === lower) || null;
  }
  const key = (r, c) => `${r},${c}`;

  function cellOf(sheet, r, c) {
    return sheet.cells.get(key(r, c)) || null;
  }
  function ensureCell(sheet, r, c) {
    let cell = sheet.cells.get(key(r, c));
    if (!cell) {
      cell = { value: '', formula: null, numberFormat: 'General' };
      sheet.cells.set(key(r, c), cell);
    }
    return cell;
  }

  // Excel's conversion of what is typed (or sent in `values`) into a General cell.
  const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
  function isoToSerial(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return null;
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    const back = new Date(ms).toISOString().slice(0, 10);
    if (back !== text) return null;
    return Math.round((ms - EXCEL_EPOCH) / 86400000);
  }
  function storeInput(cell, input, asFormula) {
    if (cell.numberFormat === '@' && typeof input === 'string') {
      // A Text cell takes what is typed literally: a leading apostrophe stays, "=…" is text.
      cell.value = input;
      cell.formula = null;
      return;
    }
    if (typeof input === 'string' && input.startsWith("'")) {
      cell.value = input.slice(1);
      cell.formula = null;
      return;
    }
    if (asFormula && typeof input === 'string' && input.startsWith('=') && input.length > 1) {
      cell.formula = input;
      cell.value = 0;
      return;
    }
    cell.formula = null;
    if (typeof input !== 'string' || cell.numberFormat === '@') {
      cell.value = input === null || input === undefined ? '' : input;
      return;
    }
    const text = input;
    if (text === '') cell.value = '';
    else if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text.trim())) cell.value = Number(text);
    else if (/^(true|false)$/i.test(text.trim())) cell.value = text.trim().toUpperCase() === 'TRUE';
    else if (isoToSerial(text.trim()) !== null) {
      cell.value = isoToSerial(text.trim());
      if (cell.numberFormat === 'General') cell.numberFormat = 'yyyy-mm-dd';
    } else cell.value = text;
  }

  // ── formulas ───────────────────────────────────────────────────────────────────────────────
  function tokenize(text) {
    const tokens = [];
    let i = 0;
    while (i < text.length) {
      const ch = text[i];
      if (ch === ' ') {
        i++;
        continue;
      }
      let m;
      const rest = text.slice(i);
      if ((m = /^\d+(\.\d+)?([eE][-+]?\d+)?/.exec(rest))) tokens.push({ t: 'num', v: Number(m[0]) });
      else if ((m = /^"((?:[^"]|"")*)"/.exec(rest))) tokens.push({ t: 'str', v: m[1].replace(/""/g, '"') });
      else if ((m = /^(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!/.exec(rest)))
        tokens.push({ t: 'sheet', v: m[0].slice(0, -1).replace(/^'|'$/g, '').replace(/''/g, "'") });
      else if ((m = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?/.exec(rest)) && !/^[A-Za-z]+\(/.test(rest)) tokens.push({ t: 'ref', v: m[0] });
      else if ((m = /^[A-Za-z][A-Za-z0-9.]*(?=\()/.exec(rest))) tokens.push({ t: 'fn', v: m[0].toUpperCase() });
      else if ((m = /^(<>|<=|>=|[-+*/^(),=<>&])/.exec(rest))) tokens.push({ t: 'op', v: m[0] });
      else throw new OfficeError('InvalidArgument', `The double cannot read the formula at "${rest}"`);
      i += m[0].length;
    }
    return tokens;
  }

  function evaluate(sheet, formula, depth) {
    if (depth > 200) return '#REF!';
    const tokens = tokenize(formula.slice(1));
    let p = 0;
    const peek = () => tokens[p];
    const take = () => tokens[p++];
    const num = (v) => (typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : v === '' ? 0 : Number(v));
    function refValues(sheetName, ref) {
      const target = sheetName ? findSheet(sheetName) : sheet;
      if (!target) return ['#REF!'];
      const area = parseAddress(ref.replace(/\$/g, ''));
      const out = [];
      for (let r = area.r0; r < area.r0 + area.rows; r++) for (let c = area.c0; c < area.c0 + area.cols; c++) out.push(cellValue(target, r, c, depth + 1));
      return out;
    }
    function primary() {
      const tok = take();
      if (!tok) throw new OfficeError('InvalidArgument', `formula ended early: ${formula}`);
      if (tok.t === 'num' || tok.t === 'str') return tok.v;
      if (tok.t === 'op' && tok.v === '-') return -num(power());
      if (tok.t === 'op' && tok.v === '+') return num(power());
      if (tok.t === 'op' && tok.v === '(') {
        const v = comparison();
        take();
        return v;
      }
      if (tok.t === 'sheet') {
        const ref = take();
        const values = refValues(tok.v, ref.v);
        return values.length === 1 ? values[0] : values;
      }
      if (tok.t === 'ref') {
        const values = refValues(null, tok.v);
        return values.length === 1 ? values[0] : values;
      }
      if (tok.t === 'fn') {
        take(); // (
        const args = [];
        if (!(peek() && peek().t === 'op' && peek().v === ')')) {
          for (;;) {
            args.push(comparison());
            const sep = take();
            if (sep.v === ')') break;
          }
        } else take();
        return call(tok.v, args);
      }
      throw new OfficeError('InvalidArgument', `unexpected ${tok.v} in ${formula}`);
    }
    function power() {
      return primary();
    }
    function term() {
      let v = power();
      while (peek() && peek().t === 'op' && (peek().v === '*' || peek().v === '/')) {
        const op = take().v;
        const w = power();
        v = op === '*' ? num(v) * num(w) : num(w) === 0 ? '#DIV/0!' : num(v) / num(w);
      }
      return v;
    }
    function additive() {
      let v = term();
      while (peek() && peek().t === 'op' && (peek().v === '+' || peek().v === '-' || peek().v === '&')) {
        const op = take().v;
        const w = term();
        v = op === '&' ? `${v}${w}` : op === '+' ? num(v) + num(w) : num(v) - num(w);
      }
      return v;
    }
    function comparison() {
      let v = additive();
      while (peek() && peek().t === 'op' && ['=', '<>', '<', '>', '<=', '>='].includes(peek().v)) {
        const op = take().v;
        const w = additive();
        const a = typeof v === 'string' && typeof w === 'string' ? v : num(v);
        const b = typeof v === 'string' && typeof w === 'string' ? w : num(w);
        v = op === '=' ? a === b : op === '<>' ? a !== b : op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
      }
      return v;
    }
    function call(name, args) {
      const flat = args.flatMap((a) => (Array.isArray(a) ? a : [a]));
      switch (name) {
        case 'SUM':
          return flat.reduce((s, v) => s + (typeof v === 'number' ? v : 0), 0);
        case 'ROUND': {
          const f = 10 ** num(args[1]);
          const x = num(args[0]);
          return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
        }
        case 'IF':
          return (typeof args[0] === 'boolean' ? args[0] : num(args[0]) !== 0) ? args[1] : args.length > 2 ? args[2] : false;
        case 'ABS':
          return Math.abs(num(args[0]));
        default:
          return '#NAME?';
      }
    }
    const value = comparison();
    return Array.isArray(value) ? value[0] : value;
  }

  function cellValue(sheet, r, c, depth = 0) {
    const cell = cellOf(sheet, r, c);
    if (!cell) return '';
    if (cell.formula) return evaluate(sheet, cell.formula, depth);
    return cell.value;
  }

  // ── request context, load and sync ─────────────────────────────────────────────────────────
  class Context {
    constructor(options) {
      /** The batch: commands run in order at the next sync. */
      this.queue = [];
      this.pendingBytes = 0;
      this.responseBytes = 0;
      this.writes = false;
      this.suspendedCalculation = false;
      this.delayForCellEdit = Boolean(options && options.delayForCellEdit);
      /** Sheets added in this batch, so later commands of the batch can name them. */
      this.addedSheets = [];
      this.workbook = new WorkbookProxy(this);
    }
    enqueue(command) {
      this.queue.push(command);
    }
    /** A command that fails when its turn comes, failing the batch from there on. */
    queueError(error) {
      this.queue.push(() => {
        throw error;
      });
    }
    write(command) {
      this.writes = true;
      this.queue.push(command);
    }
    /** A request's size as it travels: its JSON in UTF-8 bytes. */
    addBytes(value) {
      this.pendingBytes += utf8Bytes(value);
    }
    /** What a load sends back, measured the same way, against the same 5 MB cap (counted at the sync). */
    addResponseBytes(value) {
      this.responseBytes += utf8Bytes(value);
    }
    async sync() {
      model.stats.syncs++;
      const bytes = this.pendingBytes;
      this.responseBytes = 0;
      const commands = this.queue;
      const writes = this.writes;
      const suspended = this.suspendedCalculation;
      this.pendingBytes = 0;
      this.queue = [];
      this.writes = false;
      this.suspendedCalculation = false;
      this.addedSheets = [];
      model.stats.largestRequestBytes = Math.max(model.stats.largestRequestBytes, bytes);
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (model.failNext.length > 0) {
        const { code, message } = model.failNext.shift();
        throw new OfficeError(code, message);
      }
      if (model.editing && commands.length > 0) {
        if (!this.delayForCellEdit) {
          model.stats.refusedInCellEdit++;
          throw new OfficeError(
            'InvalidOperationInCellEditMode',
            'The operation is not available while Excel is in Edit cell mode. Exit Edit mode by using the ENTER or TAB keys, or by selecting another cell, and then try again.',
          );
        }
        model.stats.delayedForCellEdit++;
        await new Promise((resolve) => model.editWaiters.push(resolve));
      }
      if (bytes > MAX_REQUEST_BYTES)
        throw new OfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${bytes} bytes).`);
      if (writes && !suspended) model.stats.writesWithoutSuspendedCalculation++;
      for (const command of commands) command();
      // "Excel on the web has a payload size limit for requests and responses of 5MB. RichAPI.Error
      // will be thrown if that limit is exceeded"
      // (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
      if (this.responseBytes > MAX_REQUEST_BYTES)
        throw new OfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${this.responseBytes} bytes).`);
    }
  }

  /** "values, numberFormat", ["name"], "items/name", {select: "…"} → the top-level names; none → every scalar ("*"). */
  function loadNames(what) {
    if (what === undefined || what === null) return ['*'];
    let list;
    if (typeof what === 'string') list = what.split(',');
    else if (Array.isArray(what)) list = what;
    else if (typeof what === 'object' && typeof what.select === 'string') list = what.select.split(',');
    else if (typeof what === 'object' && Array.isArray(what.select)) list = what.select;
    else return ['*'];
    return list.map((name) => String(name).trim().split('/')[0]).filter((name) => name !== '');
  }

  class ClientObject {
    constructor(ctx) {
      this._ctx = ctx;
      this._loadedNames = null;
      this._synced = false;
      this.context = ctx;
      ctx.enqueue(() => {
        this._synced = true;
      });
    }
    load(what) {
      const names = loadNames(what);
      this._ctx.enqueue(() => {
        this._snapshot = {};
        this._loadedNames = new Set([...(this._loadedNames || []), ...names]);
        this._onLoad(names);
      });
      return this;
    }
    /** Called at the sync that loads: snapshot what may change later in the batch or after it. */
    _onLoad(_names) {}
    /** Office.js hands back what the sync loaded: the same array on every read until the next load. */
    _cached(property, compute) {
      if (!this._snapshot) this._snapshot = {};
      if (!(property in this._snapshot)) this._snapshot[property] = compute();
      return this._snapshot[property];
    }
    _need(property) {
      if (!this._loadedNames || !(this._loadedNames.has(property) || this._loadedNames.has('*'))) {
        throw new OfficeError(
          'PropertyNotLoaded',
          `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        );
      }
    }
    _needSynced(property) {
      if (!this._synced) this._need(property);
    }
    toJSON() {
      return {};
    }
  }

  function nullable(proxy, isNull) {
    proxy._isNull = isNull;
    return proxy;
  }

  class WorkbookProxy extends ClientObject {
    constructor(ctx) {
      super(ctx);
      this.worksheets = new WorksheetCollection(ctx);
      this.tables = new TableCollection(ctx, null);
      this.names = new NameCollection(ctx);
      this.settings = new SettingCollection(ctx);
      this.application = new ApplicationProxy(ctx);
    }
    getSelectedRange() {
      const sel = model.selection;
      const sheet = findSheet(sel ? sel.sheet : model.activeSheet);
      return new RangeProxy(this._ctx, sheet, sel ? parseAddress(sel.address) : { r0: 0, c0: 0, rows: 1, cols: 1 });
    }
  }

  class ApplicationProxy extends ClientObject {
    get calculationMode() {
      this._need('calculationMode');
      return model.calculationMode;
    }
    set calculationMode(mode) {
      if (!requireSet(this._ctx, '1.8', 'Application.calculationMode')) return;
      if (!['Automatic', 'AutomaticExceptTables', 'Manual'].includes(mode))
        this._ctx.queueError(new OfficeError('InvalidArgument', `calculation mode ${mode}`));
      else
        this._ctx.enqueue(() => {
          model.stats.calculationModeChanges++;
          model.calculationMode = mode;
        });
    }
    suspendApiCalculationUntilNextSync() {
      model.stats.suspendedCalculation++;
      this._ctx.suspendedCalculation = true;
    }
    suspendScreenUpdatingUntilNextSync() {
      if (!requireSet(this._ctx, '1.9', 'Application.suspendScreenUpdatingUntilNextSync')) return;
      model.stats.suspendedScreen++;
    }
    calculate(type) {
      this._ctx.enqueue(() => {
        if (type === 'Full' || type === 'FullRebuild') model.stats.fullCalculations++;
      });
    }
  }

  class WorksheetCollection extends ClientObject {
    getItem(name) {
      const sheet = findSheet(name) || this._ctx.addedSheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) || null;
      if (!sheet) this._ctx.queueError(new OfficeError('ItemNotFound', `The requested resource doesn't exist. (worksheet "${name}")`));
      return new WorksheetProxy(this._ctx, sheet);
    }
    getItemOrNullObject(name) {
      const sheet = findSheet(name);
      return nullable(new WorksheetProxy(this._ctx, sheet), !sheet);
    }
    getActiveWorksheet() {
      return new WorksheetProxy(this._ctx, findSheet(model.activeSheet));
    }
    add(name) {
      if (findSheet(name)) {
        this._ctx.queueError(new OfficeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`));
        return new WorksheetProxy(this._ctx, findSheet(name));
      }
      const sheet = makeSheet(name);
      this._ctx.addedSheets.push(sheet);
      this._ctx.enqueue(() => {
        if (findSheet(name)) throw new OfficeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
        model.sheets.push(sheet);
      });
      return new WorksheetProxy(this._ctx, sheet);
    }
    get items() {
      this._need('items');
      return model.sheets.map((s) => new WorksheetProxy(this._ctx, s));
    }
  }

  class WorksheetProxy extends ClientObject {
    constructor(ctx, sheet) {
      super(ctx);
      this._sheet = sheet;
      this._isNull = false;
      this.tables = new TableCollection(ctx, sheet);
      this.charts = new ChartCollection(ctx, sheet);
      this.protection = new ProtectionProxy(ctx, sheet);
      this.freezePanes = new FreezePanesProxy(ctx, sheet);
      this.pageLayout = new PageLayoutProxy(ctx, sheet);
      this.horizontalPageBreaks = new PageBreakCollection(ctx, sheet);
    }
    get isNullObject() {
      this._needSynced('isNullObject');
      return this._isNull;
    }
    get name() {
      this._need('name');
      this._present();
      return this._sheet.name;
    }
    _present() {
      if (!this._sheet) throw new OfficeError('InvalidObjectPath', 'The object path is not working for this null object.');
    }
    getRange(address) {
      if (!this._sheet) return new RangeProxy(this._ctx, null, { r0: 0, c0: 0, rows: 1, cols: 1 });
      if (address === undefined) return new RangeProxy(this._ctx, this._sheet, { r0: 0, c0: 0, rows: MAX_ROWS, cols: MAX_COLUMNS });
      try {
        return new RangeProxy(this._ctx, this._sheet, parseAddress(address));
      } catch (error) {
        this._ctx.queueError(error);
        return new RangeProxy(this._ctx, this._sheet, { r0: 0, c0: 0, rows: 1, cols: 1 });
      }
    }
    getRangeByIndexes(r0, c0, rows, cols) {
      if (!areaInGrid({ r0, c0, rows, cols }))
        this._ctx.queueError(
          new OfficeError(
            'InvalidArgument',
            `The argument is invalid or missing or has an incorrect format (getRangeByIndexes(${r0}, ${c0}, ${rows}, ${cols})).`,
          ),
        );
      return new RangeProxy(this._ctx, this._sheet, { r0, c0, rows, cols });
    }
    /**
     * "The used range is the smallest range that encompasses any cells that have a value or
     * formatting assigned to them. If the entire worksheet is blank, this function will return a
     * null object"; `valuesOnly` "considers only cells with values as used cells (ignores formatting)"
     * (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrangeornullobject-member(1)).
     * Formatting here: a number format other than General, or a font, fill or border.
     */
    getUsedRangeOrNullObject(valuesOnly = false) {
      const sheet = this._sheet;
      let r0 = Infinity;
      let c0 = Infinity;
      let r1 = -1;
      let c1 = -1;
      const use = (k) => {
        const [r, c] = k.split(',').map(Number);
        r0 = Math.min(r0, r);
        c0 = Math.min(c0, c);
        r1 = Math.max(r1, r);
        c1 = Math.max(c1, c);
      };
      if (sheet) {
        for (const [k, cell] of sheet.cells) {
          if (cell.value !== '' || cell.formula || (!valuesOnly && cell.numberFormat !== 'General')) use(k);
        }
        if (!valuesOnly) for (const k of sheet.styles.keys()) use(k);
      }
      if (r1 < 0) return nullable(new RangeProxy(this._ctx, sheet, { r0: 0, c0: 0, rows: 1, cols: 1 }), true);
      return new RangeProxy(this._ctx, sheet, { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 });
    }
    getUsedRange(valuesOnly = false) {
      const used = this.getUsedRangeOrNullObject(valuesOnly);
      return used._isNull ? new RangeProxy(this._ctx, this._sheet, { r0: 0, c0: 0, rows: 1, cols: 1 }) : used;
    }
    activate() {
      const sheet = this._sheet;
      if (sheet) this._ctx.enqueue(() => (model.activeSheet = sheet.name));
    }
    delete() {
      const sheet = this._sheet;
      if (!sheet) return;
      this._ctx.enqueue(() => {
        model.sheets = model.sheets.filter((s) => s !== sheet);
        model.tables = model.tables.filter((t) => t.sheet !== sheet);
      });
    }
    set name(value) {
      this._present();
      const sheet = this._sheet;
      this._ctx.enqueue(() => (sheet.name = value));
    }
    set visibility(value) {
      const sheet = this._sheet;
      if (sheet) this._ctx.enqueue(() => (sheet.visible = value === 'Visible'));
    }
  }

  class ProtectionProxy extends ClientObject {
    constructor(ctx, sheet) {
      super(ctx);
      this._sheet = sheet;
    }
    get protected() {
      this._need('protected');
      return this._sheet.protected;
    }
    protect(options) {
      const sheet = this._sheet;
      this._ctx.enqueue(() => {
        if (sheet.protected) throw new OfficeError('InvalidOperation', 'The sheet is already protected.');
        sheet.protected = true;
        sheet.protectionOptions = options || {};
      });
    }
    unprotect() {
      const sheet = this._sheet;
      this._ctx.enqueue(() => (sheet.protected = false));
    }
  }

  /** A sheet's print settings as Excel starts them: portrait, 100%, no print titles, headers, footers or breaks. */
  function newPrint() {
    return { orientation: 'Portrait', zoom: { scale: 100 }, titleRows: null, headers: {}, pageBreaks: [] };
  }

  /**
   * Print settings (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.pagelayout):
   * orientation "Portrait" or "Landscape" (Excel.PageOrientation); zoom either a scale of 10 to 400 or
   * pages to fit across and down, whole numbers — 0 for "as many as needed", the OOXML
   * `fitToHeight="0"` Excel writes for "fit all columns on one page" (PageLayoutZoomOptions,
   * https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions); print title rows as
   * whole rows ("$1:$3"); the six header and footer sections of every page (Excel.HeaderFooter).
   * On an Excel older than 1.9 each fails its batch with ApiNotFound.
   */
  class PageLayoutProxy extends ClientObject {
    constructor(ctx, sheet) {
      super(ctx);
      this._sheet = sheet;
      const section = (name) => (value) => this._set(`headersFooters.defaultForAllPages.${name}`, () => (this._sheet.print.headers[name] = String(value)));
      const sections = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'];
      this.headersFooters = { defaultForAllPages: accessor(Object.fromEntries(sections.map((name) => [name, section(name)]))) };
    }
    _set(member, store) {
      if (!this._sheet || !requireSet(this._ctx, '1.9', `pageLayout.${member}`)) return;
      this._ctx.enqueue(store);
    }
    set orientation(value) {
      if (value !== 'Portrait' && value !== 'Landscape') {
        this._ctx.queueError(new OfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (orientation "${value}").`));
        return;
      }
      this._set('orientation', () => (this._sheet.print.orientation = value));
    }
    set zoom(options) {
      const whole = (v) => v === undefined || v === null || (Number.isInteger(v) && v >= 0);
      const valid =
        options !== null &&
        typeof options === 'object' &&
        Object.keys(options).every((k) => ['scale', 'horizontalFitToPages', 'verticalFitToPages'].includes(k)) &&
        (options.scale === undefined || options.scale === null || (typeof options.scale === 'number' && options.scale >= 10 && options.scale <= 400)) &&
        whole(options.horizontalFitToPages) &&
        whole(options.verticalFitToPages);
      if (!valid) {
        this._ctx.queueError(
          new OfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (zoom ${JSON.stringify(options)}).`),
        );
        return;
      }
      this._set('zoom', () => (this._sheet.print.zoom = { ...options }));
    }
    setPrintTitleRows(rows) {
      const match = /^\$?(\d+):\$?(\d+)$/.exec(String(rows));
      if (!match || Number(match[1]) < 1 || Number(match[2]) < Number(match[1]) || Number(match[2]) > MAX_ROWS) {
        this._ctx.queueError(new OfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (print title rows "${rows}").`));
        return;
      }
      this._set('setPrintTitleRows', () => (this._sheet.print.titleRows = `$${match[1]}:$${match[2]}`));
    }
  }

  /** Manual page breaks (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection). */
  class PageBreakCollection extends ClientObject {
    constructor(ctx, sheet) {
      super(ctx);
      this._sheet = sheet;
    }
    add(range) {
      const sheet = this._sheet;
      if (!sheet || !requireSet(this._ctx, '1.9', 'horizontalPageBreaks.add')) return;
      let at;
      try {
        at = typeof range === 'string' ? parseAddress(range) : range._area;
      } catch (error) {
        this._ctx.queueError(error);
        return;
      }
      this._ctx.enqueue(() => sheet.print.pageBreaks.push(at.r0 + 1));
    }
    removePageBreaks() {
      const sheet = this._sheet;
      if (!sheet || !requireSet(this._ctx, '1.9', 'horizontalPageBreaks.removePageBreaks')) return;
      this._ctx.enqueue(() => (sheet.print.pageBreaks = []));
    }
  }

  class FreezePanesProxy extends ClientObject {
    constructor(ctx, sheet) {
      super(ctx);
      this._sheet = sheet;
    }
    unfreeze() {
      const sheet = this._sheet;
      this._ctx.enqueue(() => (sheet.freeze = null));
    }
    freezeRows(n) {
      const sheet = this._sheet;
      this._ctx.enqueue(() => (sheet.freeze = { rows: n, columns: 0 }));
    }
    freezeColumns(n) {
      const sheet = this._sheet;
      this._ctx.enqueue(() => (sheet.freeze = { rows: 0, columns: n }));
    }
    freezeAt(range) {
      const sheet = this._sheet;
      this._ctx.enqueue(() => (sheet.freeze = { rows: range._area.rows, columns: range._area.cols }));
    }
  }

  /** A member of a newer ExcelApi than the double's configured one fails its batch with ApiNotFound, as an older Excel does. */
  function requireSet(ctx, version, member) {
    if (isSetSupported('ExcelApi', version)) return true;
    ctx.queueError(
      new OfficeError(
        'ApiNotFound',
        `The API you are trying to use could not be found (${member} needs ExcelApi ${version}; this Excel has ${model.supported.ExcelApi}).`,
      ),
    );
    return false;
  }

  /** Checked when the command runs (the sheet may be protected earlier in the same batch). */
  /**
   * A sheet deleted earlier in the batch is gone when a later command of it runs: Excel resolves
   * the command's objects when the batch runs, in order, and fails it with ItemNotFound
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#delete-a-worksheet).
   * The double finds a sheet when the command is queued, so it checks here that it still exists.
   */
  function ensureAlive(sheet) {
    if (sheet && !model.sheets.includes(sheet))
      throw new OfficeError('ItemNotFound', `The requested resource doesn't exist. (worksheet "${sheet.name}" was deleted)`);
  }
  function ensureWritable(sheet, what) {
    ensureAlive(sheet);
    if (sheet && sheet.protected) {
      throw new OfficeError('AccessDenied', `You cannot perform the requested operation (${what} on the protected sheet "${sheet.name}").`);
    }
  }
  /**
   * Formatting a protected sheet is refused unless its protection allows it: `allowFormatCells`
   * (fonts, fills, borders, number formats), `allowFormatColumns` (widths, autofit) or
   * `allowFormatRows` (heights) — Excel.WorksheetProtectionOptions,
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions.
   */
  function ensureFormattable(sheet, allowed, what) {
    ensureAlive(sheet);
    if (sheet && sheet.protected && !(sheet.protectionOptions && sheet.protectionOptions[allowed])) {
      throw new OfficeError(
        'AccessDenied',
        `You cannot perform the requested operation (${what} on the protected sheet "${sheet.name}", which does not allow it).`,
      );
    }
  }

  class RangeProxy extends ClientObject {
    constructor(ctx, sheet, area) {
      super(ctx);
      this._sheet = sheet;
      this._area = area;
      this._isNull = false;
      this.format = new RangeFormatProxy(ctx, this);
    }
    get isNullObject() {
      this._needSynced('isNullObject');
      return this._isNull;
    }
    _grid(read) {
      this._present();
      const { r0, c0, rows, cols } = this._area;
      if (rows * cols > 5_000_000) throw new OfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
      const out = [];
      for (let r = r0; r < r0 + rows; r++) {
        const row = [];
        for (let c = c0; c < c0 + cols; c++) row.push(read(r, c));
        out.push(row);
      }
      return out;
    }
    _present() {
      if (!this._sheet || this._isNull) throw new OfficeError('InvalidObjectPath', 'The object path is not working for this null object.');
    }
    _write(grid, property, store) {
      if (!this._sheet) return;
      const { r0, c0, rows, cols } = this._area;
      if (!Array.isArray(grid) || grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols)) {
        const shape = Array.isArray(grid) ? `${grid.length}×${grid[0] ? grid[0].length : 0}` : typeof grid;
        this._ctx.queueError(
          new OfficeError(
            'InvalidArgument',
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}: ${shape} for ${rows}×${cols}).`,
          ),
        );
        return;
      }
      this._ctx.addBytes(grid);
      const sheet = this._sheet;
      this._ctx.write(() => {
        ensureWritable(sheet, `set ${property}`);
        grid.forEach((row, i) => row.forEach((v, j) => store(ensureCell(sheet, r0 + i, c0 + j), v)));
      });
    }
    _onLoad(names) {
      const all = names.includes('*');
      if (all && this._area.rows * this._area.cols > 100000) return;
      for (const property of ['values', 'formulas', 'numberFormat', 'text']) {
        if (all || names.includes(property)) this._ctx.addResponseBytes(this._cached(property, () => this[`_${property}Grid`]()));
      }
    }
    _valuesGrid() {
      return this._grid((r, c) => cellValue(this._sheet, r, c));
    }
    _formulasGrid() {
      return this._grid((r, c) => {
        const cell = cellOf(this._sheet, r, c);
        return cell ? cell.formula || cell.value : '';
      });
    }
    _numberFormatGrid() {
      return this._grid((r, c) => {
        const cell = cellOf(this._sheet, r, c);
        return cell ? cell.numberFormat : 'General';
      });
    }
    _textGrid() {
      return this._grid((r, c) => String(cellValue(this._sheet, r, c)));
    }
    get values() {
      this._need('values');
      return this._cached('values', () => this._valuesGrid());
    }
    set values(grid) {
      this._write(grid, 'values', (cell, v) => storeInput(cell, v, false));
    }
    get formulas() {
      this._need('formulas');
      return this._cached('formulas', () => this._formulasGrid());
    }
    set formulas(grid) {
      this._write(grid, 'formulas', (cell, v) => storeInput(cell, v, true));
    }
    get numberFormat() {
      this._need('numberFormat');
      return this._cached('numberFormat', () => this._numberFormatGrid());
    }
    set numberFormat(grid) {
      this._write(grid, 'numberFormat', (cell, v) => {
        cell.numberFormat = v;
      });
    }
    get text() {
      this._need('text');
      return this._cached('text', () => this._textGrid());
    }
    get address() {
      this._need('address');
      this._present();
      return `${quoteSheet(this._sheet.name)}!${formatAddress(this._area)}`;
    }
    get rowIndex() {
      this._need('rowIndex');
      return this._area.r0;
    }
    get columnIndex() {
      this._need('columnIndex');
      return this._area.c0;
    }
    get rowCount() {
      this._need('rowCount');
      return this._area.rows;
    }
    get columnCount() {
      this._need('columnCount');
      return this._area.cols;
    }
    get worksheet() {
      return new WorksheetProxy(this._ctx, this._sheet);
    }
    clear() {
      const sheet = this._sheet;
      const area = this._area;
      if (!sheet) return;
      this._ctx.write(() => {
        ensureWritable(sheet, 'clear');
        for (const k of [...sheet.cells.keys()]) {
          const [r, c] = k.split(',').map(Number);
          if (inside(r, c, area)) sheet.cells.delete(k);
        }
        for (const k of [...sheet.styles.keys()]) {
          const [r, c] = k.split(',').map(Number);
          if (inside(r, c, area)) sheet.styles.delete(k);
        }
      });
    }
    select() {
      this._present();
      const sheet = this._sheet;
      const area = this._area;
      this._ctx.enqueue(() => {
        model.activeSheet = sheet.name;
        model.selection = { sheet: sheet.name, address: formatAddress(area) };
      });
    }
    calculate() {
      const sheet = this._sheet;
      const area = this._area;
      this._ctx.enqueue(() => model.stats.rangeCalculations.push(`${sheet.name}!${formatAddress(area)}`));
    }
    getEntireColumn() {
      return new RangeProxy(this._ctx, this._sheet, { r0: 0, c0: this._area.c0, rows: MAX_ROWS, cols: this._area.cols });
    }
    getEntireRow() {
      return new RangeProxy(this._ctx, this._sheet, { r0: this._area.r0, c0: 0, rows: this._area.rows, cols: MAX_COLUMNS });
    }
    getCell(r, c) {
      return this._onGrid('getCell', { r0: this._area.r0 + r, c0: this._area.c0 + c, rows: 1, cols: 1 });
    }
    getResizedRange(dr, dc) {
      return this._onGrid('getResizedRange', { ...this._area, rows: this._area.rows + dr, cols: this._area.cols + dc });
    }
    _onGrid(what, area) {
      if (!areaInGrid(area))
        this._ctx.queueError(
          new OfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (${what} past the grid's edge).`),
        );
      return new RangeProxy(this._ctx, this._sheet, area);
    }
  }

  class RangeFormatProxy extends ClientObject {
    constructor(ctx, range) {
      super(ctx);
      this._range = range;
      const style = (prop) => (value) => this._style(prop, value);
      this.font = accessor({ bold: style('bold'), italic: style('italic'), size: style('size'), color: style('fontColor'), name: style('fontName') });
      this.fill = accessor({ color: style('fill') });
      this.borders = { getItem: () => accessor({ style: style('border'), color: style('borderColor'), weight: style('borderWeight') }) };
    }
    _style(prop, value) {
      const range = this._range;
      const sheet = range._sheet;
      if (!sheet) return;
      const { r0, c0, rows, cols } = range._area;
      if (rows * cols > 100000) {
        // Whole-column formats are not stored, but a protected sheet refuses them all the same.
        this._ctx.enqueue(() => ensureFormattable(sheet, 'allowFormatCells', `format ${prop}`));
        return;
      }
      this._ctx.enqueue(() => {
        ensureFormattable(sheet, 'allowFormatCells', `format ${prop}`);
        for (let r = r0; r < r0 + rows; r++) {
          for (let c = c0; c < c0 + cols; c++) {
            const k = key(r, c);
            sheet.styles.set(k, { ...(sheet.styles.get(k) || {}), [prop]: value });
          }
        }
      });
    }
    /** In points, as Excel takes it (https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-columnwidth-member). */
    set columnWidth(points) {
      const range = this._range;
      const sheet = range._sheet;
      if (!sheet) return;
      const { c0, cols } = range._area;
      this._ctx.enqueue(() => {
        ensureFormattable(sheet, 'allowFormatColumns', 'set the column width');
        for (let c = c0; c < c0 + cols; c++) sheet.columnWidths[c] = points;
      });
    }
    set rowHeight(_points) {
      this._protectedFormat('allowFormatRows', 'set the row height');
    }
    set horizontalAlignment(_value) {
      this._protectedFormat('allowFormatCells', 'set the alignment');
    }
    set wrapText(_value) {
      this._protectedFormat('allowFormatCells', 'set text wrapping');
    }
    autofitColumns() {
      this._protectedFormat('allowFormatColumns', 'autofit columns');
    }
    autofitRows() {
      this._protectedFormat('allowFormatRows', 'autofit rows');
    }
    /** A format the double does not store, refused on a protected sheet all the same. */
    _protectedFormat(allowed, what) {
      const sheet = this._range._sheet;
      if (sheet) this._ctx.enqueue(() => ensureFormattable(sheet, allowed, what));
    }
  }

  function accessor(setters) {
    const target = {};
    for (const [name, set] of Object.entries(setters)) Object.defineProperty(target, name, { set, get: () => undefined, enumerable: true });
    return target;
  }

  // ── tables ─────────────────────────────────────────────────────────────────────────────────
  let tableCounter = 0;
  /**
   * Why Excel refuses a table name, or null: "Use a letter, an underscore (_), or a backslash (\\)
   * as the first character… letters, numbers, periods, and underscore characters for the rest";
   * no spaces; not a cell reference such as "Z$100" or "R1C1"; at most 255 characters ("Rename an
   * Excel table", https://support.microsoft.com/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114).
   * Names are unique regardless of case (findTable compares them so).
   */
  function tableNameProblem(name) {
    if (typeof name !== 'string' || name.length === 0) return 'empty';
    if (name.length > 255) return 'longer than 255 characters';
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) return 'starts with a letter, underscore or backslash, then letters, numbers, periods and underscores only';
    const a1 = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(name);
    if ((a1 && columnIndex(a1[1]) < MAX_COLUMNS && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROWS) || /^[Rr]\d*[Cc]?\d*$/.test(name) || /^[Cc]\d*$/.test(name))
      return 'a cell reference';
    return null;
  }
  class TableCollection extends ClientObject {
    constructor(ctx, sheet) {
      super(ctx);
      this._sheet = sheet;
    }
    getItem(name) {
      const table = findTable(name);
      if (!table) this._ctx.queueError(new OfficeError('ItemNotFound', `The requested resource doesn't exist. (table "${name}")`));
      return new TableProxy(this._ctx, table);
    }
    getItemOrNullObject(name) {
      const table = findTable(name);
      return nullable(new TableProxy(this._ctx, table), !table);
    }
    add(address, hasHeaders) {
      let sheet = this._sheet;
      let text = typeof address === 'string' ? address : null;
      let area;
      if (typeof address !== 'string') {
        sheet = address._sheet;
        area = address._area;
      } else {
        if (text.includes('!')) sheet = findSheet(text.slice(0, text.lastIndexOf('!')).replace(/^'|'$/g, '').replace(/''/g, "'"));
        area = parseAddress(text);
      }
      const table = { name: `Table${++tableCounter}`, sheet, area: { ...area }, hasHeaders: hasHeaders !== false, style: 'TableStyleMedium2' };
      if (!sheet) {
        this._ctx.queueError(new OfficeError('ItemNotFound', 'The worksheet for the table does not exist.'));
        return new TableProxy(this._ctx, null);
      }
      if (table.area.rows === 1) table.area.rows = 2; // Excel keeps one (empty) data row
      this._ctx.enqueue(() => {
        ensureWritable(sheet, 'add a table');
        if (model.tables.some((t) => t.sheet === sheet && overlaps(t.area, table.area)))
          throw new OfficeError('InvalidOperation', "A table can't overlap another table.");
        model.tables.push(table);
      });
      return new TableProxy(this._ctx, table);
    }
    get items() {
      this._need('items');
      return model.tables.filter((t) => !this._sheet || t.sheet === this._sheet).map((t) => new TableProxy(this._ctx, t));
    }
    get count() {
      this._need('count');
      return this.items.length;
    }
  }

  class TableProxy extends ClientObject {
    constructor(ctx, table) {
      super(ctx);
      this._table = table;
      this._isNull = false;
    }
    get isNullObject() {
      this._needSynced('isNullObject');
      return this._isNull;
    }
    _present() {
      if (!this._table) throw new OfficeError('InvalidObjectPath', 'The object path is not working for this null object.');
    }
    get name() {
      this._need('name');
      this._present();
      return this._table.name;
    }
    set name(value) {
      const table = this._table;
      if (!table) return;
      this._ctx.enqueue(() => {
        const problem = tableNameProblem(value);
        if (problem)
          throw new OfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (table name "${value}": ${problem}).`);
        const other = findTable(value);
        if (other && other !== table) throw new OfficeError('ItemAlreadyExists', `A table named "${value}" already exists.`);
        table.name = value;
      });
    }
    set style(value) {
      const table = this._table;
      if (table) this._ctx.enqueue(() => (table.style = value));
    }
    set showTotals(_value) {}
    get worksheet() {
      return new WorksheetProxy(this._ctx, this._table ? this._table.sheet : null);
    }
    getRange() {
      return new RangeProxy(this._ctx, this._table && this._table.sheet, this._table ? { ...this._table.area } : { r0: 0, c0: 0, rows: 1, cols: 1 });
    }
    getHeaderRowRange() {
      const t = this._table;
      return new RangeProxy(this._ctx, t && t.sheet, t ? { r0: t.area.r0, c0: t.area.c0, rows: 1, cols: t.area.cols } : { r0: 0, c0: 0, rows: 1, cols: 1 });
    }
    getDataBodyRange() {
      const t = this._table;
      return new RangeProxy(
        this._ctx,
        t && t.sheet,
        t ? { r0: t.area.r0 + 1, c0: t.area.c0, rows: t.area.rows - 1, cols: t.area.cols } : { r0: 0, c0: 0, rows: 1, cols: 1 },
      );
    }
    convertToRange() {
      const range = this.getRange();
      const table = this._table;
      if (table) this._ctx.enqueue(() => (model.tables = model.tables.filter((t) => t !== table)));
      return range;
    }
    delete() {
      const table = this._table;
      if (!table) return;
      this.getRange().clear();
      this._ctx.enqueue(() => (model.tables = model.tables.filter((t) => t !== table)));
    }
  }

  // ── charts ─────────────────────────────────────────────────────────────────────────────────
  let chartCounter = 0;
  class ChartCollection extends ClientObject {
    constructor(ctx, sheet) {
      super(ctx);
      this._sheet = sheet;
    }
    add(type, source, seriesBy) {
      const chart = {
        name: `Chart ${++chartCounter}`,
        type,
        source: source && source._area ? formatAddress(source._area) : String(source),
        seriesBy: seriesBy || 'Auto',
        title: '',
        legend: '',
        valueFormat: '',
        position: null,
      };
      const sheet = this._sheet;
      this._ctx.enqueue(() => {
        ensureWritable(sheet, 'add a chart');
        sheet.charts.push(chart);
      });
      return new ChartProxy(this._ctx, sheet, chart);
    }
    getItemOrNullObject(name) {
      const chart = this._sheet ? this._sheet.charts.find((c) => c.name === name) : undefined;
      return nullable(new ChartProxy(this._ctx, this._sheet, chart || null), !chart);
    }
    getItem(name) {
      const chart = this._sheet ? this._sheet.charts.find((c) => c.name === name) : undefined;
      if (!chart) this._ctx.queueError(new OfficeError('ItemNotFound', `The requested resource doesn't exist. (chart "${name}")`));
      return new ChartProxy(this._ctx, this._sheet, chart || null);
    }
    get items() {
      this._need('items');
      return (this._sheet ? this._sheet.charts : []).map((c) => new ChartProxy(this._ctx, this._sheet, c));
    }
  }

  class ChartProxy extends ClientObject {
    constructor(ctx, sheet, chart) {
      super(ctx);
      this._sheet = sheet;
      this._chart = chart;
      this._isNull = false;
      const set = (prop) => (value) => {
        if (this._chart) this._ctx.enqueue(() => (this._chart[prop] = value));
      };
      this.title = accessor({ text: set('title') });
      this.legend = accessor({ position: set('legend'), visible: set('legendVisible') });
      const axisFormat = (prop) => (value) => {
        if (requireSet(this._ctx, '1.8', 'ChartAxis.numberFormat')) set(prop)(value);
      };
      this.axes = { valueAxis: accessor({ numberFormat: axisFormat('valueFormat') }), categoryAxis: accessor({ numberFormat: axisFormat('categoryFormat') }) };
    }
    get isNullObject() {
      this._needSynced('isNullObject');
      return this._isNull;
    }
    get name() {
      this._need('name');
      return this._chart.name;
    }
    set name(value) {
      const chart = this._chart;
      if (chart) this._ctx.enqueue(() => (chart.name = value));
    }
    setPosition(topLeft, bottomRight) {
      const chart = this._chart;
      if (chart) this._ctx.enqueue(() => (chart.position = { topLeft, bottomRight }));
    }
    delete() {
      const sheet = this._sheet;
      const chart = this._chart;
      if (sheet && chart) this._ctx.enqueue(() => (sheet.charts = sheet.charts.filter((c) => c !== chart)));
    }
  }

  // ── names and settings ─────────────────────────────────────────────────────────────────────
  class NameCollection extends ClientObject {
    getItemOrNullObject(name) {
      const item = model.names.get(name.toLowerCase());
      return nullable(new NamedItemProxy(this._ctx, item || null), !item);
    }
    add(name, reference, comment) {
      // Checked when the command runs: a delete earlier in the same batch frees the name.
      const item = { name, reference: typeof reference === 'string' ? reference : '(range)', comment: comment || '' };
      this._ctx.enqueue(() => {
        if (model.names.has(name.toLowerCase())) throw new OfficeError('ItemAlreadyExists', `The name "${name}" already exists.`);
        model.names.set(name.toLowerCase(), item);
      });
      return new NamedItemProxy(this._ctx, item);
    }
  }
  class NamedItemProxy extends ClientObject {
    constructor(ctx, item) {
      super(ctx);
      this._item = item;
      this._isNull = false;
    }
    get isNullObject() {
      this._needSynced('isNullObject');
      return this._isNull;
    }
    get formula() {
      this._need('formula');
      return this._item.reference;
    }
    delete() {
      const item = this._item;
      if (item) this._ctx.enqueue(() => model.names.delete(item.name.toLowerCase()));
    }
  }
  class SettingCollection extends ClientObject {
    add(key, value) {
      this._ctx.enqueue(() => model.settings.set(key, value));
      this._ctx.addBytes(value);
      return new SettingProxy(this._ctx, key);
    }
    getItemOrNullObject(key) {
      return nullable(new SettingProxy(this._ctx, key), !model.settings.has(key));
    }
    getItem(key) {
      if (!model.settings.has(key)) this._ctx.queueError(new OfficeError('ItemNotFound', `No setting ${key}`));
      return new SettingProxy(this._ctx, key);
    }
  }
  class SettingProxy extends ClientObject {
    constructor(ctx, key) {
      super(ctx);
      this._key = key;
      this._isNull = false;
    }
    get isNullObject() {
      this._needSynced('isNullObject');
      return this._isNull;
    }
    get value() {
      this._need('value');
      if (this._isNull) throw new OfficeError('InvalidObjectPath', 'The object path is not working for this null object.');
      return model.settings.get(this._key);
    }
    delete() {
      const settingKey = this._key;
      this._ctx.enqueue(() => model.settings.delete(settingKey));
    }
  }

  // ── the Excel and Office globals ───────────────────────────────────────────────────────────
  const Excel = {
    async run(batch, maybeBatch) {
      model.stats.runs++;
      const options = typeof batch === 'function' ? undefined : batch;
      const context = new Context(options);
      const callback = typeof batch === 'function' ? batch : maybeBatch;
      return callback(context);
    },
    RequestContext: Context,
    ErrorCodes: {
      accessDenied: 'AccessDenied',
      itemNotFound: 'ItemNotFound',
      invalidArgument: 'InvalidArgument',
      generalException: 'GeneralException',
    },
  };
  Object.defineProperty(window, 'Excel', { configurable: true, get: () => Excel, set: () => {} });

  /**
   * Office.context.document.settings (the Common API's Office.Settings): the document's settings as
   * they were when the add-in loaded them — "The Settings object is automatically loaded as part of
   * the Document object" (https://learn.microsoft.com/javascript/api/office/office.settings) — here
   * at the first read, then an in-memory copy that a later workbook.settings.add does not change
   * until the add-in loads again. One store with workbook.settings (Excel.SettingCollection), as a
   * docs maintainer reads it (https://github.com/OfficeDev/office-js-docs-reference/issues/769).
   * `get` of a missing name is null; `set` and `remove` change the copy; `saveAsync` writes it back.
   */
  let loadedSettings = null;
  const loaded = () => (loadedSettings ??= new Map(model.settings));
  const documentSettings = {
    get: (name) => (loaded().has(name) ? loaded().get(name) : null),
    set: (name, value) => void loaded().set(name, value),
    remove: (name) => void loaded().delete(name),
    saveAsync: (callback) => {
      model.settings = new Map(loaded());
      if (typeof callback === 'function') setTimeout(() => callback({ status: 'succeeded', value: undefined }), 0);
    },
  };

  const officeContext = {
    host: 'Excel',
    document: { settings: documentSettings },
    platform: 'OfficeOnline',
    diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: '16.0.double' },
    requirements: { isSetSupported },
    displayLanguage: 'en-US',
    contentLanguage: 'en-US',
  };
  const readyInfo = { host: 'Excel', platform: 'OfficeOnline', addin: null };
  function fakeOnReady(callback) {
    return new Promise((resolve) =>
      setTimeout(() => {
        if (callback) callback(readyInfo);
        resolve(readyInfo);
      }, 0),
    );
  }

  // office.js (the real one) assigns `window.Office` during its load; the double wraps what it
  // assigns so `onReady` reports Excel and `Office.context` is the double's.
  let office;
  function install(target) {
    if (!target || typeof target !== 'object') return;
    Object.defineProperty(target, 'onReady', { configurable: true, enumerable: false, get: () => fakeOnReady, set: () => {} });
    Object.defineProperty(target, 'context', { configurable: true, enumerable: false, get: () => officeContext, set: () => {} });
  }
  Object.defineProperty(window, 'Office', {
    configurable: true,
    get: () => office,
    set: (value) => {
      office = value;
      install(value);
    },
  });

  // ── the test's handle ──────────────────────────────────────────────────────────────────────
  window.__excelDouble = {
    model,
    /** Paste a block like the analyst does: values typed into cells, tables below grow to take them. */
    paste(sheetName, address, rows) {
      const sheet = findSheet(sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName}`);
      const at = parseCell(address);
      rows.forEach((row, i) => row.forEach((v, j) => storeInput(ensureCell(sheet, at.r + i, at.c + j), v === null ? '' : v, false)));
      const width = Math.max(0, ...rows.map((row) => row.length));
      for (const t of model.tables) {
        if (t.sheet !== sheet) continue;
        const bottom = t.area.r0 + t.area.rows;
        const pasteBottom = at.r + rows.length;
        const columnsMeet = at.c < t.area.c0 + t.area.cols && t.area.c0 < at.c + width;
        if (columnsMeet && at.r <= bottom && pasteBottom > bottom) t.area.rows = pasteBottom - t.area.r0;
      }
    },
    cell(sheetName, address) {
      const sheet = findSheet(sheetName);
      if (!sheet) return undefined;
      const at = parseCell(address);
      return cellValue(sheet, at.r, at.c);
    },
    formula(sheetName, address) {
      const sheet = findSheet(sheetName);
      const at = parseCell(address);
      const cell = sheet && cellOf(sheet, at.r, at.c);
      return cell ? cell.formula : null;
    },
    /** Values of a rectangular block, for assertions. */
    block(sheetName, address) {
      const sheet = findSheet(sheetName);
      if (!sheet) return undefined;
      const area = parseAddress(address);
      const out = [];
      for (let r = area.r0; r < area.r0 + area.rows; r++) {
        const row = [];
        for (let c = area.c0; c < area.c0 + area.cols; c++) row.push(cellValue(sheet, r, c));
        out.push(row);
      }
      return out;
    },
    /** Find the cell holding exactly this value: "Roster!C5". */
    find(sheetName, value) {
      const sheet = findSheet(sheetName);
      if (!sheet) return null;
      for (const [k, cell] of sheet.cells) {
        if (cell.value === value && !cell.formula) {
          const [r, c] = k.split(',').map(Number);
          return `${columnLetters(c)}${r + 1}`;
        }
      }
      return null;
    },
    failNextSync(code, message) {
      model.failNext.push({ code, message: message || `The double failed this sync with ${code}.` });
    },
    /** The user starts typing in a cell: batches fail (or wait, with delayForCellEdit) until endCellEdit. */
    startCellEdit() {
      model.editing = true;
    },
    endCellEdit() {
      model.editing = false;
      const waiting = model.editWaiters.splice(0);
      waiting.forEach((resume) => resume());
    },
    /** Which requirement sets (and up to which version) isSetSupported admits: {ExcelApi: '1.7'}; null removes one. */
    supportSets(sets) {
      for (const [name, version] of Object.entries(sets)) {
        if (version === null) delete model.supported[name];
        else model.supported[name] = version;
      }
    },
    officeContext,
    Excel,
    /** Format and style of one cell, for assertions: {numberFormat, style: {fill, fontColor, bold…}}. */
    cellFormat(sheetName, address) {
      const sheet = findSheet(sheetName);
      const at = parseCell(address);
      const cell = sheet && cellOf(sheet, at.r, at.c);
      return { numberFormat: cell ? cell.numberFormat : 'General', style: (sheet && sheet.styles.get(key(at.r, at.c))) || {} };
    },
    /** A sheet's print settings, for assertions: {orientation, zoom, titleRows, headers, pageBreaks (rows a page starts at)}. */
    pageLayout(sheetName) {
      const sheet = findSheet(sheetName);
      return sheet ? JSON.parse(JSON.stringify(sheet.print)) : undefined;
    },
    columnWidth(sheetName, letters) {
      const sheet = findSheet(sheetName);
      return sheet ? sheet.columnWidths[columnIndex(letters)] : undefined;
    },
    table(name) {
      const table = findTable(name);
      return table ? { name: table.name, sheet: table.sheet.name, address: formatAddress(table.area), style: table.style } : null;
    },
    summary() {
      return {
        sheets: model.sheets.map((s) => ({ name: s.name, protected: s.protected, charts: s.charts.map((c) => ({ ...c })), cells: s.cells.size })),
        tables: model.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, address: formatAddress(t.area) })),
        names: [...model.names.values()],
        settings: [...model.settings.keys()],
        activeSheet: model.activeSheet,
        selection: model.selection,
        calculationMode: model.calculationMode,
        stats: { ...model.stats },
      };
    },
  };
})();
