/**
 * Numbers as Excel treats them: at 15 significant digits, the precision Excel works and shows in,
 * not at their binary value. One module for both evaluators (HyperFormula's configuration and
 * rounding functions, and the direct evaluator).
 *
 * Rounding: 1,005 is stored as 1,00499999999999989…; Excel's ROUND(1,005; 2) is 1,01, and
 * ROUNDUP(2,21 + 2,19; 2) is 4,4 where the binary sum is 4,40000000000000036. HyperFormula rounds
 * the binary value (`Math.round(x × 10^n) / 10^n`: 1 and 4,41), a cent off in a bookkeeper's
 * rounded amounts; and its FLOOR(0,3; 0,1) is 0,2. The functions are EXCEL_ROUNDING below,
 * given to HyperFormula in roundingPlugin.ts and used by the direct evaluator as they are.
 *
 * Comparing and adding: in Excel 0,1 + 0,2 = 0,3 is WAAR and 0,1 + 0,2 − 0,3 is 0; in binary the
 * sum is 0,30000000000000004. A check such as =ALS(SOM(B2:B9)=B10; "klopt"; "verschil") depends on
 * it.
 */
import Decimal from "decimal.js";

/** Exact decimal work: 15 digits in, a power of ten out. */
const Exact = Decimal.clone({ precision: 40 });

export type RoundingMode = "half-away-from-zero" | "away-from-zero" | "toward-zero";

const MODES: Record<RoundingMode, Decimal.Rounding> = {
  "half-away-from-zero": Decimal.ROUND_HALF_UP,
  "away-from-zero": Decimal.ROUND_UP,
  "toward-zero": Decimal.ROUND_DOWN,
};

/**
 * `value` rounded to `places` decimals (negative: to tens, hundreds …), as Excel does: the places
 * cut to a whole number toward zero, the value taken at 15 significant digits, then rounded in
 * decimal by `mode` (ROUND: half away from zero; ROUNDUP: away from zero; ROUNDDOWN and TRUNC:
 * toward zero). The result is the number nearest to the rounded decimal, never -0.
 */
export function excelRound(value: number, places: number, mode: RoundingMode): number {
  if (value === 0 || !Number.isFinite(value)) return value === 0 ? 0 : value;
  const digits = Math.trunc(places);
  const fifteen = new Exact(value.toPrecision(15));
  let rounded: Decimal;
  if (digits >= 0) rounded = fifteen.toDecimalPlaces(Math.min(digits, 400), MODES[mode]);
  else {
    // To a multiple of 10^-digits: shift the decimal point, round to a whole number, shift back.
    const unit = new Exact(10).pow(Math.min(-digits, 400));
    rounded = fifteen.dividedBy(unit).toDecimalPlaces(0, MODES[mode]).times(unit);
  }
  const result = rounded.toNumber();
  return result === 0 ? 0 : result;
}

/** How a quotient becomes a whole number: toward −∞ (FLOOR) or toward +∞ (CEILING). */
export type WholeMode = "down" | "up";

/**
 * `value` to a whole multiple of `significance` as Excel does: the quotient taken at 15
 * significant digits before it is made whole (0,3 / 0,1 is 2,9999999999999996 in binary, and
 * FLOOR(0,3; 0,1) is 0,3, not 0,2), and the multiple worked out in decimal (95.333 × 0,05 is
 * 4.766,65, not 4.766,650000000001). The signs and errors of each function are its caller's.
 */
export function excelMultiple(value: number, significance: number, mode: WholeMode): number {
  const quotient = Number((value / significance).toPrecision(15));
  const whole = mode === "down" ? Math.floor(quotient) : Math.ceil(quotient);
  if (whole === 0) return 0;
  const result = new Exact(whole).times(new Exact(significance.toPrecision(15))).toNumber();
  return result === 0 ? 0 : result;
}

/**
 * The relative difference under which two numbers are equal, and under which a sum or difference
 * is 0 (HyperFormula's `precisionEpsilon`, its default: well below a cent on any amount, above the
 * noise of binary sums).
 */
export const EXCEL_EPSILON = 1e-13;

/** Excel's number comparison: -1, 0 or 1, equal within EXCEL_EPSILON (as HyperFormula compares). */
export function excelCompare(left: number, right: number): number {
  const mod = 1 + EXCEL_EPSILON;
  if (right >= 0 && left * mod >= right && left <= right * mod) return 0;
  if (right <= 0 && left * mod <= right && left >= right * mod) return 0;
  return left > right ? 1 : -1;
}

/** A sum (or, with −right, a difference) that is 0 when it is only the noise of its left term (as HyperFormula adds). */
export function excelSum(left: number, right: number): number {
  const sum = left + right;
  return Math.abs(sum) < EXCEL_EPSILON * Math.abs(left) ? 0 : sum;
}

/** What a rounding function gives for numbers it cannot round: a step of 0, or signs that differ. */
export type RoundingFailure = "#DIV/0!" | "Distinct signs.";

/**
 * Excel's rounding functions, one entry each for both evaluators (the HyperFormula plugin and the
 * direct one): how many arguments Excel requires, the defaults of the optional ones, and the
 * result of the numbers. The signs, defaults and errors follow Excel's help; where it is silent,
 * HyperFormula's own functions (FLOOR and CEILING: 0 stays 0, a step of 0 is #DIV/0!, a positive
 * number with a negative step #NUM!; the .MATH forms: any mode but 0 reverses the direction for a
 * negative number, as in Excel, where HyperFormula only took a mode of 1). INT goes down to the
 * whole number below, also for a negative number (INT(-8,9) is -9), on the binary value.
 */
export interface ExcelRoundingFunction {
  /** How many arguments Excel requires (HyperFormula takes fewer where there is a default). */
  readonly required: number;
  /** Each argument's default, or null where it must be given. */
  readonly defaults: readonly (number | null)[];
  compute(...args: number[]): number | RoundingFailure;
}

const toPlaces = (mode: RoundingMode, required: number): ExcelRoundingFunction => ({
  required,
  defaults: [null, 0],
  compute: (value, places) => excelRound(value, places, mode),
});

/** FLOOR and CEILING. */
const classic = (mode: WholeMode): ExcelRoundingFunction => ({
  required: 2,
  defaults: [null, null],
  compute(value, significance) {
    if (value === 0) return 0;
    if (significance === 0) return "#DIV/0!";
    if (value > 0 && significance < 0) return "Distinct signs.";
    return excelMultiple(value, significance, mode);
  },
});

/** FLOOR.MATH and CEILING.MATH: the step's sign is ignored; a mode other than 0 reverses the direction for a negative number. */
const math = (mode: WholeMode): ExcelRoundingFunction => ({
  required: 1,
  defaults: [null, 1, 0],
  compute(value, significance, reverse) {
    if (significance === 0 || value === 0) return 0;
    return excelMultiple(value, reverse !== 0 && value < 0 ? -Math.abs(significance) : Math.abs(significance), mode);
  },
});

/** FLOOR.PRECISE, CEILING.PRECISE and ISO.CEILING: the step's sign is ignored. */
const precise = (mode: WholeMode): ExcelRoundingFunction => ({
  required: 1,
  defaults: [null, 1],
  compute: (value, significance) =>
    significance === 0 || value === 0 ? 0 : excelMultiple(value, Math.abs(significance), mode),
});

/**
 * By canonical (English) name. ROUND, ROUNDUP and ROUNDDOWN want their places in Excel (HyperFormula
 * takes 0 without them); TRUNC's default to 0.
 */
export const EXCEL_ROUNDING: Readonly<Record<string, ExcelRoundingFunction>> = {
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
  INT: { required: 1, defaults: [null], compute: (value) => Math.floor(value) || 0 },
};
