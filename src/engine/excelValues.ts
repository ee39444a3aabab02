/**
 * Excel's values inside a formula, one module for both evaluators: how a value becomes a number
 * (an operand of + - * / ^, a number argument), a logical value (IF's test, NOT, an argument of AND
 * or OR), and how two values compare. The direct evaluator's operators are these functions, and
 * every function of the table in excelFunctions.ts reads its arguments through them, in the direct
 * evaluator and in HyperFormula alike.
 *
 * HyperFormula's own operators (its Interpreter and ArithmeticHelper) cannot be replaced by a
 * plugin; they serve the formulas it evaluates. Its configuration (hyperformula.ts) makes them
 * compare and add as here: numbers equal and sums 0 within EXCEL_EPSILON, text compared by the
 * collation TEXT_COMPARISON. Where no setting reaches, they still differ, and there the direct
 * evaluator keeps Excel's value (a formula that needs it is evaluated directly when it is in reach
 * of an NL formula and holds no other function):
 * - an empty text as a number (`=""*1`): Excel #VALUE!, HyperFormula 0
 *   (`coerceNonDateScalarToMaybeNumber` returns 0 for "");
 * - 0^0: Excel #NUM!, HyperFormula 1; 0 to a negative power: Excel #DIV/0!, HyperFormula #NUM!
 *   (its `pow` is Math.pow, then infinity is #NUM!);
 * - text that reads as a date, a time or an amount with a currency sign (`="1-2-2025"*1`,
 *   `="12:30"+0`, `="$5"*1`): Excel reads it in the user's language, which the file does not name;
 *   HyperFormula by its own formats (DD/MM/YYYY, hh:mm, $). Here only Excel can decide (NeedsExcel);
 *   HyperFormula computes its reading. And two such texts HyperFormula compares as dates, Excel as text.
 */
import { CellValue, ErrorValue, errorValue, isErrorValue } from "../workbook/values";
import { dutchEngineMessage } from "./engineMessages";
import { excelCompare, excelSum } from "./excelNumbers";

/**
 * A value only Excel can decide: it reads text in the user's language (a date, an amount, WAAR or
 * TRUE), which the file does not name. No evaluator guesses: the message says what, for the user.
 */
export class NeedsExcel extends Error {}

/** Why a cell keeps the value Excel stored, for a value only Excel can decide (`what`: NeedsExcel's message). */
export function needsExcelReason(what: string): string {
  return `niet zonder Excel te bepalen (${what})`;
}

// The messages HyperFormula gives for the same errors, in Dutch: the same text whichever evaluator.
export const NOT_A_NUMBER = dutchEngineMessage("Value cannot be coerced to number.");
const NOT_FINITE = dutchEngineMessage("NaN or infinite value encountered.");
/** Where a logical value is wanted and none is given (Excel's #VALUE!, which has no message). */
export const NO_LOGICAL_VALUE = "Geen logische waarde (WAAR of ONWAAR) of getal gevonden.";

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;
/** Digits with separators, signs, brackets or a currency: a date, time or amount in some language. */
const IN_SOME_LANGUAGE = /^[\d\s.,:/\-+€$%()]+$/;

/**
 * A value as a number, the way Excel's arithmetic takes it: an empty cell 0, WAAR 1, a number
 * written plainly in text that number (a percentage too), an error as it is. Other text with
 * digits (a date, an amount with separators) depends on the user's language: NeedsExcel.
 */
export function toNumber(value: CellValue): number | ErrorValue {
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
    if (/\d/.test(text) && IN_SOME_LANGUAGE.test(text))
      throw new NeedsExcel("tekst die Excel als getal of datum kan lezen");
    return errorValue("#VALUE!", NOT_A_NUMBER);
  }
  return value;
}

/** A result as Excel can hold it: not a number or infinite is #NUM!, and never -0. */
export function finite(n: number): number | ErrorValue {
  if (Number.isNaN(n) || !Number.isFinite(n)) return errorValue("#NUM!", NOT_FINITE);
  return Object.is(n, -0) ? 0 : n;
}

export type ArithmeticOperator = "+" | "-" | "*" | "/" | "^";

/** x op y as Excel computes it: a sum that is only noise is 0, division by zero #DIV/0!, 0^0 #NUM!. */
export function arithmetic(op: ArithmeticOperator, x: number, y: number): number | ErrorValue {
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

/**
 * How text compares, here and in HyperFormula's configuration: without regard to case, with
 * regard to accents ("é" is not "e" in Excel), in the order of a language's alphabet ("ä" before "b").
 */
export const TEXT_COMPARISON = { localeLang: "en", caseSensitive: false, accentSensitive: true } as const;

const collator = new Intl.Collator(TEXT_COMPARISON.localeLang, { sensitivity: "accent" });

/**
 * Excel's ordering for comparisons: numbers < text < logical values; an empty cell is 0, "" or
 * ONWAAR beside the other value; numbers equal within Excel's precision (excelCompare).
 */
export function compare(a: CellValue, b: CellValue): number {
  const rank = (v: CellValue) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let x = a;
  let y = b;
  if (x === null) x = typeof y === "string" ? "" : typeof y === "boolean" ? false : 0;
  if (y === null) y = typeof x === "string" ? "" : typeof x === "boolean" ? false : 0;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string") return Math.sign(collator.compare(x, y as string));
  if (typeof x === "number") return excelCompare(x, y as number);
  return Number(x) - Number(y);
}

export type ComparisonOperator = "=" | "<>" | "<" | ">" | "<=" | ">=";

/** a op b for a comparison operator; an error in either is the result. */
export function comparison(op: ComparisonOperator, a: CellValue, b: CellValue): boolean | ErrorValue {
  if (isErrorValue(a)) return a;
  if (isErrorValue(b)) return b;
  const c = compare(a, b);
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

/** A number, logical value or empty cell as a logical value: WAAR unless 0, ONWAAR or empty. */
export function isTrue(v: number | boolean | null): boolean {
  return v !== null && v !== 0 && v !== false;
}

/**
 * A value given as a logical value (IF's test, NOT's argument, an argument of AND): a number not 0
 * is WAAR, an empty cell ONWAAR, an error as it is, an empty text #VALUE!. Other text Excel reads in
 * its own language ("WAAR", "TRUE"): NeedsExcel, naming `what` (`voorwaarde van ALS`).
 */
export function toLogical(value: CellValue, what: string): boolean | ErrorValue {
  if (isErrorValue(value)) return value;
  if (value === "") return errorValue("#VALUE!", NO_LOGICAL_VALUE);
  if (typeof value === "string") throw new NeedsExcel(`tekst als ${what}`);
  return isTrue(value);
}
