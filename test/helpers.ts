import Decimal from "decimal.js";

/** An exact amount for test inputs. */
export const d = (value: string | number): Decimal => new Decimal(value);

/** Amounts compared as fixed two-decimal strings, so 812.28 and 812.280 are equal. */
export const cents = (value: Decimal): string => value.toFixed(2);

/** Runs a call that must fail the way Excel shows it, and returns the error's code and message. */
export function excelErrorOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    const e = error as { code: string; message: string };
    return { code: e.code, message: e.message };
  }
  throw new Error("expected an Excel error");
}
