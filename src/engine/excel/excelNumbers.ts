/**
 * Numbers as Excel treats them: at 15 significant digits, the precision Excel works and shows in,
 * not at their binary value. One module for both evaluators (HyperFormula's configuration, and the
 * functions and operators of excelFunctions.ts and excelValues.ts, which both run).
 *
 * Rounding: 1,005 is stored as 1,00499999999999989…; Excel's ROUND(1,005; 2) is 1,01, and
 * ROUNDUP(2,21 + 2,19; 2) is 4,4 where the binary sum is 4,40000000000000036. HyperFormula rounds
 * the binary value (`Math.round(x × 10^n) / 10^n`: 1 and 4,41), a cent off in a bookkeeper's
 * rounded amounts; and its FLOOR(0,3; 0,1) is 0,2. The rounding functions of excelFunctions.ts,
 * which both evaluators run, round with excelRound and excelMultiple below.
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
