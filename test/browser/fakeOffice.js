/*
 * A small fake of office.js for browser tests: Office.onReady with an Excel host, document
 * settings kept in localStorage (the "workbook", so they survive a reload), CustomFunctions that
 * collect the registered functions, and the part of the Excel API that src/taskpane/excel.ts uses:
 * Excel.run, queued loads and writes executed at context.sync().
 */
(function () {
  const KEY = "fakeWorkbook";
  const fresh = () => ({ settings: {}, sheets: [{ name: "Blad1", cells: {} }], active: "Blad1", selection: [1, 1], syncs: [] });
  const wb = JSON.parse(localStorage.getItem(KEY) || "null") || fresh();
  const persist = () => localStorage.setItem(KEY, JSON.stringify(wb));
  const col = (c) => { let s = ""; for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; };
  const a1 = (r, c) => col(c) + (r + 1);
  const sheetOf = (name) => wb.sheets.find((s) => s.name === name);
  window.__fake = {
    wb, persist,
    reset() { localStorage.removeItem(KEY); },
    setCell(sheet, address, formula, value) { sheetOf(sheet).cells[address] = { formula, value }; persist(); },
    setCells(sheet, list) { for (const [address, formula, value, format] of list) sheetOf(sheet).cells[address] = { formula, value, ...(format ? { format } : {}) }; persist(); },
    // What Excel computes for a formula the pane writes (set by a test: formula -> value); until it
    // has, the cell shows #BUSY!, as a custom function's cell does while its result is on its way
    // (office-js issues #4152, #6930). calcDelay: how long that takes, in ms.
    results: {},
    calcDelay: 30,
    select(sheet, row, colIndex) { wb.active = sheet; wb.selection = [row, colIndex]; persist(); handlers.forEach((h) => h({})); },
  };
  const handlers = [];

  window.CustomFunctions = {
    registered: {},
    associate(id, fn) { this.registered[id] = fn; },
    Error: class extends Error { constructor(code, message) { super(message); this.code = code; } },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };

  window.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
    context: { document: { settings: {
      get: (k) => (k in wb.settings ? wb.settings[k] : null),
      set: (k, v) => { wb.settings[k] = JSON.parse(JSON.stringify(v)); },
      saveAsync: (cb) => { persist(); cb({ status: "succeeded" }); },
    } } },
  };

  function makeRange(ctx, sheetRef, row, c, rows, cols) {
    const range = { _loaded: {} };
    // The sheet is looked up when the queued operation runs (a copied sheet exists only then).
    let sheetName;
    const resolve = () => { sheetName = typeof sheetRef === "function" ? sheetRef() : sheetRef; };
    const cellsOf = () => {
      const sheet = sheetOf(sheetName);
      return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, k) => sheet.cells[a1(row + r, c + k)] || null));
    };
    range.load = (props) => { ctx.queue.push(Object.assign(() => {
      resolve();
      const cells = cellsOf();
      range._loaded = {
        formulas: cells.map((r) => r.map((x) => (x ? x.formula : ""))),
        values: cells.map((r) => r.map((x) => (x ? x.value : ""))),
        numberFormat: cells.map((r) => r.map((x) => (x && x.format) || "General")),
        address: `${sheetName}!${a1(row, c)}${rows * cols > 1 ? ":" + a1(row + rows - 1, c + cols - 1) : ""}`,
        rowIndex: row, columnIndex: c, rowCount: rows, columnCount: cols,
      };
    }, { cells: /formulas|values/.test(props || "") ? rows * cols : 0 })); return range; };
    range.select = () => { ctx.queue.push(() => { resolve(); wb.active = sheetName; wb.selection = [row, c]; }); };
    range.isNullObject = false;
    for (const p of ["values", "numberFormat", "address", "rowIndex", "columnIndex", "rowCount", "columnCount"]) {
      Object.defineProperty(range, p, { get: () => range._loaded[p] });
    }
    Object.defineProperty(range, "formulas", {
      get: () => range._loaded.formulas,
      set: (matrix) => { ctx.queue.push(Object.assign(() => {
        resolve();
        const sheet = sheetOf(sheetName);
        const computing = [];
        matrix.forEach((r, i) => r.forEach((v, k) => {
          const addr = a1(row + i, c + k);
          const isFormula = typeof v === "string" && v.startsWith("=");
          if (v === "" || v === null) delete sheet.cells[addr];
          else sheet.cells[addr] = { formula: v, value: isFormula ? "#BUSY!" : v };
          if (isFormula) computing.push([addr, sheet.cells[addr]]);
        }));
        if (computing.length) {
          const fake = window.__fake;
          setTimeout(() => {
            for (const [addr, cell] of computing) {
              if (sheet.cells[addr] === cell) cell.value = cell.formula in fake.results ? fake.results[cell.formula] : 0;
            }
            persist();
          }, fake.calcDelay);
        }
        ctx.writes += 1;
      }, { writes: true, cells: matrix.length * (matrix[0] || []).length })); },
    });
    return range;
  }

  function makeSheet(ctx, nameOrFn) {
    const name = () => (typeof nameOrFn === "function" ? nameOrFn() : nameOrFn);
    const sheet = {
      load() { ctx.queue.push(() => { sheet.name = name(); }); return sheet; },
      getRangeByIndexes: (r, c, rows, cols) => makeRange(ctx, name, r, c, rows, cols),
      getUsedRange() {
        const s = sheetOf(name());
        const addrs = Object.keys(s.cells).map((a) => { const m = a.match(/^([A-Z]+)(\d+)$/); let cc = 0; for (const ch of m[1]) cc = cc * 26 + ch.charCodeAt(0) - 64; return [Number(m[2]) - 1, cc - 1]; });
        const rows = Math.max(...addrs.map((x) => x[0])) + 1; const cols = Math.max(...addrs.map((x) => x[1])) + 1;
        return makeRange(ctx, name, 0, 0, rows, cols);
      },
      getUsedRangeOrNullObject() {
        const s = sheetOf(name());
        if (!Object.keys(s.cells).length) { const r = makeRange(ctx, name, 0, 0, 1, 1); r.isNullObject = true; return r; }
        return sheet.getUsedRange();
      },
      getRange(address) {
        const cell = (a) => { const m = a.match(/^([A-Z]+)(\d+)$/); let cc = 0; for (const ch of m[1]) cc = cc * 26 + ch.charCodeAt(0) - 64; return [Number(m[2]) - 1, cc - 1]; };
        const [from, to = from] = address.replace(/\$/g, "").split(":");
        const [r1, c1] = cell(from); const [r2, c2] = cell(to);
        return makeRange(ctx, name, r1, c1, r2 - r1 + 1, c2 - c1 + 1);
      },
      activate() { ctx.queue.push(() => { wb.active = name(); }); },
      copy() {
        let copyName;
        ctx.queue.push(() => {
          const src = sheetOf(name());
          copyName = `${src.name} (2)`;
          wb.sheets.push({ name: copyName, cells: JSON.parse(JSON.stringify(src.cells)) });
          ctx.writes += 1;
        });
        return makeSheet(ctx, () => copyName);
      },
    };
    return sheet;
  }

  window.Excel = {
    WorksheetPositionType: { end: "End" },
    async run(fn) {
      const ctx = { queue: [], writes: 0 };
      ctx.sync = async () => {
        // refuseWrites: every sync that writes is refused (from the refuseFromWriteSync-th on, when set)
        const writing = ctx.queue.some((op) => op.writes);
        if (writing) window.__fake.writeSyncs = (window.__fake.writeSyncs || 0) + 1;
        const from = window.__fake.refuseFromWriteSync || 1;
        if (window.__fake.refuseWrites && writing && window.__fake.writeSyncs >= from) {
          ctx.queue.splice(0);
          const error = new Error(window.__fake.refuseWrites);
          error.code = "AccessDenied";
          error.stack = "AccessDenied: at Excel.run (excel-web.js:1:1)";
          throw error;
        }
        // Excel refuses a request above its size limit (here: a number of cells read or written).
        const limit = window.__fake.maxCellsPerSync;
        const cells = ctx.queue.reduce((n, op) => n + (op.cells || 0), 0);
        if (limit && cells > limit) {
          ctx.queue.splice(0);
          const error = new Error("De aanvraag is groter dan Excel toestaat.");
          error.code = "RequestPayloadSizeLimitExceeded";
          throw error;
        }
        const ops = ctx.queue.splice(0);
        ctx.writes = 0;
        ops.forEach((op) => op());
        wb.syncs.push({ writes: ctx.writes });
        persist();
      };
      ctx.workbook = {
        getSelectedRange: () => makeRange(ctx, () => wb.active, wb.selection[0], wb.selection[1], 1, 1),
        getActiveCell: () => makeRange(ctx, () => wb.active, wb.selection[0], wb.selection[1], 1, 1),
        onSelectionChanged: { add: (h) => { handlers.push(h); } },
        worksheets: {
          items: [],
          load() { ctx.queue.push(() => { ctx.workbook.worksheets.items = wb.sheets.map((s) => ({ name: s.name })); }); },
          add(name) { ctx.queue.push(Object.assign(() => { wb.sheets.push({ name, cells: {} }); ctx.writes += 1; }, { writes: true })); return makeSheet(ctx, name); },
          getActiveWorksheet: () => makeSheet(ctx, () => wb.active),
          getItem: (name) => makeSheet(ctx, name),
        },
      };
      return fn(ctx);
    },
  };
})();
