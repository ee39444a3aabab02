/**
 * Stakingsaftrek (art. 3.79 Wet IB 2001): the stakingswinst, at most 3.630 over a lifetime, less
 * the stakingsaftrek enjoyed before. No urencriterium needed.
 */
import Decimal from "decimal.js";
import { InvalidInputError } from "./errors";
import { max, min, Money, roundCents, ZERO } from "./money";
import { stakingsaftrekMaximum } from "./parameters/stakingsaftrek";
import { RuleResult, TraceBuilder } from "./trace";
import { requireNonNegative } from "./validate";
import { nl } from "./dutch";

export interface StakingsaftrekInput {
  readonly year: number;
  readonly stakingswinst: Decimal;
  /** Stakingsaftrek enjoyed in earlier years. */
  readonly eerderBenut?: Decimal;
}

export function stakingsaftrek(input: StakingsaftrekInput): RuleResult<Money> {
  const t = new TraceBuilder("stakingsaftrek", "Stakingsaftrek", "art. 3.79 Wet IB 2001", input.year);
  const eerder = input.eerderBenut ?? ZERO;
  requireNonNegative(eerder, "eerder_benut");
  const maximum = t.param(stakingsaftrekMaximum);
  if (eerder.gt(maximum)) {
    throw new InvalidInputError(
      "eerder_benut",
      nl`Argument 'eerder_benut' (${eerder}) is meer dan de stakingsaftrek ooit kan zijn (${maximum}, art. 3.79); staat hier de stakingswinst?`,
    );
  }
  const ruimte = max(maximum.minus(eerder), ZERO);
  t.step(() => nl`Nog beschikbaar: ${maximum} min eerder benut ${eerder}`, ruimte);
  const value = roundCents(min(max(input.stakingswinst, ZERO), ruimte));
  t.step(() => nl`Ten hoogste de stakingswinst (${input.stakingswinst})`, value);
  return t.done(value);
}
