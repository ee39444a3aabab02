/**
 * Inkomensafhankelijke combinatiekorting (art. 8.14a Wet IB 2001): for whoever has arbeidsinkomen
 * above a limit, a child under 12 at the start of the year in the household for at least six
 * months, and no partner or the lower arbeidsinkomen of the two (lid 1). A percentage of the
 * arbeidsinkomen above the limit, up to a maximum (lid 2). Then as the aanslag gives it: split over
 * belastingdeel and premiedeel, without the AOW part at the AOW-leeftijd, each part rounded up to
 * whole euros, at most that maximum (heffingskortingAanslag.ts).
 */
import Decimal from "decimal.js";
import { kortingZoalsAanslag } from "./heffingskortingAanslag";
import { min, Money, percentOf, ZERO } from "./money";
import { iackGrens, iackMaximum, iackPercentage } from "./parameters/heffingskortingen";
import { RuleResult, TraceBuilder } from "./trace";
import { nl } from "./dutch";

export interface CombinatiekortingInput {
  readonly year: number;
  readonly arbeidsinkomen: Decimal;
  /** The conditions of lid 1 onderdelen b and c are met (young child; no partner or the lower income). */
  readonly voorwaarden: boolean;
  readonly aow?: boolean;
}

export function combinatiekorting(input: CombinatiekortingInput): RuleResult<Money> {
  const t = new TraceBuilder(
    "combinatiekorting",
    "Inkomensafhankelijke combinatiekorting",
    "art. 8.14a Wet IB 2001",
    input.year,
  );
  t.step("Kind jonger dan 12 en geen partner of het laagste arbeidsinkomen", input.voorwaarden);
  const grens = t.param(iackGrens);
  const percentage = t.param(iackPercentage);
  const maximum = t.param(iackMaximum);
  if (!input.voorwaarden || input.arbeidsinkomen.lte(grens)) {
    t.step(() => nl`Geen combinatiekorting (arbeidsinkomen niet meer dan ${grens} of geen recht)`, ZERO);
    return t.done(ZERO);
  }
  const korting = min(percentOf(percentage, input.arbeidsinkomen.minus(grens)), maximum);
  t.step(() => nl`${percentage}% van het arbeidsinkomen boven ${grens}, ten hoogste ${maximum}`, korting);
  return t.done(kortingZoalsAanslag(t, { korting, maximum, aow: input.aow ?? false }));
}
