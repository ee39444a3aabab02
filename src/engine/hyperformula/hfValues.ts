/**
 * Values between HyperFormula and the engine: what HyperFormula computes as a cell value
 * (numbers, text, WAAR/ONWAAR, an empty cell, an error), and back. One translation for the NL
 * functions' plugin, the plugin of Excel's functions and the reading of results.
 */
import { CellError, EmptyValue, ErrorType, SimpleRangeValue } from "hyperformula";
import { CellValue, ErrorValue, errorValue, isErrorValue } from "../../workbook/values";
import { dutchEngineMessage } from "./messages";

/** HyperFormula's error types as Excel's codes; its own (#CYCLE!, #ERROR!, #SPILL!, #LIC!) Excel does not have. */
const EXCEL_CODE: Readonly<Record<string, string>> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.REF]: "#REF!",
  [ErrorType.CYCLE]: "#CYCLE!",
  [ErrorType.SPILL]: "#SPILL!",
  [ErrorType.LIC]: "#LIC!",
  [ErrorType.ERROR]: "#ERROR!",
};

const ERROR_TYPE: Readonly<Record<string, ErrorType>> = Object.fromEntries(
  Object.entries(EXCEL_CODE).map(([type, code]) => [code, type as ErrorType]),
);

/** The errors that came from HyperFormula as they were, so that one passed on stays the same object. */
const fromEngine = new WeakMap<ErrorValue, CellError>();
/** The messages of errors made here, Dutch already (HyperFormula copies an error it stores in a cell). */
const dutchMessages = new Set<string>();

/** The Excel error code of a HyperFormula error (its own codes too, which no workbook may hold). */
export function errorCode(error: CellError): string {
  return EXCEL_CODE[error.type] ?? "#VALUE!";
}

/** The message of a HyperFormula error in Dutch (one made here already is). */
export function errorMessage(error: CellError): string | undefined {
  if (!error.message) return undefined;
  return dutchMessages.has(error.message) ? error.message : dutchEngineMessage(error.message);
}

/** A HyperFormula value (one cell's) as a cell value; an error keeps its code and its Dutch message. */
export function toCellValue(value: unknown): CellValue {
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (value instanceof CellError) {
    const error = errorValue(errorCode(value), errorMessage(value));
    fromEngine.set(error, value);
    return error;
  }
  // A number with a format of its own (a date, a percentage, an amount): its value.
  if (typeof value === "object" && "val" in value) return (value as { val: number }).val;
  return null;
}

/** A cell value as HyperFormula's: an error as the one it came from, or a new one with its message. */
export function toEngineValue(value: CellValue): unknown {
  if (value === null) return EmptyValue;
  if (!isErrorValue(value)) return value;
  const known = fromEngine.get(value);
  if (known) return known;
  if (value.message) dutchMessages.add(value.message);
  return new CellError(ERROR_TYPE[value.error] ?? ErrorType.VALUE, value.message);
}

/** The values of a range or array, row by row, as cell values. */
export function rowsOf(value: SimpleRangeValue): CellValue[][] {
  return value.data.map((row) => row.map(toCellValue));
}
