/**
 * Surgical recalculation of a workbook: the NL formulas and the formulas that depend on them are
 * evaluated; every other cell keeps the value Excel stored (precedents that are formulas are read
 * at their cached value). NL formulas with references, constants and operators are evaluated
 * directly; native Excel formulas among the dependents go to HyperFormula, fed only the cells they
 * read. A cell that cannot be evaluated here keeps its cached value, is listed, and the workbook is
 * marked for Excel to recalculate on opening.
 */
import { a1, Area, cellKey } from "../workbook/address";
import { Node } from "../workbook/formula/ast";
import { printNode, printRef, quoteSheet, Unprintable } from "../workbook/formula/print";
import { CellRecord, WorkbookPackage } from "../workbook/package";
import { isSyntaxError, isUnresolved, nameNode, WorkbookReferences } from "../workbook/references";
import { CellValue, ErrorValue, errorValue, isErrorValue } from "../workbook/values";
import { CellEdit } from "../workbook/writer";
import { DependencyGraph, dependencyGraph, FormulaCell } from "./dependents";
import { DirectEvaluator, isDirect, NotDirect } from "./direct";
import { IdLists } from "./idLists";
import { nlFunctionId } from "./nlCall";
import { NlPool, POOL_THRESHOLD } from "./nlPool";

/** The seven error codes Excel has always had: the only errors ever written. */
const WRITABLE_ERRORS = new Set(["#VALUE!", "#N/A", "#NAME?", "#REF!", "#DIV/0!", "#NUM!", "#NULL!"]);

export interface CellNote {
  /** `Blad!B5` */
  readonly cell: string;
  readonly reason: string;
}

export interface CellError {
  readonly cell: string;
  readonly code: string;
  readonly message: string;
}

export interface RecalcOutcome {
  /** Formulas in the workbook, and how many of them call an NL function. */
  readonly formulas: number;
  readonly nlFormulas: number;
  /** Cells recalculated (NL formulas and their dependents), and how many of those changed. */
  readonly recalculated: number;
  readonly changedCells: number;
  /** Cells that keep Excel's cached value, with the reason. */
  readonly notRecalculated: readonly CellNote[];
  /** Recalculated cells whose result is an error (with the NL message where there is one). */
  readonly errors: readonly CellError[];
  /** Excel is asked to recalculate the whole workbook when it opens the file. */
  readonly fullCalcOnLoad: boolean;
  readonly edits: ReadonlyMap<number, readonly CellEdit[]>;
}

const DEPENDENT_OF_KEPT = "hangt af van een cel die niet herberekend kan worden";

export interface RecalcOptions {
  /** Threads the NL calls of a big workbook may be spread over (this one included); 1: only this one. */
  readonly threads?: number;
}

export async function recalculate(pkg: WorkbookPackage, options: RecalcOptions = {}): Promise<RecalcOutcome> {
  const refs = new WorkbookReferences(pkg);
  const graph = dependencyGraph(pkg, refs);
  const { formulas } = graph;
  const n = formulas.length;
  const nlFormulas = graph.touched.filter((id) => formulas[id].traits.hasNl).length;
  if (graph.touched.length === 0) {
    return {
      formulas: n,
      nlFormulas,
      recalculated: 0,
      changedCells: 0,
      notRecalculated: [],
      errors: [],
      fullCalcOnLoad: false,
      edits: new Map(),
    };
  }

  // A big workbook's NL calls are spread over the cores: the threads start now, so that they have
  // loaded the rules when the first calls come.
  const threads = options.threads ?? 1;
  const pool = threads > 1 && nlFormulas >= POOL_THRESHOLD ? NlPool.start(threads) : null;
  try {
    // The cells to recalculate: indexed by formula id in flat arrays (a workbook may hold 300.000 of them).
    const inSet = new Uint8Array(n);
    const members: number[] = [];
    const join = (id: number) => {
      if (inSet[id]) return;
      inSet[id] = 1;
      members.push(id);
    };
    graph.touched.forEach(join);

    // Spilled and array results: their other cells belong to the formula.
    const spillOwner = pkg.sheets.map(() => new Map<number, number>());
    let spills = false;
    const claimSpill = (id: number) => {
      const area = formulas[id].arrayArea;
      if (!area) return;
      spills = true;
      for (let r = area.r1; r <= area.r2; r++)
        for (let c = area.c1; c <= area.c2; c++) spillOwner[area.sheet].set(cellKey(r, c), id);
    };
    members.forEach(claimSpill);
    const { idByOrdinal } = graph;
    /** The formula a cell's value comes from (its own, or the array formula it is part of). */
    const ownerOf = (sheet: number, cell: CellRecord): number | undefined => {
      const byOrdinal = idByOrdinal[sheet];
      const id = cell.ordinal < byOrdinal.length ? byOrdinal[cell.ordinal] : -1;
      if (id >= 0) return id;
      return spills ? spillOwner[sheet].get(cellKey(cell.row, cell.col)) : undefined;
    };

    // Precedents within the set; a precedent formula that never got a cached value is computed too.
    const precedents = new IdLists(n);
    const kind = new Uint8Array(n); // 0: direct, 1: engine
    const kept = new Map<number, string>();
    const stamp = new Int32Array(n).fill(-1);
    const decisions = new Decisions(refs, () => loadEngine().engineFunctions());
    let visiting = -1; // the member whose precedents are being found
    let areaSheet = 0;
    const visit = (sheet: number, cell: CellRecord | undefined) => {
      if (!cell) return;
      const owner = ownerOf(sheet, cell);
      if (owner === undefined || owner === visiting || stamp[owner] === visiting) return;
      stamp[owner] = visiting;
      if (!inSet[owner]) {
        // Read at its cached value, unless it has none.
        const other = formulas[owner];
        if (other.cell.vStart >= 0 || other.cell.value !== null) return;
        join(owner);
        claimSpill(owner);
      }
      precedents.push(owner);
    };
    const visitInArea = (cell: CellRecord) => visit(areaSheet, cell);
    for (let i = 0; i < members.length; i++) {
      const id = (visiting = members[i]);
      const f = formulas[id];
      precedents.start(id);
      const areas = graph.areasOf(f);
      for (let a = 0; a < areas.length; a++) {
        const area = areas[a];
        const cells = pkg.sheets[area.sheet].cells;
        areaSheet = area.sheet;
        if (area.r1 === area.r2 && area.c1 === area.c2) visit(area.sheet, cells.get(area.r1, area.c1));
        else cells.forEachIn(area, visitInArea);
      }
      const reason = decisions.keepReason(f);
      if (reason) kept.set(id, reason);
      kind[id] = decisions.isDirect(f) ? 0 : 1;
    }

    // Dependency order (Kahn); what is left over is on a circular reference.
    const dependents = precedents.reversed(members);
    const indegree = new Int32Array(n);
    for (let i = 0; i < members.length; i++) indegree[members[i]] = precedents.size(members[i]);
    const order: number[] = [];
    const ready = members.filter((id) => indegree[id] === 0);
    while (ready.length) {
      const id = ready.pop()!;
      order.push(id);
      for (let k = dependents.first(id); k < dependents.end(id); k++) {
        const d = dependents.items[k];
        if (--indegree[d] === 0) ready.push(d);
      }
    }
    if (order.length < members.length) {
      for (const id of members) if (indegree[id] > 0 && !kept.has(id)) kept.set(id, "kringverwijzing");
    }

    // Levels: direct cells on even levels, engine cells on odd ones, each after what it reads.
    const level = new Int32Array(n);
    let maxLevel = 0;
    for (let i = 0; i < order.length; i++) {
      const id = order[i];
      let l = kind[id];
      for (let k = precedents.first(id); k < precedents.end(id); k++) {
        const p = precedents.items[k];
        const need = kind[p] === kind[id] ? level[p] : level[p] + 1;
        if (need > l) l = need;
      }
      if (l % 2 !== kind[id]) l++;
      level[id] = l;
      if (l > maxLevel) maxLevel = l;
    }

    // Evaluation.
    const results: Array<CellValue | CellValue[][]> = new Array(n);
    const done = new Uint8Array(n);
    const valueAt = (sheet: number, row: number, col: number): CellValue => {
      const cell = pkg.sheets[sheet].cells.get(row, col);
      if (!cell) return null;
      const owner = ownerOf(sheet, cell);
      if (owner !== undefined && done[owner]) {
        const result = results[owner];
        const f = formulas[owner];
        if (!Array.isArray(result)) return f.cell.row === row && f.cell.col === col ? result : null;
        const top = f.arrayArea ?? { r1: f.cell.row, c1: f.cell.col };
        return result[row - top.r1]?.[col - top.c1] ?? (f.arrayArea ? errorValue("#N/A") : null);
      }
      return cell.value;
    };
    const valuesIn = (area: Area): CellValue[][] => {
      const rows: CellValue[][] = [];
      for (let r = area.r1; r <= area.r2; r++) {
        const row: CellValue[] = [];
        for (let c = area.c1; c <= area.c2; c++) row.push(valueAt(area.sheet, r, c));
        rows.push(row);
      }
      return rows;
    };
    const direct = new DirectEvaluator({ refs, valueAt, valuesIn: (area) => valuesIn(storedPart(pkg, area)) });
    const isKept = (p: number) => kept.has(p);
    const keptPrecedent = (id: number) => precedents.some(id, isKept);
    const setResult = (id: number, value: CellValue | CellValue[][]) => {
      results[id] = value;
      done[id] = 1;
    };

    const waveOf = new Int32Array(n);
    const byLevel: number[][] = Array.from({ length: maxLevel + 1 }, () => []);
    for (let i = 0; i < order.length; i++) byLevel[level[order[i]]].push(order[i]);
    for (let l = 0; l <= maxLevel; l++) {
      const ids: number[] = [];
      for (let i = 0; i < byLevel[l].length; i++) {
        const id = byLevel[l][i];
        if (kept.has(id)) continue;
        if (keptPrecedent(id)) kept.set(id, DEPENDENT_OF_KEPT);
        else ids.push(id);
      }
      if (ids.length === 0) continue;
      if (l % 2 === 0) {
        // In waves: each wave's cells read only cells of earlier waves and levels, so the NL calls
        // of a wave can be made together, spread over the pool's threads.
        for (const wave of wavesOf(ids, precedents, level, waveOf)) {
          const batch = pool?.batch(setResult);
          for (let w = 0; w < wave.length; w++) {
            const id = wave[w];
            if (kept.size && keptPrecedent(id)) {
              kept.set(id, DEPENDENT_OF_KEPT);
              continue;
            }
            const f = formulas[id];
            const node = (f.formula as { node: Node }).node;
            try {
              const call = batch ? direct.topLevelCall(node, f.sheet, f.cell) : null;
              if (call) batch!.add(id, call);
              else setResult(id, direct.evaluate(node, f.sheet, f.cell));
            } catch (error) {
              if (!(error instanceof NotDirect)) throw error;
              kept.set(id, `niet zonder Excel te bepalen (${error.message})`);
            }
          }
          await batch?.finish();
        }
      } else {
        evaluateWithEngine(pkg, refs, graph, precedents, ids, valueAt, setResult, kept);
        for (const id of ids) if (kept.has(id)) done[id] = 0;
      }
    }

    // What to write.
    const edits = new Map<number, CellEdit[]>();
    const errors: CellError[] = [];
    let recalculated = 0;
    let changedCells = 0;
    for (let i = 0; i < order.length; i++) {
      const id = order[i];
      if (kept.has(id) || !done[id]) continue;
      const f = formulas[id];
      const cells = targetCells(pkg, f, results[id]);
      if (typeof cells === "string") {
        kept.set(id, cells);
        continue;
      }
      const bad = cells.find(({ value }) => isErrorValue(value) && !WRITABLE_ERRORS.has(value.error));
      if (bad) {
        kept.set(id, `uitkomst ${(bad.value as ErrorValue).error} is geen Excel-foutwaarde`);
        continue;
      }
      recalculated++;
      let list = edits.get(f.sheet);
      if (!list) edits.set(f.sheet, (list = []));
      for (const edit of cells) {
        list.push(edit);
        if (!holdsValue(edit)) changedCells++;
      }
      const top = cells[0]?.value;
      if (isErrorValue(top)) errors.push({ cell: cellName(pkg, f), code: top.error, message: top.message ?? "" });
    }
    const notes: CellNote[] = [];
    for (const id of members)
      if (kept.has(id)) notes.push({ cell: cellName(pkg, formulas[id]), reason: kept.get(id)! });
    return {
      formulas: n,
      nlFormulas,
      recalculated,
      changedCells,
      notRecalculated: notes,
      errors,
      fullCalcOnLoad: notes.length > 0 || graph.dynamicOutside,
      edits,
    };
  } finally {
    await pool?.close();
  }
}

/**
 * The cells of one direct level in waves: a cell is in the wave after the latest wave of the
 * cells of this level it reads (`ids` are in dependency order).
 */
function wavesOf(ids: readonly number[], precedents: IdLists, level: Int32Array, waveOf: Int32Array): number[][] {
  const waves: number[][] = [];
  const l = level[ids[0]];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    let w = 0;
    for (let k = precedents.first(id); k < precedents.end(id); k++) {
      const p = precedents.items[k];
      if (level[p] === l && waveOf[p] + 1 > w) w = waveOf[p] + 1;
    }
    waveOf[id] = w;
    (waves[w] ??= []).push(id);
  }
  return waves;
}

/**
 * What can be decided from a formula's tree once and holds for every cell that shares it (on the
 * same sheet: names may differ per sheet): which engine evaluates it, and whether one can.
 */
class Decisions {
  private readonly direct = new Map<Node, Map<number, boolean>>();
  private readonly functions = new Map<Node, Map<number, string | null>>();

  constructor(
    private readonly refs: WorkbookReferences,
    private readonly engineFunctions: () => ReadonlySet<string>,
  ) {}

  isDirect(f: FormulaCell): boolean {
    if (isSyntaxError(f.formula)) return false;
    if (f.cell.formula?.kind === "array" || f.arrayArea !== null) return isDirectFormula(f, this.refs, true);
    return this.cached(this.direct, f, () => isDirectFormula(f, this.refs, false));
  }

  keepReason(f: FormulaCell): string | null {
    if (isSyntaxError(f.formula)) return `onleesbare formule (${f.formula.syntaxError})`;
    if (f.cell.formula?.kind === "dataTable") return "gegevenstabel (wat-als-analyse)";
    if (f.traits.unsupported) return f.traits.unsupported;
    if (f.traits.dynamic) return "INDIRECT of OFFSET: welke cellen die lezen, weet alleen Excel";
    return this.cached(this.functions, f, () => unknownFunction(f, this.refs, this.engineFunctions));
  }

  private cached<T>(cache: Map<Node, Map<number, T>>, f: FormulaCell, compute: () => T): T {
    const node = (f.formula as { node: Node }).node;
    let bySheet = cache.get(node);
    if (!bySheet) cache.set(node, (bySheet = new Map()));
    if (bySheet.has(f.sheet)) return bySheet.get(f.sheet)!;
    const value = compute();
    bySheet.set(f.sheet, value);
    return value;
  }
}

function holdsValue(edit: CellEdit): boolean {
  const current = edit.cell.value;
  const value = edit.value;
  if (isErrorValue(value)) return isErrorValue(current) && current.error === value.error;
  return current === value;
}

function cellName(pkg: WorkbookPackage, f: FormulaCell): string {
  const sheet = pkg.sheets[f.sheet].name;
  return `${/^[A-Za-z_][\w.]*$/.test(sheet) ? sheet : quoteSheet(sheet)}!${a1(f.cell.row, f.cell.col)}`;
}

/**
 * A big area (a whole column, say) cut down to the part that holds cells: what lies beyond the
 * last stored cell is empty, and an NL function skips empty cells.
 */
function storedPart(pkg: WorkbookPackage, area: Area): Area {
  if ((area.r2 - area.r1 + 1) * (area.c2 - area.c1 + 1) <= 100000) return area;
  let lastRow = area.r1;
  let lastCol = area.c1;
  pkg.sheets[area.sheet].cells.forEachIn(area, (cell) => {
    if (cell.row > lastRow) lastRow = cell.row;
    if (cell.col > lastCol) lastCol = cell.col;
  });
  return { ...area, r2: lastRow, c2: lastCol };
}

/** The first function no engine here evaluates, as a reason; or null. */
function unknownFunction(
  f: FormulaCell,
  refs: WorkbookReferences,
  knownToEngine: () => ReadonlySet<string>,
): string | null {
  for (const fn of functionsUsed((f.formula as { node: Node }).node, refs, f.sheet)) {
    if (fn.startsWith("NL.")) {
      if (!nlFunctionId(fn)) return `${fn} bestaat niet in deze versie van NL Aftrek`;
      continue;
    }
    if (fn === "TRUE" || fn === "FALSE") continue;
    if (!knownToEngine().has(fn)) return `functie ${fn} kan zonder Excel niet worden berekend`;
  }
  return null;
}

function functionsUsed(
  node: Node,
  refs: WorkbookReferences,
  sheet: number,
  depth = 0,
  out = new Set<string>(),
): Set<string> {
  const walk = (n: Node): void => {
    switch (n.k) {
      case "call":
        out.add(n.fn);
        n.args.forEach(walk);
        return;
      case "name": {
        if (depth > 20) return;
        const target = nameNode(refs, n.name, sheet, n.sheet);
        if (!isUnresolved(target)) functionsUsed(target.node, refs, target.sheet, depth + 1, out);
        return;
      }
      case "unary":
      case "postfix":
      case "paren":
        walk(n.a);
        return;
      case "bin":
        walk(n.a);
        walk(n.b);
        return;
      case "union":
        n.items.forEach(walk);
        return;
      default:
        return;
    }
  };
  walk(node);
  return out;
}

function isDirectFormula(f: FormulaCell, refs: WorkbookReferences, array: boolean): boolean {
  const { node } = f.formula as { node: Node };
  if (array) {
    // An array formula is direct only when it is one NL call (its result has the size the function says).
    return node.k === "call" && nlFunctionId(node.fn) !== null && isDirect(node, refs, f.sheet);
  }
  return isDirect(node, refs, f.sheet);
}

/** The cells a result goes into; a string when it cannot be written without changing the sheet's layout. */
function targetCells(pkg: WorkbookPackage, f: FormulaCell, result: CellValue | CellValue[][]): CellEdit[] | string {
  const cells = pkg.sheets[f.sheet].cells;
  if (!f.arrayArea) {
    const value = Array.isArray(result) ? (result[0]?.[0] ?? null) : result;
    return [{ cell: f.cell, value: value === null ? 0 : value }];
  }
  const area = f.arrayArea;
  const rows = Array.isArray(result) ? result : [[result]];
  const height = area.r2 - area.r1 + 1;
  const width = area.c2 - area.c1 + 1;
  if (f.cell.formula?.dynamic && (rows.length !== height || (rows[0]?.length ?? 0) !== width)) {
    return `de uitkomst heeft een andere grootte (${rows.length}×${rows[0]?.length ?? 0}) dan het overloopbereik (${height}×${width})`;
  }
  const out: CellEdit[] = [];
  for (let r = area.r1; r <= area.r2; r++) {
    for (let c = area.c1; c <= area.c2; c++) {
      let value: CellValue = rows[r - area.r1]?.[c - area.c1] ?? errorValue("#N/A");
      if (value === null) value = f.cell.formula?.dynamic ? "" : 0;
      const cell = cells.get(r, c);
      if (!cell || cell.type === "inlineStr") return `cel ${a1(r, c)} van het matrixbereik ontbreekt in het bestand`;
      out.push({ cell, value });
    }
  }
  return out;
}

function loadEngine(): typeof import("./hyperformula") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("./hyperformula");
}

/** One HyperFormula run for the engine cells of a level: their formulas, and the values they read. */
function evaluateWithEngine(
  pkg: WorkbookPackage,
  refs: WorkbookReferences,
  graph: DependencyGraph,
  precedents: IdLists,
  ids: readonly number[],
  valueAt: (sheet: number, row: number, col: number) => CellValue,
  setResult: (id: number, value: CellValue | CellValue[][]) => void,
  kept: Map<number, string>,
): void {
  const { formulas } = graph;
  const hf = loadEngine();
  const grids = pkg.sheets.map(() => new Map<number, Map<number, unknown>>());
  const put = (sheet: number, row: number, col: number, content: unknown) => {
    let line = grids[sheet].get(row);
    if (!line) grids[sheet].set(row, (line = new Map()));
    line.set(col, content);
  };
  const texts = new Map<number, string>();
  for (const id of ids) {
    const f = formulas[id];
    try {
      const body = engineText(f, refs);
      texts.set(id, f.cell.formula?.kind === "array" || f.arrayArea ? `=ARRAYFORMULA(${body})` : `=${body}`);
    } catch (error) {
      if (!(error instanceof Unprintable)) throw error;
      kept.set(id, error.message);
    }
  }
  const occupied = new Set<string>();
  for (const id of texts.keys()) {
    const f = formulas[id];
    occupied.add(`${f.sheet}:${f.cell.row}:${f.cell.col}`);
    put(f.sheet, f.cell.row, f.cell.col, texts.get(id));
  }
  for (const id of texts.keys()) {
    for (const area of graph.areasOf(formulas[id])) {
      const fill = (row: number, col: number) => {
        if (occupied.has(`${area.sheet}:${row}:${col}`)) return;
        const value = valueAt(area.sheet, row, col);
        if (value !== null) put(area.sheet, row, col, engineContent(value));
      };
      if ((area.r2 - area.r1 + 1) * (area.c2 - area.c1 + 1) <= 64) {
        for (let r = area.r1; r <= area.r2; r++) for (let c = area.c1; c <= area.c2; c++) fill(r, c);
      } else pkg.sheets[area.sheet].cells.forEachIn(area, (cell) => fill(cell.row, cell.col));
    }
  }
  const sheets: Record<string, unknown[][]> = {};
  pkg.sheets.forEach((sheet, index) => {
    const rows: unknown[][] = [];
    for (const [row, line] of grids[index]) {
      const cells = (rows[row - 1] ??= []);
      for (const [col, content] of line) cells[col - 1] = content;
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    sheets[sheet.name] = rows;
  });
  const engine = hf.createEngine(sheets as never, pkg.date1904);
  try {
    // Sheets are found by name: an object orders a sheet called "1" before the others.
    const engineSheet = pkg.sheets.map((sheet) => engine.getSheetId(sheet.name)!);
    for (const id of texts.keys()) {
      const f = formulas[id];
      const read = (row: number, col: number) =>
        hf.fromEngine(engine.getCellValue({ sheet: engineSheet[f.sheet], row: row - 1, col: col - 1 }));
      if (f.arrayArea) {
        const rows: CellValue[][] = [];
        let failed = false;
        for (let r = f.arrayArea.r1; r <= f.arrayArea.r2 && !failed; r++) {
          const line: CellValue[] = [];
          for (let c = f.arrayArea.c1; c <= f.arrayArea.c2; c++) {
            const v = read(r, c);
            if (v === undefined) failed = true;
            line.push(v ?? null);
          }
          rows.push(line);
        }
        if (failed) kept.set(id, "HyperFormula kon de matrixformule niet berekenen");
        else setResult(id, rows);
      } else {
        const v = read(f.cell.row, f.cell.col);
        if (v === undefined) kept.set(id, "HyperFormula kon de formule niet berekenen");
        else setResult(id, v);
      }
    }
  } finally {
    engine.destroy();
  }
  // A cell of this run that read a formula that could not be given to the engine read a stale value.
  for (const id of ids) {
    if (!kept.has(id) && precedents.some(id, (p) => kept.has(p))) kept.set(id, DEPENDENT_OF_KEPT);
  }
}

/** A value as HyperFormula content: text stays text (never a formula or a number). */
function engineContent(value: CellValue): unknown {
  if (typeof value === "string") return `'${value}`;
  if (isErrorValue(value)) return value.error;
  return value;
}

/** The formula as HyperFormula reads it: names, tables and spills replaced by the areas they mean. */
function engineText(f: FormulaCell, refs: WorkbookReferences): string {
  const { node } = f.formula as { node: Node };
  const sheetPrefix = (area: Area) =>
    area.sheet === f.sheet ? "" : `${quoteSheet(refs.pkg.sheets[area.sheet].name)}!`;
  const areaText = (area: Area) =>
    `${sheetPrefix(area)}${printRef(
      {
        kind: "area",
        r1: area.r1,
        c1: area.c1,
        r2: area.r2,
        c2: area.c2,
        r1Abs: true,
        c1Abs: true,
        r2Abs: true,
        c2Abs: true,
      },
      { row: 1, col: 1 },
    )}`;
  const print = (n: Node, sheet: number, depth: number): string =>
    printNode(n, {
      host: f.cell,
      functionName: (canonical) => canonical,
      booleanCalls: true,
      name: (nameRef) => {
        if (depth > 20) throw new Unprintable("namen die naar elkaar verwijzen");
        const target = nameNode(refs, nameRef.name, sheet, nameRef.sheet);
        if (isUnresolved(target)) return target.error;
        return `(${print(target.node, target.sheet, depth + 1)})`;
      },
      struct: (s) => {
        const area = refs.resolveStruct(s.spec, sheet, f.cell);
        return isUnresolved(area) ? area.error : areaText(area);
      },
      spill: (s) => {
        const area = s.a.k === "ref" ? refs.resolveSpill(s.a.ref, sheet, f.cell) : null;
        if (!area || isUnresolved(area)) return "#REF!";
        return areaText(area);
      },
    });
  return print(node, f.sheet, 0);
}
