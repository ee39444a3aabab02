/**
 * Stage 2 of a recalculation, the plan: which cells are computed (the NL formulas, what depends on
 * them, and the precedents whose cached value is not Excel's), what each reads among them, which
 * evaluator takes each, which keep Excel's value and why, and the order: a dependency order cut
 * into levels, direct levels and HyperFormula levels taking turns. Nothing is evaluated here.
 *
 * Formulas are indexed by id in flat arrays: a workbook may hold 300.000 of them.
 */
import { dutchCount } from "../../rules/dutch";
import { a1, cellCount, cellKey } from "../../workbook/address";
import { quoteSheet } from "../../workbook/formula/print";
import { CellRecord, WorkbookPackage } from "../../workbook/package";
import { isSyntaxError, WorkbookReferences } from "../../workbook/references";
import { loadHyperFormula } from "../hyperformula/load";
import { missingArrayCell } from "../write/resultCells";
import { storedPart, UsedArea } from "./boundedAreas";
import { CacheTrust } from "./cacheTrust";
import { findRings, iterativeCalculation, ringReason } from "./cycles";
import { DependencyGraph, FormulaCell } from "./dependents";
import { AreaRead, GROWING_FROM, growingAreaNodes, GrowingNodes, WHOLE } from "./growingAreas";
import { IdLists } from "./idLists";
import { DEPENDENT_OF_KEPT, FormulaRoutes } from "./routes";

/** How a cell is evaluated: by the direct evaluator, or by HyperFormula. */
export const enum Evaluator {
  Direct = 0,
  HyperFormula = 1,
}

/** The plan of one recalculation; read, not changed, by the stages after it. */
export interface RecalcPlan {
  readonly pkg: WorkbookPackage;
  readonly refs: WorkbookReferences;
  readonly graph: DependencyGraph;
  /** The cells to compute, in the order found: the touched set, then the precedents that joined. */
  readonly members: readonly number[];
  /** How many members (at the end of `members`) are precedents that joined for want of a cached value of Excel's. */
  readonly joinedPrecedents: number;
  /**
   * The ids of the plan: the formulas' (below `graph.formulas.length`), then the area nodes of
   * growing groups (see growingAreas.ts), which stand for "every cell of an area is computed" and
   * are not evaluated.
   */
  readonly idCount: number;
  /** What each member and each area node reads among the members and the area nodes. */
  readonly precedents: IdLists;
  /** The evaluator of each member, by id. */
  readonly evaluator: Uint8Array;
  /** The members in dependency order, without those on or behind a circular reference. */
  readonly order: readonly number[];
  /** The same with the area nodes among them, each after what it reads. */
  readonly sequence: readonly number[];
  /**
   * The level of each ordered member: direct cells on even levels, HyperFormula cells on odd ones,
   * each after what it reads. An area node's is the highest of what it reads (0 if none): its
   * dependents take it as a cell of that level's evaluator.
   */
  readonly level: Int32Array;
  /** Cells that keep their cached value, with the reason the user is told. */
  readonly kept: ReadonlyMap<number, string>;
  readonly trust: CacheTrust;
  /** Where each sheet's cells end (ranges beyond are bounded there, see boundedAreas.ts). */
  readonly used: UsedArea;
  /** The formula a cell's value comes from (its own, or the multi-cell formula it is part of). */
  ownerOf(sheet: number, cell: CellRecord): number | undefined;
}

/**
 * The most cells a range a recalculated formula reads may span, once cut to the part of the sheet
 * that holds cells: one whole column. A sheet with a value in its last cell makes A:XFD 17 billion
 * cells, and HyperFormula needs some 800 bytes for each cell of a range it sums: larger ranges are
 * left to Excel.
 */
const MAX_RANGE_CELLS = 1048576;

/** Plans the recalculation of the touched set of `graph`. */
export function planRecalculation(pkg: WorkbookPackage, refs: WorkbookReferences, graph: DependencyGraph): RecalcPlan {
  const planner = new Planner(pkg, refs, graph);
  planner.findPrecedents();
  return planner.plan();
}

/** Whether a formula may read an area of more than one cell (else it needs no look at growing areas). */
function mayReadArea(f: FormulaCell): boolean {
  if (isSyntaxError(f.formula)) return false;
  const { refs, structs, spills } = f.formula.info;
  if (structs.length || spills.length) return true;
  for (let i = 0; i < refs.length; i++) if (refs[i].r1 !== refs[i].r2 || refs[i].r1Abs !== refs[i].r2Abs) return true;
  return false;
}

class Planner {
  private readonly formulas: readonly FormulaCell[];
  private readonly members: number[] = [];
  private joinedPrecedents = 0;
  private readonly inSet: Uint8Array;
  private readonly trust: CacheTrust;
  /** Spilled and array results: their other cells belong to the formula. */
  private readonly spillOwner: Map<number, number>[];
  private spills = false;
  private readonly precedents: IdLists;
  /** The area nodes so far: their ids follow the formulas'. */
  private areaNodes = 0;
  private readonly evaluator: Uint8Array;
  private readonly kept = new Map<number, string>();
  private readonly routes = new FormulaRoutes(() => loadHyperFormula().engineFunctions());

  constructor(
    private readonly pkg: WorkbookPackage,
    private readonly refs: WorkbookReferences,
    private readonly graph: DependencyGraph,
  ) {
    const n = graph.formulas.length;
    this.formulas = graph.formulas;
    this.inSet = new Uint8Array(n);
    this.spillOwner = pkg.sheets.map(() => new Map<number, number>());
    this.precedents = new IdLists(n);
    this.evaluator = new Uint8Array(n);
    this.trust = new CacheTrust(pkg);
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

  readonly ownerOf = (sheet: number, cell: CellRecord): number | undefined => {
    const byOrdinal = this.graph.idByOrdinal[sheet];
    const id = cell.ordinal < byOrdinal.length ? byOrdinal[cell.ordinal] : -1;
    if (id >= 0) return id;
    return this.spills ? this.spillOwner[sheet].get(cellKey(cell.row, cell.col)) : undefined;
  };

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
    let visiting = -1; // the member or area node whose precedents are being found
    let areaSheet = 0;
    const visit = (sheet: number, cell: CellRecord | undefined) => {
      if (!cell) return;
      const owner = this.ownerOf(sheet, cell);
      if (owner === undefined || stamp[owner] === visiting) return;
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
    const { reads, nodes, nodeOf } = this.growingNodes(from, to);
    // The area nodes first: each reads the cells its area adds, and the node before it.
    const firstNode = formulas.length + this.areaNodes;
    this.areaNodes += nodes.length;
    for (let k = 0; k < nodes.length; k++) {
      const { rest, previous } = nodes[k];
      precedents.start((visiting = firstNode + k));
      areaSheet = rest.sheet;
      this.pkg.sheets[rest.sheet].cells.forEachIn(rest, visitInArea);
      if (previous >= 0) precedents.push(firstNode + previous);
    }
    let next = 0; // the first of `reads` not yet met
    for (let i = from; i < to; i++) {
      const id = (visiting = members[i]);
      const f = formulas[id];
      precedents.start(id);
      const areas = this.graph.areasOf(f);
      let largest = 0;
      for (let a = 0; a < areas.length; a++) {
        const area = areas[a];
        const cells = this.pkg.sheets[area.sheet].cells;
        areaSheet = area.sheet;
        const node = next < reads.length && reads[next].id === id && reads[next].index === a ? nodeOf[next++] : WHOLE;
        if (area.r1 === area.r2 && area.c1 === area.c2) visit(area.sheet, cells.get(area.r1, area.c1));
        else if (node >= 0) precedents.push(firstNode + node);
        else if (node === WHOLE) cells.forEachIn(area, visitInArea);
        if (cellCount(area) > MAX_RANGE_CELLS) largest = Math.max(largest, cellCount(storedPart(this.pkg, area)));
      }
      const reason =
        this.routes.keepReason(f) ??
        (largest > MAX_RANGE_CELLS
          ? `leest een bereik van ${dutchCount(largest)} cellen; zonder Excel ten hoogste ${dutchCount(MAX_RANGE_CELLS)} (één hele kolom)`
          : null);
      if (reason) this.kept.set(id, reason);
      this.evaluator[id] = this.routes.isDirect(f) ? Evaluator.Direct : Evaluator.HyperFormula;
      // HyperFormula is given the areas a formula reads; the direct evaluator reads its references
      // as it goes. Let go of them (300.000 NL formulas' areas are some 100 MB).
      if (this.evaluator[id] === Evaluator.Direct) this.graph.releaseAreas(id);
    }
  }

  /**
   * The areas of more than a few rows that the members `from`..`to` read (in the order of the
   * members and their areas), and the area nodes of those that grow from one top or bottom row
   * (running totals), so that no cell is walked once for every formula beside it (see growingAreas.ts).
   */
  private growingNodes(from: number, to: number): GrowingNodes & { reads: AreaRead[] } {
    const reads: AreaRead[] = [];
    for (let i = from; i < to; i++) {
      const id = this.members[i];
      if (!mayReadArea(this.formulas[id])) continue;
      const areas = this.graph.areasOf(this.formulas[id]);
      for (let a = 0; a < areas.length; a++)
        if (areas[a].r2 - areas[a].r1 >= GROWING_FROM) reads.push({ id, index: a, area: areas[a] });
    }
    return { reads, ...growingAreaNodes(reads) };
  }

  plan(): RecalcPlan {
    const { order, sequence, level } = this.dependencyOrder();
    return {
      pkg: this.pkg,
      refs: this.refs,
      graph: this.graph,
      members: this.members,
      joinedPrecedents: this.joinedPrecedents,
      idCount: this.formulas.length + this.areaNodes,
      precedents: this.precedents,
      evaluator: this.evaluator,
      order,
      sequence,
      level,
      kept: this.kept,
      trust: this.trust,
      used: new UsedArea(this.pkg),
      ownerOf: this.ownerOf,
    };
  }

  /**
   * The members in dependency order (Kahn; what is left over is on a circular reference), and
   * their levels: direct cells on even levels, HyperFormula cells on odd ones, each after what it
   * reads. The area nodes are ordered with them: a node's level is the highest of what it reads,
   * so that a cell after it comes after every cell of its area, as if it read them.
   */
  private dependencyOrder(): { order: number[]; sequence: number[]; level: Int32Array } {
    const { members, precedents, evaluator } = this;
    const cells = this.formulas.length;
    const count = cells + this.areaNodes;
    const ids = members.slice();
    for (let id = cells; id < count; id++) ids.push(id);
    const level = new Int32Array(count);
    const dependents = precedents.reversed(ids, count);
    const indegree = new Int32Array(count);
    for (let i = 0; i < ids.length; i++) indegree[ids[i]] = precedents.size(ids[i]);
    const sequence: number[] = [];
    const ready = ids.filter((id) => indegree[id] === 0);
    while (ready.length) {
      const id = ready.pop()!;
      sequence.push(id);
      for (let k = dependents.first(id); k < dependents.end(id); k++) {
        const d = dependents.items[k];
        if (--indegree[d] === 0) ready.push(d);
      }
    }
    if (sequence.length < ids.length) this.keepCircular(ids.filter((id) => indegree[id] > 0));
    const order: number[] = [];
    for (let i = 0; i < sequence.length; i++) {
      const id = sequence[i];
      let l = id < cells ? evaluator[id] : 0;
      for (let k = precedents.first(id); k < precedents.end(id); k++) {
        const p = precedents.items[k];
        // An area node counts as a cell of the evaluator of its level.
        const by = p < cells ? evaluator[p] : level[p] % 2;
        const need = id >= cells || by === evaluator[id] ? level[p] : level[p] + 1;
        if (need > l) l = need;
      }
      // A cell's level keeps the parity of its evaluator: it starts there, a precedent of the same
      // evaluator leaves it, and one of the other moves it one further.
      if (id < cells) order.push(id);
      level[id] = l;
    }
    return { order, sequence, level };
  }

  /**
   * The cells the dependency order could not place are on a circular reference or read one. A
   * cell of a ring is listed with the ring; one that reads a ring, as a dependent of a kept cell.
   * None is computed (from a stale cached value or otherwise).
   */
  private keepCircular(left: readonly number[]): void {
    const rings = findRings(left, this.precedents, this.formulas.length + this.areaNodes, this.formulas.length);
    const iterate = iterativeCalculation(this.pkg);
    const reasons = new Map<readonly number[], string>();
    for (const id of left) {
      if (id >= this.formulas.length) continue; // an area node: not a cell
      const { ring } = rings.get(id)!;
      if (ring.length === 0) {
        if (!this.kept.has(id)) this.kept.set(id, DEPENDENT_OF_KEPT);
        continue;
      }
      let reason = reasons.get(ring);
      if (!reason) {
        reason = ringReason(
          ring.map((m) => cellName(this.pkg, this.formulas[m])),
          iterate,
        );
        reasons.set(ring, reason);
      }
      this.kept.set(id, reason);
    }
  }
}

/** A cell as the user is told it: `Blad1!B5`, `'Blad 2'!B5`. */
export function cellName(pkg: WorkbookPackage, f: FormulaCell): string {
  const sheet = pkg.sheets[f.sheet].name;
  return `${/^[A-Za-z_][\w.]*$/.test(sheet) ? sheet : quoteSheet(sheet)}!${a1(f.cell.row, f.cell.col)}`;
}
