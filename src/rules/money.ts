import Decimal from "decimal.js";

/**
 * Money in the rules core is always a decimal.js `Decimal`. One configured constructor is used
 * everywhere so that precision and rounding never depend on a global setting someone else changed.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

export const ZERO: Money = new Money(0);
export const ONE: Money = new Money(1);

/** An exact decimal from a string (parameter files) or from an already-exact value. */
export function money(value: string | Decimal): Money {
  return new Money(value);
}

/**
 * Final amounts are rounded half-up to whole cents (away from zero, as Excel's ROUND does).
 * Intermediate values are never rounded.
 */
export function roundCents(value: Decimal): Money {
  // An amount already in cents stays the same object (most amounts are: no new Decimal needed).
  return value.decimalPlaces() <= 2 ? value : value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * Whole euros, rounded up: the rounding in the taxpayer's favour that the aanslag applies to the
 * parts of a heffingskorting (see heffingskortingAanslag.ts). For amounts not below nil.
 */
export function roundUpEuros(value: Decimal): Money {
  return value.isInteger() ? value : value.toDecimalPlaces(0, Decimal.ROUND_UP);
}

/** The sum of amounts (exact; terms that are zero are skipped, so no work is done for them). */
export function sum(values: readonly Decimal[]): Money {
  let total: Money = ZERO;
  for (const v of values) if (!v.isZero()) total = total === ZERO ? v : total.plus(v);
  return total;
}

export function max(a: Decimal, b: Decimal): Money {
  return a.gte(b) ? a : b;
}

export function min(a: Decimal, b: Decimal): Money {
  return a.lte(b) ? a : b;
}

const fractions = new WeakMap<Decimal, Money>();

/**
 * A percentage written as in the law ("12,7") applied as a fraction. The fraction (exact: a
 * division by 100 only moves the decimal point) is remembered per parameter value.
 */
export function percentOf(percentage: Decimal, amount: Decimal): Money {
  let fraction = fractions.get(percentage);
  if (!fraction) {
    fraction = percentage.dividedBy(100);
    fractions.set(percentage, fraction);
  }
  return amount.times(fraction);
}
