/**
 * HyperFormula's own operators made to read and compare values as excelValues.ts does, so that an
 * operator gives the same in HyperFormula as in the direct evaluator; and the record of what only
 * Excel can decide, met while HyperFormula evaluates.
 *
 * The operators are no functions: no plugin or setting reaches them. They are methods of
 * HyperFormula's ArithmeticHelper, which alignOperators replaces on its prototype when HyperFormula
 * is loaded (HyperFormula 3.5.0; it fails loudly where a method is not found):
 * - text read as a number (an operand of + - * / ^ %, a number argument, a criterion): textToNumber,
 *   where HyperFormula read "" as 0, "$5" as 5 and "1-2-2025" as a date by its own DD/MM/YYYY;
 * - comparing two values: compare, where HyperFormula compared two date-like texts as dates;
 * - a power: 0^0 is #NUM! and 0 to a negative power #DIV/0!, where HyperFormula gave 1 and #NUM!
 *   (`pow` is set on each engine's ArithmeticHelper, as HyperFormula makes it per engine).
 * Text as a date elsewhere (DATEVALUE, TIMEVALUE) goes to readTextAsDate, its `parseDateTime` setting.
 *
 * What only Excel can decide is recorded by formula cell. HyperFormula tells no function which
 * formula it evaluates when it reads text as a number; Evaluator.evaluateAstToCellValue, which it
 * calls once for each formula, is wrapped to keep that formula's address.
 */
import { CellError, ErrorType, HyperFormula } from "hyperformula";
import { compare, NeedsExcel, readsInSomeLanguage, TEXT_AS_NUMBER, textToNumber } from "../excel/excelValues";
import { toCellValue } from "./hfValues";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Address = { sheet: number; row: number; col: number };

/** The values only Excel can decide met in the HyperFormula run under way: by formula cell (addressKey), the reason. */
let undecided: Map<string, string> | null = null;
/** The formula HyperFormula is evaluating. */
let current: Address | null = null;

export const addressKey = (sheet: number, row: number, col: number): string => `${sheet}:${row}:${col}`;

/**
 * Runs `evaluate` (HyperFormula building or changing sheets, which computes them, and reading the
 * results), and tells which formula cells met a value only Excel can decide, with the reason.
 */
export function withUndecided<T>(evaluate: () => T): [T, ReadonlyMap<string, string>] {
  const outer = undecided;
  const found = new Map<string, string>();
  undecided = found;
  try {
    return [evaluate(), found];
  } finally {
    undecided = outer;
  }
}

/**
 * Records that the formula at `address` (by default the one being evaluated) met a value only Excel
 * can decide; the first reason stays (the direct evaluator stops at the first).
 */
export function needsExcel(what: string, address: Address | null = current): void {
  if (!address || !undecided) return;
  const key = addressKey(address.sheet, address.row, address.col);
  if (!undecided.has(key)) undecided.set(key, what);
}

/** HyperFormula's `parseDateTime`: no text is a date here; a date-like one only Excel reads (in the user's language). */
export function readTextAsDate(text: string): undefined {
  if (readsInSomeLanguage(text)) needsExcel(TEXT_AS_NUMBER);
  return undefined;
}

/** x^y as Excel: 0^0 #NUM!, 0 to a negative power #DIV/0!. */
function excelPow(left: unknown, right: unknown): unknown {
  const x = toCellValue(left) as number;
  const y = toCellValue(right) as number;
  if (x === 0 && y === 0) return new CellError(ErrorType.NUM);
  if (x === 0 && y < 0) return new CellError(ErrorType.DIV_BY_ZERO);
  return Math.pow(x, y);
}

function method(prototype: any, name: string): (...args: any[]) => any {
  const found = prototype?.[name];
  if (typeof found !== "function") throw new Error(`HyperFormula has no ${name} to align with Excel's operators`);
  return found;
}

let aligned = false;

/** Makes HyperFormula's operators read and compare as excelValues.ts, and follow the formula under evaluation. */
export function alignOperators(): void {
  if (aligned) return;
  const probe = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  const evaluator = Object.getPrototypeOf(probe.evaluator);
  const arithmetic = Object.getPrototypeOf((probe.evaluator as any).interpreter?.arithmeticHelper);
  probe.destroy();
  const evaluate = method(evaluator, "evaluateAstToCellValue");
  const coerce = method(arithmetic, "coerceToMaybeNumber");
  const hfCompare = method(arithmetic, "compare");
  evaluator.evaluateAstToCellValue = function (this: any, ast: unknown, state: { formulaAddress: Address }) {
    const helper = this.interpreter.arithmeticHelper;
    if (helper.pow !== excelPow) helper.pow = excelPow;
    const outer = current;
    current = state.formulaAddress;
    try {
      return evaluate.call(this, ast, state);
    } finally {
      current = outer;
    }
  };
  arithmetic.coerceToMaybeNumber = function (this: unknown, arg: unknown) {
    if (typeof arg !== "string") return coerce.call(this, arg);
    try {
      return textToNumber(arg);
    } catch (error) {
      if (!(error instanceof NeedsExcel)) throw error;
      needsExcel(error.message);
      return undefined;
    }
  };
  arithmetic.compare = function (this: unknown, left: unknown, right: unknown) {
    if (left instanceof CellError || right instanceof CellError) return hfCompare.call(this, left, right);
    return compare(toCellValue(left), toCellValue(right));
  };
  aligned = true;
}
