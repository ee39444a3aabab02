/**
 * Excel's functions that the engine evaluates itself, one entry each: how many arguments Excel
 * takes, how each is read, the defaults, the result and the errors. Both evaluators run these
 * entries: the direct evaluator (direct.ts) over the formula's tree, HyperFormula through the plugin
 * built from this table (functionPlugin.ts), in place of its own IF, AND, OR, NOT, IFERROR, IFNA,
 * SUM, MAX, MIN, ABS and rounding functions. A formula's value therefore does not depend on which
 * evaluator took it. The arguments are read by the rules of excelValues.ts, as Excel's help and
 * ECMA-376 (part 1, §18.17.7) describe each function; where Excel reads text in the user's language,
 * no evaluator guesses (NeedsExcel).
 */
import { CellValue, ErrorValue, errorValue, isErrorValue } from "../../workbook/values";
import { dutchEngineMessage } from "../hyperformula/messages";
import { excelMultiple, excelRound, excelSum, RoundingMode, WholeMode } from "./excelNumbers";
import { finite, isTrue, NeedsExcel, NO_LOGICAL_VALUE, toLogical, toNumber } from "./excelValues";

/**
 * The arguments of one call, as an evaluator gives them to a function of the table. Each is
 * evaluated when the function first asks for it (IF evaluates only the outcome it gives), and
 * once. `R` is a value as that evaluator passes it on: a reference stays a reference, an array an
 * array.
 */
export interface Arguments<R> {
  /** How many arguments the call has; one left empty (`ALS(A1;;1)`) counts. */
  readonly count: number;
  /** Whether argument i is left empty. */
  omitted(i: number): boolean;
  /** Argument i as one value: a one-cell reference read, an error as it is. */
  value(i: number): CellValue;
  /** Argument i's values when it is an array of values (a spilled NL result), else null. */
  array(i: number): readonly (readonly CellValue[])[] | null;
  /** Argument i as it comes, as the result (IF's outcome). */
  pass(i: number): R;
  /** A value, or an array of values, as the result. */
  result(value: CellValue | CellValue[][]): R;
  /**
   * Argument i of a list (SUM, AND) folded into `total` when it is a reference or an array, by
   * foldRange, foldRows or foldCell; undefined for a value given (then read with `value`).
   */
  fold<T>(i: number, fold: Fold<T>, total: T): T | ErrorValue | undefined;
}

/**
 * What both evaluators' arguments share: each argument evaluated the first time it is asked for,
 * and kept for the call; and how an argument of a list is folded (`fold`).
 */
export abstract class ArgumentsBase<R> {
  // The first three arguments in fields (most calls have no more), the others in a list made when needed.
  private first: R | undefined = undefined;
  private second: R | undefined = undefined;
  private third: R | undefined = undefined;
  private rest: R[] | null = null;

  constructor(readonly count: number) {}

  /** Argument i evaluated, as the evaluator passes a value on. */
  protected abstract evaluate(i: number): R;

  /** Argument i, evaluated once (no evaluator's value is undefined). */
  protected raw(i: number): R {
    switch (i) {
      case 0:
        return this.first === undefined ? (this.first = this.evaluate(0)) : this.first;
      case 1:
        return this.second === undefined ? (this.second = this.evaluate(1)) : this.second;
      case 2:
        return this.third === undefined ? (this.third = this.evaluate(2)) : this.third;
      default: {
        const rest = (this.rest ??= []);
        return rest[i] === undefined ? (rest[i] = this.evaluate(i)) : rest[i];
      }
    }
  }

  protected isEvaluated(i: number): boolean {
    const known = i === 0 ? this.first : i === 1 ? this.second : i === 2 ? this.third : this.rest?.[i];
    return known !== undefined;
  }

  /** One cell of a reference folded into `total`; an error in it is the result. */
  protected foldCell<T>(cell: CellValue, fold: Fold<T>, total: T): T | ErrorValue {
    if (isErrorValue(cell)) return cell;
    const x = fold.cell(cell);
    return x === null ? total : fold.combine(total, x);
  }

  /**
   * A reference to more than one cell into `total`: its cells folded among themselves first
   * (`folded`, from the fold's start: HyperFormula keeps that per range), then that into the total.
   */
  protected foldRange<T>(folded: T | ErrorValue, fold: Fold<T>, total: T): T | ErrorValue {
    return isErrorValue(folded) ? folded : fold.combine(folded, total);
  }

  /** The cells of a reference or array, row by row, folded into `total` in order; the first error in them is the result. */
  protected foldRows<T>(rows: readonly (readonly CellValue[])[], fold: Fold<T>, total: T): T | ErrorValue {
    let acc = total;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (isErrorValue(cell)) return cell;
        const x = fold.cell(cell);
        if (x !== null) acc = fold.combine(acc, x);
      }
    }
    return acc;
  }
}

/**
 * A function of a list (SUM, MAX, AND) as a fold: what each cell of a reference or array and each
 * value given adds, from `initial`, combined in the order HyperFormula adds (a range's cells among
 * themselves first, then that to the rest). `initial` is the identity of `combine`.
 */
export interface Fold<T> {
  readonly initial: T;
  /** What a cell of a reference or array adds; null: passed over. An error in a cell is the result before this. */
  cell(value: CellValue): T | null;
  /** What a value given as an argument adds (an error in it is the result before this). */
  argument(value: CellValue): T | ErrorValue;
  combine(total: T, value: T): T;
  result(total: T): CellValue;
}

/** How a parameter may be given. */
export interface Parameter {
  /** May be left empty (`ALS(A1;;1)`) in the direct evaluator too. */
  readonly omittable?: boolean;
  /** The value taken when the argument is not there: HyperFormula takes the call without it, the direct evaluator only where Excel does (`required`). */
  readonly default?: number;
}

export interface ExcelFunction {
  /** How many arguments Excel requires. */
  readonly required: number;
  /** The parameters in order; for a list the one parameter repeats. */
  readonly parameters: readonly Parameter[];
  /** Any number of values, references and arrays (SUM, AND), not each one value. */
  readonly list?: boolean;
  evaluate<R>(args: Arguments<R>): R;
}

/** A list function's arguments folded, in order; the first error is the result. */
function foldArguments<R, T>(a: Arguments<R>, fold: Fold<T>): R {
  let total = fold.initial;
  for (let i = 0; i < a.count; i++) {
    const folded = a.fold(i, fold, total);
    if (folded !== undefined) {
      if (isErrorValue(folded)) return a.result(folded);
      total = folded;
      continue;
    }
    const value = a.value(i);
    if (isErrorValue(value)) return a.result(value);
    const x = fold.argument(value);
    if (isErrorValue(x)) return a.result(x);
    total = fold.combine(total, x);
  }
  return a.result(fold.result(total));
}

const ONE: readonly Parameter[] = [{}];

/**
 * IF(test; if true; [if false]): the test a number (not 0 is WAAR) or a logical value, an empty
 * cell ONWAAR; only the outcome chosen is evaluated; an outcome left empty is 0, and without an
 * outcome for ONWAAR the result is ONWAAR. Text as the test Excel reads in its own language.
 */
const IF: ExcelFunction = {
  required: 2,
  parameters: [{}, { omittable: true }, { omittable: true }],
  evaluate(a) {
    const test = toLogical(a.value(0), "voorwaarde van ALS");
    if (isErrorValue(test)) return a.result(test);
    const outcome = test ? 1 : 2;
    if (outcome >= a.count) return a.result(false);
    return a.omitted(outcome) ? a.result(0) : a.pass(outcome);
  },
};

/** NOT of one value: a number not 0 or WAAR gives ONWAAR; 0, ONWAAR or an empty cell WAAR; text is Excel's. */
const NOT: ExcelFunction = {
  required: 1,
  parameters: ONE,
  evaluate(a) {
    const v = toLogical(a.value(0), "argument van NIET");
    return a.result(isErrorValue(v) ? v : !v);
  },
};

/**
 * AND and OR as Excel's help has them: of a cell, a range or an array the logical values and
 * numbers count (0 is ONWAAR), text and empty cells are passed over, and with nothing left the
 * result is #VALUE!; a value given as an argument counts as a logical value (a number not 0 is
 * WAAR, text is Excel's); the first error is the result. Folded as 1 (WAAR) and 0 (ONWAAR): AND
 * takes the least, OR the most, from a start beyond both that means "none yet".
 */
function connective(all: boolean, dutch: string): ExcelFunction {
  const none = all ? 2 : -1;
  const fold: Fold<number> = {
    initial: none,
    cell: (v) => (typeof v === "number" || typeof v === "boolean" ? (isTrue(v) ? 1 : 0) : null),
    argument(v) {
      const logical = toLogical(v, `argument van ${dutch}`);
      return isErrorValue(logical) ? logical : logical ? 1 : 0;
    },
    combine: all ? Math.min : Math.max,
    result: (total) => (total === none ? errorValue("#VALUE!", NO_LOGICAL_VALUE) : total === 1),
  };
  return { required: 1, parameters: ONE, list: true, evaluate: (a) => foldArguments(a, fold) };
}

/** A number in a cell of a range or array: the only value SUM, MAX and MIN count there. */
const numberInCell = (v: CellValue): number | null => (typeof v === "number" ? v : null);

/**
 * SUM as Excel's help has it: of a cell, a range or an array only the numbers count (text,
 * WAAR/ONWAAR and empty cells are passed over); a value given as an argument counts as arithmetic
 * takes it (WAAR is 1, text that is no number #VALUE!); the first error is the result. Each step a
 * sum that is 0 when it is only the noise of its terms (excelSum).
 */
const SUM_FOLD: Fold<number> = {
  initial: 0,
  cell: numberInCell,
  argument: toNumber,
  combine: excelSum,
  result: finite,
};
const SUM: ExcelFunction = { required: 1, parameters: ONE, list: true, evaluate: (a) => foldArguments(a, SUM_FOLD) };

/**
 * MAX and MIN as Excel's help has them: of a cell, a range or an array only the numbers count; a
 * value given as an argument counts as arithmetic takes it; an error is the result; with no number
 * at all the result is 0.
 */
function extreme(max: boolean): ExcelFunction {
  const fold: Fold<number> = {
    initial: max ? -Infinity : Infinity,
    cell: numberInCell,
    argument: toNumber,
    combine: max ? Math.max : Math.min,
    result: (total) => (Number.isFinite(total) && total !== 0 ? total : 0),
  };
  return { required: 1, parameters: ONE, list: true, evaluate: (a) => foldArguments(a, fold) };
}

/**
 * IFERROR and IFNA: the value, or, where it is an error (IFNA: #N/A), the second argument, only
 * then evaluated; of a spilled NL result each error in it. An argument left empty is 0 (as IF's
 * outcome); an empty cell as either argument Excel's help reads as "" (a text, where a reference
 * elsewhere gives 0): left to Excel.
 */
function ifError(catches: (error: ErrorValue) => boolean, dutch: string): ExcelFunction {
  const given = <R>(a: Arguments<R>, i: number): CellValue => {
    if (a.omitted(i)) return 0;
    const value = a.value(i);
    if (value === null) throw new NeedsExcel(`een lege cel in ${dutch}`);
    return value;
  };
  return {
    required: 2,
    parameters: [{ omittable: true }, { omittable: true }],
    evaluate(a) {
      let alternative: CellValue | undefined;
      const orElse = (value: CellValue): CellValue =>
        isErrorValue(value) && catches(value) ? (alternative ??= given(a, 1)) : value;
      const rows = a.omitted(0) ? null : a.array(0);
      return a.result(rows ? rows.map((row) => row.map(orElse)) : orElse(given(a, 0)));
    },
  };
}

/** A function of numbers only: each argument as arithmetic takes it, or its default; the first error is the result. */
function numeric(
  required: number,
  defaults: readonly (number | undefined)[],
  compute: (...numbers: number[]) => number | ErrorValue,
): ExcelFunction {
  return {
    required,
    parameters: defaults.map((d) => (d === undefined ? {} : { default: d })),
    evaluate(a) {
      const numbers: number[] = [];
      for (let i = 0; i < defaults.length; i++) {
        const n = i < a.count ? toNumber(a.value(i)) : defaults[i]!;
        if (isErrorValue(n)) return a.result(n);
        numbers.push(n);
      }
      const result = compute(...numbers);
      return a.result(isErrorValue(result) ? result : finite(result));
    },
  };
}

/** ABS of one number, as arithmetic takes it. */
const ABS = numeric(1, [undefined], Math.abs);

/**
 * ROUND, ROUNDUP, ROUNDDOWN and TRUNC: to `places` decimals by excelRound (the number at 15
 * significant digits, then rounded in decimal). ROUND, ROUNDUP and ROUNDDOWN want their places in
 * Excel (HyperFormula takes 0 without them); TRUNC's default to 0.
 */
const toPlaces = (mode: RoundingMode, required: number) =>
  numeric(required, [undefined, 0], (value, places) => excelRound(value, places, mode));

/** A step of 0 for FLOOR and CEILING. */
const DIVIDE_BY_ZERO = errorValue("#DIV/0!");
/** A positive number with a negative step. */
const DISTINCT_SIGNS = errorValue("#NUM!", dutchEngineMessage("Distinct signs."));

/**
 * FLOOR and CEILING, where Excel's help is silent as HyperFormula has them: 0 stays 0, a step of 0
 * is #DIV/0!, a positive number with a negative step #NUM!.
 */
const classic = (mode: WholeMode) =>
  numeric(2, [undefined, undefined], (value, significance) => {
    if (value === 0) return 0;
    if (significance === 0) return DIVIDE_BY_ZERO;
    if (value > 0 && significance < 0) return DISTINCT_SIGNS;
    return excelMultiple(value, significance, mode);
  });

/** FLOOR.MATH and CEILING.MATH: the step's sign is ignored; a mode other than 0 reverses the direction for a negative number (as in Excel; HyperFormula took only 1). */
const math = (mode: WholeMode) =>
  numeric(1, [undefined, 1, 0], (value, significance, reverse) => {
    if (significance === 0 || value === 0) return 0;
    return excelMultiple(value, reverse !== 0 && value < 0 ? -Math.abs(significance) : Math.abs(significance), mode);
  });

/** FLOOR.PRECISE, CEILING.PRECISE and ISO.CEILING: the step's sign is ignored. */
const precise = (mode: WholeMode) =>
  numeric(1, [undefined, 1], (value, significance) =>
    significance === 0 || value === 0 ? 0 : excelMultiple(value, Math.abs(significance), mode),
  );

/**
 * The functions by canonical (English) name. MROUND stays HyperFormula's: LibreOffice, the peer on
 * this machine, takes its binary quotient too (MROUND(1,005; 0,01) is 1 there, beside ROUND(1,005;
 * 2) = 1,01), and what Excel does could not be checked here. INT goes down to the whole number
 * below, also for a negative number (INT(-8,9) is -9), on the binary value (whether Excel takes
 * INT(4766,69 × 100) as 476668 or 476669 could not be checked here).
 */
export const EXCEL_FUNCTIONS: Readonly<Record<string, ExcelFunction>> = {
  IF,
  AND: connective(true, "EN"),
  OR: connective(false, "OF"),
  NOT,
  IFERROR: ifError(() => true, "ALS.FOUT"),
  IFNA: ifError((error) => error.error === "#N/A", "ALS.NB"),
  SUM,
  MAX: extreme(true),
  MIN: extreme(false),
  ABS,
  ROUND: toPlaces("half-away-from-zero", 2),
  ROUNDUP: toPlaces("away-from-zero", 2),
  ROUNDDOWN: toPlaces("toward-zero", 2),
  TRUNC: toPlaces("toward-zero", 1),
  FLOOR: classic("down"),
  CEILING: classic("up"),
  "FLOOR.MATH": math("down"),
  "CEILING.MATH": math("up"),
  "FLOOR.PRECISE": precise("down"),
  "CEILING.PRECISE": precise("up"),
  "ISO.CEILING": precise("up"),
  INT: numeric(1, [undefined], (value) => Math.floor(value)),
};

const BY_NAME: ReadonlyMap<string, ExcelFunction> = new Map(Object.entries(EXCEL_FUNCTIONS));

/** The function of the table by canonical (English) name, or undefined. */
export function excelFunction(name: string): ExcelFunction | undefined {
  return BY_NAME.get(name);
}
