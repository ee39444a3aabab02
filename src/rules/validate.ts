/** Domain checks shared by the rules. Messages name the argument as the formulas call it. */
import Decimal from "decimal.js";
import { InvalidInputError } from "./errors";
import { nl } from "./dutch";

export function requireNonNegative(value: Decimal, argument: string): void {
  if (value.isNegative() && !value.isZero()) {
    throw new InvalidInputError(argument, nl`Argument '${argument}' mag niet negatief zijn (gekregen: ${value}).`);
  }
}

export function requireWholeNumberBetween(value: Decimal, argument: string, low: number, high: number): void {
  if (!value.isInteger() || value.lt(low) || value.gt(high)) {
    throw new InvalidInputError(
      argument,
      nl`Argument '${argument}' moet een geheel getal van ${low} tot en met ${high} zijn (gekregen: ${value}).`,
    );
  }
}
