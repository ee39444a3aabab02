/**
 * The functions of excelFunctions.ts as a HyperFormula plugin, registered in place of its own IF,
 * AND, OR, NOT, IFERROR, IFNA, SUM, MAX, MIN, ABS, ROUND and kin: HyperFormula runs the same
 * entries as the direct evaluator, so a formula's value does not depend on which evaluator took it.
 *
 * The arguments come as HyperFormula gives its own functions theirs: a range where one value is
 * wanted is the value in the formula's row or column (implicit intersection); inside ARRAYFORMULA a
 * range makes the function run for each of its values (HyperFormula's vectorization, which then
 * evaluates every argument); a list function's range is folded once per range and kept, and a
 * growing range's fold built on the previous one's (as HyperFormula's own SUM does).
 *
 * A value only Excel can decide (NeedsExcel) is recorded for the formula that met it
 * (hfOperators.ts), so that its cell keeps Excel's value; the function gives an error in the
 * meantime.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from "hyperformula";
import { CellValue, ErrorValue } from "../../workbook/values";
import { Arguments, ArgumentsBase, EXCEL_FUNCTIONS, ExcelFunction, Fold } from "../excel/excelFunctions";
import { NeedsExcel, needsExcelReason } from "../excel/excelValues";
import { needsExcel } from "./hfOperators";
import { rowsOf, toCellValue, toEngineValue } from "./hfValues";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Ast = { type: string; args: Ast[]; expression?: Ast };
type Address = { sheet: number; row: number; col: number };
type State = { formulaAddress: Address; arraysFlag: boolean };

const methodOf = (name: string) => `excel_${name.replace(/\./g, "_")}`;

/** How many arguments HyperFormula takes at least: Excel's required ones, less those with a default. */
function leastArguments(fn: ExcelFunction): number {
  let least = 0;
  while (least < fn.required && fn.parameters[least]?.default === undefined) least++;
  return least;
}

/** The metadata HyperFormula sizes results and checks calls by, the same as its own functions'. */
function metadataOf(fn: ExcelFunction) {
  if (fn.list) return { parameters: [{ argumentType: FunctionArgumentType.ANY }], repeatLastArgs: 1 };
  const least = leastArguments(fn);
  return {
    parameters: fn.parameters.map((_, i) => ({
      argumentType: FunctionArgumentType.SCALAR,
      passSubtype: true,
      optionalArg: i >= least,
    })),
  };
}

const RANGES = new Set(["CELL_RANGE", "COLUMN_RANGE", "ROW_RANGE"]);
const ONE_VALUE = { argumentType: FunctionArgumentType.SCALAR, passSubtype: true };

/** An argument without the brackets around it (a defined name reaches HyperFormula as `(A1:B5)`). */
function unwrap(ast: Ast): Ast {
  let a = ast;
  while (a.type === "PARENTHESES" && a.expression) a = a.expression;
  return a;
}

/** What a fold needs from HyperFormula's range cache: its key, and its steps on HyperFormula's values. */
interface RangeFold {
  readonly key: string;
  coerce(value: unknown): unknown;
  combine(total: unknown, value: unknown): unknown;
}

const rangeFolds = new Map<Fold<any>, RangeFold>();

function rangeFoldOf(fold: Fold<any>): RangeFold {
  let known = rangeFolds.get(fold);
  if (!known) {
    known = {
      // A key of its own: HyperFormula's SUBTOTAL still keeps its SUM and MAX under theirs.
      key: `NL_AFTREK_FOLD_${rangeFolds.size}`,
      coerce(value) {
        if (value instanceof CellError) return value;
        const x = fold.cell(toCellValue(value));
        return x === null ? undefined : x;
      },
      combine: (total, value) => fold.combine(total, value),
    };
    rangeFolds.set(fold, known);
  }
  return known;
}

/**
 * The plugin, on HyperFormula's class of numeric aggregates (SUM's own), whose range cache it uses.
 * Made once HyperFormula is loaded: `Aggregates` is `HyperFormula.getFunctionPlugin("SUMSQ")`.
 */
export function excelFunctionPlugin(Aggregates: typeof FunctionPlugin) {
  class ExcelFunctionPlugin extends Aggregates {
    static implementedFunctions = Object.fromEntries(
      Object.entries(EXCEL_FUNCTIONS).map(([name, fn]) => [name, { method: methodOf(name), ...metadataOf(fn) }]),
    );

    /** None of the aggregates' aliases (VAR for VAR.S ...): those stay theirs. */
    static aliases = {};

    /** The functions' names, as HyperFormula's translations want them (the file syntax is English). */
    static readonly names = Object.keys(EXCEL_FUNCTIONS);

    /** The function `name` of the table, for the call `ast` in the formula of `state`. */
    run(name: string, ast: Ast, state: State): unknown {
      const fn = EXCEL_FUNCTIONS[name];
      try {
        if (state.arraysFlag && !fn.list) {
          // Inside ARRAYFORMULA a range runs the function for each value, as HyperFormula's own do.
          const each = (...values: unknown[]): any => fn.evaluate(new EngineArguments(this, ast.args, state, values));
          return this.runFunction(ast.args as any, state as any, this.metadata(name), each);
        }
        const count = ast.args.length;
        if (count < leastArguments(fn) || (!fn.list && count > fn.parameters.length))
          return new CellError(ErrorType.NA, "Wrong number of arguments.");
        return fn.evaluate(new EngineArguments(this, ast.args, state));
      } catch (error) {
        if (!(error instanceof NeedsExcel)) throw error;
        needsExcel(error.message, state.formulaAddress);
        return toEngineValue({ error: "#VALUE!", message: needsExcelReason(error.message) });
      }
    }

    /** @internal An argument evaluated. */
    evaluate(ast: Ast, state: State): unknown {
      return this.evaluateAst(ast as any, state as any);
    }

    /** @internal A value as one value, as HyperFormula gives a function's scalar argument; undefined where it cannot. */
    one(value: unknown, state: State): unknown {
      return this.coerceToType(value as any, ONE_VALUE, state as any);
    }

    /** @internal A range folded, kept per range as HyperFormula keeps its SUM's. */
    foldRange<T>(ast: Ast, state: State, fold: Fold<T>): T | ErrorValue {
      const { key, coerce, combine } = rangeFoldOf(fold);
      const identity = (x: unknown) => x;
      const total = (this as any).evaluateRange(ast, state, fold.initial, key, combine, identity, coerce);
      return total instanceof CellError ? (toCellValue(total) as ErrorValue) : total;
    }
  }
  // One method per function, as HyperFormula calls them by name.
  for (const name of ExcelFunctionPlugin.names) {
    Object.defineProperty(ExcelFunctionPlugin.prototype, methodOf(name), {
      value(this: ExcelFunctionPlugin, ast: Ast, state: State): unknown {
        return this.run(name, ast, state);
      },
    });
  }
  return ExcelFunctionPlugin;
}

type Plugin = InstanceType<ReturnType<typeof excelFunctionPlugin>>;

/**
 * A call's arguments in HyperFormula: evaluated when first asked for, or, inside ARRAYFORMULA,
 * as HyperFormula evaluated them (`given`, one value of each range at a time).
 */
class EngineArguments extends ArgumentsBase<unknown> implements Arguments<unknown> {
  constructor(
    private readonly plugin: Plugin,
    private readonly asts: readonly Ast[],
    private readonly state: State,
    private readonly given?: readonly unknown[],
  ) {
    super(asts.length);
  }

  omitted(i: number): boolean {
    return this.asts[i].type === "EMPTY";
  }

  protected evaluate(i: number): unknown {
    return this.plugin.evaluate(this.asts[i], this.state);
  }

  /** Argument i as one value: a range's value in the formula's row or column, else #VALUE!. */
  private one(i: number): unknown {
    if (this.given) return this.given[i];
    const value = this.raw(i);
    if (!(value instanceof SimpleRangeValue)) return value;
    return this.plugin.one(value, this.state) ?? new CellError(ErrorType.VALUE, "Wrong type of argument.");
  }

  value(i: number): CellValue {
    return toCellValue(this.one(i));
  }

  array(): null {
    // A range or array where one value is wanted is one value here (see one()).
    return null;
  }

  pass(i: number): unknown {
    return this.one(i);
  }

  result(value: CellValue | CellValue[][]): unknown {
    if (!Array.isArray(value)) return toEngineValue(value);
    return SimpleRangeValue.onlyValues(value.map((row) => row.map(toEngineValue)) as any);
  }

  fold<T>(i: number, fold: Fold<T>, total: T): T | ErrorValue | undefined {
    const ast = unwrap(this.asts[i]);
    if (RANGES.has(ast.type)) return this.foldRange(this.plugin.foldRange(ast, this.state, fold), fold, total);
    const value = this.raw(i);
    if (value instanceof SimpleRangeValue) return this.foldRows(rowsOf(value), fold, total);
    // A reference to one cell counts as a range of one: only the kinds of values a range counts.
    return ast.type === "CELL_REFERENCE" ? this.foldCell(toCellValue(value), fold, total) : undefined;
  }
}
