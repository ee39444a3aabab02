/**
 * The NL subgraph evaluated directly: formulas made of NL function calls, references, constants,
 * arithmetic or comparison operators, and the Excel functions a template puts around an NL result
 * (IF, AND, OR, NOT, IFERROR, IFNA, SUM, MAX, MIN, ABS, and ROUND, FLOOR, INT and their kin: the
 * table of excelFunctions.ts, which HyperFormula runs too). Every other formula goes to
 * HyperFormula. Each cell is evaluated once, in dependency order, and reads at most a small range
 * (SMALL_AREA), so the work is linear in the number of formulas.
 *
 * The operators are Excel's, as excelValues.ts has them: an empty cell is 0, WAAR is 1, a number as
 * text is that number, an error passes through, division by zero is #DIV/0!; comparisons order
 * numbers < text < logical values and compare text without regard to case; numbers are equal, and a
 * sum is 0, within Excel's precision. A value only Excel can decide (text in the user's language, a
 * range where one value is wanted) throws NeedsExcel: the caller keeps Excel's value.
 */
import { Area, MAX_COLUMNS, MAX_ROWS } from "../../workbook/address";
import { Node, RefSpec } from "../../workbook/formula/ast";
import { Host } from "../../workbook/formula/parse";
import { isUnresolved, WorkbookReferences } from "../../workbook/references";
import { CellValue, ErrorValue, errorValue, isErrorValue } from "../../workbook/values";
import { Arguments, ArgumentsBase, excelFunction, ExcelFunction, Fold } from "../excel/excelFunctions";
import {
  arithmetic,
  ArithmeticOperator,
  comparison,
  ComparisonOperator,
  finite,
  NeedsExcel,
  toNumber,
} from "../excel/excelValues";
import { GROWING_FROM } from "../plan/growingAreas";
import { callNl, NlArgument, nlFunctionId } from "./nlCall";
import type { NlCall } from "../threads/nlPool";

export interface DirectContext {
  readonly refs: WorkbookReferences;
  /** The value of a cell as the formula sees it now (computed, or as Excel stored it). */
  valueAt(sheet: number, row: number, col: number): CellValue;
  /** The values of an area, row by row (empty cells as null). */
  valuesIn(area: Area): CellValue[][];
}

/**
 * Where a node stands: the whole formula, an operand of an operator or a function taking one value,
 * an argument of an NL function (a range is passed as its values), or an argument of a function
 * that walks its ranges (SUM, MAX, AND): there only a range of a few cells, the same size in every
 * cell of a column (see SMALL_AREA).
 */
type Position = "top" | "operand" | "argument" | "aggregate";

/**
 * The most cells a range walked here may have, in fewer than GROWING_FROM rows. A larger one, or one
 * that grows down a column (`MAX($B$2:B2)`, `SOM(Tabel[Bedrag])`), goes to HyperFormula, which
 * keeps each range's result and a growing range's previous one: walked here for every formula
 * that reads it, a column of such formulas would cost the square of its rows.
 */
const SMALL_AREA = 256;

/** Whether a reference is a range of at most SMALL_AREA cells in fewer than GROWING_FROM rows, wherever the formula is. */
function isSmallArea(ref: RefSpec): boolean {
  if (ref.kind === "cell") return true;
  if (ref.kind !== "area" || ref.r1Abs !== ref.r2Abs || ref.c1Abs !== ref.c2Abs) return false;
  const rows = Math.abs(ref.r2 - ref.r1) + 1;
  return rows < GROWING_FROM && rows * (Math.abs(ref.c2 - ref.c1) + 1) <= SMALL_AREA;
}

const ARITHMETIC: ReadonlySet<string> = new Set<ArithmeticOperator>(["+", "-", "*", "/", "^"]);
const COMPARISONS: ReadonlySet<string> = new Set<ComparisonOperator>(["=", "<>", "<", ">", "<=", ">="]);

/**
 * Whether the direct evaluator takes a call of an Excel function of the table: the arguments Excel
 * takes, each left empty only where the function allows it, each direct itself: one value, or for a
 * list (SUM, AND) a value, small range or array.
 */
function acceptsCall(fn: ExcelFunction, args: readonly Node[], direct: (n: Node, p: Position) => boolean): boolean {
  if (args.length < fn.required) return false;
  if (fn.list) return args.every((a) => a.k !== "missing" && direct(a, "aggregate"));
  if (args.length > fn.parameters.length) return false;
  return args.every((a, i) => (a.k === "missing" ? fn.parameters[i].omittable === true : direct(a, "operand")));
}

/** Whether a formula tree can be evaluated here (else it goes to HyperFormula). */
export function isDirect(node: Node, position: Position = "top"): boolean {
  const again = (n: Node, p: Position) => isDirect(n, p);
  switch (node.k) {
    case "num":
    case "str":
    case "bool":
    case "err":
      return true;
    case "missing":
      return position === "argument" || position === "aggregate";
    case "ref":
      return position === "aggregate" ? isSmallArea(node.ref) : node.ref.kind === "cell" || position === "argument";
    case "struct":
      return position === "argument" || (node.spec.items.includes("#This Row") && node.spec.columns.length <= 1);
    case "call": {
      if (nlFunctionId(node.fn) !== null) return node.args.every((a) => again(a, "argument"));
      const fn = excelFunction(node.fn);
      return fn !== undefined && acceptsCall(fn, node.args, again);
    }
    case "unary":
      return node.op !== "@" && again(node.a, "operand");
    case "postfix":
      return node.op === "%" ? again(node.a, "operand") : position === "argument" && node.a.k === "ref";
    case "bin":
      return (
        (ARITHMETIC.has(node.op) || COMPARISONS.has(node.op)) && again(node.a, "operand") && again(node.b, "operand")
      );
    case "paren":
      return again(node.a, position);
    case "array":
      return position === "argument" || position === "aggregate";
    default:
      return false;
  }
}

/** A reference, kept as such until it is known whether a value or a range is wanted. */
interface AreaValue {
  readonly area: Area;
  readonly single: boolean;
}

/** An array: a spilled NL result or an array constant. */
interface RowsValue {
  readonly rows: CellValue[][];
}

type Value = CellValue | AreaValue | RowsValue;

function isArea(v: Value): v is AreaValue {
  return typeof v === "object" && v !== null && "area" in v;
}

function isRows(v: Value): v is RowsValue {
  return typeof v === "object" && v !== null && "rows" in v;
}

export class DirectEvaluator {
  /** @param ctx the workbook's cells as the formulas see them (read by the arguments of functions too) */
  constructor(readonly ctx: DirectContext) {}

  /**
   * The value of a formula for the cell at (sheet, host): a value, or rows for a spilled result.
   * For a formula `isDirect` accepts (the functions' argument counts are checked there).
   */
  evaluate(node: Node, sheet: number, host: Host): CellValue | CellValue[][] {
    const v = this.eval(node, sheet, host);
    if (isRows(v)) return v.rows;
    if (isArea(v)) {
      if (!v.single) throw new NeedsExcel("een bereik als uitkomst");
      const value = this.ctx.valueAt(v.area.sheet, v.area.r1, v.area.c1);
      return value === null ? 0 : value;
    }
    return v;
  }

  /** @internal */
  eval(node: Node, sheet: number, host: Host): Value {
    switch (node.k) {
      case "num":
      case "str":
      case "bool":
        return node.v;
      case "err":
        return errorValue(node.v);
      case "missing":
        return null;
      case "ref": {
        const area = this.ctx.refs.resolveRef(node.ref, sheet, host);
        return isUnresolved(area) ? errorValue(area.error) : { area, single: node.ref.kind === "cell" };
      }
      case "struct": {
        const area = this.ctx.refs.resolveStruct(node.spec, sheet, host);
        if (isUnresolved(area)) return errorValue(area.error);
        return { area, single: area.r1 === area.r2 && area.c1 === area.c2 && node.spec.items.includes("#This Row") };
      }
      case "paren":
        return this.eval(node.a, sheet, host);
      case "postfix": {
        if (node.op === "#") {
          const area =
            node.a.k === "ref" ? this.ctx.refs.resolveSpill(node.a.ref, sheet, host) : { error: "#REF!" as const };
          return isUnresolved(area) ? errorValue(area.error) : { area, single: false };
        }
        const n = toNumber(this.scalar(node.a, sheet, host));
        return isErrorValue(n) ? n : finite(n / 100);
      }
      case "unary": {
        const n = toNumber(this.scalar(node.a, sheet, host));
        if (isErrorValue(n)) return n;
        return node.op === "-" ? finite(-n) : n;
      }
      case "bin":
        return this.binary(node.op, node.a, node.b, sheet, host);
      case "array":
        return { rows: node.rows.map((row) => row.map((cell) => this.scalar(cell, sheet, host))) };
      case "call": {
        if (node.fn.startsWith("NL.")) return this.call(node.fn, node.args, sheet, host);
        const fn = excelFunction(node.fn);
        if (fn === undefined) throw new NeedsExcel(node.fn);
        return fn.evaluate(new DirectArguments(this, node.args, sheet, host));
      }
      default:
        throw new NeedsExcel(node.k);
    }
  }

  /** @internal The common case, a reference to one cell of the same sheet, read without building a reference first. */
  sameSheetCell(node: Node, sheet: number, host: Host): CellValue | undefined {
    if (node.k !== "ref" || node.ref.kind !== "cell" || node.ref.sheet) return undefined;
    const row = node.ref.r1Abs ? node.ref.r1 : host.row + node.ref.r1;
    const col = node.ref.c1Abs ? node.ref.c1 : host.col + node.ref.c1;
    if (row < 1 || col < 1 || row > MAX_ROWS || col > MAX_COLUMNS) return undefined;
    return this.ctx.valueAt(sheet, row, col);
  }

  /** @internal A single value, for the functions below. */
  scalar(node: Node, sheet: number, host: Host): CellValue {
    const cell = this.sameSheetCell(node, sheet, host);
    if (cell !== undefined) return cell;
    return this.single(this.eval(node, sheet, host));
  }

  /** @internal A value as one value: a one-cell reference read, an array's first value. */
  single(v: Value): CellValue {
    if (isArea(v)) {
      if (!v.single) throw new NeedsExcel("een bereik in een berekening");
      return this.ctx.valueAt(v.area.sheet, v.area.r1, v.area.c1);
    }
    if (isRows(v)) return v.rows[0]?.[0] ?? null;
    return v;
  }

  private binary(op: string, a: Node, b: Node, sheet: number, host: Host): CellValue {
    const x = this.scalar(a, sheet, host);
    const y = this.scalar(b, sheet, host);
    if (isErrorValue(x)) return x;
    if (isErrorValue(y)) return y;
    if (!ARITHMETIC.has(op)) return comparison(op as ComparisonOperator, x, y);
    const p = toNumber(x);
    if (isErrorValue(p)) return p;
    const q = toNumber(y);
    if (isErrorValue(q)) return q;
    return arithmetic(op as ArithmeticOperator, p, q);
  }

  /**
   * A formula that is one NL call and nothing else: the function and its arguments, evaluated for
   * (sheet, host), so that the call can be made elsewhere (its result is the formula's). Null for
   * any other formula.
   */
  topLevelCall(node: Node, sheet: number, host: Host): NlCall | null {
    if (node.k !== "call") return null;
    const id = nlFunctionId(node.fn);
    return id ? { id, args: this.argumentValues(node.args, sheet, host) } : null;
  }

  private argumentValues(args: readonly Node[], sheet: number, host: Host): NlArgument[] {
    const values: NlArgument[] = new Array(args.length);
    for (let i = 0; i < args.length; i++) values[i] = this.argumentValue(args[i], sheet, host);
    return values;
  }

  private argumentValue(arg: Node, sheet: number, host: Host): NlArgument {
    const cell = this.sameSheetCell(arg, sheet, host);
    if (cell !== undefined) return cell;
    const v = this.eval(arg, sheet, host);
    if (isArea(v)) return v.single ? this.ctx.valueAt(v.area.sheet, v.area.r1, v.area.c1) : this.ctx.valuesIn(v.area);
    if (isRows(v)) return v.rows;
    return v;
  }

  private call(fn: string, args: readonly Node[], sheet: number, host: Host): Value {
    const id = nlFunctionId(fn);
    if (!id) throw new NeedsExcel(fn);
    const result = callNl(id, this.argumentValues(args, sheet, host));
    return Array.isArray(result) ? { rows: result } : result;
  }
}

/** A call's arguments in the direct evaluator, each evaluated for the cell being computed when first asked for. */
class DirectArguments extends ArgumentsBase<Value> implements Arguments<Value> {
  constructor(
    private readonly ev: DirectEvaluator,
    private readonly args: readonly Node[],
    private readonly sheet: number,
    private readonly host: Host,
  ) {
    super(args.length);
  }

  omitted(i: number): boolean {
    return this.args[i].k === "missing";
  }

  protected evaluate(i: number): Value {
    return this.ev.eval(this.args[i], this.sheet, this.host);
  }

  value(i: number): CellValue {
    const cell = this.isEvaluated(i) ? undefined : this.ev.sameSheetCell(this.args[i], this.sheet, this.host);
    return cell !== undefined ? cell : this.ev.single(this.raw(i));
  }

  array(i: number): CellValue[][] | null {
    const v = this.raw(i);
    return isRows(v) ? v.rows : null;
  }

  pass(i: number): Value {
    return this.raw(i);
  }

  result(value: CellValue | CellValue[][]): Value {
    return Array.isArray(value) ? { rows: value } : value;
  }

  fold<T>(i: number, fold: Fold<T>, total: T): T | ErrorValue | undefined {
    const v = this.raw(i);
    if (isRows(v)) return this.foldRows(v.rows, fold, total);
    if (!isArea(v)) return undefined;
    const { area } = v;
    if (v.single) return this.foldCell(this.ev.ctx.valueAt(area.sheet, area.r1, area.c1), fold, total);
    return this.foldRange(this.foldRows(this.ev.ctx.valuesIn(area), fold, fold.initial), fold, total);
  }
}
