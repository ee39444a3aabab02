/**
 * The only module that talks to Excel. Reads happen first; all writes of one action are queued
 * and sent in one batch (one context.sync), after the user has confirmed any overwrite. Big reads
 * and writes go in batches measured in bytes (payload.ts): Excel on the web refuses a request or
 * a response over 5 MB.
 */
import type { Trace } from "../rules/trace";
import type { Block, BlockCell } from "./block";
import { batchesBySize, jsonBytes, PAYLOAD_BUDGET, refusedForSize, RowBatches } from "./payload";

export interface NonEmptyCell {
  readonly address: string;
  readonly content: string;
}

export type WriteOutcome = { status: "written"; address: string } | { status: "cancelled" };

/** Builds the block for a given top-left cell (references in it depend on where it lands). */
export type BlockAt = (row: number, col: number) => Block;

function a1(row: number, col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row + 1}`;
}

function uniqueName(existing: string[], wanted: string): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  let name = wanted.slice(0, 31);
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${wanted.slice(0, 27)} (${i})`;
  return name;
}

/** Writes the block at the selection, asking before any non-empty cell is overwritten. */
export async function writeBlockAtSelection(
  blockAt: BlockAt,
  confirm: (cells: NonEmptyCell[]) => Promise<boolean>,
): Promise<WriteOutcome> {
  return Excel.run(async (context) => {
    const selection = context.workbook.getSelectedRange();
    selection.load("rowIndex,columnIndex");
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    await context.sync();
    const row = selection.rowIndex;
    const col = selection.columnIndex;
    const block = blockAt(row, col);
    const target = sheet.getRangeByIndexes(row, col, block.cells.length, block.width);
    target.load("formulas,address");
    await context.sync();

    const nonEmpty: NonEmptyCell[] = [];
    (target.formulas as unknown[][]).forEach((cells, r) =>
      cells.forEach((content, c) => {
        if (content !== "" && content !== null)
          nonEmpty.push({ address: a1(row + r, col + c), content: String(content) });
      }),
    );
    if (nonEmpty.length && !(await confirm(nonEmpty))) return { status: "cancelled" } as const;
    target.formulas = block.cells as BlockCell[][] as unknown as string[][];
    await context.sync();
    return { status: "written", address: target.address } as const;
  });
}

/** Adds a sheet and writes the block at A1, in one batch. */
export async function writeBlockOnNewSheet(blockAt: BlockAt, sheetName: string): Promise<WriteOutcome> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const name = uniqueName(
      sheets.items.map((s) => s.name),
      sheetName,
    );
    const block = blockAt(0, 0);
    const sheet = sheets.add(name);
    const target = sheet.getRangeByIndexes(0, 0, block.cells.length, block.width);
    target.formulas = block.cells as unknown as string[][];
    sheet.activate();
    target.load("address");
    await context.sync();
    return { status: "written", address: target.address } as const;
  });
}

/** A cell that holds an NL formula, as read from the sheet. */
interface NlCell {
  readonly row: number;
  readonly col: number;
  readonly formula: string;
}

/** Whether a formula calls an NL function (outside its strings). */
const callsNl = (formula: unknown): formula is string =>
  typeof formula === "string" && formula.startsWith("=") && nlFunctionsIn(formula).length > 0;

/** A value as `range.values` must get it to keep it as it is: text with a quote prefix, so that Excel does not read "1-2" as a date. */
function asConstant(value: unknown): unknown {
  if (typeof value !== "string" || /^#[A-Z/0!?]+[!?A]?$/.test(value)) return value;
  return `'${value}`;
}

/** Every cell of the used range with an NL formula, read in batches of rows that stay within one request. */
async function nlCellsOf(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  used: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number },
): Promise<NlCell[]> {
  const found: NlCell[] = [];
  await readRows(context, sheet, used, "formulas", (part, firstRow) =>
    (part.formulas as unknown[][]).forEach((cells, r) =>
      cells.forEach((formula, c) => {
        if (callsNl(formula)) found.push({ row: firstRow + r, col: used.columnIndex + c, formula });
      }),
    ),
  );
  return found;
}

/**
 * Reads `properties` of the used range in batches of rows, each as large as one request allows
 * (measured in bytes, halved and tried again when Excel refuses one for its size); `take` gets
 * each part with the sheet row of its first row.
 */
async function readRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  used: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number },
  properties: "formulas" | "formulas,values",
  take: (part: Excel.Range, firstRow: number, rowsRead: number) => void,
): Promise<void> {
  const batches = new RowBatches(used.columnCount);
  for (let r = 0; r < used.rowCount;) {
    const rows = batches.next(used.rowCount - r);
    const part = sheet.getRangeByIndexes(used.rowIndex + r, used.columnIndex, rows, used.columnCount);
    part.load(properties);
    try {
      await context.sync();
    } catch (error) {
      if (rows > 1 && refusedForSize(error)) {
        batches.refused(rows);
        continue;
      }
      throw error;
    }
    batches.measured(rows, jsonBytes(part.formulas) + (properties === "formulas" ? 0 : jsonBytes(part.values)));
    take(part, used.rowIndex + r, r + rows);
    r += rows;
  }
}

/**
 * Copies the active sheet, with every NL formula replaced by its value in the copy, for a client
 * without the add-in. Only the NL cells are written (and the cells an NL formula spills into):
 * everything else stays as Worksheet.copy made it, so a text such as '1-2 does not become a date
 * and another formula's spill stays a formula. Reads and writes go in batches within one request.
 */
export async function copyActiveSheetAsValues(): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    const used = sheet.getUsedRange();
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    const nlCells = await nlCellsOf(context, sheet, used);

    // The value of each NL cell, and of the whole area an NL formula spills into (a table).
    const areas: Array<{ row: number; col: number; values: unknown[][] }> = [];
    for (const batch of batchesBySize(nlCells, (c) => 200 + c.formula.length * 2, 2000)) {
      const read = batch.map((cell) => {
        const anchor = sheet.getRangeByIndexes(cell.row, cell.col, 1, 1);
        const spill = anchor.getSpillingToRangeOrNullObject();
        anchor.load("values");
        spill.load("values,rowIndex,columnIndex");
        return { anchor, spill, cell };
      });
      await context.sync();
      for (const { anchor, spill, cell } of read) {
        if (spill.isNullObject) areas.push({ row: cell.row, col: cell.col, values: anchor.values });
        else areas.push({ row: spill.rowIndex, col: spill.columnIndex, values: spill.values });
      }
    }

    const copy = sheet.copy(Excel.WorksheetPositionType.end);
    copy.load("name");
    await context.sync();
    for (const batch of batchesBySize(areas, (a) => 64 + jsonBytes(a.values))) {
      for (const area of batch) {
        copy.getRangeByIndexes(area.row, area.col, area.values.length, area.values[0].length).values = area.values.map(
          (cells) => cells.map(asConstant),
        ) as Excel.Range["values"];
      }
      await context.sync();
    }
    return copy.name;
  });
}

export interface ActiveCell {
  /** As custom functions see it ("Blad1!B7"). */
  readonly address: string;
  /** What the cell holds now, in English syntax ("=NL.KIA(2025,B2:B9)"), or its constant. */
  readonly formula: string;
}

/** The active cell and what it holds now, read in one batch. */
export async function activeCell(): Promise<ActiveCell> {
  return Excel.run(async (context) => {
    const cell = context.workbook.getActiveCell();
    cell.load("address,formulas");
    await context.sync();
    const formula = (cell.formulas as unknown[][])?.[0]?.[0];
    return {
      address: cell.address.replace(/\$/g, ""),
      formula: formula === null || formula === undefined ? "" : String(formula),
    };
  });
}

/** The NL functions a formula calls (`=NL.KIA(...)` -> ["KIA"]), outside its strings. */
export function nlFunctionsIn(formula: string): string[] {
  if (!formula.startsWith("=")) return [];
  const outside = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...outside.matchAll(/(?:\bNL\.|_xldudf_NL_)([A-Z0-9]+)\s*\(/gi)].map((m) => m[1].toUpperCase());
}

/**
 * Calls `handler` on every selection change. The handler itself must not call Excel when nothing
 * shows the result: with a shared runtime it keeps firing while the pane is hidden.
 */
export async function onSelectionChanged(handler: () => void): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.onSelectionChanged.add(async () => handler());
    await context.sync();
  });
}

/**
 * Whether the task pane is shown. With a shared runtime the page keeps running while the pane is
 * closed (Office hides it); Office.addin.onVisibilityModeChanged (SharedRuntime 1.1) says when it
 * is shown or hidden again, and the page's own visibility says the same where Office lets it.
 */
export function onPaneVisibility(handler: (visible: boolean) => void): boolean {
  const addin = typeof Office !== "undefined" ? Office.addin : undefined;
  if (addin && typeof addin.onVisibilityModeChanged === "function") {
    void addin
      .onVisibilityModeChanged((message) => handler(String(message.visibilityMode) === "Taskpane"))
      .catch(() => undefined);
  }
  document.addEventListener("visibilitychange", () => handler(document.visibilityState !== "hidden"));
  return document.visibilityState !== "hidden";
}

interface RecordedCall {
  readonly functionName: string;
  /** The trace; throws the NL error (code and message) when the call gives one. */
  explain(): Trace | null;
}

/** The last NL call computed for a cell in this runtime (recorded by the custom functions). */
export function recordedCall(address: string): RecordedCall | undefined {
  const calls = (globalThis as unknown as Record<symbol, Map<string, RecordedCall> | undefined>)[
    Symbol.for("nl-aftrek.calls")
  ];
  if (!calls) return undefined;
  return calls.get(address) ?? calls.get(address.replace(/^'(.*)'!/, "$1!"));
}

/** One sheet's used range as read for the audit. */
export interface SheetContent {
  readonly name: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly formulas: unknown[][];
  readonly values: unknown[][];
}

/**
 * Every sheet's formulas and values, read in batches of rows as large as one request allows, so
 * that a big workbook neither blocks Excel nor goes over the size of a request; `progress` after
 * each batch.
 */
export async function readSheets(
  progress: (sheet: string, index: number, sheets: number, rows: number, total: number) => void,
): Promise<SheetContent[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const names = sheets.items.map((s) => s.name);
    const out: SheetContent[] = [];
    for (let i = 0; i < names.length; i++) {
      const sheet = context.workbook.worksheets.getItem(names[i]);
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      if (used.isNullObject) {
        progress(names[i], i, names.length, 0, 0);
        continue;
      }
      const formulas: unknown[][] = [];
      const values: unknown[][] = [];
      await readRows(context, sheet, used, "formulas,values", (part, _, rowsRead) => {
        for (const row of part.formulas as unknown[][]) formulas.push(row);
        for (const row of part.values as unknown[][]) values.push(row);
        progress(names[i], i, names.length, rowsRead, used.rowCount);
      });
      out.push({ name: names[i], rowIndex: used.rowIndex, columnIndex: used.columnIndex, formulas, values });
    }
    return out;
  });
}

/** Shows a cell: activates its sheet and selects it. */
export async function goToCell(sheet: string, address: string): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

export interface FormulaChange {
  readonly sheet: string;
  readonly address: string;
  /** What the cell held when it was read; a cell that holds something else now is left alone. */
  readonly before: string;
  readonly after: string;
}

/** A cell address split into its column letters and row (`D12`: D, 12). */
function splitAddress(address: string): { column: string; row: number } | null {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(address);
  return m ? { column: m[1], row: Number(m[2]) } : null;
}

/**
 * The changes cut into stretches one below the other in one column of one sheet, in their order
 * (a formula filled down is one stretch: one range to read and one to write, not one per cell).
 */
function stretches(changes: readonly FormulaChange[]): FormulaChange[][] {
  const out: FormulaChange[][] = [];
  let previous: { sheet: string; column: string; row: number } | null = null;
  for (const c of changes) {
    const at = splitAddress(c.address);
    const follows =
      at && previous && previous.sheet === c.sheet && previous.column === at.column && previous.row + 1 === at.row;
    if (follows) out[out.length - 1].push(c);
    else out.push([c]);
    previous = at ? { sheet: c.sheet, ...at } : null;
  }
  return out;
}

/** The address of a stretch: its one cell, or `D2:D501`. */
function stretchAddress(stretch: readonly FormulaChange[]): string {
  const first = stretch[0].address;
  return stretch.length === 1 ? first : `${first}:${stretch[stretch.length - 1].address}`;
}

/** Cells read and written per request when formulas are replaced (and at most PAYLOAD_BUDGET bytes). */
export const CELLS_PER_BATCH = 5000;

/** What a change carries through Excel: the formula read back and the one written. */
const changeBytes = (c: FormulaChange) => 2 * (c.before.length + c.after.length) + 16;

/**
 * The stretches cut into batches of at most `cells` cells and PAYLOAD_BUDGET bytes (a longer
 * stretch is cut in pieces).
 */
function inBatches(parts: readonly FormulaChange[][], cells: number): FormulaChange[][][] {
  const batches: FormulaChange[][][] = [];
  let batch: FormulaChange[][] = [];
  let size = 0;
  let bytes = 0;
  const flush = () => {
    if (batch.length) batches.push(batch);
    batch = [];
    size = 0;
    bytes = 0;
  };
  for (const part of parts) {
    let piece: FormulaChange[] = [];
    for (const change of part) {
      const b = changeBytes(change);
      if (size === cells || (size > 0 && bytes + b > PAYLOAD_BUDGET)) {
        if (piece.length) batch.push(piece);
        piece = [];
        flush();
      }
      piece.push(change);
      size += 1;
      bytes += b;
    }
    if (piece.length) batch.push(piece);
  }
  flush();
  return batches;
}

export interface ReplaceOutcome {
  readonly written: FormulaChange[];
  readonly skipped: FormulaChange[];
  /** What Excel refused, when it stopped before the end (what was written until then stays written). */
  readonly refused: unknown;
}

/**
 * Writes the chosen formulas, after checking that each cell still holds what it held when it was
 * read. Only the cells in `changes` are touched: a cell that changed in the meantime is skipped,
 * and the cells around it in its stretch are written as ranges of their own. One batch (a read and
 * a write) per `cellsPerBatch` cells, so that a formula filled down a long column stays within the
 * size of a request.
 */
export async function replaceFormulas(
  changes: readonly FormulaChange[],
  cellsPerBatch = CELLS_PER_BATCH,
): Promise<ReplaceOutcome> {
  return Excel.run(async (context) => {
    const sheetOf = (name: string) => context.workbook.worksheets.getItem(name);
    const written: FormulaChange[] = [];
    const skipped: FormulaChange[] = [];
    try {
      for (const parts of inBatches(stretches(changes), cellsPerBatch)) {
        const ranges = parts.map((part) => {
          const range = sheetOf(part[0].sheet).getRange(stretchAddress(part));
          range.load("formulas");
          return range;
        });
        await context.sync();
        const writing: FormulaChange[] = [];
        parts.forEach((part, i) => {
          const now = ranges[i].formulas as unknown[][];
          let todo: FormulaChange[] = [];
          const write = () => {
            if (!todo.length) return;
            sheetOf(todo[0].sheet).getRange(stretchAddress(todo)).formulas = todo.map((c) => [c.after]);
            writing.push(...todo);
            todo = [];
          };
          part.forEach((c, k) => {
            if (String(now[k]?.[0] ?? "") === c.before) return void todo.push(c);
            write();
            skipped.push(c);
          });
          write();
        });
        if (writing.length) await context.sync();
        written.push(...writing);
      }
    } catch (error) {
      return { written, skipped, refused: error };
    }
    return { written, skipped, refused: null };
  });
}

// ---- Werkmap controleren: the values of replaced cells once Excel has computed them (issue 32) ----

/** The workbook's file name (a year in it is the workbook's year), or null where the host does not say. */
export function workbookName(): string | null {
  const url =
    typeof Office === "undefined" ? undefined : (Office.context?.document as { url?: string } | undefined)?.url;
  if (!url) return null;
  const name = url.split(/[\\/]/).pop() ?? "";
  try {
    return decodeURIComponent(name) || null;
  } catch {
    return name || null;
  }
}

export interface CellAt {
  readonly sheet: string;
  readonly address: string;
}

/** One property of each of the cells, read in stretches and batches as formulas are written; by `Blad!A1`. */
async function readCells(
  cells: readonly CellAt[],
  property: "values" | "numberFormat",
  cellsPerBatch: number,
  found: Map<string, unknown>,
): Promise<void> {
  const asChanges = cells.map((c) => ({ ...c, before: "", after: "" }));
  await Excel.run(async (context) => {
    for (const parts of inBatches(stretches(asChanges), cellsPerBatch)) {
      const ranges = parts.map((part) => {
        const range = context.workbook.worksheets.getItem(part[0].sheet).getRange(stretchAddress(part));
        range.load(property);
        return range;
      });
      await context.sync();
      parts.forEach((part, i) =>
        part.forEach((c, k) => found.set(`${c.sheet}!${c.address}`, (ranges[i][property] as unknown[][])[k]?.[0])),
      );
    }
  });
}

/** The number formats of some cells (the audit asks for those that may be whole percentages), by `Blad!A1`. */
export async function readNumberFormats(
  cells: readonly CellAt[],
  cellsPerBatch = CELLS_PER_BATCH,
): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  if (cells.length) await readCells(cells, "numberFormat", cellsPerBatch, found);
  return found;
}

/**
 * The values of cells just given a formula, read once Excel has computed them. A custom function
 * shows #BUSY! while its result is on its way (office-js issues #4152 and #6930), so cells that say
 * so are read again, `attempts` times `delay` ms apart; what is still busy then is returned as
 * #BUSY!.
 */
export async function readComputedValues(
  cells: readonly CellAt[],
  attempts = 20,
  delay = 250,
  cellsPerBatch = CELLS_PER_BATCH,
): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  let todo = [...cells];
  for (let attempt = 0; attempt < attempts && todo.length; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    await readCells(todo, "values", cellsPerBatch, found);
    todo = todo.filter((c) => found.get(`${c.sheet}!${c.address}`) === "#BUSY!");
  }
  return found;
}

/** A readable reason from whatever Excel threw. */
export function excelReason(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}
