/**
 * Inkomensafhankelijke bijdrage Zorgverzekeringswet of an ondernemer (art. 43–45 Zvw): the year's
 * percentage of the bijdrage-inkomen, which counts up to the year's maximum. For an ondernemer the
 * bijdrage-inkomen is the belastbare winst uit onderneming (after ondernemersaftrek and
 * MKB-winstvrijstelling); a loss gives no bijdrage.
 */
import Decimal from "decimal.js";
import { max, min, Money, percentOf, roundCents, ZERO } from "./money";
import { zvwMaximumBijdrageInkomen, zvwPercentage } from "./parameters/zvw";
import { RuleResult, TraceBuilder } from "./trace";
import { nl } from "./dutch";

export interface ZvwBijdrageInput {
  readonly year: number;
  readonly bijdrageInkomen: Decimal;
}

export function zvwBijdrage(input: ZvwBijdrageInput): RuleResult<Money> {
  const t = new TraceBuilder("zvwBijdrage", "Inkomensafhankelijke bijdrage Zvw", "art. 43 Zvw", input.year);
  const maximum = t.param(zvwMaximumBijdrageInkomen);
  const grondslag = min(max(input.bijdrageInkomen, ZERO), maximum);
  t.step(() => nl`Bijdrage-inkomen (niet negatief, ten hoogste ${maximum})`, grondslag);
  const percentage = t.param(zvwPercentage);
  const value = roundCents(percentOf(percentage, grondslag));
  t.step(() => nl`${percentage}% daarvan`, value);
  return t.done(value);
}
