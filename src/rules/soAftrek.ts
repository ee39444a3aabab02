/**
 * Aftrek voor speur- en ontwikkelingswerk (art. 3.77 Wet IB 2001): with the urencriterium and at
 * least 500 hours of S&O work (S&O-verklaring); a starter with S&O-verklaringen for at most 2 of
 * the 5 preceding years gets the increase.
 */
import Decimal from "decimal.js";
import { Money, ZERO } from "./money";
import { soAftrekBedrag, soMinimumUren, soStarterMaxJaren, soStarterVerhoging } from "./parameters/soAftrek";
import { RuleResult, TraceBuilder } from "./trace";
import { requireNonNegative, requireWholeNumberBetween } from "./validate";
import { nl } from "./dutch";

export interface SoAftrekInput {
  readonly year: number;
  readonly urencriterium: boolean;
  /** Hours of speur- en ontwikkelingswerk in the year, covered by S&O-verklaringen. */
  readonly soUren: Decimal;
  /** No ondernemer in 1 or more of the 5 preceding years. */
  readonly starter?: boolean;
  /** In how many of the 5 preceding years an S&O-verklaring was issued (0–5). */
  readonly jarenSoVerklaring?: Decimal;
}

export function soAftrek(input: SoAftrekInput): RuleResult<Money> {
  const t = new TraceBuilder("soAftrek", "S&O-aftrek", "art. 3.77 Wet IB 2001", input.year);
  requireNonNegative(input.soUren, "so_uren");
  const jaren = input.jarenSoVerklaring ?? ZERO;
  requireWholeNumberBetween(jaren, "jaren_so_verklaring", 0, 5);
  const bedrag = t.param(soAftrekBedrag);
  const minimum = t.param(soMinimumUren);

  t.step("Urencriterium gehaald", input.urencriterium);
  t.step(() => nl`Ten minste ${minimum} uur speur- en ontwikkelingswerk (${input.soUren})`, input.soUren.gte(minimum));
  if (!input.urencriterium || input.soUren.lt(minimum)) {
    t.step("Geen S&O-aftrek", ZERO);
    return t.done(ZERO);
  }
  t.step("S&O-aftrek", bedrag);
  const maxJaren = t.param(soStarterMaxJaren);
  if (!(input.starter ?? false) || jaren.gt(maxJaren)) return t.done(bedrag);
  const verhoging = t.param(soStarterVerhoging);
  const value = bedrag.plus(verhoging);
  t.step(
    () => nl`Verhoging voor starters (S&O-verklaring in hoogstens ${maxJaren} van de 5 voorafgaande jaren)`,
    value,
  );
  return t.done(value);
}
