/**
 * Ouderenkorting (art. 8.17 Wet IB 2001): for whoever has reached the AOW-leeftijd at the end of the
 * year, an amount less 15% of the verzamelinkomen above a limit, not below nil. The alleenstaande
 * ouderenkorting (art. 8.18): a fixed amount for whoever receives (or would receive) the AOW for a
 * single person. Neither has an AOW part: both are split over belastingdeel and premiedeel with the
 * gecombineerd percentage less the AOW premie (art. 8.7), and as the aanslag gives them each part
 * is rounded up to whole euros, at most the amount the law names (heffingskortingAanslag.ts).
 */
import Decimal from "decimal.js";
import { kortingZoalsAanslag } from "./heffingskortingAanslag";
import { max, Money, percentOf, ZERO } from "./money";
import {
  alleenstaandeOuderenkorting as alleenstaandeOuderenkortingBedrag,
  ouderenkortingAfbouwGrens,
  ouderenkortingAfbouwPercentage,
  ouderenkortingBedrag,
} from "./parameters/heffingskortingen";
import { RuleResult, TraceBuilder } from "./trace";
import { nl } from "./dutch";

export interface OuderenkortingInput {
  readonly year: number;
  readonly verzamelinkomen: Decimal;
}

export function ouderenkorting(input: OuderenkortingInput): RuleResult<Money> {
  const t = new TraceBuilder("ouderenkorting", "Ouderenkorting", "art. 8.17 Wet IB 2001", input.year);
  const bedrag = t.param(ouderenkortingBedrag);
  const percentage = t.param(ouderenkortingAfbouwPercentage);
  const grens = t.param(ouderenkortingAfbouwGrens);
  const boven = max(input.verzamelinkomen.minus(grens), ZERO);
  t.step(() => nl`Deel van het verzamelinkomen boven ${grens}`, boven);
  const korting = max(bedrag.minus(percentOf(percentage, boven)), ZERO);
  t.step(() => nl`${bedrag} min ${percentage}% daarvan, niet minder dan nihil`, korting);
  return t.done(kortingZoalsAanslag(t, { korting, maximum: bedrag, aow: true, art87: true }));
}

export function alleenstaandeOuderenkorting(year: number): RuleResult<Money> {
  const t = new TraceBuilder(
    "alleenstaandeOuderenkorting",
    "Alleenstaande ouderenkorting",
    "art. 8.18 Wet IB 2001",
    year,
  );
  const bedrag = t.param(alleenstaandeOuderenkortingBedrag);
  t.step("Alleenstaande ouderenkorting", bedrag);
  return t.done(kortingZoalsAanslag(t, { korting: bedrag, maximum: bedrag, aow: true, art87: true }));
}
