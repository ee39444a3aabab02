/**
 * Plan step "resolve names": each formula as the engine computes it, every defined name replaced by
 * the formula it stands for, in brackets (as Excel evaluates a name: `=Tarief*B2` with `Tarief` =
 * `Blad2!$B$1+1` is `=(Blad2!$B$1+1)*B2`). Done once per formula tree and sheet, here only: what
 * the formula reads, whether it calls an NL function, which evaluator takes it and how it is
 * printed for HyperFormula then follow from a tree without names.
 *
 * A name's own references keep their form: an absolute one means the same everywhere, a relative
 * one is relative to the cell that uses the name (as ECMA-376 part 1, §18.2.5 definedName, and
 * Excel have it). A name defined for another sheet (`Blad2!Tarief`) reads that sheet: its
 * references without a sheet are given that sheet's name.
 */
import { Formula, Node, RefSpec } from "../../workbook/formula/ast";
import { describe } from "../../workbook/formula/describe";
import { namesNlFunction } from "../../workbook/formula/functionNames";
import { FormulaSyntaxError, FormulaTooDeep } from "../../workbook/formula/limits";
import { Area } from "../../workbook/address";
import { CellRecord, SheetInfo } from "../../workbook/package";
import { CellFormula, isSyntaxError, WorkbookReferences } from "../../workbook/references";

const NO_AREAS: readonly Area[] = [];

/** Names within names, at most: deeper is taken for names that refer to each other. */
const MAX_NAME_DEPTH = 20;

/**
 * The most nodes a formula may grow to with its names written out: names that each use the next
 * twice double the tree at every step (2^20 nodes at 20 steps), which no workbook means.
 */
const MAX_NODES = 100000;

/** A formula with its names written out, or why the names cannot be (that reason keeps the cell's value). */
export class NamesResolved {
  private readonly cache = new Map<Formula, Map<number, CellFormula>>();

  constructor(private readonly refs: WorkbookReferences) {}

  /** The formula of a cell that has one, as the engine computes it: its names written out. */
  cellFormula(sheet: SheetInfo, cell: CellRecord): CellFormula {
    return this.formula(this.refs.formulaOf(sheet, cell)!, sheet.index);
  }

  /** The cells a formula from cellFormula reads in `cell`; none when it cannot be read. */
  areasRead(formula: CellFormula, sheet: number, cell: CellRecord): readonly Area[] {
    return isSyntaxError(formula) ? NO_AREAS : this.refs.areasRead(formula, sheet, cell);
  }

  /** `formula` as used on `sheet`, its defined names replaced by what they mean. */
  formula(formula: CellFormula, sheet: number): CellFormula {
    if (isSyntaxError(formula) || formula.info.names.length === 0) return formula;
    let bySheet = this.cache.get(formula);
    if (!bySheet) this.cache.set(formula, (bySheet = new Map()));
    let resolved = bySheet.get(sheet);
    if (!resolved) bySheet.set(sheet, (resolved = this.resolve(formula, sheet)));
    return resolved;
  }

  private resolve(formula: Formula, sheet: number): CellFormula {
    const { refs } = this;
    let reason: string | null = null;
    let nlInUnreadable = false;
    let nodes = 0;
    /** `on`: the sheet whose names and unqualified references the node means. */
    const walk = (n: Node, on: number, depth: number): Node => {
      if (++nodes > MAX_NODES) {
        reason ??= "namen die samen een te grote formule vormen";
        return n;
      }
      switch (n.k) {
        case "name": {
          const def = refs.definedName(n.name, on, n.sheet);
          if (!def) return { k: "err", v: "#NAME?" };
          const target = refs.nameFormula(def);
          if (isSyntaxError(target)) {
            reason ??= `onleesbare naam ${def.name}`;
            nlInUnreadable ||= namesNlFunction(def.formula);
            return { k: "err", v: "#NAME?" };
          }
          if (depth >= MAX_NAME_DEPTH) {
            reason ??= "namen die naar elkaar verwijzen";
            return { k: "err", v: "#NAME?" };
          }
          return { k: "paren", a: walk(target.node, def.sheet ?? on, depth + 1) };
        }
        case "ref":
          return on === sheet || n.ref.sheet ? n : { k: "ref", ref: onSheet(n.ref, refs.pkg.sheets[on].name) };
        case "postfix":
        case "unary":
        case "paren":
          return { ...n, a: walk(n.a, on, depth) };
        case "bin":
          return { ...n, a: walk(n.a, on, depth), b: walk(n.b, on, depth) };
        case "call":
          return { ...n, args: n.args.map((a) => walk(a, on, depth)) };
        case "union":
          return { ...n, items: n.items.map((item) => walk(item, on, depth)) };
        case "array":
          return { ...n, rows: n.rows.map((row) => row.map((cell) => walk(cell, on, depth))) };
        default:
          return n;
      }
    };
    const node = walk(formula.node, sheet, 0);
    let info;
    try {
      info = describe(node);
    } catch (error) {
      // Written out, the formula is deeper than this thread walks: read as such (a thread with a
      // larger stack may take it, see deepStack.ts).
      if (!(error instanceof FormulaSyntaxError)) throw error;
      return error instanceof FormulaTooDeep
        ? { syntaxError: error.message, tooDeep: true }
        : { syntaxError: error.message };
    }
    return {
      node,
      info: {
        ...info,
        hasNl: info.hasNl || nlInUnreadable,
        unsupported: formula.info.unsupported ?? reason ?? info.unsupported,
      },
    };
  }
}

/** A reference without a sheet, given one. */
function onSheet(ref: RefSpec, name: string): RefSpec {
  return { ...ref, sheet: { name } };
}
