/**
 * Surgical recalculation of a workbook: the NL formulas and the formulas that depend on them are
 * evaluated; every other cell keeps the value Excel stored (precedents that are formulas are read
 * at their cached value). NL formulas with references, constants and operators are evaluated
 * directly; native Excel formulas among the dependents go to HyperFormula, fed only the cells they
 * read. A cell that cannot be evaluated here keeps its cached value, is listed, and the workbook is
 * marked for Excel to recalculate on opening.
 */
import { a1, Area, cellCount, cellKey } from "../workbook/address";
import { Node } from "../workbook/formula/ast";
import { quoteSheet } from "../workbook/formula/print";
import { CellRecord, SheetCells, WorkbookPackage } from "../workbook/package";
import { isSyntaxError, WorkbookReferences } from "../workbook/references";
import { CellValue, ErrorValue, errorValue, isErrorValue } from "../workbook/values";
import { CellEdit } from "../workbook/writer";
import { Decisions, DEPENDENT_OF_KEPT } from "./decisions";
import { DependencyGraph, dependencyGraph, FormulaCell } from "./dependents";
import { DirectEvaluator } from "./direct";
import { EngineLevelContext, EngineSession, evaluateWithEngine } from "./engineLevel";
import { loadEngine } from "./engineLoader";
import { NeedsExcel, needsExcelReason } from "./excelValues";
import { AreaRead, GROWING_FROM, growingAreaSteps } from "./growingAreas";
import { IdLists } from "./idLists";
import { NlPool, POOL_THRESHOLD } from "./nlPool";

/**
 * The most cells a range a recalculated formula reads may span, once cut to the part of the sheet
 * that holds cells: one whole column. A sheet with a value in its last cell makes A:XFD 17 billion
 * cells, and HyperFormula needs some 800 bytes for each cell of a range it sums: larger ranges are
 * left to Excel.
 */
const MAX_RANGE_CELLS = 1048576;

/** Whether a formula may read an area of more than one cell (else it needs no look at growing areas). */
function mayReadArea(f: FormulaCell): boolean {
  if (isSyntaxError(f.formula)) return false;
  const { refs, names, structs, spills } = f.formula.info;
  if (names.length || structs.length || spills.length) return true;
  for (let i = 0; i < refs.length; i++) if (refs[i].r1 !== refs[i].r2 || refs[i].r1Abs !== refs[i].r2Abs) return true;
  return false;
}

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

/** How far a recalculation of a file is: its phase and, while computing, the cells done of all. */
export interface RecalcProgress {
  readonly phase: "lezen" | "rekenen" | "schrijven";
  readonly done: number;
  readonly total: number;
}

export interface RecalcOptions {
  /** Threads the NL calls of a big workbook may be spread over (this one included); 1: only this one. */
  readonly threads?: number;
  /** Told now and then how far it is (a big workbook takes seconds): at each phase, and every few thousand cells. */
  readonly progress?: (progress: RecalcProgress) => void;
}

/** Cells computed between two reports of progress. */
const PROGRESS_EVERY = 4096;

export async function recalculate(pkg: WorkbookPackage, options: RecalcOptions = {}): Promise<RecalcOutcome> {
  const refs = new WorkbookReferences(pkg);
  const graph = dependencyGraph(pkg, refs);
  const nlFormulas = graph.touched.filter((id) => graph.formulas[id].traits.hasNl).length;
  if (graph.touched.length === 0) {
    return {
      formulas: graph.formulas.length,
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
  const engines = new EngineSession(pkg.date1904);
  try {
    const run = new Recalculation(pkg, refs, graph, engines);
    run.findPrecedents();
    const order = run.dependencyOrder();
    await run.evaluate(order, pool, options.progress);
    return run.outcome(order, nlFormulas);
  } finally {
    engines.destroy();
    await pool?.close();
  }
}

/**
 * One recalculation, in the order it goes: the cells to recalculate and what they read, their
 * dependency order and levels, the evaluation level by level, and what to write. Formulas are
 * indexed by id in flat arrays: a workbook may hold 300.000 of them.
 */
class Recalculation {
  private readonly formulas: readonly FormulaCell[];
  /** The cells to recalculate (the NL formulas, their dependents, precedents without a cached value). */
  private readonly members: number[] = [];
  private readonly inSet: Uint8Array;
  /** Spilled and array results: their other cells belong to the formula. */
  private readonly spillOwner: Map<number, number>[];
  private spills = false;
  /** Each member's precedents within the set. */
  private readonly precedents: IdLists;
  /** 0: evaluated directly, 1: by HyperFormula. */
  private readonly kind: Uint8Array;
  /** Cells that keep their cached value, with the reason. */
  private readonly kept = new Map<number, string>();
  private readonly decisions: Decisions;
  private readonly level: Int32Array;
  /** The wave of a direct cell within its level. */
  private readonly waveOf: Int32Array;
  private readonly results: Array<CellValue | CellValue[][]>;
  private readonly done: Uint8Array;
  private readonly direct: DirectEvaluator;
  private readonly engineLevel: EngineLevelContext;

  constructor(
    private readonly pkg: WorkbookPackage,
    refs: WorkbookReferences,
    private readonly graph: DependencyGraph,
    engines: EngineSession,
  ) {
    const n = graph.formulas.length;
    this.formulas = graph.formulas;
    this.inSet = new Uint8Array(n);
    this.spillOwner = pkg.sheets.map(() => new Map<number, number>());
    this.precedents = new IdLists(n);
    this.kind = new Uint8Array(n);
    this.level = new Int32Array(n);
    this.waveOf = new Int32Array(n);
    this.results = new Array(n);
    this.done = new Uint8Array(n);
    this.decisions = new Decisions(refs, () => loadEngine().engineFunctions());
    this.direct = new DirectEvaluator({
      refs,
      valueAt: this.valueAt,
      valuesIn: (area) => this.valuesIn(storedPart(pkg, area)),
    });
    this.engineLevel = {
      pkg,
      refs,
      graph,
      valueAt: this.valueAt,
      setResult: this.setResult,
      kept: this.kept,
      keptPrecedent: (id) => this.keptPrecedent(id),
      engines,
    };
    for (const id of graph.touched) this.join(id);
    // A formula that could not be read may read any of them: it is listed as not recalculated
    // (which also has Excel recalculate on opening).
    for (const id of graph.unreadable) this.join(id);
    for (const id of this.members) this.claimSpill(id);
  }

  private join(id: number): void {
    if (this.inSet[id]) return;
    this.inSet[id] = 1;
    this.members.push(id);
  }

  /** The cells of a multi-cell formula's area that the file holds (only those are ever looked up). */
  private claimSpill(id: number): void {
    const area = this.formulas[id].arrayArea;
    if (!area) return;
    this.spills = true;
    const owners = this.spillOwner[area.sheet];
    const cells = this.pkg.sheets[area.sheet].cells;
    // By the stored cells, not by every position: a file can claim a whole sheet for one formula.
    let stored = 0;
    cells.forEachIn(area, (cell) => {
      owners.set(cellKey(cell.row, cell.col), id);
      stored++;
    });
    // A result that cannot be written in place is not worked out (nor read by what depends on it).
    if (stored < cellCount(area)) this.kept.set(id, missingArrayCell(cells, area)!);
  }

  /** The formula a cell's value comes from (its own, or the array formula it is part of). */
  private ownerOf(sheet: number, cell: CellRecord): number | undefined {
    const byOrdinal = this.graph.idByOrdinal[sheet];
    const id = cell.ordinal < byOrdinal.length ? byOrdinal[cell.ordinal] : -1;
    if (id >= 0) return id;
    return this.spills ? this.spillOwner[sheet].get(cellKey(cell.row, cell.col)) : undefined;
  }

  /**
   * Each member's precedents within the set, and how it is evaluated. A precedent formula that
   * never got a cached value joins the set (and is computed too).
   */
  findPrecedents(): void {
    const { members, formulas, precedents } = this;
    const stamp = new Int32Array(formulas.length).fill(-1);
    let visiting = -1; // the member whose precedents are being found
    let areaSheet = 0;
    const visit = (sheet: number, cell: CellRecord | undefined) => {
      if (!cell) return;
      const owner = this.ownerOf(sheet, cell);
      if (owner === undefined || owner === visiting || stamp[owner] === visiting) return;
      stamp[owner] = visiting;
      if (!this.inSet[owner]) {
        // Read at its cached value, unless it has none.
        const other = formulas[owner];
        if (other.cell.value !== null || this.pkg.sheets[other.sheet].cells.hasValueElement(other.cell)) return;
        this.join(owner);
        this.claimSpill(owner);
      }
      precedents.push(owner);
    };
    const visitInArea = (cell: CellRecord) => visit(areaSheet, cell);
    const { areasOf, steps } = this.growingAreas();
    for (let i = 0; i < members.length; i++) {
      const id = (visiting = members[i]);
      const f = formulas[id];
      precedents.start(id);
      const areas = areasOf.get(id) ?? this.graph.areasOf(f);
      const stepsOf = steps.get(id);
      let largest = 0;
      for (let a = 0; a < areas.length; a++) {
        const area = areas[a];
        const cells = this.pkg.sheets[area.sheet].cells;
        areaSheet = area.sheet;
        const step = stepsOf?.get(a);
        if (area.r1 === area.r2 && area.c1 === area.c2) visit(area.sheet, cells.get(area.r1, area.c1));
        else if (step) {
          // After the formula with the next smaller area, which has the rows this one adds to.
          if (step.previous >= 0 && stamp[step.previous] !== id) {
            stamp[step.previous] = id;
            precedents.push(step.previous);
          }
          if (step.rest) cells.forEachIn(step.rest, visitInArea);
        } else cells.forEachIn(area, visitInArea);
        if (cellCount(area) > MAX_RANGE_CELLS) largest = Math.max(largest, cellCount(storedPart(this.pkg, area)));
      }
      const reason =
        this.decisions.keepReason(f) ??
        (largest > MAX_RANGE_CELLS
          ? `leest een bereik van ${largest.toLocaleString("nl-NL")} cellen; zonder Excel ten hoogste ${MAX_RANGE_CELLS.toLocaleString("nl-NL")} (één hele kolom)`
          : null);
      if (reason) this.kept.set(id, reason);
      this.kind[id] = this.decisions.isDirect(f) ? 0 : 1;
    }
  }

  /**
   * The areas of more than a few rows the members read, and how to walk those that grow from one
   * top or bottom row (running totals) so that no cell is walked once for every formula beside it.
   */
  private growingAreas(): { areasOf: Map<number, readonly Area[]>; steps: ReturnType<typeof growingAreaSteps> } {
    const areasOf = new Map<number, readonly Area[]>();
    const reads: AreaRead[] = [];
    for (let i = 0; i < this.members.length; i++) {
      const id = this.members[i];
      const f = this.formulas[id];
      if (!mayReadArea(f)) continue;
      const areas = this.graph.areasOf(f);
      let any = false;
      for (let a = 0; a < areas.length; a++) {
        const area = areas[a];
        if (area.r2 - area.r1 < GROWING_FROM) continue;
        reads.push({ id, index: a, area });
        any = true;
      }
      if (any) areasOf.set(id, areas);
    }
    return { areasOf, steps: growingAreaSteps(reads) };
  }

  /**
   * The members in dependency order (Kahn; what is left over is on a circular reference), and
   * their levels: direct cells on even levels, engine cells on odd ones, each after what it reads.
   */
  dependencyOrder(): number[] {
    const { members, precedents, kind, level, kept } = this;
    const dependents = precedents.reversed(members);
    const indegree = new Int32Array(this.formulas.length);
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
    }
    return order;
  }

  /** A cell's value: its new result once that is known, else the value Excel stored. */
  private readonly valueAt = (sheet: number, row: number, col: number): CellValue => {
    const cell = this.pkg.sheets[sheet].cells.get(row, col);
    if (!cell) return null;
    const owner = this.ownerOf(sheet, cell);
    if (owner !== undefined && this.done[owner]) {
      const result = this.results[owner];
      const f = this.formulas[owner];
      if (!Array.isArray(result)) return f.cell.row === row && f.cell.col === col ? result : null;
      const top = f.arrayArea ?? { r1: f.cell.row, c1: f.cell.col };
      return result[row - top.r1]?.[col - top.c1] ?? (f.arrayArea ? errorValue("#N/A") : null);
    }
    return cell.value;
  };

  private valuesIn(area: Area): CellValue[][] {
    const rows: CellValue[][] = [];
    for (let r = area.r1; r <= area.r2; r++) {
      const row: CellValue[] = [];
      for (let c = area.c1; c <= area.c2; c++) row.push(this.valueAt(area.sheet, r, c));
      rows.push(row);
    }
    return rows;
  }

  private readonly setResult = (id: number, value: CellValue | CellValue[][]): void => {
    this.results[id] = value;
    this.done[id] = 1;
  };

  private readonly isKept = (p: number) => this.kept.has(p);

  /** Whether a cell reads one kept at its cached value (nothing to look through while none is). */
  private keptPrecedent(id: number): boolean {
    return this.kept.size > 0 && this.precedents.some(id, this.isKept);
  }

  /** Level by level: direct levels here (their NL calls in waves, spread over the pool), engine levels in HyperFormula. */
  async evaluate(
    order: readonly number[],
    pool: NlPool | null,
    progress?: (progress: RecalcProgress) => void,
  ): Promise<void> {
    const byLevel: number[][] = [];
    for (let i = 0; i < order.length; i++) (byLevel[this.level[order[i]]] ??= []).push(order[i]);
    let done = 0;
    const tell = (count: number) => {
      const before = done;
      done += count;
      if (progress && Math.floor(done / PROGRESS_EVERY) !== Math.floor(before / PROGRESS_EVERY))
        progress({ phase: "rekenen", done, total: order.length });
    };
    progress?.({ phase: "rekenen", done: 0, total: order.length });
    for (let l = 0; l < byLevel.length; l++) {
      const ids: number[] = [];
      for (const id of byLevel[l] ?? []) {
        if (this.kept.has(id)) continue;
        if (this.keptPrecedent(id)) this.kept.set(id, DEPENDENT_OF_KEPT);
        else ids.push(id);
      }
      tell((byLevel[l]?.length ?? 0) - ids.length);
      if (ids.length === 0) continue;
      if (l % 2 === 0) await this.evaluateDirect(ids, pool, tell);
      else {
        evaluateWithEngine(this.engineLevel, ids);
        for (const id of ids) if (this.kept.has(id)) this.done[id] = 0;
        tell(ids.length);
      }
    }
    if (done % PROGRESS_EVERY !== 0) progress?.({ phase: "rekenen", done, total: order.length });
  }

  /**
   * A direct level in waves: each wave's cells read only cells of earlier waves and levels, so the
   * NL calls of a wave can be made together, spread over the pool's threads.
   */
  private async evaluateDirect(
    ids: readonly number[],
    pool: NlPool | null,
    tell: (count: number) => void,
  ): Promise<void> {
    for (const wave of wavesOf(ids, this.precedents, this.level, this.waveOf)) {
      const batch = pool?.batch(this.setResult);
      for (let w = 0; w < wave.length; w++) {
        const id = wave[w];
        if (w % PROGRESS_EVERY === PROGRESS_EVERY - 1) tell(PROGRESS_EVERY);
        if (this.keptPrecedent(id)) {
          this.kept.set(id, DEPENDENT_OF_KEPT);
          continue;
        }
        const f = this.formulas[id];
        const node = (f.formula as { node: Node }).node;
        try {
          const call = batch ? this.direct.topLevelCall(node, f.sheet, f.cell) : null;
          if (call) batch!.add(id, call);
          else this.setResult(id, this.direct.evaluate(node, f.sheet, f.cell));
        } catch (error) {
          if (!(error instanceof NeedsExcel)) throw error;
          this.kept.set(id, needsExcelReason(error.message));
        }
      }
      await batch?.finish();
      tell(wave.length % PROGRESS_EVERY);
    }
  }

  /** What to write, and what to tell. */
  outcome(order: readonly number[], nlFormulas: number): RecalcOutcome {
    const { pkg, formulas, kept } = this;
    const edits = new Map<number, CellEdit[]>();
    const errors: CellError[] = [];
    let recalculated = 0;
    let changedCells = 0;
    for (let i = 0; i < order.length; i++) {
      const id = order[i];
      if (kept.has(id) || !this.done[id]) continue;
      const f = formulas[id];
      const cells = targetCells(pkg, f, this.results[id]);
      if (typeof cells === "string") {
        kept.set(id, cells);
        continue;
      }
      const bad = unwritable(cells);
      if (bad) {
        kept.set(id, `uitkomst ${bad.error} is geen Excel-foutwaarde`);
        continue;
      }
      recalculated++;
      let list = edits.get(f.sheet);
      if (!list) edits.set(f.sheet, (list = []));
      for (let k = 0; k < cells.length; k++) {
        list.push(cells[k]);
        if (!holdsValue(cells[k])) changedCells++;
      }
      const top = cells[0]?.value;
      if (isErrorValue(top)) errors.push({ cell: cellName(pkg, f), code: top.error, message: top.message ?? "" });
    }
    const notes: CellNote[] = [];
    for (const id of this.members)
      if (kept.has(id)) notes.push({ cell: cellName(pkg, formulas[id]), reason: kept.get(id)! });
    return {
      formulas: formulas.length,
      nlFormulas,
      recalculated,
      changedCells,
      notRecalculated: notes,
      errors,
      fullCalcOnLoad: notes.length > 0 || this.graph.dynamicOutside,
      edits,
    };
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

/** The first error among the values that Excel has no code for (it cannot be written), or null. */
function unwritable(cells: readonly CellEdit[]): ErrorValue | null {
  for (let k = 0; k < cells.length; k++) {
    const value = cells[k].value;
    if (isErrorValue(value) && !WRITABLE_ERRORS.has(value.error)) return value;
  }
  return null;
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
  if (cellCount(area) <= 100000) return area;
  let lastRow = area.r1;
  let lastCol = area.c1;
  pkg.sheets[area.sheet].cells.forEachIn(area, (cell) => {
    if (cell.row > lastRow) lastRow = cell.row;
    if (cell.col > lastCol) lastCol = cell.col;
  });
  return { ...area, r2: lastRow, c2: lastCol };
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
  const missing = missingArrayCell(cells, area);
  if (missing) return missing;
  const out: CellEdit[] = [];
  for (let r = area.r1; r <= area.r2; r++) {
    for (let c = area.c1; c <= area.c2; c++) {
      let value: CellValue = rows[r - area.r1]?.[c - area.c1] ?? errorValue("#N/A");
      if (value === null) value = f.cell.formula?.dynamic ? "" : 0;
      out.push({ cell: cells.get(r, c)!, value });
    }
  }
  return out;
}

/**
 * Why a result cannot be written into an array formula's area: the first cell of it the file does
 * not hold (or holds as inline text, whose element would change); null when every cell is there.
 * Stops at the first such cell, so a huge area costs no more than the cells the file holds.
 */
function missingArrayCell(cells: SheetCells, area: Area): string | null {
  for (let r = area.r1; r <= area.r2; r++) {
    for (let c = area.c1; c <= area.c2; c++) {
      const cell = cells.get(r, c);
      if (!cell || cell.type === "inlineStr") return `cel ${a1(r, c)} van het matrixbereik ontbreekt in het bestand`;
    }
  }
  return null;
}
