/**
 * Surgical recalculation of a workbook, as a pipeline (the stages are read in this order; the
 * engine's README walks through them):
 *
 * 1. read: the package and its cells (workbook/workbookReader.ts, in recalcFile.ts);
 * 2. plan: the formulas with their names written out, the NL formulas and what depends on them
 *    (plan/dependents.ts), the precedents whose cached value is not Excel's (plan/cacheTrust.ts),
 *    each cell's evaluator and the cells that keep Excel's value (plan/routes.ts), and the order in
 *    levels (plan/plan.ts);
 * 3. evaluate: level by level, directly or in HyperFormula (evaluate/evaluation.ts);
 * 4. write: the edits and the report (write/outcome.ts), then the file (recalcFile.ts).
 *
 * Every other cell keeps the value stored. A cell that cannot be evaluated here keeps its cached
 * value, is listed (with the cells that read it), and the workbook is marked for Excel to
 * recalculate on opening.
 */
import { WorkbookPackage } from "../workbook/package";
import { deepFormulasAllowed } from "../workbook/formula/parse";
import { isSyntaxError, WorkbookReferences } from "../workbook/references";
import { NeedsDeepStack } from "./threads/deepStack";
import { evaluatePlan } from "./evaluate/evaluation";
import { HyperFormulaSession } from "./evaluate/hyperformulaLevel";
import { NlPool, POOL_THRESHOLD } from "./threads/nlPool";
import { DependencyGraph, dependencyGraph } from "./plan/dependents";
import { planRecalculation } from "./plan/plan";
import { RecalcOptions, RecalcOutcome } from "./recalcInterface";
import { outcome } from "./write/outcome";

export async function recalculate(pkg: WorkbookPackage, options: RecalcOptions = {}): Promise<RecalcOutcome> {
  const refs = new WorkbookReferences(pkg);
  const graph = dependencyGraph(pkg, refs, options.also);
  if (!options.listTooDeep && !deepFormulasAllowed() && hasTooDeep(graph, refs)) throw new NeedsDeepStack();
  const { nlFormulas } = graph;
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
  const hyperformula = new HyperFormulaSession(pkg.date1904);
  try {
    const plan = planRecalculation(pkg, refs, graph);
    const evaluated = await evaluatePlan(plan, { pool, hyperformula, progress: options.progress });
    return outcome(plan, evaluated);
  } finally {
    hyperformula.destroy();
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
