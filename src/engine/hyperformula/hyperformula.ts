/**
 * HyperFormula (GPL-v3 licence) with the NL functions registered: the engine for the native
 * Excel formulas among the NL formulas' dependents. Loaded only when a recalculation needs it.
 */
import {
  ArraySize,
  CellError,
  FunctionPlugin,
  HyperFormula,
  RawCellContent,
  SimpleCellAddress,
  SimpleRangeValue,
} from "hyperformula";
import { NL_FUNCTIONS } from "../../functions/registry";
import { isExcelError } from "../../workbook/formula/ast";
import { CellValue, errorValue, isErrorValue } from "../../workbook/values";
import { EXCEL_EPSILON } from "../excel/excelNumbers";
import { TEXT_COMPARISON } from "../excel/excelValues";
import { excelFunctionPlugin } from "./functionPlugin";
import { alignOperators, readTextAsDate } from "./hfOperators";
import { errorCode, errorMessage, rowsOf, toCellValue, toEngineValue } from "./hfValues";
import { callNl, NlArgument, nlSpillSize } from "../evaluate/nlCall";

export { addressKey, withUndecided } from "./hfOperators";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Ast = { procedureName: string; args: any[] };

function functionId(ast: Ast): string {
  return ast.procedureName.replace(/^NL\./i, "").toUpperCase();
}

class NlPlugin extends FunctionPlugin {
  static implementedFunctions = Object.fromEntries(
    Object.keys(NL_FUNCTIONS).map((id) => [
      `NL.${id}`,
      { method: "callNl", sizeOfResultArrayMethod: "sizeOfNl", vectorizationForbidden: true },
    ]),
  );

  callNl(ast: Ast, state: any): unknown {
    const args: NlArgument[] = [];
    for (const argAst of ast.args) {
      const value = this.evaluateAst(argAst, state);
      if (value instanceof CellError) return value;
      args.push(value instanceof SimpleRangeValue ? rowsOf(value) : toCellValue(value));
    }
    const result = callNl(functionId(ast), args);
    if (isErrorValue(result)) return toEngineValue(result);
    return Array.isArray(result)
      ? SimpleRangeValue.onlyValues(result.map((row) => row.map(toEngineValue)) as any)
      : result;
  }

  sizeOfNl(ast: Ast): ArraySize {
    const spill = nlSpillSize(functionId(ast));
    return spill ? new ArraySize(spill.columns, spill.rows) : ArraySize.scalar();
  }
}

const NL_TRANSLATIONS = {
  enGB: Object.fromEntries(Object.keys(NL_FUNCTIONS).map((id) => [`NL.${id}`, `NL.${id}`])),
};

let registered = false;

function register(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(NlPlugin, NL_TRANSLATIONS);
  // In place of HyperFormula's own: the same functions the direct evaluator runs (excelFunctions.ts).
  const aggregates = HyperFormula.getFunctionPlugin("SUMSQ") as unknown as typeof FunctionPlugin;
  const plugin = excelFunctionPlugin(aggregates);
  HyperFormula.registerFunctionPlugin(plugin, { enGB: Object.fromEntries(plugin.names.map((name) => [name, name])) });
  // Its operators read and compare text as the direct evaluator's (excelValues.ts).
  alignOperators();
  registered = true;
}

/** The functions that search a column, which HyperFormula's column index speeds up. */
export const LOOKUP_FUNCTIONS: ReadonlySet<string> = new Set(["VLOOKUP", "MATCH", "XLOOKUP", "XMATCH", "LOOKUP"]);

/** `lookups`: the formulas search columns (see LOOKUP_FUNCTIONS). */
function engineConfig(date1904 = false, lookups = false) {
  return {
    licenseKey: "gpl-v3",
    // Excel's precision: numbers equal and sums 0 within EXCEL_EPSILON (see excelNumbers.ts). The
    // results are read as computed (engineValue), not at the 15 digits HyperFormula rounds to here.
    smartRounding: true,
    precisionRounding: 14,
    precisionEpsilon: EXCEL_EPSILON,
    // Text compared as Excel and the direct evaluator compare it (excelValues.ts).
    ...TEXT_COMPARISON,
    // No text is taken for a date: Excel reads it in the user's language (hfOperators.ts).
    parseDateTime: readTextAsDate,
    // A column index costs memory on every cell; without one, each lookup reads its whole range
    // (20.000 VLOOKUPs in a table of 20.000 rows: 85 s without, 3 s with).
    useColumnIndex: lookups,
    // Excel's own limits (HyperFormula's defaults stop at 40.000 rows).
    maxRows: 1048576,
    maxColumns: 16384,
    // A formula that refers to an empty cell gives 0, as in Excel.
    evaluateNullToZero: true,
    // Excel's date systems: serial 1 is 1 January 1900 (with the fictitious 29 February 1900) or 2 January 1904.
    leapYear1900: !date1904,
    nullDate: date1904 ? { year: 1904, month: 1, day: 1 } : { year: 1899, month: 12, day: 31 },
  };
}

/** Formulas as users write them may hold bare TRUE/FALSE, which HyperFormula only knows as functions. */
const NAMED_EXPRESSIONS = [
  { name: "TRUE", expression: "=TRUE()" },
  { name: "FALSE", expression: "=FALSE()" },
];

export function createEngine(
  sheets: Record<string, RawCellContent[][]>,
  date1904 = false,
  lookups = false,
): HyperFormula {
  register();
  return HyperFormula.buildFromSheets(sheets, engineConfig(date1904, lookups), NAMED_EXPRESSIONS);
}

let known: Set<string> | null = null;

/** The functions HyperFormula evaluates (canonical upper-case English names, NL ones included). */
export function engineFunctions(): ReadonlySet<string> {
  register();
  known ??= new Set(HyperFormula.getRegisteredFunctionNames("enGB").map((n) => n.toUpperCase()));
  return known;
}

/**
 * A cell's value as HyperFormula computed it: the number itself, as Excel stores a result, where
 * HyperFormula's own reading (getCellValue) gives it at 15 digits; an error with its Dutch message;
 * undefined for an error Excel does not have (HyperFormula's own #CYCLE!, #ERROR!, #SPILL!).
 */
export function engineValue(engine: HyperFormula, address: SimpleCellAddress): CellValue | undefined {
  const value = engine.dependencyGraph.getScalarValue(address);
  if (value instanceof CellError) {
    const code = errorCode(value);
    return isExcelError(code) ? errorValue(code, errorMessage(value)) : undefined;
  }
  return toCellValue(value);
}
