/**
 * Surgical recalculation of a workbook: the NL formulas and the formulas that depend on them are
 * evaluated; every other cell keeps the value stored. A precedent that is a formula is read at its
 * cached value only where that is Excel's result (CacheTrust); else it is evaluated too, with what
 * it reads in turn. NL formulas with references, constants and operators are evaluated directly;
 * native Excel formulas go to HyperFormula, fed only the cells they read. A cell that cannot be
 * evaluated here keeps its cached value, is listed (with the cells that read it), and the workbook
 * is marked for Excel to recalculate on opening.
 */
import { a1, Area, cellCount, cellKey } from "../workbook/address";
import { Node } from "../workbook/formula/ast";
import { quoteSheet } from "../workbook/formula/print";
import { CellRecord, WorkbookPackage } from "../workbook/package";
import { isSyntaxError, WorkbookReferences } from "../workbook/references";
import { deepFormulasAllowed } from "../workbook/formula/parse";
import { CellValue, errorValue, isErrorValue, withinTextLimit } from "../workbook/values";
import { CellEdit } from "../workbook/writer";
import { CacheTrust } from "./cacheTrust";
import { storedPart, UsedArea } from "./boundedAreas";
import { Decisions, DEPENDENT_OF_KEPT } from "./decisions";
import { findRings, iterativeCalculation, ringReason } from "./cycles";
import { NeedsDeepStack } from "./threads/deepStack";
import { DependencyGraph, dependencyGraph, FormulaCell } from "./dependents";
import { DirectEvaluator } from "./direct";
import { EngineLevelContext, EngineSession, evaluateWithEngine } from "./engineLevel";
import { loadEngine } from "./engineLoader";
import { NeedsExcel, needsExcelReason } from "./excelValues";
import { AreaRead, GROWING_FROM, growingAreaSteps } from "./growingAreas";
import { IdLists } from "./idLists";
import { NlPool, POOL_THRESHOLD } from "./threads/nlPool";
import { CellError, CellNote, RecalcOptions, RecalcOutcome, RecalcProgress } from "./recalcInterface";
import { holdsValue, missingArrayCell, targetCells, unwritable } from "./resultCells";

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

/** Cells computed between two reports of progress. */
const PROGRESS_EVERY = 4096;

export async function recalculate(pkg: WorkbookPackage, options: RecalcOptions = {}): Promise<RecalcOutcome> {
  const refs = new WorkbookReferences(pkg);
  const graph = dependencyGraph(pkg, refs, options.also);
  if (!options.listTooDeep && !deepFormulasAllowed() && hasTooDeep(graph, refs)) throw new NeedsDeepStack();
  const nlFormulas = graph.touched.filter((id) => graph.formulas[id].traits.hasNl).length + graph.unreadableNl.length;
  if (nlFormulas === 0 && graph.touched.length === 0) {
    return {
      formulas: graph.formulas.length,
      nlFormulas,
      recalculated: 0,
      changedCells: 0,
      notRecalculated: [],
      nlNotRecalculated: 0,
      cachesNotExcel: null,
      precedentsComputed: 0,
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

/** Whether a formula or defined name of the workbook is too deep for this thread's stack. */
function hasTooDeep(graph: DependencyGraph, refs: WorkbookReferences): boolean {
  for (const id of graph.unreadable) {
    const formula = graph.formulas[id].formula;
    if (isSyntaxError(formula) && formula.tooDeep) return true;
  }
  for (const name of refs.pkg.names) {
    const formula = refs.nameFormula(name);
    if (isSyntaxError(formula) && formula.tooDeep) return true;
  }
  return false;
}

/**
 * One recalculation, in the order it goes: the cells to recalculate and what they read, their
 * dependency order and levels, the evaluation level by level, and what to write. Formulas are
 * indexed by id in flat arrays: a workbook may hold 300.000 of them.
 */
class Recalculation {
  private readonly formulas: readonly FormulaCell[];
  /** The cells to recalculate (the NL formulas, their dependents, precedents without a cached value of Excel's). */
  private readonly members: number[] = [];
  /** How many members are precedents that joined for want of a cached value of Excel's. */
  private joinedPrecedents = 0;
  private readonly trust: CacheTrust;
  private readonly inSet: Uint8Array;
  /** Spilled and array results: their other cells belong to the formula. */
  private readonly spillOwner: Map<number, number>[];
  private spills = false;
  /** Each member's precedents within the set. */
  private readonly precedents: IdLists;
  /** Precedents that are only an order (a growing step's previous formula, whose value is not read), by member. */
  private readonly orderOnly = new Map<number, number[]>();
  /** 1: the cell reads a kept cell, by value or through a growing step (see keptPrecedent). */
  private readonly readsKept: Uint8Array;
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
    this.readsKept = new Uint8Array(n);
    this.kind = new Uint8Array(n);
    this.level = new Int32Array(n);
    this.waveOf = new Int32Array(n);
    this.results = new Array(n);
    this.done = new Uint8Array(n);
    this.decisions = new Decisions(refs, () => loadEngine().engineFunctions());
    this.trust = new CacheTrust(pkg);
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
      used: new UsedArea(pkg),
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
   * Each member's precedents within the set, and how it is evaluated. A precedent formula whose
   * cached value is not Excel's result (see CacheTrust) joins the set and is computed too, with
   * what it reads in turn: in rounds, each round's members walked with the growing areas among them.
   */
  findPrecedents(): void {
    const stamp = new Int32Array(this.formulas.length).fill(-1);
    for (let from = 0; from < this.members.length;) {
      const to = this.members.length;
      this.findPrecedentsOf(from, to, stamp);
      from = to;
    }
  }

  private findPrecedentsOf(from: number, to: number, stamp: Int32Array): void {
    const { members, formulas, precedents } = this;
    let visiting = -1; // the member whose precedents are being found
    let areaSheet = 0;
    let orderOnly: number[] | undefined; // the visiting member's order-only precedents (growing steps)
    const visit = (sheet: number, cell: CellRecord | undefined) => {
      if (!cell) return;
      const owner = this.ownerOf(sheet, cell);
      if (owner === undefined) return;
      if (stamp[owner] === visiting) {
        // A formula placed before this one for a growing step, whose cell it also reads.
        if (orderOnly?.includes(owner)) orderOnly.splice(orderOnly.indexOf(owner), 1);
        return;
      }
      // A cell that reads itself (`A1 = NL.KIA(2025; A1 + 10000)`, or an area that holds it) is its
      // own precedent: a circular reference, found as such by the dependency order.
      stamp[owner] = visiting;
      if (!this.inSet[owner]) {
        // Read at its cached value where that is Excel's result; else computed too.
        const other = formulas[owner];
        if (this.trust.usable(other.sheet, other.cell)) return;
        this.join(owner);
        this.joinedPrecedents++;
        this.claimSpill(owner);
      }
      precedents.push(owner);
    };
    const visitInArea = (cell: CellRecord) => visit(areaSheet, cell);
    const { areasOf, steps } = this.growingAreas(from, to);
    for (let i = from; i < to; i++) {
      const id = (visiting = members[i]);
      const f = formulas[id];
      precedents.start(id);
      orderOnly = undefined;
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
            if (!orderOnly) this.orderOnly.set(id, (orderOnly = []));
            orderOnly.push(step.previous);
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
   * The areas of more than a few rows the members `from`..`to` read, and how to walk those that grow from one
   * top or bottom row (running totals) so that no cell is walked once for every formula beside it.
   */
  private growingAreas(
    from: number,
    to: number,
  ): { areasOf: Map<number, readonly Area[]>; steps: ReturnType<typeof growingAreaSteps> } {
    const areasOf = new Map<number, readonly Area[]>();
    const reads: AreaRead[] = [];
    for (let i = from; i < to; i++) {
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
    const { members, precedents, kind, level } = this;
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
    if (order.length < members.length) this.keepCircular(members.filter((id) => indegree[id] > 0));
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

  /**
   * Plan step "find cycles": the cells the dependency order could not place are on a circular
   * reference or read one. A cell of a ring is listed with the ring; one that reads a ring, as a
   * dependent of a kept cell. None is computed (from a stale cached value or otherwise).
   */
  private keepCircular(left: readonly number[]): void {
    const rings = findRings(left, this.precedents, this.formulas.length);
    const iterate = iterativeCalculation(this.pkg);
    const reasons = new Map<readonly number[], string>();
    for (const id of left) {
      const { ring } = rings.get(id)!;
      if (ring.length === 0) {
        if (!this.kept.has(id)) this.kept.set(id, DEPENDENT_OF_KEPT);
        continue;
      }
      let reason = reasons.get(ring);
      if (!reason)
        reasons.set(
          ring,
          (reason = ringReason(
            ring.map((m) => cellName(this.pkg, this.formulas[m])),
            iterate,
          )),
        );
      this.kept.set(id, reason);
    }
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

  /**
   * A cell's result, as Excel holds it: a text over Excel's 32.767 characters is #VALUE! (the
   * formulas HyperFormula evaluates refuse to make one; a text a file held may still be longer),
   * so that what reads it, and what is written, is what Excel has.
   */
  private readonly setResult = (id: number, value: CellValue | CellValue[][]): void => {
    this.results[id] = Array.isArray(value) ? value.map((row) => row.map(withinTextLimit)) : withinTextLimit(value);
    this.done[id] = 1;
  };

  /**
   * Whether a cell reads one kept at its cached value (nothing to look through while none is). A
   * formula placed after another only for a growing step (see growingAreas.ts) does not read that
   * one's value, only the cells of its area: it reads a kept cell where that one did. Remembered
   * (readsKept), as each cell is decided in dependency order.
   */
  private keptPrecedent(id: number): boolean {
    if (this.kept.size === 0) return false;
    const order = this.orderOnly.get(id);
    const { precedents, kept } = this;
    for (let k = precedents.first(id); k < precedents.end(id); k++) {
      const p = precedents.items[k];
      if (order?.includes(p) ? this.readsKept[p] === 1 : kept.has(p)) {
        this.readsKept[id] = 1;
        return true;
      }
    }
    return false;
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
        const readsKept = this.keptPrecedent(id);
        if (this.kept.has(id)) continue;
        if (readsKept) this.kept.set(id, DEPENDENT_OF_KEPT);
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
    const unreadableNl = new Set(this.graph.unreadableNl);
    let nlNotRecalculated = 0;
    for (const id of this.members) {
      if (!kept.has(id)) continue;
      notes.push({ cell: cellName(pkg, formulas[id]), reason: kept.get(id)! });
      if (formulas[id].traits.hasNl || unreadableNl.has(id)) nlNotRecalculated++;
    }
    let precedentsComputed = 0;
    for (let i = this.members.length - this.joinedPrecedents; i < this.members.length; i++)
      if (!kept.has(this.members[i])) precedentsComputed++;
    return {
      formulas: formulas.length,
      nlFormulas,
      recalculated,
      changedCells,
      notRecalculated: notes,
      nlNotRecalculated,
      cachesNotExcel: this.trust.notExcel,
      precedentsComputed,
      errors,
      // Also when a cached value Excel did not write was filled in: Excel confirms it on opening.
      fullCalcOnLoad: notes.length > 0 || this.graph.dynamicOutside || this.joinedPrecedents > 0,
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

function cellName(pkg: WorkbookPackage, f: FormulaCell): string {
  const sheet = pkg.sheets[f.sheet].name;
  return `${/^[A-Za-z_][\w.]*$/.test(sheet) ? sheet : quoteSheet(sheet)}!${a1(f.cell.row, f.cell.col)}`;
}
