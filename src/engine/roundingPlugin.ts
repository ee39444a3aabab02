/**
 * Excel's rounding functions for HyperFormula, in place of its own (which work on the binary value:
 * see excelNumbers.ts): ROUND, ROUNDUP, ROUNDDOWN, TRUNC, FLOOR, CEILING, their .MATH and .PRECISE
 * forms and ISO.CEILING, and INT, each as EXCEL_ROUNDING has it (the direct evaluator takes the
 * same entries). INT stays on the binary value (whether Excel takes INT(4766,69 × 100) as 476668 or
 * 476669 could not be checked here). MROUND stays HyperFormula's: LibreOffice, the peer on this
 * machine, takes its binary quotient too (MROUND(1,005; 0,01) is 1 there, beside ROUND(1,005; 2) =
 * 1,01), and what Excel does could not be checked here.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from "hyperformula";
import { EXCEL_ROUNDING, RoundingFailure } from "./excelNumbers";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Ast = { procedureName: string; args: any[] };

const parameter = (defaultValue: number | null) =>
  defaultValue === null
    ? { argumentType: FunctionArgumentType.NUMBER }
    : { argumentType: FunctionArgumentType.NUMBER, defaultValue };

const methodOf = (name: string) => `excel${name.replace(/\./g, "_")}`;

function cellResult(result: number | RoundingFailure): number | CellError {
  if (result === "#DIV/0!") return new CellError(ErrorType.DIV_BY_ZERO);
  if (result === "Distinct signs.") return new CellError(ErrorType.NUM, result);
  return result;
}

export class ExcelRoundingPlugin extends FunctionPlugin {
  static implementedFunctions = Object.fromEntries(
    Object.entries(EXCEL_ROUNDING).map(([name, fn]) => [
      name,
      { method: methodOf(name), parameters: fn.defaults.map(parameter) },
    ]),
  );

  /** The functions' names, as HyperFormula's translations want them (the file syntax is English). */
  static readonly names = Object.keys(EXCEL_ROUNDING);

  /** The function `name` of EXCEL_ROUNDING, its arguments taken as HyperFormula takes a number. */
  run(name: string, ast: Ast, state: any): unknown {
    const fn = EXCEL_ROUNDING[name];
    return this.runFunction(ast.args, state, this.metadata(name), (...args: number[]) =>
      cellResult(fn.compute(...args)),
    );
  }
}

// One method per function, as HyperFormula calls them by name.
for (const name of ExcelRoundingPlugin.names) {
  Object.defineProperty(ExcelRoundingPlugin.prototype, methodOf(name), {
    value(this: ExcelRoundingPlugin, ast: Ast, state: any): unknown {
      return this.run(name, ast, state);
    },
  });
}
