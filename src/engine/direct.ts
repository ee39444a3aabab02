/**
 * The NL subgraph evaluated directly: formulas made of NL function calls, references, constants,
 * arithmetic or comparison operators, and the native functions a template puts around an NL
 * result (IF, AND, OR, NOT, IFERROR, IFNA, SUM, MAX, MIN, ABS, and ROUND, FLOOR, INT and their kin:
 * the table DIRECT_FUNCTIONS at the end, each with the calls it accepts and its result). Every other
 * formula goes to HyperFormula. Each cell is evaluated once, in dependency order, and reads at most
 * a small range (SMALL_AREA), so the work is linear in the number of formulas.
 *
 * The operators follow Excel: an empty cell is 0, TRUE is 1, a number as text is that number, an
 * error passes through, division by zero is #DIV/0!; comparisons order numbers < text < logical
 * values and compare text without regard to case; numbers are equal, and a sum is 0, within
 * Excel's precision (excelNumbers.ts, the same as HyperFormula is set to).
 */
import { Area, MAX_COLUMNS, MAX_ROWS } from "../workbook/address";
import { Node, RefSpec } from "../workbook/formula/ast";
import { Host } from "../workbook/formula/parse";
import { isUnresolved, nameNode, WorkbookReferences } from "../workbook/references";
import { CellValue, ErrorValue, errorValue, isErrorValue } from "../workbook/values";
import { dutchEngineMessage } from "./engineMessages";
import { EXCEL_ROUNDING, excelCompare, ExcelRoundingFunction, excelSum } from "./excelNumbers";
import { GROWING_FROM } from "./growingAreas";
import { callNl, NlArgument, nlFunctionId } from "./nlCall";
import type { NlCall } from "./nlPool";

/** A value met during evaluation that only Excel itself can interpret (a date typed as text, say). */
export class NotDirect extends Error {}

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

const ARITHMETIC = new Set(["+", "-", "*", "/", "^"]);
const OPERATORS = new Set(["+", "-", "*", "/", "^", "=", "<>", "<", ">", "<=", ">="]);

/** Whether a formula tree can be evaluated here (else it goes to HyperFormula). */
export function isDirect(
  node: Node,
  refs: WorkbookReferences,
  sheet: number,
  position: Position = "top",
  depth = 0,
): boolean {
  const again = (n: Node, p: Position) => isDirect(n, refs, sheet, p, depth);
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
    case "name": {
      if (depth > 20) return false;
      const target = nameNode(refs, node.name, sheet, node.sheet);
      if (isUnresolved(target)) return true;
      return isDirect(target.node, refs, target.sheet, position, depth + 1);
    }
    case "call": {
      if (nlFunctionId(node.fn) !== null) return node.args.every((a) => again(a, "argument"));
      const fn = DIRECT_FUNCTIONS.get(node.fn);
      return fn !== undefined && fn.accepts(node.args, again);
    }
    case "unary":
      return node.op !== "@" && again(node.a, "operand");
    case "postfix":
      return node.op === "%" ? again(node.a, "operand") : position === "argument" && node.a.k === "ref";
    case "bin":
      return OPERATORS.has(node.op) && again(node.a, "operand") && again(node.b, "operand");
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

// The messages HyperFormula gives for the same errors, in Dutch: the same text whichever evaluator.
const NOT_A_NUMBER = dutchEngineMessage("Value cannot be coerced to number.");
const NOT_FINITE = dutchEngineMessage("NaN or infinite value encountered.");
/** AND or OR over cells without a logical value or number (Excel's #VALUE!, which has no message). */
const NO_LOGICAL_VALUE = "Geen logische waarde (WAAR of ONWAAR) of getal gevonden.";

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;

/** A value as a number, the way Excel's arithmetic takes it. */
function toNumber(value: CellValue): number | CellValue {
  if (value === null) return 0;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return errorValue("#VALUE!", NOT_A_NUMBER);
    if (PLAIN_NUMBER.test(text)) {
      const n = Number(text.replace("%", ""));
      return text.endsWith("%") ? n / 100 : n;
    }
    // Dates, times and amounts with separators depend on the user's locale: leave them to Excel.
    if (/\d/.test(text) && /^[\d\s.,:/\-+€$%()]+$/.test(text))
      throw new NotDirect("tekst die Excel als getal of datum kan lezen");
    return errorValue("#VALUE!", NOT_A_NUMBER);
  }
  return value;
}

function finite(n: number): CellValue {
  if (Number.isNaN(n) || !Number.isFinite(n)) return errorValue("#NUM!", NOT_FINITE);
  return Object.is(n, -0) ? 0 : n;
}

function arithmetic(op: string, x: number, y: number): CellValue {
  switch (op) {
    case "+":
      return finite(excelSum(x, y));
    case "-":
      return finite(excelSum(x, -y));
    case "*":
      return finite(x * y);
    case "/":
      return y === 0 ? errorValue("#DIV/0!") : finite(x / y);
    default:
      if (x === 0 && y === 0) return errorValue("#NUM!");
      if (x === 0 && y < 0) return errorValue("#DIV/0!");
      return finite(Math.pow(x, y));
  }
}

/** Excel's ordering for comparisons: numbers < text < logical values; empty is 0, "" or FALSE. */
function compare(a: CellValue, b: CellValue): number {
  const rank = (v: CellValue) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let x = a;
  let y = b;
  if (x === null) x = typeof y === "string" ? "" : typeof y === "boolean" ? false : 0;
  if (y === null) y = typeof x === "string" ? "" : typeof x === "boolean" ? false : 0;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string") {
    const p = x.toLowerCase();
    const q = (y as string).toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  if (typeof x === "number") return excelCompare(x, y as number);
  const p = Number(x);
  const q = Number(y);
  return p < q ? -1 : p > q ? 1 : 0;
}

export class DirectEvaluator {
  constructor(private readonly ctx: DirectContext) {}

  /**
   * The value of a formula for the cell at (sheet, host): a value, or rows for a spilled result.
   * For a formula `isDirect` accepts (the functions' argument counts are checked there).
   */
  evaluate(node: Node, sheet: number, host: Host): CellValue | CellValue[][] {
    const v = this.eval(node, sheet, host, 0);
    if (isRows(v)) return v.rows;
    if (isArea(v)) {
      if (!v.single) throw new NotDirect("een bereik als uitkomst");
      const value = this.ctx.valueAt(v.area.sheet, v.area.r1, v.area.c1);
      return value === null ? 0 : value;
    }
    return v;
  }

  /** @internal */
  eval(node: Node, sheet: number, host: Host, depth: number): Value {
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
      case "name": {
        if (depth > 20) return errorValue("#NAME?");
        const target = nameNode(this.ctx.refs, node.name, sheet, node.sheet);
        if (isUnresolved(target)) return errorValue(target.error);
        return this.eval(target.node, target.sheet, host, depth + 1);
      }
      case "paren":
        return this.eval(node.a, sheet, host, depth);
      case "postfix": {
        if (node.op === "#") {
          const area =
            node.a.k === "ref" ? this.ctx.refs.resolveSpill(node.a.ref, sheet, host) : { error: "#REF!" as const };
          return isUnresolved(area) ? errorValue(area.error) : { area, single: false };
        }
        const n = toNumber(this.scalar(node.a, sheet, host, depth));
        return typeof n === "number" ? finite(n / 100) : n;
      }
      case "unary": {
        const n = toNumber(this.scalar(node.a, sheet, host, depth));
        if (typeof n !== "number") return n;
        return node.op === "-" ? finite(-n) : n;
      }
      case "bin":
        return this.binary(node.op, node.a, node.b, sheet, host, depth);
      case "array":
        return { rows: node.rows.map((row) => row.map((cell) => this.scalar(cell, sheet, host, depth))) };
      case "call": {
        if (node.fn.startsWith("NL.")) return this.call(node.fn, node.args, sheet, host, depth);
        const fn = DIRECT_FUNCTIONS.get(node.fn);
        if (fn === undefined) throw new NotDirect(node.fn);
        return fn.evaluate(node.args, new CellOperands(this, this.ctx, sheet, host, depth));
      }
      default:
        throw new NotDirect(node.k);
    }
  }

  /** The common case, a reference to one cell of the same sheet, read without building a reference first. */
  private sameSheetCell(node: Node, sheet: number, host: Host): CellValue | undefined {
    if (node.k !== "ref" || node.ref.kind !== "cell" || node.ref.sheet) return undefined;
    const row = node.ref.r1Abs ? node.ref.r1 : host.row + node.ref.r1;
    const col = node.ref.c1Abs ? node.ref.c1 : host.col + node.ref.c1;
    if (row < 1 || col < 1 || row > MAX_ROWS || col > MAX_COLUMNS) return undefined;
    return this.ctx.valueAt(sheet, row, col);
  }

  /** @internal A single value, for the functions below. */
  scalar(node: Node, sheet: number, host: Host, depth: number): CellValue {
    const cell = this.sameSheetCell(node, sheet, host);
    if (cell !== undefined) return cell;
    return this.single(this.eval(node, sheet, host, depth));
  }

  /** @internal A value as one value: a one-cell reference read, an array's first value. */
  single(v: Value): CellValue {
    if (isArea(v)) {
      if (!v.single) throw new NotDirect("een bereik in een berekening");
      return this.ctx.valueAt(v.area.sheet, v.area.r1, v.area.c1);
    }
    if (isRows(v)) return v.rows[0]?.[0] ?? null;
    return v;
  }

  private binary(op: string, a: Node, b: Node, sheet: number, host: Host, depth: number): CellValue {
    const x = this.scalar(a, sheet, host, depth);
    const y = this.scalar(b, sheet, host, depth);
    if (isErrorValue(x)) return x;
    if (isErrorValue(y)) return y;
    if (ARITHMETIC.has(op)) {
      const p = toNumber(x);
      if (typeof p !== "number") return p;
      const q = toNumber(y);
      if (typeof q !== "number") return q;
      return arithmetic(op, p, q);
    }
    const c = compare(x, y);
    switch (op) {
      case "=":
        return c === 0;
      case "<>":
        return c !== 0;
      case "<":
        return c < 0;
      case ">":
        return c > 0;
      case "<=":
        return c <= 0;
      default:
        return c >= 0;
    }
  }

  /**
   * A formula that is one NL call and nothing else: the function and its arguments, evaluated for
   * (sheet, host), so that the call can be made elsewhere (its result is the formula's). Null for
   * any other formula.
   */
  topLevelCall(node: Node, sheet: number, host: Host): NlCall | null {
    if (node.k !== "call") return null;
    const id = nlFunctionId(node.fn);
    return id ? { id, args: this.argumentValues(node.args, sheet, host, 0) } : null;
  }

  private argumentValues(args: readonly Node[], sheet: number, host: Host, depth: number): NlArgument[] {
    const values: NlArgument[] = new Array(args.length);
    for (let i = 0; i < args.length; i++) values[i] = this.argumentValue(args[i], sheet, host, depth);
    return values;
  }

  private argumentValue(arg: Node, sheet: number, host: Host, depth: number): NlArgument {
    const cell = this.sameSheetCell(arg, sheet, host);
    if (cell !== undefined) return cell;
    const v = this.eval(arg, sheet, host, depth);
    if (isArea(v)) return v.single ? this.ctx.valueAt(v.area.sheet, v.area.r1, v.area.c1) : this.ctx.valuesIn(v.area);
    if (isRows(v)) return v.rows;
    return v;
  }

  private call(fn: string, args: readonly Node[], sheet: number, host: Host, depth: number): Value {
    const id = nlFunctionId(fn);
    if (!id) throw new NotDirect(fn);
    const result = callNl(id, this.argumentValues(args, sheet, host, depth));
    return Array.isArray(result) ? { rows: result } : result;
  }
}

/** An argument of a native function, evaluated for the cell being computed. */
interface Operands {
  /** As one value: a one-cell reference read, an array's first value, an error as it is. */
  scalar(node: Node): CellValue;
  /** As it comes: a value, a reference, an array. */
  value(node: Node): Value;
  /** The cells of a reference or an array, row by row. */
  cells(v: AreaValue | RowsValue): readonly (readonly CellValue[])[];
  /** A value already evaluated, as one value (what `scalar` gives). */
  single(v: Value): CellValue;
}

class CellOperands implements Operands {
  constructor(
    private readonly ev: DirectEvaluator,
    private readonly ctx: DirectContext,
    private readonly sheet: number,
    private readonly host: Host,
    private readonly depth: number,
  ) {}

  scalar(node: Node): CellValue {
    return this.ev.scalar(node, this.sheet, this.host, this.depth);
  }

  value(node: Node): Value {
    return this.ev.eval(node, this.sheet, this.host, this.depth);
  }

  single(v: Value): CellValue {
    return this.ev.single(v);
  }

  cells(v: AreaValue | RowsValue): readonly (readonly CellValue[])[] {
    if (isRows(v)) return v.rows;
    return v.single ? [[this.ctx.valueAt(v.area.sheet, v.area.r1, v.area.c1)]] : this.ctx.valuesIn(v.area);
  }
}

/**
 * A native Excel function evaluated here: which calls of it (`accepts`, given whether an argument
 * in a position is direct itself) and its result. Any other call goes to HyperFormula.
 */
interface DirectFunction {
  accepts(args: readonly Node[], direct: (node: Node, position: Position) => boolean): boolean;
  evaluate(args: readonly Node[], operands: Operands): Value;
}

/** A number, logical value or empty cell as a logical value: WAAR unless 0, ONWAAR or empty. */
function isTrue(v: number | boolean | null): boolean {
  return v !== null && v !== 0 && v !== false;
}

/**
 * IF(test; if true; [if false]): the test a number (not 0 is WAAR) or a logical value, an empty
 * cell ONWAAR; only the outcome chosen is evaluated; an outcome left empty is 0, and without an
 * outcome for ONWAAR the result is ONWAAR. Text as the test is read by Excel in its own language
 * ("WAAR", "TRUE"): left to Excel.
 */
const IF: DirectFunction = {
  accepts: ([test, ...outcomes], direct) =>
    outcomes.length >= 1 &&
    outcomes.length <= 2 &&
    direct(test, "operand") &&
    outcomes.every((a) => a.k === "missing" || direct(a, "operand")),
  evaluate(args, o) {
    const test = o.scalar(args[0]);
    if (isErrorValue(test)) return test;
    if (typeof test === "string") throw new NotDirect("tekst als voorwaarde van ALS");
    const outcome = isTrue(test) ? args[1] : args[2];
    if (outcome === undefined) return false;
    if (outcome.k === "missing") return 0;
    return o.value(outcome);
  },
};

/**
 * MAX and MIN as Excel's help has them: of a cell, a range or an array only the numbers count
 * (text, WAAR/ONWAAR and empty cells are passed over); a value given as an argument counts as
 * arithmetic takes it (WAAR is 1, text that is no number #VALUE!); an error is the result; with
 * no number at all the result is 0. An argument left empty is HyperFormula's.
 */
function extreme(max: boolean): DirectFunction {
  return {
    accepts: everyArgument,
    evaluate(args, o) {
      const numbers = gather(args, o, (cell) => (typeof cell === "number" ? cell : null), toNumber);
      if (isErrorValue(numbers)) return numbers;
      let best = 0;
      for (let i = 0; i < numbers.length; i++)
        if (i === 0 || (max ? numbers[i] > best : numbers[i] < best)) best = numbers[i];
      return best === 0 ? 0 : best;
    },
  };
}

/**
 * SUM as Excel's help has it: of a cell, a range or an array only the numbers count (text,
 * WAAR/ONWAAR and empty cells are passed over); a value given as an argument counts as arithmetic
 * takes it (WAAR is 1, text that is no number #VALUE!); the first error is the result. Added in
 * HyperFormula's order, each step a sum that is 0 when it is only the noise of its terms
 * (excelSum): the cells of a range first among themselves, then that to the total; a cell, an
 * array or a value to the total as it comes. An argument left empty is HyperFormula's.
 */
const SUM: DirectFunction = {
  accepts: everyArgument,
  evaluate(args, o) {
    let total = 0;
    for (const arg of args) {
      const v = o.value(arg);
      if (!isArea(v) && !isRows(v)) {
        const n = toNumber(v);
        if (typeof n !== "number") return n;
        total = excelSum(total, n);
        continue;
      }
      const range = isArea(v) && !v.single;
      let sum = range ? 0 : total;
      for (const row of o.cells(v))
        for (const cell of row) {
          if (isErrorValue(cell)) return cell;
          if (typeof cell === "number") sum = excelSum(sum, cell);
        }
      total = range ? excelSum(sum, total) : sum;
    }
    return finite(total);
  },
};

/**
 * A rounding function of EXCEL_ROUNDING (ROUND, FLOOR, INT and their kin), the same entry as
 * HyperFormula's: the arguments Excel takes, each a number as arithmetic takes it, the first error
 * as it comes, and the defaults of those left out.
 */
function rounding(fn: ExcelRoundingFunction): DirectFunction {
  return {
    accepts: (args, direct) =>
      args.length >= fn.required && args.length <= fn.defaults.length && args.every((a) => direct(a, "operand")),
    evaluate(args, o) {
      const numbers: number[] = [];
      for (let i = 0; i < fn.defaults.length; i++) {
        const n = i < args.length ? toNumber(o.scalar(args[i])) : fn.defaults[i]!;
        if (typeof n !== "number") return n;
        numbers.push(n);
      }
      const result = fn.compute(...numbers);
      if (result === "#DIV/0!") return errorValue("#DIV/0!");
      if (result === "Distinct signs.") return errorValue("#NUM!", dutchEngineMessage(result));
      return finite(result);
    },
  };
}

/** ABS of one number, as arithmetic takes it. */
const ABS: DirectFunction = {
  accepts: (args, direct) => args.length === 1 && direct(args[0], "operand"),
  evaluate(args, o) {
    const n = toNumber(o.scalar(args[0]));
    return typeof n === "number" ? finite(Math.abs(n)) : n;
  },
};

/**
 * AND and OR as Excel's help has them: of a cell, a range or an array the logical values and
 * numbers count (0 is ONWAAR), text and empty cells are passed over, and with nothing left the
 * result is #VALUE!; a value given as an argument counts as a logical value (a number not 0 is
 * WAAR); the first error is the result. Text given as an argument Excel reads in its own language
 * ("WAAR", "TRUE"): left to Excel, as is an argument left empty.
 */
function connective(all: boolean, dutch: string): DirectFunction {
  const ofArgument = (v: CellValue): boolean | CellValue => {
    if (isErrorValue(v)) return v;
    if (typeof v === "string") throw new NotDirect(`tekst als argument van ${dutch}`);
    return isTrue(v);
  };
  return {
    accepts: everyArgument,
    evaluate(args, o) {
      const values = gather(args, o, logicalInCell, ofArgument);
      if (isErrorValue(values)) return values;
      if (values.length === 0) return errorValue("#VALUE!", NO_LOGICAL_VALUE);
      return all ? values.every((b) => b) : values.some((b) => b);
    },
  };
}

/** A logical value or number in a cell of a range as AND and OR count it (0 is ONWAAR); null: passed over. */
function logicalInCell(cell: CellValue): boolean | null {
  return typeof cell === "number" || typeof cell === "boolean" ? isTrue(cell) : null;
}

/** MAX, AND and the like: any number of arguments, each a value, reference or array, none left empty. */
function everyArgument(args: readonly Node[], direct: (node: Node, position: Position) => boolean): boolean {
  return args.length > 0 && args.every((a) => a.k !== "missing" && direct(a, "aggregate"));
}

/**
 * The values a function of many arguments (MAX, AND) takes, in order: of each cell of a reference
 * or array what `ofCell` makes of it (null: passed over), of each other argument what
 * `ofArgument` does (an error, or the value). The first error met, in a cell or given, is the result.
 */
function gather<T>(
  args: readonly Node[],
  o: Operands,
  ofCell: (cell: CellValue) => T | null,
  ofArgument: (value: CellValue) => T | CellValue,
): T[] | ErrorValue {
  const values: T[] = [];
  for (const arg of args) {
    const v = o.value(arg);
    if (isArea(v) || isRows(v)) {
      for (const row of o.cells(v))
        for (const cell of row) {
          if (isErrorValue(cell)) return cell;
          const value = ofCell(cell);
          if (value !== null) values.push(value);
        }
      continue;
    }
    const value = ofArgument(v);
    if (isErrorValue(value)) return value;
    values.push(value as T);
  }
  return values;
}

/** NOT of one value: a number not 0 or WAAR gives ONWAAR, 0, ONWAAR or an empty cell WAAR; text is Excel's. */
const NOT: DirectFunction = {
  accepts: (args, direct) => args.length === 1 && direct(args[0], "operand"),
  evaluate(args, o) {
    const v = o.scalar(args[0]);
    if (isErrorValue(v)) return v;
    if (typeof v === "string") throw new NotDirect("tekst als argument van NIET");
    return !isTrue(v);
  },
};

/**
 * IFERROR and IFNA: the value, or, where it is an error (IFNA: #N/A) the second argument, only then
 * evaluated; of a spilled NL result each error in it. An empty cell as either argument Excel's
 * help reads as "" (a text, where a reference elsewhere gives 0): left to Excel.
 */
function ifError(catches: (error: ErrorValue) => boolean, dutch: string): DirectFunction {
  return {
    accepts: (args, direct) => args.length === 2 && args.every((a) => a.k !== "missing" && direct(a, "operand")),
    evaluate(args, o) {
      let alternative: CellValue | undefined;
      const orElse = (value: CellValue): CellValue => {
        if (!isErrorValue(value) || !catches(value)) return value;
        alternative ??= o.scalar(args[1]);
        if (alternative === null) throw new NotDirect(`een lege cel in ${dutch}`);
        return alternative;
      };
      const v = o.value(args[0]);
      if (isRows(v)) return { rows: v.rows.map((row) => row.map(orElse)) };
      const value = o.single(v);
      if (value === null) throw new NotDirect(`een lege cel in ${dutch}`);
      return orElse(value);
    },
  };
}

/** The native functions evaluated here, by canonical (English) name. */
const DIRECT_FUNCTIONS: ReadonlyMap<string, DirectFunction> = new Map([
  ["IF", IF],
  ["AND", connective(true, "EN")],
  ["OR", connective(false, "OF")],
  ["NOT", NOT],
  ["IFERROR", ifError(() => true, "ALS.FOUT")],
  ["IFNA", ifError((error) => error.error === "#N/A", "ALS.NB")],
  ["SUM", SUM],
  ["MAX", extreme(true)],
  ["MIN", extreme(false)],
  ["ABS", ABS],
  ...Object.entries(EXCEL_ROUNDING).map(([name, fn]): [string, DirectFunction] => [name, rounding(fn)]),
]);
