/**
 * A test workbook taken through the recalculation's stages one at a time (read, plan, evaluate,
 * write: src/engine/recalc.ts), so that a test of one stage looks at what that stage hands on, by
 * cell name (`Blad1!B2`), rather than at the file written in the end.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { evaluatePlan, Evaluated } from "../../src/engine/evaluate/evaluation";
import { HyperFormulaSession } from "../../src/engine/evaluate/hyperformulaLevel";
import { CellAt, DependencyGraph, dependencyGraph } from "../../src/engine/plan/dependents";
import { planRecalculation, RecalcPlan } from "../../src/engine/plan/plan";
import { a1, parseA1 } from "../../src/workbook/address";
import { WorkbookPackage } from "../../src/workbook/package";
import { WorkbookReferences } from "../../src/workbook/references";
import { openWorkbook } from "../../src/workbook/workbookReader";
import { TestWorkbook, writeWorkbookFile } from "./xlsx";

/** A read workbook, its dependency graph, and its formulas by cell name. */
export interface Read {
  readonly pkg: WorkbookPackage;
  readonly refs: WorkbookReferences;
  readonly graph: DependencyGraph;
  /** The formula id of a cell, by name: `Blad1!B2`. Throws for a cell without a formula. */
  id(name: string): number;
  /** A formula's cell name: `Blad1!B2`. */
  name(id: number): string;
  /** Cell names of ids, in their order. */
  names(ids: Iterable<number>): string[];
  /** A map by formula id (the kept cells and their reasons) as a record by cell name. */
  byName<T>(map: ReadonlyMap<number, T>): Record<string, T>;
}

export interface Planned extends Read {
  readonly plan: RecalcPlan;
  /** The members a member reads, by cell name. */
  precedents(cell: string): string[];
}

export interface EvaluatedBook extends Planned {
  readonly evaluated: Evaluated;
}

/** Writes workbooks into a temporary folder (removed after the file's tests) and reads them in stages. */
export function stages(prefix: string) {
  let dir: string | undefined;
  let counter = 0;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Read: the package, its references and the dependency graph (with `also`, as recalculate's option). */
  async function read(wb: TestWorkbook, also: ReadonlyArray<{ sheet: string; cell: string }> = []): Promise<Read> {
    dir ??= mkdtempSync(join(tmpdir(), `nl-aftrek-${prefix}-`));
    const file = join(dir, `wb${++counter}.xlsx`);
    writeWorkbookFile(file, wb);
    const pkg = await openWorkbook(file);
    const refs = new WorkbookReferences(pkg);
    const at: CellAt[] = also.map(({ sheet, cell }) => {
      const { row, col } = parseA1(cell)!;
      return { sheet: pkg.sheets.findIndex((s) => s.name === sheet), row, col };
    });
    const graph = dependencyGraph(pkg, refs, at);
    const name = (id: number) => {
      const f = graph.formulas[id];
      return `${pkg.sheets[f.sheet].name}!${a1(f.cell.row, f.cell.col)}`;
    };
    const id = (cell: string) => {
      const found = graph.formulas.findIndex((f) => name(f.id) === cell);
      if (found < 0) throw new Error(`no formula in ${cell}`);
      return found;
    };
    return {
      pkg,
      refs,
      graph,
      id,
      name,
      names: (ids) => [...ids].map(name),
      byName: (map) => Object.fromEntries([...map].map(([key, value]) => [name(key), value])),
    };
  }

  /** Read and planned; `precedents(cell)`: the cells among the members that a member reads, by name. */
  async function plan(wb: TestWorkbook): Promise<Planned> {
    const r = await read(wb);
    const plan = planRecalculation(r.pkg, r.refs, r.graph);
    const precedents = (cell: string) => {
      const id = r.id(cell);
      const out: number[] = [];
      for (let k = plan.precedents.first(id); k < plan.precedents.end(id); k++) out.push(plan.precedents.items[k]);
      return r.names(out);
    };
    return { ...r, plan, precedents };
  }

  /** Read, planned and evaluated (no thread pool; HyperFormula's engines let go of afterwards). */
  async function evaluate(wb: TestWorkbook): Promise<Planned & { readonly evaluated: Evaluated }> {
    const p = await plan(wb);
    const hyperformula = new HyperFormulaSession(p.pkg.date1904);
    try {
      return { ...p, evaluated: await evaluatePlan(p.plan, { pool: null, hyperformula }) };
    } finally {
      hyperformula.destroy();
    }
  }

  return { read, plan, evaluate };
}
