/**
 * Startersaftrek (art. 3.76 lid 3 Wet IB 2001): an increase of the zelfstandigenaftrek for an
 * ondernemer who meets the urencriterium, was no ondernemer in one or more of the 5 preceding
 * years, and had the zelfstandigenaftrek applied at most twice in those years. Halved at the
 * AOW-leeftijd (lid 4).
 */
import Decimal from "decimal.js";
import { Money, ZERO } from "./money";
import { startersaftrekBedrag, startersMaxKerenZelfstandigenaftrek } from "./parameters/ondernemersaftrek";
import { RuleResult, TraceBuilder } from "./trace";
import { requireWholeNumberBetween } from "./validate";
import { aowDeel } from "./zelfstandigenaftrek";
import { nl } from "./dutch";

export interface StartersaftrekInput {
  readonly year: number;
  readonly urencriterium: boolean;
  /** No ondernemer in one or more of the 5 preceding calendar years. */
  readonly starter: boolean;
  /** How often the zelfstandigenaftrek was applied in the 5 preceding years (0–5). */
  readonly kerenZelfstandigenaftrek?: Decimal;
  readonly aow?: boolean;
}

export function startersaftrek(input: StartersaftrekInput): RuleResult<Money> {
  const t = new TraceBuilder("startersaftrek", "Startersaftrek", "art. 3.76 lid 3 Wet IB 2001", input.year);
  const keren = input.kerenZelfstandigenaftrek ?? ZERO;
  requireWholeNumberBetween(keren, "keren_zelfstandigenaftrek", 0, 5);
  const bedrag = t.param(startersaftrekBedrag);
  const maxKeren = t.param(startersMaxKerenZelfstandigenaftrek);

  t.step("Urencriterium gehaald", input.urencriterium);
  t.step("Geen ondernemer in 1 of meer van de 5 voorafgaande jaren", input.starter);
  t.step(() => nl`Zelfstandigenaftrek toegepast in de 5 voorafgaande jaren (hoogstens ${maxKeren} keer)`, keren);
  if (!input.urencriterium || !input.starter || keren.gt(maxKeren)) {
    t.step("Geen recht op startersaftrek", ZERO);
    return t.done(ZERO);
  }
  t.step("Startersaftrek volgens de wet", bedrag);
  const value = aowDeel(t, bedrag, input.aow ?? false);
  return t.done(value);
}
