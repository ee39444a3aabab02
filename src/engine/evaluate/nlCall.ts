/**
 * Calling an NL function the way Excel calls a custom function: numbers, strings, booleans, null
 * for an empty or omitted argument, ranges as arrays of rows. One place for both evaluators (the
 * direct one and the HyperFormula plugin), so a formula gives the same value in either.
 */
import { NlFunctionError } from "../../functions/excelError";
import { NL_FUNCTIONS, NL_REQUIRED, NL_SPILLS } from "../../functions/registry";
import { CellValue, ErrorValue, errorValue, isErrorValue } from "../../workbook/values";

/** The function id of a canonical name (`NL.KIA` -> `KIA`), or null when it is not one of ours. */
const ids = new Map<string, string | null>();

export function nlFunctionId(canonical: string): string | null {
  let id = ids.get(canonical);
  if (id === undefined) {
    const name = canonical.slice(3);
    id = canonical.startsWith("NL.") && Object.prototype.hasOwnProperty.call(NL_FUNCTIONS, name) ? name : null;
    ids.set(canonical, id);
  }
  return id;
}

export function nlSpillSize(id: string): { rows: number; columns: number } | null {
  return NL_SPILLS[id] ?? null;
}

/** How many arguments the function takes (the last parameter is Excel's invocation). */
function nlArity(id: string): number {
  return NL_FUNCTIONS[id].length - 1;
}

export type NlArgument = CellValue | CellValue[][];
export type NlResult = number | string | boolean | ErrorValue | CellValue[][];

/** The first error among the arguments (Excel does not call a function with an error argument). */
function firstError(args: readonly NlArgument[]): ErrorValue | null {
  for (const arg of args) {
    if (isErrorValue(arg)) return arg;
    if (Array.isArray(arg)) for (const row of arg) for (const cell of row) if (isErrorValue(cell)) return cell;
  }
  return null;
}

/**
 * How an empty cell reaches the function. Excel for the web and current Microsoft 365 pass `null`,
 * older desktop builds pass 0, inside ranges too (OfficeDev/office-js #4702, #1951, #5262). The
 * engine passes `null`; NL_AFTREK_EMPTY_CELL=0 makes it pass 0 as those builds do. The tests run
 * the engine both ways: the formula contract says the answer is the same.
 */
const EMPTY_AS_ZERO = typeof process !== "undefined" && process.env.NL_AFTREK_EMPTY_CELL === "0";

function emptyAsZero(arg: NlArgument): NlArgument {
  if (arg === null) return 0;
  if (!Array.isArray(arg)) return arg;
  return arg.map((row) => row.map((cell) => (cell === null ? 0 : cell)));
}

export function callNl(id: string, args: readonly NlArgument[]): NlResult {
  if (EMPTY_AS_ZERO) args = args.map(emptyAsZero);
  const arity = nlArity(id);
  if (args.length > arity) {
    return errorValue("#N/A", `NL.${id} heeft ten hoogste ${arity} argumenten (gekregen: ${args.length}).`);
  }
  const required = NL_REQUIRED[id];
  if (args.length < required.length) {
    const missing = required[args.length];
    return errorValue(
      "#VALUE!",
      `Argument '${missing}' ontbreekt: NL.${id} verwacht ten minste ${required.length} ${required.length === 1 ? "argument" : "argumenten"} (${required.join("; ")}), gekregen: ${args.length}.`,
    );
  }
  const error = firstError(args);
  if (error) return error;
  try {
    const result = NL_FUNCTIONS[id](...args);
    if (typeof result === "number" && (!Number.isFinite(result) || Object.is(result, -0))) {
      return Number.isFinite(result) ? 0 : errorValue("#NUM!");
    }
    return result as NlResult;
  } catch (e) {
    if (e instanceof NlFunctionError) return errorValue(e.code, e.message);
    return errorValue("#VALUE!", `NL.${id}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
