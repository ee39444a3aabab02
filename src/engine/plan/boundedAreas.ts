/**
 * Plan step "bound areas to the used range": a range that reaches the bottom or the edge of the
 * sheet (`SOM(B2:B1048576)`, `B:B`, `A:XFD`, through a name or a table) costs what its filled
 * cells cost, not a million cells. HyperFormula gives every cell of a range it reads a place in
 * its graph (some 700 bytes each): one `NL.KIA($A$1; SOM(B2:B1048576))` cost 10 s and 700 MB, a
 * few of them ran out of memory.
 *
 * Beyond the last row and column that hold a cell, every cell is empty. A formula handed to
 * HyperFormula reads such a range only as far as its used part and one empty row or column more
 * (the margin): where the result cannot change by how many empty cells follow, that is exact.
 * Where it is (each rule below, by function and argument):
 * - functions that skip empty cells (SUM, MAX, AVERAGE, COUNT, COUNTA, the NL functions ...), given
 *   the range itself: the empty cells add nothing;
 * - MAX, MIN, AND, OR, MAXIFS, MINIFS and the lookups (VLOOKUP, MATCH, XLOOKUP, INDEX ...), in an
 *   array formula also of a calculation over the range (`{=MATCH(TRUE; A:A=""; 0)}`): one empty
 *   cell, the margin, stands for all (a lookup finds the first one; a maximum of equal values is
 *   that value);
 * - sums and counts of every cell (SUMPRODUCT, COUNTIF(S), COUNTBLANK, and in an array formula SUM
 *   of a calculation over the range): the cut-off empty cells are each worth what the margin is
 *   worth, so the formula adds that many times the same call on the margin
 *   (`COUNTIF(A1:A101; "") + 1048475 * COUNTIF(A101; "")`);
 * - ROWS, COLUMNS, ROW, COLUMN read only the size: the range stays as it is (it costs nothing).
 * Any other use keeps the whole range; what that costs is held against the engine's budget
 * (evaluate/hyperformulaLevel.ts), and a formula over it keeps Excel's value, listed with the reason.
 */
import { Area, cellCount, MAX_COLUMNS, MAX_ROWS } from "../../workbook/address";
import { absoluteRef, Node } from "../../workbook/formula/ast";
import { Host } from "../../workbook/formula/parse";
import { quoteSheet } from "../../workbook/formula/print";
import { isUnresolved, WorkbookReferences } from "../../workbook/references";
import { WorkbookPackage } from "../../workbook/package";

/** The first empty row and column after each sheet's cells (the margin), by sheet; computed when asked. */
export class UsedArea {
  private readonly edges: Array<{ row: number; col: number } | undefined> = [];

  constructor(private readonly pkg: WorkbookPackage) {}

  edge(sheet: number): { row: number; col: number } {
    let edge = this.edges[sheet];
    if (!edge) {
      const { lastRow, lastCol } = this.pkg.sheets[sheet].cells.usedExtent();
      this.edges[sheet] = edge = { row: Math.min(lastRow + 1, MAX_ROWS), col: Math.min(lastCol + 1, MAX_COLUMNS) };
    }
    return edge;
  }
}

/** The cells of the sheets a formula reads end by here: one edge for all, so that ranges stay the same size as each other. */
export interface Edge {
  readonly row: number;
  readonly col: number;
}

/** The edge for a formula that reads `areas`: the furthest margin of their sheets. */
export function edgeOf(areas: readonly Area[], used: UsedArea): Edge {
  let row = 1;
  let col = 1;
  for (const area of areas) {
    const e = used.edge(area.sheet);
    if (e.row > row) row = e.row;
    if (e.col > col) col = e.col;
  }
  return { row, col };
}

/** Whether an area reaches beyond the edge (and so is worth bounding). */
export function reachesBeyond(area: Area, edge: Edge): boolean {
  return area.r2 > edge.row || area.c2 > edge.col;
}

function bounded(area: Area, edge: Edge): Area {
  return {
    sheet: area.sheet,
    r1: area.r1,
    c1: area.c1,
    r2: area.r2 > edge.row ? Math.max(area.r1, edge.row) : area.r2,
    c2: area.c2 > edge.col ? Math.max(area.c1, edge.col) : area.c2,
  };
}

/**
 * How an area is printed: bounded, as it is (its cells count), as it is for its size only, as its
 * margin cell, or, outside any function of a formula that is not an array formula, as the one
 * cell Excel takes of it there (implicit intersection).
 */
type Mode = "bound" | "full" | "size" | "margin" | "top";

/** Functions that skip empty cells of a range given to them (Excel's help of each: "empty cells are ignored"). */
const SKIPS_EMPTY = new Set([
  "SUM",
  "COUNT",
  "COUNTA",
  "AVERAGE",
  "AVERAGEA",
  "MIN",
  "MAX",
  "MINA",
  "MAXA",
  "PRODUCT",
  "SUMSQ",
  "MEDIAN",
  "LARGE",
  "SMALL",
  "STDEV",
  "STDEV.S",
  "STDEV.P",
  "STDEVA",
  "STDEVP",
  "STDEVPA",
  "VAR",
  "VAR.S",
  "VAR.P",
  "VARA",
  "VARP",
  "VARPA",
  "AND",
  "OR",
  "SUMIF",
  "SUMIFS",
  "AVERAGEIF",
  "AVERAGEIFS",
]);

/** Functions whose result one empty cell settles as well as many: also of a calculation over the range. */
const ONE_EMPTY_ENOUGH = new Set([
  "MAX",
  "MIN",
  "MAXA",
  "MINA",
  "AND",
  "OR",
  "MAXIFS",
  "MINIFS",
  "VLOOKUP",
  "HLOOKUP",
  "MATCH",
  "XMATCH",
  "XLOOKUP",
  "LOOKUP",
  "INDEX",
]);

/**
 * Sums and counts over every cell: the cells cut off add the margin's worth each. `joint`: the
 * ranges are read position by position together (they must be cut off alike); else each argument
 * adds up on its own.
 */
const ADDS_UP: ReadonlyMap<string, { readonly joint: boolean }> = new Map([
  ["SUM", { joint: false }],
  ["COUNT", { joint: false }],
  ["COUNTA", { joint: false }],
  ["SUMSQ", { joint: false }],
  ["SUMPRODUCT", { joint: true }],
  ["COUNTIF", { joint: true }],
  ["COUNTIFS", { joint: true }],
  ["COUNTBLANK", { joint: true }],
]);

/** Functions that read only a range's size or position. */
const SIZE_ONLY = new Set(["ROWS", "COLUMNS", "ROW", "COLUMN"]);

/** Functions that work cell by cell on a range given to them (so a calculation over a range stays one per cell). */
const CELL_BY_CELL = new Set([
  "IF",
  "IFERROR",
  "IFNA",
  "NOT",
  "ISBLANK",
  "ISNUMBER",
  "ISTEXT",
  "ISNONTEXT",
  "ISLOGICAL",
  "ISERROR",
  "ISERR",
  "ISNA",
  "N",
  "LEN",
  "ABS",
  "INT",
  "TRUNC",
  "ROUND",
  "ROUNDUP",
  "ROUNDDOWN",
  "EXACT",
  "LEFT",
  "RIGHT",
  "MID",
  "UPPER",
  "LOWER",
  "TRIM",
  "YEAR",
  "MONTH",
  "DAY",
]);

/** Which arguments of a function are ranges that may be bounded as they are; null: every argument. */
const RANGE_ARGUMENTS: Readonly<Record<string, readonly number[]>> = {
  LARGE: [0],
  SMALL: [0],
  SUMIF: [0, 2],
  AVERAGEIF: [0, 2],
  COUNTIF: [0],
  VLOOKUP: [1],
  HLOOKUP: [1],
  MATCH: [1],
  XMATCH: [1],
  LOOKUP: [1, 2],
  XLOOKUP: [1, 2],
  INDEX: [0],
};

/** Functions with ranges at every other argument from the first (SUMIFS: 0, 1, 3, 5 ...; COUNTIFS: 0, 2, 4 ...). */
function rangeArgument(fn: string, i: number): boolean {
  switch (fn) {
    case "SUMIFS":
    case "AVERAGEIFS":
    case "MAXIFS":
    case "MINIFS":
      return i === 0 || i % 2 === 1;
    case "COUNTIFS":
      return i % 2 === 0;
    default: {
      const list = RANGE_ARGUMENTS[fn];
      return list === undefined || list.includes(i);
    }
  }
}

/** Whether a node is a range as it stands (a reference, name, table or spill, in parentheses or not). */
function isPlainRange(node: Node): boolean {
  switch (node.k) {
    case "ref":
    case "struct":
    case "name":
      return true;
    case "postfix":
      return node.op === "#";
    case "paren":
      return isPlainRange(node.a);
    default:
      return false;
  }
}

/** Functions whose result is one value, whatever ranges they read: within a calculation, one value like a number. */
function givesOneValue(fn: string): boolean {
  return SKIPS_EMPTY.has(fn) || ADDS_UP.has(fn) || fn === "MAXIFS" || fn === "MINIFS";
}

/**
 * Whether a calculation works cell by cell over the ranges in it: operators and CELL_BY_CELL
 * functions, with calls that give one value (SUM(B:B)) as operands.
 */
function isCellByCell(node: Node): boolean {
  switch (node.k) {
    case "bin":
      return node.op !== ":" && node.op !== " " && isCellByCell(node.a) && isCellByCell(node.b);
    case "unary":
      return node.op !== "@" && isCellByCell(node.a);
    case "postfix":
      return node.op === "#" || isCellByCell(node.a);
    case "paren":
      return isCellByCell(node.a);
    case "call":
      if (givesOneValue(node.fn)) return true;
      return CELL_BY_CELL.has(node.fn) && node.args.every(isCellByCell);
    case "union":
      return false;
    default:
      return true;
  }
}

/**
 * Whether a call's ranges may be bounded at all. INDEX only where its position comes from a
 * lookup over ranges bounded alike (MATCH, XMATCH), is 0 (all of it) or is left out: a position into the cut-off
 * empty cells is 0 in Excel, #REF! in the bounded range. XLOOKUP only searching first to last
 * for an exact match (no match or search mode): from the end, the last empty cell is not the margin.
 */
function boundable(n: Extract<Node, { k: "call" }>): boolean {
  if (n.fn === "INDEX")
    return n.args
      .slice(1)
      .every(
        (a) =>
          a.k === "missing" ||
          (a.k === "num" && a.v === 0) ||
          (a.k === "call" && (a.fn === "MATCH" || a.fn === "XMATCH")),
      );
  if (n.fn === "XLOOKUP") return n.args.length <= 4;
  return true;
}

/** An area as HyperFormula reads it: absolute, with its sheet. */
function areaNode(area: Area, pkg: WorkbookPackage): Node {
  return { k: "ref", ref: absoluteRef(area, { name: pkg.sheets[area.sheet].name }) };
}

/** What a bounded formula reads: the areas as printed, with how many of their cells count. */
export interface BoundedFormula {
  /** The tree to print for HyperFormula: names, tables and spills resolved, areas bounded where exact. */
  readonly node: Node;
  /** The areas as printed whose cells HyperFormula holds (those read for their size only left out). */
  readonly areas: readonly Area[];
}

/**
 * The tree of a formula for HyperFormula, with the areas that reach beyond `edge` bounded where
 * the result stays exact (see the rules at the top). `sheet` and `host`: the formula's cell;
 * `array`: an array formula (HyperFormula computes it cell by cell over its ranges).
 */
export function boundFormula(
  node: Node,
  sheet: number,
  host: Host,
  refs: WorkbookReferences,
  edge: Edge,
  array: boolean,
): BoundedFormula {
  const areas: Area[] = [];
  /** The cells cut off each bounded area of the call being bounded (all alike for a joint sum). */
  let tails: number[] = [];

  const place = (area: Area, mode: Mode): Node => {
    if (mode === "size") return areaNode(area, refs.pkg);
    if (mode === "top" && (area.r1 !== area.r2 || area.c1 !== area.c2)) {
      // A formula that is not an array formula takes, outside any function, the cell of a range
      // in its own row (a column) or column (a row), and #VALUE! where there is none: what Excel
      // (and HyperFormula) do with the whole range (`=B:B*2`), without holding it.
      const row = area.r1 === area.r2 ? area.r1 : host.row;
      const col = area.c1 === area.c2 ? area.c1 : host.col;
      if (
        (area.r1 !== area.r2 && area.c1 !== area.c2) ||
        row < area.r1 ||
        row > area.r2 ||
        col < area.c1 ||
        col > area.c2
      )
        return { k: "err", v: "#VALUE!" };
      const cell = { sheet: area.sheet, r1: row, c1: col, r2: row, c2: col };
      areas.push(cell);
      return areaNode(cell, refs.pkg);
    }
    if (mode === "full" || mode === "top" || !reachesBeyond(area, edge)) {
      areas.push(area);
      return areaNode(area, refs.pkg);
    }
    const cut = bounded(area, edge);
    if (mode === "margin") {
      // One empty cell of the margin: the last row of the cut area when its rows were cut, else its last column.
      const row = area.r2 > edge.row ? cut.r2 : cut.r1;
      const col = area.r2 > edge.row ? cut.c1 : cut.c2;
      return areaNode({ sheet: area.sheet, r1: row, c1: col, r2: row, c2: col }, refs.pkg);
    }
    tails.push(cellCount(area) - cellCount(cut));
    areas.push(cut);
    return areaNode(cut, refs.pkg);
  };

  const walk = (n: Node, on: number, mode: Mode): Node => {
    switch (n.k) {
      case "ref": {
        const area = refs.resolveRef(n.ref, on, host);
        return isUnresolved(area) ? { k: "err", v: area.error } : place(area, mode);
      }
      case "struct": {
        const area = refs.resolveStruct(n.spec, on, host);
        return isUnresolved(area) ? { k: "err", v: area.error } : place(area, mode);
      }
      case "postfix": {
        if (n.op === "#") {
          const area = n.a.k === "ref" ? refs.resolveSpill(n.a.ref, on, host) : { error: "#REF!" as const };
          return isUnresolved(area) ? { k: "err", v: area.error } : place(area, mode);
        }
        return { ...n, a: walk(n.a, on, mode) };
      }
      case "unary":
      case "paren":
        return { ...n, a: walk(n.a, on, mode) };
      case "bin": {
        const inner = (n.op === ":" || n.op === " ") && mode === "top" ? "full" : mode;
        return { ...n, a: walk(n.a, on, inner), b: walk(n.b, on, inner) };
      }
      case "union":
        return { ...n, items: n.items.map((item) => walk(item, on, "full")) };
      case "array":
        return n;
      case "call":
        // Within a calculation being bounded (mode "bound" or "margin"), a function that works cell
        // by cell keeps that mode; any other call (one value, such as MAX(B:B)) has its own rules.
        if ((mode === "bound" || mode === "margin") && CELL_BY_CELL.has(n.fn))
          return { ...n, args: n.args.map((a) => walk(a, on, mode)) };
        return call(n, on);
      default:
        return n;
    }
  };

  /** How an argument of a call is read: bounded as a range, bounded as a calculation, for its size, or in full. */
  const argumentMode = (n: Extract<Node, { k: "call" }>, i: number, arg: Node): Mode => {
    const { fn } = n;
    if (SIZE_ONLY.has(fn)) return isPlainRange(arg) ? "size" : "full";
    if (!boundable(n)) return "full";
    const nl = fn.startsWith("NL.");
    if (isPlainRange(arg)) {
      if (nl || ONE_EMPTY_ENOUGH.has(fn) || ADDS_UP.has(fn) || SKIPS_EMPTY.has(fn))
        return rangeArgument(fn, i) ? "bound" : "full";
      return "full";
    }
    // A calculation over ranges, cell by cell, in an array formula: one empty cell settles it for
    // these; the sums add the margin's worth for the cells cut off. In any other formula
    // HyperFormula takes a calculation over a range at the formula's own row (implicit
    // intersection), and a row beyond the cut-off range would be #VALUE!: read in full.
    if (array && (nl || ONE_EMPTY_ENOUGH.has(fn) || ADDS_UP.has(fn)) && isCellByCell(arg)) return "bound";
    return "full";
  };

  const call = (n: Extract<Node, { k: "call" }>, on: number): Node => {
    const outer = tails;
    const modes = n.args.map((a, i) => argumentMode(n, i, a));
    const adds = ADDS_UP.get(n.fn);
    if (!adds) {
      tails = [];
      const args = n.args.map((a, i) => walk(a, on, modes[i]));
      tails = outer;
      return { ...n, args };
    }
    // A sum or count: the call on the bounded ranges, plus for the cells cut off the same call on
    // the margin, as many times as cells were cut off.
    if (adds.joint) {
      const start = areas.length;
      tails = [];
      const args = n.args.map((a, i) => walk(a, on, modes[i]));
      const cut = tails;
      tails = outer;
      if (cut.length === 0) return { ...n, args };
      if (cut.some((t) => t !== cut[0])) {
        // Ranges cut off unlike each other are not read position by position: read them whole.
        areas.length = start;
        return { ...n, args: n.args.map((a) => walk(a, on, "full")) };
      }
      const margin: Node = {
        ...n,
        args: n.args.map((a, i) => walk(a, on, modes[i] === "bound" ? "margin" : modes[i])),
      };
      return correction({ ...n, args }, [[cut[0], margin]]);
    }
    const args: Node[] = [];
    const terms: Array<[number, Node]> = [];
    for (let i = 0; i < n.args.length; i++) {
      const start = areas.length;
      tails = [];
      args.push(walk(n.args[i], on, modes[i]));
      const cut = tails;
      tails = outer;
      // A range given as it is adds nothing for its empty cells; a calculation over one does.
      if (cut.length === 0 || isPlainRange(n.args[i])) continue;
      if (cut.some((t) => t !== cut[0])) {
        areas.length = start;
        args[i] = walk(n.args[i], on, "full");
        continue;
      }
      terms.push([cut[0], { ...n, args: [walk(n.args[i], on, "margin")] }]);
    }
    return correction({ ...n, args }, terms);
  };

  return { node: walk(node, sheet, array ? "full" : "top"), areas };
}

/** `(call + tail * margin call + …)`: what the cells cut off add. */
function correction(call: Node, terms: ReadonlyArray<readonly [number, Node]>): Node {
  let sum: Node = call;
  for (const [tail, margin] of terms)
    sum = {
      k: "bin",
      op: "+",
      a: sum,
      b: { k: "bin", op: "*", a: { k: "num", v: tail, text: String(tail) }, b: margin },
    };
  return terms.length ? { k: "paren", a: sum } : call;
}

/** A sheet-qualified area in A1 notation, for messages. */
export function areaName(area: Area, pkg: WorkbookPackage): string {
  const name = pkg.sheets[area.sheet].name;
  return `${/^[A-Za-z_][\w.]*$/.test(name) ? name : quoteSheet(name)}!${
    area.r1 === area.r2 && area.c1 === area.c2
      ? cellA1(area.r1, area.c1)
      : `${cellA1(area.r1, area.c1)}:${cellA1(area.r2, area.c2)}`
  }`;
}

function cellA1(row: number, col: number): string {
  let letters = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/**
 * A big area (a whole column, say) cut down to the part that holds cells: what lies beyond the
 * last stored cell is empty, and an NL function skips empty cells.
 */
export function storedPart(pkg: WorkbookPackage, area: Area): Area {
  if (cellCount(area) <= 100000) return area;
  let lastRow = area.r1;
  let lastCol = area.c1;
  pkg.sheets[area.sheet].cells.forEachIn(area, (cell) => {
    if (cell.row > lastRow) lastRow = cell.row;
    if (cell.col > lastCol) lastCol = cell.col;
  });
  return { ...area, r2: lastRow, c2: lastCol };
}
