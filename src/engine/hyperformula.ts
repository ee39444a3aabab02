/**
 * HyperFormula (GPL-v3 licence) with the NL functions registered: the engine for the native
 * Excel formulas among the NL formulas' dependents. Loaded only when a recalculation needs it.
 */
import {
  ArraySize,
  CellError,
  CellValue as HfValue,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionPlugin,
  HyperFormula,
  RawCellContent,
  SimpleRangeValue,
} from "hyperformula";
import { NL_FUNCTIONS } from "../functions/registry";
import { CellValue, errorValue, isErrorValue } from "../workbook/values";
import { dutchEngineMessage } from "./engineMessages";
import { EXCEL_EPSILON } from "./excelNumbers";
import { callNl, NlArgument, nlSpillSize } from "./nlCall";
import { ExcelRoundingPlugin } from "./roundingPlugin";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Ast = { procedureName: string; args: any[] };

/** An engine value as Excel would pass it to a custom function. */
function toArgument(value: unknown): CellValue {
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (value instanceof CellError)
    return errorValue(value.type === ErrorType.DIV_BY_ZERO ? "#DIV/0!" : `#${value.type}`);
  if (typeof value === "object" && "val" in (value as object)) return (value as { val: number }).val;
  return value as CellValue;
}

const HF_ERROR: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#REF!": ErrorType.REF,
  "#NAME?": ErrorType.NAME,
};

function functionId(ast: Ast): string {
  return ast.procedureName.replace(/^NL\./i, "").toUpperCase();
}

export class NlPlugin extends FunctionPlugin {
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
      if (value instanceof SimpleRangeValue) args.push(value.data.map((row) => row.map(toArgument)));
      else args.push(toArgument(value));
    }
    const result = callNl(functionId(ast), args);
    if (isErrorValue(result)) return new CellError(HF_ERROR[result.error] ?? ErrorType.VALUE, result.message);
    return Array.isArray(result) ? SimpleRangeValue.onlyValues(result as any) : result;
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
  // In place of HyperFormula's own, which round the binary value (a cent off next to Excel).
  HyperFormula.registerFunctionPlugin(ExcelRoundingPlugin, {
    enGB: Object.fromEntries(ExcelRoundingPlugin.names.map((name) => [name, name])),
  });
  registered = true;
}

/** The functions that search a column, which HyperFormula's column index speeds up. */
export const LOOKUP_FUNCTIONS: ReadonlySet<string> = new Set(["VLOOKUP", "MATCH", "XLOOKUP", "XMATCH", "LOOKUP"]);

/** `lookups`: the formulas search columns (see LOOKUP_FUNCTIONS). */
export function engineConfig(date1904 = false, lookups = false) {
  return {
    licenseKey: "gpl-v3",
    // Excel's precision: results read out at 15 significant digits (HyperFormula counts the
    // digits after the first), numbers equal and sums 0 within EXCEL_EPSILON (see excelNumbers.ts).
    smartRounding: true,
    precisionRounding: 14,
    precisionEpsilon: EXCEL_EPSILON,
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

/** An Excel error code for what HyperFormula returned, or null for its own codes (#CYCLE!, #ERROR!, #SPILL! ...). */
export function excelCode(error: DetailedCellError): string | null {
  const code = error.value;
  return ["#VALUE!", "#N/A", "#NAME?", "#REF!", "#DIV/0!", "#NUM!", "#NULL!"].includes(code) ? code : null;
}

/** A HyperFormula value as a cell value; null for an error Excel does not have. */
export function fromEngine(value: HfValue): CellValue | undefined {
  if (value instanceof DetailedCellError) {
    const code = excelCode(value);
    return code ? errorValue(code, value.message ? dutchEngineMessage(value.message) : undefined) : undefined;
  }
  // Read out at 15 digits, a number below some 1e-294 comes out as NaN (10^(14 + 294) overflows): 0.
  if (typeof value === "number" && !Number.isFinite(value)) return Number.isNaN(value) ? 0 : errorValue("#NUM!");
  return value as CellValue;
}
