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
import { dependencyGraph, FormulaCell } from "./dependents";
import { DirectEvaluator, isDirect, NotDirect } from "./direct";
import { nlFunctionId } from "./nlCall";

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

type Kind = "direct" | "engine";

interface Plan {
  readonly kind: Kind;
  readonly precedents: readonly number[];
}

const DEPENDENT_OF_KEPT = "hangt af van een cel die niet herberekend kan worden";

export function recalculate(pkg: WorkbookPackage): RecalcOutcome {
  const refs = new WorkbookReferences(pkg);
  const graph = dependencyGraph(pkg, refs);
  const { formulas } = graph;
  const nlFormulas = graph.touched.filter((id) => formulas[id].precedents.hasNl).length;
  const empty: RecalcOutcome = {
    formulas: formulas.length,
    nlFormulas,
    recalculated: 0,
    changedCells: 0,
    notRecalculated: [],
    errors: [],
    fullCalcOnLoad: false,
    edits: new Map(),
  };
  if (graph.touched.length === 0) return empty;

  const inSet = new Uint8Array(formulas.length);
  const members: number[] = [];
  const join = (id: number) => {
    if (inSet[id]) return;
    inSet[id] = 1;
    members.push(id);
  };
  graph.touched.forEach(join);

  // Spilled and array results: their other cells belong to the formula.
  const spillOwner = pkg.sheets.map(() => new Map<number, number>());
  for (const id of members) {
    const area = formulas[id].arrayArea;
    if (!area) continue;
    for (let r = area.r1; r <= area.r2; r++)
      for (let c = area.c1; c <= area.c2; c++) spillOwner[area.sheet].set(cellKey(r, c), id);
  }
  const ownerAt = (sheet: number, row: number, col: number): number | undefined =>
    graph.idAt(sheet, row, col) ?? spillOwner[sheet].get(cellKey(row, col));

  // Precedents within the set; a precedent formula that never got a cached value is computed too.
  const plans = new Map<number, Plan>();
  const notes: CellNote[] = [];
  const kept = new Map<number, string>();
  const name = (id: number) => cellName(pkg, formulas[id]);
  let engineFunctions: ReadonlySet<string> | null = null;
  const knownToEngine = () => (engineFunctions ??= loadEngine().engineFunctions());

  for (let i = 0; i < members.length; i++) {
    const id = members[i];
    const f = formulas[id];
    const precedents = new Set<number>();
    for (const area of f.precedents.areas) {
      const visit = (row: number, col: number) => {
        const owner = ownerAt(area.sheet, row, col);
        if (owner === undefined || owner === id) return;
        if (!inSet[owner]) {
          // Read at its cached value, unless it has none.
          const other = formulas[owner];
          if (other.cell.vStart >= 0 || other.cell.value !== null) return;
          join(owner);
          // The new member's spill cells belong to it as well.
          if (other.arrayArea) {
            const a = other.arrayArea;
            for (let r = a.r1; r <= a.r2; r++)
              for (let c = a.c1; c <= a.c2; c++) spillOwner[a.sheet].set(cellKey(r, c), owner);
          }
        }
        precedents.add(owner);
      };
      if (area.r1 === area.r2 && area.c1 === area.c2) visit(area.r1, area.c1);
      else pkg.sheets[area.sheet].cells.forEachIn(area, (cell) => visit(cell.row, cell.col));
    }
    const reason = keepReason(f, refs, knownToEngine);
    if (reason) kept.set(id, reason);
    const kind: Kind = !isSyntaxError(f.formula) && isDirectFormula(f, refs) ? "direct" : "engine";
    plans.set(id, { kind, precedents: [...precedents] });
  }

  // Dependency order (Kahn); what is left over is on a circular reference.
  const dependents = new Map<number, number[]>();
  const indegree = new Map<number, number>();
  for (const id of members) {
    indegree.set(id, plans.get(id)!.precedents.length);
    for (const p of plans.get(id)!.precedents) {
      const list = dependents.get(p);
      if (list) list.push(id);
      else dependents.set(p, [id]);
    }
  }
  const order: number[] = [];
  const ready = members.filter((id) => indegree.get(id) === 0);
  while (ready.length) {
    const id = ready.pop()!;
    order.push(id);
    for (const d of dependents.get(id) ?? []) {
      const n = indegree.get(d)! - 1;
      indegree.set(d, n);
      if (n === 0) ready.push(d);
    }
  }
  if (order.length < members.length) {
    for (const id of members) if (indegree.get(id)! > 0 && !kept.has(id)) kept.set(id, "kringverwijzing");
  }

  // Levels: direct cells on even levels, engine cells on odd ones, each after what it reads.
  const level = new Map<number, number>();
  let maxLevel = 0;
  for (const id of order) {
    const plan = plans.get(id)!;
    let l = plan.kind === "direct" ? 0 : 1;
    for (const p of plan.precedents) {
      const pl = level.get(p) ?? 0;
      const need = plans.get(p)!.kind === plan.kind ? pl : pl + 1;
      if (need > l) l = need;
    }
    if ((l % 2 === 0) !== (plan.kind === "direct")) l++;
    level.set(id, l);
    if (l > maxLevel) maxLevel = l;
  }

  // Evaluation.
  const results = new Map<number, CellValue | CellValue[][]>();
  const valueAt = (sheet: number, row: number, col: number): CellValue => {
    const owner = ownerAt(sheet, row, col);
    if (owner !== undefined && results.has(owner)) {
      const result = results.get(owner)!;
      const f = formulas[owner];
      if (!Array.isArray(result)) return f.cell.row === row && f.cell.col === col ? result : null;
      const top = f.arrayArea ?? { r1: f.cell.row, c1: f.cell.col };
      return result[row - top.r1]?.[col - top.c1] ?? (f.arrayArea ? errorValue("#N/A") : null);
    }
    return pkg.sheets[sheet].cells.get(row, col)?.value ?? null;
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
  const keptPrecedent = (id: number) => plans.get(id)!.precedents.some((p) => kept.has(p));

  const byLevel = new Map<number, number[]>();
  for (const id of order) {
    const l = level.get(id)!;
    const list = byLevel.get(l);
    if (list) list.push(id);
    else byLevel.set(l, [id]);
  }
  for (let l = 0; l <= maxLevel; l++) {
    const ids = (byLevel.get(l) ?? []).filter((id) => {
      if (kept.has(id)) return false;
      if (keptPrecedent(id)) {
        kept.set(id, DEPENDENT_OF_KEPT);
        return false;
      }
      return true;
    });
    if (ids.length === 0) continue;
    if (l % 2 === 0) {
      for (const id of ids) {
        if (keptPrecedent(id)) {
          kept.set(id, DEPENDENT_OF_KEPT);
          continue;
        }
        const f = formulas[id];
        try {
          results.set(id, direct.evaluate((f.formula as { node: Node }).node, f.sheet, f.cell));
        } catch (error) {
          if (!(error instanceof NotDirect)) throw error;
          kept.set(id, `niet zonder Excel te bepalen (${error.message})`);
        }
      }
    } else {
      evaluateWithEngine(pkg, refs, formulas, plans, ids, valueAt, results, kept);
    }
  }

  // What to write.
  const edits = new Map<number, CellEdit[]>();
  const errors: CellError[] = [];
  let recalculated = 0;
  const addEdit = (sheet: number, cell: CellRecord, value: CellValue) => {
    const list = edits.get(sheet);
    if (list) list.push({ cell, value });
    else edits.set(sheet, [{ cell, value }]);
  };
  for (const id of order) {
    if (kept.has(id) || !results.has(id)) continue;
    const f = formulas[id];
    const result = results.get(id)!;
    const cells = targetCells(pkg, f, result);
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
    for (const { cell, value } of cells) addEdit(f.sheet, cell, value);
    const top = cells[0]?.value;
    if (isErrorValue(top)) errors.push({ cell: name(id), code: top.error, message: top.message ?? "" });
  }
  for (const id of members) if (kept.has(id)) notes.push({ cell: name(id), reason: kept.get(id)! });
  const changedCells = [...edits.values()].flat().filter((e) => !holdsValue(e)).length;
  return {
    formulas: formulas.length,
    nlFormulas,
    recalculated,
    changedCells,
    notRecalculated: notes,
    errors,
    fullCalcOnLoad: notes.length > 0 || graph.dynamicOutside,
    edits,
  };
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

/** Why a formula cannot be evaluated here, or null. */
function keepReason(f: FormulaCell, refs: WorkbookReferences, knownToEngine: () => ReadonlySet<string>): string | null {
  if (isSyntaxError(f.formula)) return `onleesbare formule (${f.formula.syntaxError})`;
  if (f.cell.formula?.kind === "dataTable") return "gegevenstabel (wat-als-analyse)";
  if (f.precedents.unsupported) return f.precedents.unsupported;
  if (f.precedents.dynamic) return "INDIRECT of OFFSET: welke cellen die lezen, weet alleen Excel";
  for (const fn of functionsUsed(f.formula.node, refs, f.sheet)) {
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

function isDirectFormula(f: FormulaCell, refs: WorkbookReferences): boolean {
  const { node } = f.formula as { node: Node };
  if (f.cell.formula?.kind === "array" || f.arrayArea) {
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
  formulas: readonly FormulaCell[],
  plans: ReadonlyMap<number, Plan>,
  ids: readonly number[],
  valueAt: (sheet: number, row: number, col: number) => CellValue,
  results: Map<number, CellValue | CellValue[][]>,
  kept: Map<number, string>,
): void {
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
    for (const area of formulas[id].precedents.areas) {
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
        else results.set(id, rows);
      } else {
        const v = read(f.cell.row, f.cell.col);
        if (v === undefined) kept.set(id, "HyperFormula kon de formule niet berekenen");
        else results.set(id, v);
      }
    }
  } finally {
    engine.destroy();
  }
  // A cell of this run that read a formula that could not be given to the engine read a stale value.
  for (const id of ids) {
    if (!kept.has(id) && plans.get(id)!.precedents.some((p) => kept.has(p))) {
      kept.set(id, DEPENDENT_OF_KEPT);
      results.delete(id);
    }
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
