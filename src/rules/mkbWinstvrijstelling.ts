/**
 * MKB-winstvrijstelling (art. 3.79a Wet IB 2001): a percentage of the winst after the
 * ondernemersaftrek. The article has no sign limit: on a loss the exemption is negative and makes
 * the loss smaller.
 */
import Decimal from "decimal.js";
import { Money, percentOf, roundCents, ZERO } from "./money";
import { mkbPercentage } from "./parameters/mkbWinstvrijstelling";
import { RuleResult, TraceBuilder } from "./trace";
import { requireNonNegative } from "./validate";
import { nl } from "./dutch";

export interface MkbWinstvrijstellingInput {
  readonly year: number;
  readonly winst: Decimal;
  readonly ondernemersaftrek?: Decimal;
}

export function mkbWinstvrijstelling(input: MkbWinstvrijstellingInput): RuleResult<Money> {
  const t = new TraceBuilder("mkbWinstvrijstelling", "MKB-winstvrijstelling", "art. 3.79a Wet IB 2001", input.year);
  const ondernemersaftrek = input.ondernemersaftrek ?? ZERO;
  requireNonNegative(ondernemersaftrek, "ondernemersaftrek");
  const percentage = t.param(mkbPercentage);

  const grondslag = input.winst.minus(ondernemersaftrek);
  t.step(() => nl`Winst ${input.winst} min ondernemersaftrek ${ondernemersaftrek}`, grondslag);
  const value = roundCents(percentOf(percentage, grondslag));
  t.step(() => nl`${percentage}% daarvan${grondslag.isNegative() ? " (negatief: verkleint het verlies)" : ""}`, value);
  return t.done(value);
}
