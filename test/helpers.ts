import Decimal from "decimal.js";

/** An exact amount for test inputs. */
export const d = (value: string | number): Decimal => new Decimal(value);

/** Amounts compared as fixed two-decimal strings, so 812.28 and 812.280 are equal. */
export const cents = (value: Decimal): string => value.toFixed(2);
