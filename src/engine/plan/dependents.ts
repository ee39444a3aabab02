/**
 * Which formulas depend on which cells: an index from areas to the formulas that read them, and
 * the set of cells a recalculation touches (the NL formulas and everything that depends on them,
 * directly or through other formulas, across sheets). Linear in the number of formulas: each
 * formula is registered once per area it reads and found again only until it is in the set.
 */
import { Area, areasOverlap, cellCount, cellKey } from "../../workbook/address";
import { namesNlFunction } from "../../workbook/formula/functionNames";
import { CellRecord, SheetInfo, WorkbookPackage } from "../../workbook/package";
import { FormulaInfo } from "../../workbook/formula/ast";
import { CellFormula, isSyntaxError, WorkbookReferences } from "../../workbook/references";
import { NamesResolved } from "./namesResolved";
import { Direction, GROWING_FROM, GrowingGroup, growingGroups, reach } from "./growingAreas";

/** What matters for recalculating a formula besides the cells it reads (names written out). */
export type Traits = Pick<FormulaInfo, "hasNl" | "dynamic" | "unsupported">;

/** One formula cell of the workbook. */
export interface FormulaCell {
  readonly id: number;
  readonly sheet: number;
  readonly cell: CellRecord;
  /** The formula with its defined names written out (see namesResolved.ts). */
  readonly formula: CellFormula;
  readonly traits: Traits;
  /** The area a multi-cell (array or spilled) formula covers. */
  readonly arrayArea: Area | null;
}

const NO_TRAITS: Traits = { hasNl: false, dynamic: false, unsupported: null };

const ROW_BUCKET = 1024;
const COL_BUCKET = 16;
const MAX_BUCKETS = 1024;
const TALL = 65536;

interface Entry {
  readonly area: Area;
  readonly owner: number;
  /** For an entry that stands for a column of running totals: its readers (owner is -1 then). */
  readonly growing?: GrowingReaders;
}

/**
 * The formulas that read the areas of one growing group (running totals, see growingAreas.ts): one
 * entry for all of them, with the readers from the largest area to the smallest. The readers of a
 * cell are then a front of the list, taken off as they are found, so that each reader is looked at
 * once however many cells of the column are asked about.
 */
class GrowingReaders {
  private next = 0;
  private readonly readers: ReadonlyArray<{ readonly reach: number; readonly owner: number }>;

  constructor(
    private readonly direction: Direction,
    reads: ReadonlyArray<{ readonly area: Area; readonly owner: number }>,
  ) {
    this.readers = reads
      .map((read) => ({ reach: reach(read.area, direction), owner: read.owner }))
      .sort((a, b) => b.reach - a.reach);
  }

  /** The readers of `area`, which overlaps the largest area of the group. */
  find(area: Area, found: (owner: number) => void): void {
    // Down: the readers whose bottom row is at or below the area's top; up: whose top row is at or
    // above the area's bottom.
    const limit = this.direction === "down" ? area.r1 : -area.r2;
    while (this.next < this.readers.length && this.readers[this.next].reach >= limit)
      found(this.readers[this.next++].owner);
  }

  get exhausted(): boolean {
    return this.next === this.readers.length;
  }
}

/** The formulas that read an area, for one sheet. */
class SheetIndex {
  private readonly points = new Map<number, number[]>();
  private readonly buckets = new Map<number, Entry[]>();
  private readonly columns = new Map<number, Entry[]>();
  private wide: Entry[] = [];

  /** One entry for the readers of one growing group, from the smallest area to the largest (see GrowingReaders). */
  addGrowing({ direction, reads }: GrowingGroup<{ readonly area: Area; readonly owner: number }>): void {
    this.addEntry({ area: reads[reads.length - 1].area, owner: -1, growing: new GrowingReaders(direction, reads) });
  }

  add(area: Area, owner: number): void {
    if (area.r1 === area.r2 && area.c1 === area.c2) {
      const key = cellKey(area.r1, area.c1);
      const list = this.points.get(key);
      if (list) list.push(owner);
      else this.points.set(key, [owner]);
      return;
    }
    this.addEntry({ area, owner });
  }

  private addEntry(entry: Entry): void {
    const { area } = entry;
    const columns = area.c2 - area.c1 + 1;
    if (area.r2 - area.r1 + 1 >= TALL && columns <= 64) {
      for (let c = area.c1; c <= area.c2; c++) push(this.columns, c, entry);
      return;
    }
    const br1 = Math.floor(area.r1 / ROW_BUCKET);
    const br2 = Math.floor(area.r2 / ROW_BUCKET);
    const bc1 = Math.floor(area.c1 / COL_BUCKET);
    const bc2 = Math.floor(area.c2 / COL_BUCKET);
    if ((br2 - br1 + 1) * (bc2 - bc1 + 1) > MAX_BUCKETS) {
      this.wide.push(entry);
      return;
    }
    for (let br = br1; br <= br2; br++) for (let bc = bc1; bc <= bc2; bc++) push(this.buckets, br * 2048 + bc, entry);
  }

  /** Every owner that reads a cell of `area` and is not yet `done`. Lists shrink as owners get done. */
  query(area: Area, done: Uint8Array, found: (owner: number) => void): void {
    const cells = cellCount(area);
    if (cells <= 4096) {
      for (let r = area.r1; r <= area.r2; r++)
        for (let c = area.c1; c <= area.c2; c++) {
          const list = this.points.get(cellKey(r, c));
          if (list) for (const owner of list) if (!done[owner]) found(owner);
        }
    } else {
      for (const [key, list] of this.points) {
        const r = Math.floor(key / 16385);
        const c = key % 16385;
        if (r >= area.r1 && r <= area.r2 && c >= area.c1 && c <= area.c2) for (const o of list) if (!done[o]) found(o);
      }
    }
    if (this.columns.size === 0 && this.buckets.size === 0 && this.wide.length === 0) return;
    const scan = (list: Entry[]): Entry[] => {
      const kept: Entry[] = [];
      for (const entry of list) {
        if (entry.growing) {
          if (areasOverlap(entry.area, area)) entry.growing.find(area, (owner) => done[owner] || found(owner));
          if (!entry.growing.exhausted) kept.push(entry);
          continue;
        }
        if (done[entry.owner]) continue;
        if (areasOverlap(entry.area, area)) found(entry.owner);
        if (!done[entry.owner]) kept.push(entry);
      }
      return kept;
    };
    for (let c = area.c1; c <= Math.min(area.c2, area.c1 + 16384); c++) {
      const list = this.columns.get(c);
      if (list) this.columns.set(c, scan(list));
    }
    if (this.buckets.size > 0) this.queryBuckets(area, scan);
    if (this.wide.length) this.wide = scan(this.wide);
  }

  private queryBuckets(area: Area, scan: (list: Entry[]) => Entry[]): void {
    const br1 = Math.floor(area.r1 / ROW_BUCKET);
    const br2 = Math.floor(area.r2 / ROW_BUCKET);
    const bc1 = Math.floor(area.c1 / COL_BUCKET);
    const bc2 = Math.floor(area.c2 / COL_BUCKET);
    if ((br2 - br1 + 1) * (bc2 - bc1 + 1) <= this.buckets.size) {
      for (let br = br1; br <= br2; br++)
        for (let bc = bc1; bc <= bc2; bc++) {
          const key = br * 2048 + bc;
          const list = this.buckets.get(key);
          if (list) this.buckets.set(key, scan(list));
        }
    } else {
      for (const [key, list] of this.buckets) this.buckets.set(key, scan(list));
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface DependencyGraph {
  readonly formulas: readonly FormulaCell[];
  /** The formula id of each cell, by sheet and the cell's ordinal; -1 for a cell without a formula. */
  readonly idByOrdinal: readonly Int32Array[];
  /**
   * The cells a formula reads, worked out once and kept for the touched set and the precedents
   * the plan adds, until released (a formula that nothing asks again about).
   */
  areasOf(f: FormulaCell): readonly Area[];
  releaseAreas(id: number): void;
  /** The NL formulas and all their dependents, in the order found. */
  readonly touched: readonly number[];
  readonly inTouched: Uint8Array;
  /** Whether any formula outside the touched set reads cells only known at evaluation (INDIRECT, OFFSET). */
  readonly dynamicOutside: boolean;
  /** Formulas that could not be read: what they read is unknown, so they may depend on the touched set. */
  readonly unreadable: readonly number[];
  /** Those of them whose text calls an NL function: NL formulas too, though none can be computed. */
  readonly unreadableNl: readonly number[];
  /** The NL formulas a recalculation has: those of the touched set and those that could not be read. */
  readonly nlFormulas: number;
}

/** A cell by sheet index and position. */
export interface CellAt {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

/**
 * Reads every formula of the workbook and finds the cells a recalculation must touch: the NL
 * formulas, and `also` (a cell's formula, and the formulas that read the cell), and what depends on them.
 */
export function dependencyGraph(
  pkg: WorkbookPackage,
  refs: WorkbookReferences,
  also: readonly CellAt[] = [],
): DependencyGraph {
  const formulas: FormulaCell[] = [];
  const idByOrdinal = pkg.sheets.map((sheet) => new Int32Array(sheet.formulaCount ? sheet.cells.capacity : 0).fill(-1));
  const indexes = pkg.sheets.map(() => new SheetIndex());
  const seeds: number[] = [];
  const unreadable: number[] = [];
  const unreadableNl: number[] = [];
  // Areas of many rows, registered at the end: those of one growing group as one entry.
  const tall: Array<{ area: Area; owner: number }> = [];
  // Each formula's areas are worked out once: for the index, and again for the plan only where a
  // formula in the touched set was not asked before (an NL formula, or a precedent that joins).
  const known: Array<readonly Area[] | undefined> = [];
  const names = new NamesResolved(refs);
  const areasOf = (f: FormulaCell): readonly Area[] => (known[f.id] ??= names.areasRead(f.formula, f.sheet, f.cell));

  for (const sheet of pkg.sheets) {
    if (sheet.formulaCount === 0) continue;
    const arrays = new Map(sheet.arrays.map((a) => [a.master, a.area]));
    const cells = sheet.cells.values();
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (!cell.formula) continue;
      const formula = names.cellFormula(sheet, cell);
      const traits = isSyntaxError(formula) ? NO_TRAITS : formula.info;
      const id = formulas.length;
      const f: FormulaCell = {
        id,
        sheet: sheet.index,
        cell,
        formula,
        traits,
        arrayArea: arrays.size ? (arrays.get(cell) ?? null) : null,
      };
      formulas.push(f);
      idByOrdinal[sheet.index][cell.ordinal] = id;
      // An NL formula is in the set from the start: only the others need to be found by what they read.
      if (traits.hasNl) seeds.push(id);
      else if (isSyntaxError(formula)) {
        unreadable.push(id);
        if (namesNlFunction(storedText(sheet, cell))) unreadableNl.push(id);
      } else
        for (const area of areasOf(f)) {
          if (area.r2 - area.r1 < GROWING_FROM) indexes[area.sheet].add(area, id);
          else tall.push({ area, owner: id });
        }
    }
  }
  const { groups, rest } = growingGroups(tall);
  for (const group of groups) indexes[group.reads[0].area.sheet].addGrowing(group);
  for (const { area, owner } of rest) indexes[area.sheet].add(area, owner);

  const inTouched = new Uint8Array(formulas.length);
  const touched: number[] = [];
  // The formulas whose readers are still to be found, by id (an area made for each only when it is
  // its turn: 300.000 waiting areas are work for the garbage collector).
  const queue: number[] = [];
  const touch = (id: number) => {
    if (inTouched[id]) return;
    inTouched[id] = 1;
    touched.push(id);
    queue.push(id);
  };
  for (let i = 0; i < seeds.length; i++) touch(seeds[i]);
  for (const at of also) {
    const cell = pkg.sheets[at.sheet]?.cells.get(at.row, at.col);
    const id = cell ? (idByOrdinal[at.sheet][cell.ordinal] ?? -1) : -1;
    if (id >= 0) touch(id);
    else
      indexes[at.sheet]?.query({ sheet: at.sheet, r1: at.row, c1: at.col, r2: at.row, c2: at.col }, inTouched, touch);
  }
  while (queue.length) {
    const f = formulas[queue.pop()!];
    const area = f.arrayArea ?? { sheet: f.sheet, r1: f.cell.row, c1: f.cell.col, r2: f.cell.row, c2: f.cell.col };
    indexes[area.sheet].query(area, inTouched, touch);
  }
  // Only the touched set's areas are asked again (by the plan).
  for (let id = 0; id < known.length; id++) if (!inTouched[id]) known[id] = undefined;
  const dynamicOutside = touched.length > 0 && formulas.some((f) => !inTouched[f.id] && f.traits.dynamic);
  return {
    formulas,
    idByOrdinal,
    areasOf,
    releaseAreas: (id) => (known[id] = undefined),
    touched,
    inTouched,
    dynamicOutside,
    unreadable,
    unreadableNl,
    nlFormulas: touched.filter((id) => formulas[id].traits.hasNl).length + unreadableNl.length,
  };
}

/** The text of a cell's formula as stored (the other cells of a shared formula: their master's). */
function storedText(sheet: SheetInfo, cell: CellRecord): string {
  const stored = cell.formula!;
  if (stored.kind === "shared" && stored.si !== undefined && stored.text.trim() === "")
    return sheet.sharedMasters.get(stored.si)?.text ?? "";
  return stored.text;
}
