/*
 * A fake of office.js, as strict as the real Excels where they differ. In a browser page it is the
 * host of the task pane tests (Office.onReady with an Excel host, document settings in
 * localStorage, CustomFunctions, the part of the Excel API that src/taskpane/excel.ts uses, with
 * queued loads and writes executed at context.sync()). In Node it gives the function tests the one
 * rule they need: how a cell's value reaches a custom function.
 *
 * What the real Excels do, and where that is written down:
 * - An empty cell reaches a custom function as `null` in Excel for the web and current Microsoft
 *   365 builds, and as 0 in older desktop builds (perpetual Excel 2021/LTSC among them), for a
 *   single argument and inside a range: OfficeDev/office-js #4702 ("empty cells are passed as zero
 *   in desktop and null in office web"), #1951 (matrix arguments: "empty cells are passed in as
 *   zero"), #5262 (optional `any` range parameters). An omitted optional argument is `null`
 *   everywhere. The switch `host`: "web" (null) or "desktop" (0).
 * - A data type (a Stocks or Geography cell, an entity, a formatted number) reaches a custom
 *   function as its JSON object when the metadata sets allowCustomDataForDataTypeAny, which the
 *   generated functions.json does (docs: excel/custom-functions-data-types-concepts.md); an
 *   entity's basic value is the #VALUE! error (docs: excel/excel-data-types-concepts.md).
 * - Excel on the web limits every request and every response of the Excel JavaScript API to 5 MB
 *   and throws RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded above it (docs:
 *   concepts/resource-limits-and-performance-optimization.md#excel-add-ins,
 *   excel/excel-add-ins-error-handling.md). A read is also limited to 5.000.000 cells on every
 *   platform. The fake refuses a sync whose request or response, as JSON in UTF-8, is larger.
 * - range.formulas drops the quote prefix of a text cell (office-js #6687), and text written
 *   through range.formulas or range.values is read as if typed (office-js #1559): "1-2" becomes a
 *   date, "=..." a formula; a leading apostrophe keeps it text.
 * - Settings.saveAsync writes the settings into the document (@types/office-js, Settings.saveAsync:
 *   "persists the in-memory settings property bag into the document file"): the workbook then has
 *   changes, and Excel asks to save them on close. The fake counts that as `wb.changed`.
 * - With a shared runtime the page keeps running while the task pane is hidden, and its event
 *   handlers keep firing; Office.addin.onVisibilityModeChanged says when the pane is shown or
 *   hidden (docs: develop/show-hide-add-in.md, "Preservation of state and event listeners").
 * - Each API belongs to a requirement set (ExcelApi 1.7 for getRangeByIndexes and
 *   Worksheet.copy, 1.12 for getSpillingToRangeOrNullObject; @types/office-js, "[Api set: …]").
 *   The fake host has a version (`excelApi`, default 1.12) and refuses a call above it.
 */
(function () {
  "use strict";

  const HOSTS = ["web", "desktop"];

  /** What a custom function receives for a cell's value under `host` ("web" or "desktop"). */
  function cellForFunction(value, host) {
    if (value === null || value === undefined) return host === "desktop" ? 0 : null;
    return value;
  }

  /**
   * An argument as Excel hands it to a custom function: a range (an array of rows) cell by cell,
   * a single cell's value as it is; `undefined` (an argument left out) stays out.
   */
  function argumentFor(value, host) {
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row.map((c) => cellForFunction(c, host)) : cellForFunction(row, host)));
    return cellForFunction(value, host);
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { HOSTS, cellForFunction, argumentFor };
    return;
  }

  const PAYLOAD_LIMIT = 5000000;
  const READ_CELL_LIMIT = 5000000;
  const KEY = "fakeWorkbook";
  const fresh = () => ({ settings: {}, sheets: [{ name: "Blad1", cells: {} }], active: "Blad1", selection: [1, 1], syncs: [], changed: false });
  const wb = JSON.parse(localStorage.getItem(KEY) || "null") || fresh();
  wb.changed = false; // a workbook just opened has no changes
  const persist = () => {
    // Generated sheets (functions) and very big ones stay in memory only.
    try {
      localStorage.setItem(KEY, JSON.stringify(wb, (k, v) => (k === "generator" ? undefined : v)));
    } catch {
      /* over the storage quota: the workbook lives in memory for this page */
    }
  };
  const col = (c) => { let s = ""; for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; };
  const a1 = (r, c) => col(c) + (r + 1);
  const parseCell = (a) => { const m = a.match(/^([A-Z]+)(\d+)$/); let cc = 0; for (const ch of m[1]) cc = cc * 26 + ch.charCodeAt(0) - 64; return [Number(m[2]) - 1, cc - 1]; };
  const parseRange = (address) => {
    const [from, to = from] = address.replace(/\$/g, "").replace(/^.*!/, "").split(":");
    const [r1, c1] = parseCell(from); const [r2, c2] = parseCell(to);
    return [r1, c1, r2 - r1 + 1, c2 - c1 + 1];
  };
  const sheetOf = (name) => wb.sheets.find((s) => s.name === name);
  /** The bytes of a value as JSON in UTF-8. */
  const bytes = (data) => {
    const text = JSON.stringify(data);
    let n = text.length;
    for (let i = 0; i < text.length; i++) { const c = text.charCodeAt(i); if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1; }
    return n;
  };
  /** A cell: what was written (cells, null = emptied) over what the sheet's generator holds. */
  const cellAt = (sheet, r, c) => {
    const key = a1(r, c);
    if (key in sheet.cells) return sheet.cells[key];
    const g = sheet.generator;
    return g && r < g.rows && c < g.columns ? g.cell(r, c) : null;
  };
  /** Writes a cell; an emptied cell is left out, or kept as null over a generated one. */
  const setAt = (sheet, r, c, cell) => {
    if (cell || sheet.generator) sheet.cells[a1(r, c)] = cell;
    else delete sheet.cells[a1(r, c)];
  };

  /** Text as Excel reads what is typed into a cell (or written through formulas or values). */
  function typed(v) {
    if (v === null || v === "" || v === undefined) return null;
    if (typeof v !== "string") return { formula: v, value: v };
    if (v.startsWith("'")) return { formula: v.slice(1), value: v.slice(1) };
    if (v.startsWith("=")) return { formula: v, value: 0 };
    if (/^(TRUE|FALSE)$/i.test(v)) return { formula: v.toUpperCase() === "TRUE", value: v.toUpperCase() === "TRUE" };
    if (/^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!)$/.test(v)) return { formula: v, value: v };
    if (/^-?\d+(\.\d+)?$/.test(v)) return { formula: Number(v), value: Number(v) };
    const date = /^(\d{1,2})[-/](\d{1,2})(?:[-/](\d{2,4}))?$/.exec(v);
    if (date && Number(date[1]) >= 1 && Number(date[1]) <= 12 && Number(date[2]) >= 1 && Number(date[2]) <= 31) {
      // en-US as the API reads it: month-day; the serial number of that day in 2026
      const serial = Math.round((Date.UTC(date[3] ? Number(date[3]) : 2026, Number(date[1]) - 1, Number(date[2])) - Date.UTC(1899, 11, 30)) / 86400000);
      return { formula: serial, value: serial, date: true };
    }
    return { formula: v, value: v };
  }

  const handlers = [];
  const visibilityHandlers = [];
  window.__fake = {
    wb, persist,
    /** "web": empty cells reach custom functions as null; "desktop": as 0. */
    host: "web",
    /** The ExcelApi version the host supports. */
    excelApi: "1.12",
    /** Excel.run calls so far. */
    runs: 0,
    reset() { localStorage.removeItem(KEY); },
    setCell(sheet, address, formula, value) { sheetOf(sheet).cells[address] = { formula, value }; persist(); },
    /** Cells `[address, formula, value, numberFormat?]`. */
    setCells(sheet, list) { for (const [address, formula, value, format] of list) sheetOf(sheet).cells[address] = { formula, value, ...(format ? { format } : {}) }; persist(); },
    // What Excel computes for a formula the pane writes (set by a test: formula -> value); until it
    // has, the cell shows #BUSY!, as a custom function's cell does while its result is on its way
    // (office-js issues #4152, #6930). calcDelay: how long that takes, in ms.
    results: {},
    calcDelay: 30,
    /** A cell with more to it: `{ formula, value, spill: "G2:H24" }` or a spilled cell `{ formula, value, spilledFrom: "G2" }`. */
    setCellObject(sheet, address, cell) { sheetOf(sheet).cells[address] = cell; },
    /** A big sheet whose cells come from `cell(row, column)` (0-based), kept in memory only. */
    generate(sheet, rows, columns, cell) {
      let s = sheetOf(sheet);
      if (!s) { s = { name: sheet, cells: {} }; wb.sheets.push(s); }
      s.generator = { rows, columns, cell };
    },
    cell(sheet, address) { const [r, c] = parseCell(address); return cellAt(sheetOf(sheet), r, c); },
    select(sheet, row, colIndex) { wb.active = sheet; wb.selection = [row, colIndex]; persist(); handlers.forEach((h) => h({})); },
    /** The task pane is shown ("Taskpane") or hidden ("Hidden"), as by the user or Office.addin.hide(). */
    setVisibility(mode) { visibilityHandlers.forEach((h) => h({ visibilityMode: mode })); },
    /**
     * Excel calculating `=NL.<name>(…)` in `address` of `sheet`: each argument a constant, a
     * reference `{ ref: "B2" }` / `{ ref: "A2:B4" }` read from the sheet, or undefined (left out),
     * passed as the host passes it. Returns the value or `{ error, message }`, and caches it.
     */
    invoke(sheet, address, name, ...args) {
      const s = sheetOf(sheet);
      const read = (arg) => {
        if (!arg || typeof arg !== "object" || !("ref" in arg)) return arg === undefined ? null : arg;
        const [r, c, rows, cols] = parseRange(arg.ref);
        const cells = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, k) => {
          const x = cellAt(s, r + i, c + k);
          return x ? x.value : null;
        }));
        return rows * cols === 1 ? cells[0][0] : cells;
      };
      const values = args.map((a) => argumentFor(read(a), window.__fake.host));
      const fn = window.CustomFunctions.registered[name];
      while (values.length < fn.length - 1) values.push(null); // every parameter comes, the invocation last
      let result;
      try {
        result = fn(...values, { address: `${sheet}!${address}` });
      } catch (e) {
        result = { error: e.code, message: e.message };
      }
      const at = s.cells[address];
      s.cells[address] = { formula: at ? at.formula : `=NL.${name}()`, value: result && result.error ? result.error : result };
      return result;
    },
  };

  window.CustomFunctions = {
    registered: {},
    associate(id, fn) { this.registered[id] = fn; },
    Error: class extends Error { constructor(code, message) { super(message); this.code = code; } },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };

  const versionAtLeast = (have, want) => {
    const [a, b] = have.split(".").map(Number); const [c, d] = want.split(".").map(Number);
    return a > c || (a === c && b >= d);
  };
  const requires = (version, api) => {
    if (!versionAtLeast(window.__fake.excelApi, version)) {
      const error = new Error(`${api} vraagt ExcelApi ${version}; deze Excel heeft ${window.__fake.excelApi}.`);
      error.code = "ApiNotFound";
      throw error;
    }
  };

  window.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
    addin: {
      onVisibilityModeChanged(handler) {
        visibilityHandlers.push(handler);
        return Promise.resolve(() => { visibilityHandlers.splice(visibilityHandlers.indexOf(handler), 1); return Promise.resolve(); });
      },
    },
    context: {
      requirements: {
        isSetSupported: (name, version = "1.1") => {
          if (name === "ExcelApi") return versionAtLeast(window.__fake.excelApi, version);
          return ["SharedRuntime", "CustomFunctionsRuntime", "Settings"].includes(name);
        },
      },
      document: { settings: {
        get: (k) => (k in wb.settings ? wb.settings[k] : null),
        set: (k, v) => { wb.settings[k] = JSON.parse(JSON.stringify(v)); },
        saveAsync: (cb) => { wb.changed = true; persist(); cb({ status: "succeeded" }); },
      } },
    },
  };

  /** A queued operation: run at sync, with what it sends (request) and would return (response). */
  const op = (ctx, run, info = {}) => { ctx.queue.push(Object.assign(run, info)); };

  function makeRange(ctx, sheetRef, row, c, rows, cols) {
    const range = { _loaded: {} };
    // The sheet is looked up when the queued operation runs (a copied sheet exists only then).
    const sheetName = () => (typeof sheetRef === "function" ? sheetRef() : sheetRef);
    const cellsOf = () => {
      const sheet = sheetOf(sheetName());
      return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, k) => cellAt(sheet, row + r, c + k)));
    };
    const address = () => `${sheetName()}!${a1(row, c)}${rows * cols > 1 ? ":" + a1(row + rows - 1, c + cols - 1) : ""}`;
    const loaded = (props) => {
      const wanted = (props || "").split(",").map((p) => p.trim());
      const out = {};
      const cells = /formulas|values/.test(props || "") ? cellsOf() : null;
      // An entity's basic value is #VALUE!; a text cell's formula has no quote prefix.
      const basic = (x) => (x && x.value && typeof x.value === "object" ? "#VALUE!" : x ? x.value : "");
      if (wanted.includes("formulas")) out.formulas = cells.map((r) => r.map((x) => (x ? (typeof x.formula === "object" ? "#VALUE!" : x.formula) : "")));
      if (wanted.includes("values")) out.values = cells.map((r) => r.map(basic));
      if (wanted.includes("numberFormat")) out.numberFormat = (cells || cellsOf()).map((r) => r.map((x) => (x && x.format) || "General"));
      for (const p of ["address", "rowIndex", "columnIndex", "rowCount", "columnCount"]) if (wanted.includes(p)) out[p] = { address: address(), rowIndex: row, columnIndex: c, rowCount: rows, columnCount: cols }[p];
      return out;
    };
    range.load = (props) => {
      let result;
      op(ctx, () => { range._loaded = Object.assign({}, range._loaded, result || loaded(props)); }, {
        cells: /formulas|values/.test(props || "") ? rows * cols : 0,
        response: () => { result = loaded(props); return bytes(result); },
      });
      return range;
    };
    range.select = () => op(ctx, () => { wb.active = sheetName(); wb.selection = [row, c]; });
    range.isNullObject = false;
    for (const p of ["numberFormat", "address", "rowIndex", "columnIndex", "rowCount", "columnCount"]) {
      Object.defineProperty(range, p, { get: () => range._loaded[p] });
    }
    const write = (matrix) => op(ctx, () => {
      const sheet = sheetOf(sheetName());
      const computing = [];
      matrix.forEach((r, i) => r.forEach((v, k) => {
        const cell = typed(v);
        if (cell && typeof cell.formula === "string" && cell.formula.startsWith("=")) {
          cell.value = "#BUSY!";
          computing.push(cell);
        }
        setAt(sheet, row + i, c + k, cell);
      }));
      if (computing.length) {
        const fake = window.__fake;
        setTimeout(() => {
          for (const cell of computing) cell.value = cell.formula in fake.results ? fake.results[cell.formula] : 0;
          persist();
        }, fake.calcDelay);
      }
      ctx.writes += 1;
    }, { writes: true, cells: matrix.length * (matrix[0] || []).length, request: () => bytes(matrix) });
    Object.defineProperty(range, "formulas", { get: () => range._loaded.formulas, set: write });
    Object.defineProperty(range, "values", { get: () => range._loaded.values, set: write });
    range.getSpillingToRangeOrNullObject = () => {
      requires("1.12", "Range.getSpillingToRangeOrNullObject");
      // Known once the queue runs; the fake answers from the sheet as it is now.
      const anchor = cellAt(sheetOf(sheetName()), row, c);
      if (!anchor || !anchor.spill) { const r = makeRange(ctx, sheetRef, row, c, 1, 1); r.isNullObject = true; return r; }
      const [r1, c1, h, w] = parseRange(anchor.spill);
      return makeRange(ctx, sheetRef, r1, c1, h, w);
    };
    return range;
  }

  function usedBounds(s) {
    let rows = 0; let cols = 0;
    for (const [a, cell] of Object.entries(s.cells)) {
      if (!cell) continue;
      const [r, c] = parseCell(a);
      rows = Math.max(rows, r + 1); cols = Math.max(cols, c + 1);
    }
    if (s.generator) { rows = Math.max(rows, s.generator.rows); cols = Math.max(cols, s.generator.columns); }
    return [rows, cols];
  }

  function makeSheet(ctx, nameOrFn) {
    const name = () => (typeof nameOrFn === "function" ? nameOrFn() : nameOrFn);
    const sheet = {
      load() { op(ctx, () => { sheet.name = name(); }); return sheet; },
      getRangeByIndexes: (r, c, rows, cols) => { requires("1.7", "Worksheet.getRangeByIndexes"); return makeRange(ctx, name, r, c, rows, cols); },
      getUsedRange() {
        const [rows, cols] = usedBounds(sheetOf(name()));
        return makeRange(ctx, name, 0, 0, Math.max(rows, 1), Math.max(cols, 1));
      },
      getUsedRangeOrNullObject() {
        const [rows, cols] = usedBounds(sheetOf(name()));
        if (!rows) { const r = makeRange(ctx, name, 0, 0, 1, 1); r.isNullObject = true; return r; }
        return makeRange(ctx, name, 0, 0, rows, cols);
      },
      getRange(address) {
        const [r1, c1, rows, cols] = parseRange(address);
        return makeRange(ctx, name, r1, c1, rows, cols);
      },
      activate() { op(ctx, () => { wb.active = name(); }); },
      copy() {
        requires("1.7", "Worksheet.copy");
        let copyName;
        op(ctx, () => {
          const src = sheetOf(name());
          copyName = `${src.name} (2)`;
          wb.sheets.push({ name: copyName, cells: JSON.parse(JSON.stringify(src.cells)), generator: src.generator });
          ctx.writes += 1;
        }, { writes: true });
        return makeSheet(ctx, () => copyName);
      },
    };
    return sheet;
  }

  function refused(code, message) {
    const error = new Error(message);
    error.code = code;
    return error;
  }

  window.Excel = {
    WorksheetPositionType: { end: "End" },
    async run(fn) {
      window.__fake.runs += 1;
      const ctx = { queue: [], writes: 0 };
      ctx.sync = async () => {
        // refuseWrites: every sync that writes is refused (from the refuseFromWriteSync-th on, when set)
        const writing = ctx.queue.some((o) => o.writes);
        if (writing) window.__fake.writeSyncs = (window.__fake.writeSyncs || 0) + 1;
        const from = window.__fake.refuseFromWriteSync || 1;
        if (window.__fake.refuseWrites && writing && window.__fake.writeSyncs >= from) {
          ctx.queue.splice(0);
          const error = refused("AccessDenied", window.__fake.refuseWrites);
          error.stack = "AccessDenied: at Excel.run (excel-web.js:1:1)";
          throw error;
        }
        // A test may set a smaller limit of cells per request.
        const limit = window.__fake.maxCellsPerSync;
        const cells = ctx.queue.reduce((n, o) => n + (o.cells || 0), 0);
        if (limit && cells > limit) {
          ctx.queue.splice(0);
          throw refused("RequestPayloadSizeLimitExceeded", "De aanvraag is groter dan Excel toestaat.");
        }
        const reads = ctx.queue.filter((o) => o.response).reduce((n, o) => n + o.cells, 0);
        if (reads > READ_CELL_LIMIT) {
          ctx.queue.splice(0);
          throw refused("RangeExceedsLimit", "The cell count in range has exceeded the maximum supported number.");
        }
        const request = ctx.queue.reduce((n, o) => n + (o.request ? o.request() : 0), 0);
        if (request > PAYLOAD_LIMIT) {
          ctx.queue.splice(0);
          throw refused("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
        }
        const response = ctx.queue.reduce((n, o) => n + (o.response ? o.response() : 0), 0);
        if (response > PAYLOAD_LIMIT) {
          ctx.queue.splice(0);
          throw refused("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
        }
        const ops = ctx.queue.splice(0);
        ctx.writes = 0;
        ops.forEach((o) => o());
        wb.syncs.push({ writes: ctx.writes, request, response });
        if (ctx.writes) wb.changed = true;
        persist();
      };
      ctx.workbook = {
        getSelectedRange: () => makeRange(ctx, () => wb.active, wb.selection[0], wb.selection[1], 1, 1),
        getActiveCell: () => { requires("1.7", "Workbook.getActiveCell"); return makeRange(ctx, () => wb.active, wb.selection[0], wb.selection[1], 1, 1); },
        onSelectionChanged: { add: (h) => { handlers.push(h); } },
        worksheets: {
          items: [],
          load() { op(ctx, () => { ctx.workbook.worksheets.items = wb.sheets.map((s) => ({ name: s.name })); }); },
          add(name) { op(ctx, () => { wb.sheets.push({ name, cells: {} }); ctx.writes += 1; }, { writes: true }); return makeSheet(ctx, name); },
          getActiveWorksheet: () => makeSheet(ctx, () => wb.active),
          getItem: (name) => makeSheet(ctx, name),
        },
      };
      return fn(ctx);
    },
  };
})();
