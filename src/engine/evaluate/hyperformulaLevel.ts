/**
 * The native Excel formulas among the NL formulas' dependents: each level of them evaluated in one
 * HyperFormula run, fed only the formulas and the cells they read.
 */
import { dutchCount } from "../../rules/dutch";
import type { HyperFormula } from "hyperformula";
import { Area, cellCount, cellKey } from "../../workbook/address";
import { absoluteRef, Formula, Node } from "../../workbook/formula/ast";
import { printNode, printRef, quoteSheet, Unprintable } from "../../workbook/formula/print";
import { isUnresolved, WorkbookReferences } from "../../workbook/references";
import { CellValue, isErrorValue } from "../../workbook/values";
import { DEPENDENT_OF_KEPT } from "../plan/routes";
import { FormulaCell } from "../plan/dependents";
import { RecalcPlan } from "../plan/plan";
import { loadHyperFormula } from "../hyperformula/load";
import { areaName, boundFormula, edgeOf, reachesBeyond } from "../plan/boundedAreas";
import { needsExcelReason } from "../excel/excelValues";
import { growingGroups } from "../plan/growingAreas";

/** What a HyperFormula level reads from, and writes to, the evaluation it is part of. */
export interface HyperFormulaLevelContext {
  readonly plan: RecalcPlan;
  /** A cell's value: its new result once that is known, else the value Excel stored. */
  valueAt(sheet: number, row: number, col: number): CellValue;
  setResult(id: number, value: CellValue | CellValue[][]): void;
  /** Cells that keep their cached value, with the reason (this level adds to it). */
  readonly kept: Map<number, string>;
  /** Whether a cell reads one that is kept. */
  keptPrecedent(id: number): boolean;
  /** The engines of this recalculation, one for each setting of the column index (see HyperFormulaSession). */
  readonly session: HyperFormulaSession;
}

/**
 * The HyperFormula engines of one recalculation, kept from level to level: building one takes some
 * 12 ms (HyperFormula builds its formula parser anew), and a chain that alternates an NL formula and
 * a native one row by row is one level for each row. A later level gives a small engine its sheets'
 * new contents; a large one is built anew, because HyperFormula takes time quadratic in the formulas
 * it removes when a sheet's content is replaced (58 s to replace 20.000 formulas that read one cell,
 * 1,5 s for 5.000). Destroyed when the recalculation ends.
 */
export class HyperFormulaSession {
  private readonly engines = new Map<boolean, HyperFormula>();
  /** The cells each engine holds now (0: none). */
  private readonly held = new Map<boolean, number>();

  constructor(private readonly date1904: boolean) {}

  /** An engine holding exactly `sheets`; `lookups`: with HyperFormula's column index. */
  engineFor(sheets: Record<string, unknown[][]>, lookups: boolean): HyperFormula {
    // The other engine lets go of what it held: one run's cells in memory at a time.
    this.release(!lookups);
    const known = this.engines.get(lookups);
    const size = cellsGiven(sheets);
    if (known && (this.held.get(lookups) ?? 0) <= REUSED_ENGINE_CELLS) {
      known.batch(() => {
        for (const [name, rows] of Object.entries(sheets))
          known.setSheetContent(known.getSheetId(name)!, rows as never);
      });
      this.held.set(lookups, size);
      return known;
    }
    known?.destroy();
    const engine = loadHyperFormula().createEngine(sheets as never, this.date1904, lookups);
    this.engines.set(lookups, engine);
    this.held.set(lookups, size);
    return engine;
  }

  /** Empties an engine: a small one keeps its sheets for the next run, a large one is destroyed. */
  private release(lookups: boolean): void {
    const engine = this.engines.get(lookups);
    const held = this.held.get(lookups) ?? 0;
    if (!engine || held === 0) return;
    if (held > REUSED_ENGINE_CELLS) {
      engine.destroy();
      this.engines.delete(lookups);
    } else {
      engine.batch(() => {
        for (const name of engine.getSheetNames()) engine.setSheetContent(engine.getSheetId(name)!, []);
      });
    }
    this.held.set(lookups, 0);
  }

  destroy(): void {
    for (const engine of this.engines.values()) engine.destroy();
    this.engines.clear();
    this.held.clear();
  }
}

/**
 * The most cells an engine may hold and still be given the next run's content rather than be built
 * anew: replacing a few thousand cells takes less than building an engine (some 12 ms).
 */
const REUSED_ENGINE_CELLS = 2000;

/** The cells given to an engine: every position of every row given (empty ones included). */
function cellsGiven(sheets: Record<string, unknown[][]>): number {
  let cells = 0;
  for (const rows of Object.values(sheets)) for (const row of rows) cells += row ? row.length : 0;
  return cells;
}

/**
 * The most formulas given to HyperFormula in one run: a level of more is computed in runs of this
 * many, in dependency order (a later run reads the results of an earlier one as values), so that
 * HyperFormula never holds more than one run's graph (some 2 KB a formula).
 */
const ENGINE_RUN_FORMULAS = 50000;

/**
 * The most cells one run gives HyperFormula (formulas, the cells they read, and every cell of the
 * ranges they read, empty or not: HyperFormula keeps some 700 to 1.000 bytes for each). A formula
 * that alone reads more keeps Excel's value, listed with the reason.
 */
const ENGINE_RUN_CELLS = 400000;

/** A formula ready for HyperFormula: its text, and the areas it reads as printed (bounded to the used range). */
interface EngineFormula {
  readonly id: number;
  readonly text: string;
  readonly areas: readonly Area[];
}

/**
 * The engine cells of a level: each formula's text (its ranges bounded to the used range where
 * that is exact, see boundedAreas.ts), then HyperFormula runs over as many formulas as fit.
 */
export function evaluateWithHyperFormula(ctx: HyperFormulaLevelContext, ids: readonly number[]): void {
  const { kept } = ctx;
  const ready: EngineFormula[] = [];
  for (const id of ids) {
    try {
      ready.push(engineFormula(ctx, id));
    } catch (error) {
      if (!(error instanceof Unprintable)) throw error;
      kept.set(id, error.message);
    }
  }
  let run: EngineFormula[] = [];
  let cost = new RunCost();
  for (const formula of ready) {
    const alone = new RunCost();
    alone.add(formula);
    if (alone.cells > ENGINE_RUN_CELLS) {
      kept.set(formula.id, tooManyCells(ctx, formula, alone.cells));
      continue;
    }
    if (run.length > 0 && (run.length >= ENGINE_RUN_FORMULAS || cost.cells + cost.added(formula) > ENGINE_RUN_CELLS)) {
      runEngine(ctx, run);
      run = [];
      cost = new RunCost();
    }
    cost.add(formula);
    run.push(formula);
  }
  if (run.length) runEngine(ctx, run);
  // A cell of this level that read a formula that could not be given to the engine read a stale value.
  for (const id of ids) if (!kept.has(id) && ctx.keptPrecedent(id)) kept.set(id, DEPENDENT_OF_KEPT);
}

/** The formula of an engine cell as HyperFormula reads it, with the areas it reads. */
function engineFormula(ctx: HyperFormulaLevelContext, id: number): EngineFormula {
  const { graph, refs, used } = ctx.plan;
  const f = graph.formulas[id];
  const areas = graph.areasOf(f);
  const edge = edgeOf(areas, used);
  const array = f.cell.formula?.kind === "array" || f.arrayArea !== null;
  const wrap = (body: string) => (array ? `=ARRAYFORMULA(${body})` : `=${body}`);
  if (!areas.some((area) => reachesBeyond(area, edge))) return { id, text: wrap(engineText(f, refs)), areas };
  const bounded = boundFormula((f.formula as Formula).node, f.sheet, f.cell, refs, edge, array);
  const body = printNode(bounded.node, { host: f.cell, functionName: (canonical) => canonical, booleanCalls: true });
  return { id, text: wrap(body), areas: bounded.areas };
}

/**
 * What a run gives HyperFormula, in cells: its formulas, the single cells they read, and the
 * ranges, as the rectangle each group of columns spans (a column of running totals, or of lookups
 * in one table, is one rectangle, not one range per formula).
 */
class RunCost {
  private singles = 0;
  private formulas = 0;
  private readonly columns = new Map<string, { r1: number; r2: number; width: number }>();
  private spans = 0;

  get cells(): number {
    return this.formulas + this.singles + this.spans;
  }

  /** The cells the run would hold more with `formula`. */
  added(formula: EngineFormula): number {
    let more = 1;
    for (const area of formula.areas) {
      if (area.r1 === area.r2 && area.c1 === area.c2) {
        more++;
        continue;
      }
      const known = this.columns.get(`${area.sheet}:${area.c1}:${area.c2}`);
      const width = area.c2 - area.c1 + 1;
      if (!known) more += cellCount(area);
      else more += (Math.max(known.r2, area.r2) - Math.min(known.r1, area.r1) + 1 - (known.r2 - known.r1 + 1)) * width;
    }
    return more;
  }

  add(formula: EngineFormula): void {
    this.formulas++;
    for (const area of formula.areas) {
      if (area.r1 === area.r2 && area.c1 === area.c2) {
        this.singles++;
        continue;
      }
      const key = `${area.sheet}:${area.c1}:${area.c2}`;
      const width = area.c2 - area.c1 + 1;
      const known = this.columns.get(key);
      if (!known) {
        this.columns.set(key, { r1: area.r1, r2: area.r2, width });
        this.spans += cellCount(area);
        continue;
      }
      const before = (known.r2 - known.r1 + 1) * width;
      known.r1 = Math.min(known.r1, area.r1);
      known.r2 = Math.max(known.r2, area.r2);
      this.spans += (known.r2 - known.r1 + 1) * width - before;
    }
  }
}

/** Why a formula that reads more cells than one run holds keeps Excel's value. */
function tooManyCells(ctx: HyperFormulaLevelContext, formula: EngineFormula, cells: number): string {
  let largest = formula.areas[0];
  for (const area of formula.areas) if (cellCount(area) > cellCount(largest)) largest = area;
  return `leest ${dutchCount(cells)} cellen (${areaName(largest, ctx.plan.pkg)}, ook lege); zonder Excel ten hoogste ${dutchCount(ENGINE_RUN_CELLS)} in één formule`;
}

/** One HyperFormula run for some engine cells of a level: their formulas, and the values they read. */
function runEngine(ctx: HyperFormulaLevelContext, run: readonly EngineFormula[]): void {
  const { valueAt, setResult, kept } = ctx;
  const { pkg, graph } = ctx.plan;
  const { formulas } = graph;
  const hf = loadHyperFormula();
  const grids = pkg.sheets.map(() => new Map<number, Map<number, unknown>>());
  const put = (sheet: number, row: number, col: number, content: unknown) => {
    let line = grids[sheet].get(row);
    if (!line) grids[sheet].set(row, (line = new Map()));
    line.set(col, content);
  };
  const occupied = pkg.sheets.map(() => new Set<number>());
  for (const { id, text } of run) {
    const f = formulas[id];
    occupied[f.sheet].add(cellKey(f.cell.row, f.cell.col));
    put(f.sheet, f.cell.row, f.cell.col, text);
  }
  for (const area of areasRead(run)) {
    const fill = (row: number, col: number) => {
      if (occupied[area.sheet].has(cellKey(row, col))) return;
      const value = valueAt(area.sheet, row, col);
      if (value !== null) put(area.sheet, row, col, engineContent(value));
    };
    if (cellCount(area) <= 64) {
      for (let r = area.r1; r <= area.r2; r++) for (let c = area.c1; c <= area.c2; c++) fill(r, c);
    } else pkg.sheets[area.sheet].cells.forEachIn(area, (cell) => fill(cell.row, cell.col));
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
  const lookups = run.some(({ id }) => callsAny(formulas[id], hf.LOOKUP_FUNCTIONS));
  // HyperFormula computes the sheets as it is given them; a function of excelFunctions.ts that
  // meets a value only Excel can decide says so for its formula (withUndecided).
  const [engine, undecided] = hf.withUndecided(() => ctx.session.engineFor(sheets, lookups));
  // Sheets are found by name: an object orders a sheet called "1" before the others.
  const engineSheet = pkg.sheets.map((sheet) => engine.getSheetId(sheet.name)!);
  for (const { id } of run) {
    const f = formulas[id];
    const needsExcel = undecided.get(hf.addressKey(engineSheet[f.sheet], f.cell.row - 1, f.cell.col - 1));
    if (needsExcel !== undefined) {
      kept.set(id, needsExcelReason(needsExcel));
      continue;
    }
    const read = (row: number, col: number) =>
      hf.engineValue(engine, { sheet: engineSheet[f.sheet], row: row - 1, col: col - 1 });
    if (f.arrayArea) {
      // The result as large as HyperFormula made it (its cells beyond are not the formula's):
      // a smaller result is spread over the area as Excel does (see write/resultCells.ts).
      const { r1, c1 } = f.arrayArea;
      const inResult = (r: number, c: number) =>
        engine.isCellPartOfArray({ sheet: engineSheet[f.sheet], row: r - 1, col: c - 1 });
      let r2 = r1;
      let c2 = c1;
      if (inResult(r1, c1)) {
        while (r2 < f.arrayArea.r2 && inResult(r2 + 1, c1)) r2++;
        while (c2 < f.arrayArea.c2 && inResult(r1, c2 + 1)) c2++;
      }
      const rows: CellValue[][] = [];
      let failed = false;
      for (let r = r1; r <= r2 && !failed; r++) {
        const line: CellValue[] = [];
        for (let c = c1; c <= c2; c++) {
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
}

/**
 * The areas the formulas read; of a growing group (running totals, see growingAreas.ts) only the
 * largest, which holds the others: the cells of a column of running totals are given to the engine
 * once, not once for every formula beside them.
 */
function areasRead(run: readonly EngineFormula[]): Area[] {
  const reads: Array<{ area: Area }> = [];
  for (const formula of run) for (const area of formula.areas) reads.push({ area });
  const { groups, rest } = growingGroups(reads);
  return [...rest.map((read) => read.area), ...groups.map((group) => group.reads[group.reads.length - 1].area)];
}

/** Whether a formula itself calls one of `names` (a call inside a defined name is not looked for). */
function callsAny(f: FormulaCell, names: ReadonlySet<string>): boolean {
  for (const fn of (f.formula as Formula).info.functions) if (names.has(fn)) return true;
  return false;
}

/** A value as HyperFormula content: text stays text (never a formula or a number). */
function engineContent(value: CellValue): unknown {
  if (typeof value === "string") return `'${value}`;
  if (isErrorValue(value)) return value.error;
  return value;
}

/** The formula as HyperFormula reads it: tables and spills replaced by the areas they mean (names are written out already). */
function engineText(f: FormulaCell, refs: WorkbookReferences): string {
  const { node } = f.formula as { node: Node };
  const sheetPrefix = (area: Area) =>
    area.sheet === f.sheet ? "" : `${quoteSheet(refs.pkg.sheets[area.sheet].name)}!`;
  const areaText = (area: Area) =>
    `${sheetPrefix(area)}${printRef({ ...absoluteRef(area), kind: "area" }, { row: 1, col: 1 })}`;
  return printNode(node, {
    host: f.cell,
    functionName: (canonical) => canonical,
    booleanCalls: true,
    struct: (s) => {
      const area = refs.resolveStruct(s.spec, f.sheet, f.cell);
      return isUnresolved(area) ? area.error : areaText(area);
    },
    spill: (s) => {
      const area = s.a.k === "ref" ? refs.resolveSpill(s.a.ref, f.sheet, f.cell) : null;
      if (!area || isUnresolved(area)) return "#REF!";
      return areaText(area);
    },
  });
}
