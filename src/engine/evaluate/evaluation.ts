/**
 * Stage 3 of a recalculation: the plan's levels evaluated in turn. A direct level is evaluated
 * here, in waves whose NL calls may be spread over the pool's threads; a HyperFormula level in
 * HyperFormula runs (hyperformulaLevel.ts). A cell that reads one kept at its cached value, or
 * that only Excel can decide, is kept too, with the reason.
 */
import { Area } from "../../workbook/address";
import { Node } from "../../workbook/formula/ast";
import { CellValue, errorValue } from "../../workbook/values";
import { withinTextLimit } from "../excel/textLimit";
import { NeedsExcel, needsExcelReason } from "../excel/excelValues";
import { NlPool } from "../threads/nlPool";
import { storedPart } from "../plan/boundedAreas";
import { IdLists } from "../plan/idLists";
import { Evaluator, RecalcPlan } from "../plan/plan";
import { DEPENDENT_OF_KEPT } from "../plan/routes";
import { RecalcProgress } from "../recalcInterface";
import { DirectEvaluator } from "./direct";
import { evaluateWithHyperFormula, HyperFormulaLevelContext, HyperFormulaSession } from "./hyperformulaLevel";

/** Cells computed between two reports of progress. */
const PROGRESS_EVERY = 4096;

/** What the evaluation gives the write stage: each cell's result, and the cells that keep their value. */
export interface Evaluated {
  /** A result for each id evaluated (a value, or the rows of a multi-cell result). */
  readonly results: ReadonlyArray<CellValue | CellValue[][]>;
  /** 1: the id has a result. */
  readonly done: Uint8Array;
  /** The plan's kept cells and those the evaluation added, with the reason. */
  readonly kept: ReadonlyMap<number, string>;
}

export interface EvaluationOptions {
  readonly pool: NlPool | null;
  readonly hyperformula: HyperFormulaSession;
  readonly progress?: (progress: RecalcProgress) => void;
}

/** Evaluates the plan, level by level. */
export async function evaluatePlan(plan: RecalcPlan, options: EvaluationOptions): Promise<Evaluated> {
  const evaluation = new Evaluation(plan, options.hyperformula);
  await evaluation.run(options.pool, options.progress);
  return evaluation;
}

class Evaluation implements Evaluated {
  readonly results: Array<CellValue | CellValue[][]>;
  readonly done: Uint8Array;
  readonly kept: Map<number, string>;
  /** By area node (see growingAreas.ts): 1 where a cell of its area is kept, or reads one that is. */
  private readonly readsKept: Uint8Array;
  /** The wave of a direct cell or area node within its level. */
  private readonly waveOf: Int32Array;
  private readonly direct: DirectEvaluator;
  private readonly hyperformulaLevel: HyperFormulaLevelContext;

  constructor(
    private readonly plan: RecalcPlan,
    session: HyperFormulaSession,
  ) {
    const n = plan.graph.formulas.length;
    this.results = new Array(n);
    this.done = new Uint8Array(n);
    this.readsKept = new Uint8Array(plan.idCount);
    this.waveOf = new Int32Array(plan.idCount);
    this.kept = new Map(plan.kept);
    this.direct = new DirectEvaluator({
      refs: plan.refs,
      valueAt: this.valueAt,
      valuesIn: (area) => this.valuesIn(storedPart(plan.pkg, area)),
    });
    this.hyperformulaLevel = {
      plan,
      valueAt: this.valueAt,
      setResult: this.setResult,
      kept: this.kept,
      keptPrecedent: this.keptPrecedent,
      session,
    };
  }

  /** A cell's value: its new result once that is known, else the value Excel stored. */
  readonly valueAt = (sheet: number, row: number, col: number): CellValue => {
    const cell = this.plan.pkg.sheets[sheet].cells.get(row, col);
    if (!cell) return null;
    const owner = this.plan.ownerOf(sheet, cell);
    if (owner !== undefined && this.done[owner]) {
      const result = this.results[owner];
      const f = this.plan.graph.formulas[owner];
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
  readonly setResult = (id: number, value: CellValue | CellValue[][]): void => {
    this.results[id] = Array.isArray(value) ? value.map((row) => row.map(withinTextLimit)) : withinTextLimit(value);
    this.done[id] = 1;
  };

  /**
   * Whether a cell or area node reads one kept at its cached value (nothing to look through while
   * none is). A cell reads an area node's cells: it reads a kept cell where the node does, which an
   * area node remembers (readsKept), as each is decided in dependency order.
   */
  readonly keptPrecedent = (id: number): boolean => {
    if (this.kept.size === 0) return false;
    const { precedents } = this.plan;
    const cells = this.done.length;
    for (let k = precedents.first(id); k < precedents.end(id); k++) {
      const p = precedents.items[k];
      if (p < cells ? this.kept.has(p) : this.readsKept[p] === 1) {
        if (id >= cells) this.readsKept[id] = 1;
        return true;
      }
    }
    return false;
  };

  /**
   * Level by level: direct levels here (their NL calls in waves, spread over the pool), HyperFormula
   * levels there. The area nodes of a level are not evaluated; each is decided (whether it reads a
   * kept cell) once the cells of its area are.
   */
  async run(pool: NlPool | null, progress?: (progress: RecalcProgress) => void): Promise<void> {
    const { sequence, level, order } = this.plan;
    const cells = this.done.length;
    const byLevel: number[][] = [];
    for (let i = 0; i < sequence.length; i++) (byLevel[level[sequence[i]]] ??= []).push(sequence[i]);
    let done = 0;
    const tell = (count: number) => {
      const before = done;
      done += count;
      if (progress && Math.floor(done / PROGRESS_EVERY) !== Math.floor(before / PROGRESS_EVERY))
        progress({ phase: "rekenen", done, total: order.length });
    };
    progress?.({ phase: "rekenen", done: 0, total: order.length });
    for (let l = 0; l < byLevel.length; l++) {
      const all = byLevel[l] ?? [];
      const direct = l % 2 === Evaluator.Direct;
      // The cells to evaluate; in a direct level with the area nodes among them, for the waves.
      const ids: number[] = [];
      let inLevel = 0;
      let evaluated = 0;
      for (const id of all) {
        const readsKept = this.keptPrecedent(id);
        if (id >= cells) {
          if (direct) ids.push(id);
          continue;
        }
        inLevel++;
        if (this.kept.has(id)) continue;
        if (readsKept) this.kept.set(id, DEPENDENT_OF_KEPT);
        else {
          ids.push(id);
          evaluated++;
        }
      }
      tell(inLevel - evaluated);
      if (evaluated === 0) continue;
      if (direct) await this.evaluateDirect(ids, pool, tell);
      else {
        evaluateWithHyperFormula(this.hyperformulaLevel, ids);
        this.keptThroughAreas(all);
        for (const id of ids) if (this.kept.has(id)) this.done[id] = 0;
        tell(ids.length);
      }
    }
    if (done % PROGRESS_EVERY !== 0) progress?.({ phase: "rekenen", done, total: order.length });
  }

  /**
   * After a HyperFormula level: its area nodes decided, now that the cells of the level are, and
   * the cells that read a cell kept in the level through one of them kept too (they read its
   * cached value).
   */
  private keptThroughAreas(all: readonly number[]): void {
    if (this.kept.size === 0) return;
    const cells = this.done.length;
    for (const id of all) {
      if (id >= cells) this.keptPrecedent(id);
      else if (!this.kept.has(id) && this.keptPrecedent(id)) this.kept.set(id, DEPENDENT_OF_KEPT);
    }
  }

  /**
   * A direct level in waves: each wave's cells read only cells of earlier waves and levels, so the
   * NL calls of a wave can be made together, spread over the pool's threads. An area node is
   * decided in the first wave after the cells of its area.
   */
  private async evaluateDirect(
    ids: readonly number[],
    pool: NlPool | null,
    tell: (count: number) => void,
  ): Promise<void> {
    const { formulas } = this.plan.graph;
    const cells = formulas.length;
    for (const wave of wavesOf(ids, this.plan.precedents, this.plan.level, this.waveOf, cells)) {
      const batch = pool?.batch(this.setResult);
      let counted = 0;
      for (let w = 0; w < wave.length; w++) {
        const id = wave[w];
        const readsKept = this.keptPrecedent(id);
        if (id >= cells) continue;
        if (++counted === PROGRESS_EVERY) {
          tell(counted);
          counted = 0;
        }
        if (readsKept) {
          this.kept.set(id, DEPENDENT_OF_KEPT);
          continue;
        }
        const f = formulas[id];
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
      tell(counted);
    }
  }
}

/**
 * The cells of one direct level in waves: a cell is in the wave after the latest wave of the
 * cells of this level it reads (`ids` are in dependency order). An area node (an id from `cells`
 * on) is in the wave after the latest of the cells of this level behind it, so that a cell that
 * reads it comes after them, and no later.
 */
function wavesOf(
  ids: readonly number[],
  precedents: IdLists,
  level: Int32Array,
  waveOf: Int32Array,
  cells: number,
): number[][] {
  const waves: number[][] = [];
  const l = level[ids[0]];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    let w = 0;
    for (let k = precedents.first(id); k < precedents.end(id); k++) {
      const p = precedents.items[k];
      if (level[p] !== l) continue;
      const after = p < cells ? waveOf[p] + 1 : waveOf[p];
      if (after > w) w = after;
    }
    waveOf[id] = w;
    (waves[w] ??= []).push(id);
  }
  return waves;
}
