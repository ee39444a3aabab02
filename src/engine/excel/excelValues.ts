/**
 * Excel's values inside a formula, one module for both evaluators: how a value becomes a number
 * (an operand of + - * / ^, a number argument), a logical value (IF's test, NOT, an argument of AND
 * or OR), and how two values compare. The direct evaluator's operators are these functions; every
 * function of the table in excelFunctions.ts reads its arguments through them; and HyperFormula's
 * own operators run them too (hfOperators.ts), as do its comparisons and powers. Its configuration
 * (hyperformula.ts) adds and compares numbers as excelNumbers.ts does.
 *
 * Where HyperFormula still differs: a range where one value is wanted is the value in the formula's
 * row or column there (implicit intersection), and only Excel here (NeedsExcel), as Excel 365 may
 * spill it instead.
 */
import { CellValue, ErrorValue, errorValue, isErrorValue } from "../../workbook/values";
import { dutchEngineMessage } from "../hyperformula/messages";
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
const NOT_A_NUMBER = dutchEngineMessage("Value cannot be coerced to number.");
const NOT_FINITE = dutchEngineMessage("NaN or infinite value encountered.");
/** Where a logical value is wanted and none is given (Excel's #VALUE!, which has no message). */
export const NO_LOGICAL_VALUE = "Geen logische waarde (WAAR of ONWAAR) of getal gevonden.";

/** A number written plainly: digits with a decimal point, an exponent, a percent sign (HyperFormula's own pattern). */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?(\s*%)?$/i;
/** Digits with separators, signs, brackets or a currency: a date, time or amount in some language. */
const IN_SOME_LANGUAGE = /^[\d\s.,:/\-+€$%()]+$/;

/** What NeedsExcel says of text that Excel reads as a number or date in the user's language. */
export const TEXT_AS_NUMBER = "tekst die Excel als getal of datum kan lezen";

/**
 * Text as a number, as Excel's arithmetic reads it: a number written plainly (a percentage too),
 * or undefined for text that is no number in any language. Other text with digits (a date, a time,
 * an amount with separators or a currency) depends on the user's language: NeedsExcel.
 */
export function textToNumber(value: string): number | undefined {
  const text = value.trim();
  if (PLAIN_NUMBER.test(text)) {
    const n = Number(text.replace(/\s*%$/, ""));
    return text.endsWith("%") ? n / 100 : n;
  }
  if (/\d/.test(text) && IN_SOME_LANGUAGE.test(text)) throw new NeedsExcel(TEXT_AS_NUMBER);
  return undefined;
}

/**
 * Whether text is a date, time or amount only the user's language makes a number of (what
 * textToNumber leaves to Excel), for a reader that is not about to take it as a number.
 */
export function readsInSomeLanguage(value: string): boolean {
  const text = value.trim();
  return !PLAIN_NUMBER.test(text) && /\d/.test(text) && IN_SOME_LANGUAGE.test(text);
}

/**
 * A value as a number, the way Excel's arithmetic takes it: an empty cell 0, WAAR 1, text as
 * textToNumber reads it (an empty text, or one that is no number, #VALUE!), an error as it is.
 */
export function toNumber(value: CellValue): number | ErrorValue {
  if (value === null) return 0;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") return textToNumber(value) ?? errorValue("#VALUE!", NOT_A_NUMBER);
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

/** Made at the first comparison of two texts: the locale data costs some 10 ms to load, and most workbooks never compare texts. */
let collator: Intl.Collator | null = null;

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
  if (typeof x === "string") {
    collator ??= new Intl.Collator(TEXT_COMPARISON.localeLang, { sensitivity: "accent" });
    return Math.sign(collator.compare(x, y as string));
  }
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
