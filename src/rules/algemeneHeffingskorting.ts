/**
 * Algemene heffingskorting (art. 8.10 Wet IB 2001): for every belastingplichtige an amount, less a
 * percentage of the income above a limit, not below nil. The income is the belastbaar inkomen uit
 * werk en woning up to 2024 and the verzamelinkomen from 2025 (lid 2 of each year's text). Then as
 * the aanslag gives it: split over belastingdeel and premiedeel, without the AOW part at the
 * AOW-leeftijd, each part rounded up to whole euros (heffingskortingAanslag.ts).
 */
import Decimal from "decimal.js";
import { kortingZoalsAanslag } from "./heffingskortingAanslag";
import { max, Money, percentOf, ZERO } from "./money";
import {
  ahkAfbouwGrens,
  ahkAfbouwPercentage,
  ahkMaximum,
  ahkOverVerzamelinkomen,
} from "./parameters/heffingskortingen";
import { RuleResult, TraceBuilder } from "./trace";
import { nl } from "./dutch";

export interface AlgemeneHeffingskortingInput {
  readonly year: number;
  /** The verzamelinkomen (from 2025) or the belastbaar inkomen uit werk en woning (up to 2024). */
  readonly inkomen: Decimal;
  /** AOW-leeftijd reached: no AOW premie, so no AOW part of the korting. */
  readonly aow?: boolean;
}

export function algemeneHeffingskorting(input: AlgemeneHeffingskortingInput): RuleResult<Money> {
  const t = new TraceBuilder(
    "algemeneHeffingskorting",
    "Algemene heffingskorting",
    "art. 8.10 Wet IB 2001",
    input.year,
  );
  const bedrag = t.param(ahkMaximum);
  const percentage = t.param(ahkAfbouwPercentage);
  const grens = t.param(ahkAfbouwGrens);
  const grondslag = t.param(ahkOverVerzamelinkomen).isZero()
    ? "belastbaar inkomen uit werk en woning"
    : "verzamelinkomen";
  const boven = max(input.inkomen.minus(grens), ZERO);
  t.step(() => nl`Deel van het ${grondslag} boven ${grens}`, boven);
  const korting = max(bedrag.minus(percentOf(percentage, boven)), ZERO);
  t.step(() => nl`${bedrag} min ${percentage}% daarvan, niet minder dan nihil`, korting);
  return t.done(kortingZoalsAanslag(t, { korting, maximum: bedrag, aow: input.aow ?? false }));
}
