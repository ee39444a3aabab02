/**
 * The NL functions as a HyperFormula plugin. One adapter over the same functions module that Excel
 * loads (src/functions): arguments are handed over the way Excel hands them to a custom function
 * (numbers, strings, booleans, null for empty, ranges as arrays of rows), and an NL error becomes
 * the same Excel error with its message.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionPlugin, SimpleRangeValue } from "hyperformula";
import { NlFunctionError } from "../functions/excelError";
import { NL_FUNCTIONS, NL_SPILLS } from "../functions/registry";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Ast = { procedureName: string; args: any[] };

/** An engine value as Excel would pass it to a custom function. */
function toExcelValue(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: number }).val;
  return value;
}

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
    const id = functionId(ast);
    const fn = NL_FUNCTIONS[id];
    const arity = fn.length - 1; // the last parameter is Excel's invocation (the cell address)
    if (ast.args.length > arity) {
      return new CellError(
        ErrorType.NA,
        `NL.${id} heeft ten hoogste ${arity} argumenten (gekregen: ${ast.args.length}).`,
      );
    }
    const args: unknown[] = [];
    for (const argAst of ast.args) {
      const value = this.evaluateAst(argAst, state);
      if (value instanceof CellError) return value;
      if (value instanceof SimpleRangeValue) {
        const rows = value.data;
        for (const row of rows) for (const cell of row) if (cell instanceof CellError) return cell;
        args.push(rows.map((row) => row.map(toExcelValue)));
      } else {
        args.push(toExcelValue(value));
      }
    }
    try {
      const result = fn(...args);
      return Array.isArray(result) ? SimpleRangeValue.onlyValues(result) : result;
    } catch (error) {
      if (error instanceof NlFunctionError) {
        return new CellError(error.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, error.message);
      }
      return new CellError(ErrorType.VALUE, `NL.${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  sizeOfNl(ast: Ast): ArraySize {
    const spill = NL_SPILLS[functionId(ast)];
    return spill ? new ArraySize(spill.columns, spill.rows) : ArraySize.scalar();
  }
}

/** Every NL function under its own name, for the languages the engine uses. */
export const NL_TRANSLATIONS = {
  enGB: Object.fromEntries(Object.keys(NL_FUNCTIONS).map((id) => [`NL.${id}`, `NL.${id}`])),
};
