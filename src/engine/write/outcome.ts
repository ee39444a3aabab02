/**
 * Stage 4 of a recalculation, before the file is written (recalcFile.ts): what to write, cell by
 * cell, and what to tell. A result goes into the cells its formula owns (an array formula's whole
 * area); one that cannot be written there as Excel would (a missing cell, an error Excel has no
 * code for) keeps the cached value, listed with the reason.
 */
import { isErrorValue } from "../../workbook/values";
import { CellEdit } from "../../workbook/writer";
import { Evaluated } from "../evaluate/evaluation";
import { cellName, RecalcPlan } from "../plan/plan";
import { CellError, CellNote, RecalcOutcome } from "../recalcInterface";
import { holdsValue, targetCells, unwritable } from "./resultCells";

/** The edits and the report of a planned and evaluated recalculation. */
export function outcome(plan: RecalcPlan, evaluated: Evaluated): RecalcOutcome {
  const { pkg, graph, order, members } = plan;
  const { formulas } = graph;
  const kept = new Map(evaluated.kept);
  const edits = new Map<number, CellEdit[]>();
  const errors: CellError[] = [];
  let recalculated = 0;
  let changedCells = 0;
  for (let i = 0; i < order.length; i++) {
    const id = order[i];
    if (kept.has(id) || !evaluated.done[id]) continue;
    const f = formulas[id];
    const cells = targetCells(pkg, f, evaluated.results[id]);
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
  const unreadableNl = new Set(graph.unreadableNl);
  let nlNotRecalculated = 0;
  for (const id of members) {
    if (!kept.has(id)) continue;
    notes.push({ cell: cellName(pkg, formulas[id]), reason: kept.get(id)! });
    if (formulas[id].traits.hasNl || unreadableNl.has(id)) nlNotRecalculated++;
  }
  let precedentsComputed = 0;
  for (let i = members.length - plan.joinedPrecedents; i < members.length; i++)
    if (!kept.has(members[i])) precedentsComputed++;
  return {
    formulas: formulas.length,
    nlFormulas: graph.nlFormulas,
    recalculated,
    changedCells,
    notRecalculated: notes,
    nlNotRecalculated,
    cachesNotExcel: plan.trust.notExcel,
    precedentsComputed,
    errors,
    // Also when a cached value Excel did not write was filled in: Excel confirms it on opening.
    fullCalcOnLoad: notes.length > 0 || graph.dynamicOutside || plan.joinedPrecedents > 0,
    edits,
  };
}
