/**
 * Desinvesteringsbijtelling (art. 3.47 Wet IB 2001): an asset on which investeringsaftrek was
 * enjoyed and that is disposed of within 5 years from the start of the year of investment adds the
 * same percentage of its transfer price (at most the original cost) to the winst, but only when
 * the transfer prices of the year together exceed the threshold.
 *
 * Which year's rules: art. 3.51 says the investeringsaftrek and the desinvesteringsbijtelling
 * "vinden plaats volgens de regels voor het tijdvak waarin de investering heeft plaatsgevonden". The
 * threshold and the five-year term are part of those rules, so both are taken from the year of the
 * investment, not the year of the disposal (a 2021 asset sold in 2025: the 2021 threshold of
 * € 2.400, not the 2025 one of € 2.900). The percentage is that of the aftrek actually enjoyed in
 * the investment year (lid 1). We found no Belastingdienst guidance that departs from art. 3.51.
 */
import Decimal from "decimal.js";
import { InvalidInputError } from "./errors";
import { min, Money, roundCents, ZERO } from "./money";
import { desinvesteringDrempel, desinvesteringTermijn } from "./parameters/stakingsaftrek";
import { RuleResult, TraceBuilder } from "./trace";
import { requireNonNegative } from "./validate";
import { nl } from "./dutch";

export interface DesinvesteringInput {
  /** Year of the disposal. */
  readonly year: number;
  readonly investeringsjaar: number;
  /** Investeringsaftrek enjoyed in the investment year. */
  readonly kiaGenoten: Decimal;
  /** Qualifying investments of the investment year (the base of that aftrek). */
  readonly investeringsbedrag: Decimal;
  readonly overdrachtsprijs: Decimal;
  /** What the asset cost: the transfer price counts up to this amount. */
  readonly aanschafprijs: Decimal;
  /** All transfer prices of the year together; the overdrachtsprijs when absent. */
  readonly totaalOverdrachtsprijzen?: Decimal;
}

export function desinvesteringsbijtelling(input: DesinvesteringInput): RuleResult<Money> {
  const t = new TraceBuilder(
    "desinvesteringsbijtelling",
    "Desinvesteringsbijtelling",
    "art. 3.47 Wet IB 2001",
    input.year,
  );
  const named: Array<[Decimal, string]> = [
    [input.kiaGenoten, "kia_genoten"],
    [input.investeringsbedrag, "investeringsbedrag"],
    [input.overdrachtsprijs, "overdrachtsprijs"],
    [input.aanschafprijs, "aanschafprijs"],
  ];
  named.forEach(([value, name]) => requireNonNegative(value, name));
  if (input.investeringsjaar > input.year) {
    throw new InvalidInputError(
      "investeringsjaar",
      nl`Argument 'investeringsjaar' (${input.investeringsjaar}) ligt na het jaar ${input.year}.`,
    );
  }
  if (input.investeringsbedrag.isZero() && !input.kiaGenoten.isZero()) {
    throw new InvalidInputError(
      "investeringsbedrag",
      "Argument 'investeringsbedrag' moet groter dan 0 zijn als er aftrek is genoten.",
    );
  }
  // An investeringsaftrek is a percentage of the investment below 100 (art. 3.41, 3.42, 3.42a):
  // an aftrek larger than the investment is two arguments swapped, not a case the law has.
  if (input.kiaGenoten.gt(input.investeringsbedrag)) {
    throw new InvalidInputError(
      "kia_genoten",
      nl`Argument 'kia_genoten' (${input.kiaGenoten}) is groter dan 'investeringsbedrag' (${input.investeringsbedrag}): de aftrek kan niet meer zijn dan de investering. Zijn de twee verwisseld?`,
    );
  }
  const totaal = input.totaalOverdrachtsprijzen ?? input.overdrachtsprijs;
  requireNonNegative(totaal, "totaal_overdrachtsprijzen");
  // Art. 3.51: the rules of the year of investment.
  const termijn = t.param(desinvesteringTermijn, input.investeringsjaar);
  const drempel = t.param(desinvesteringDrempel, input.investeringsjaar);

  const binnenTermijn = new Money(input.year - input.investeringsjaar).lt(termijn);
  t.step(() => nl`Vervreemd binnen ${termijn} jaar na het begin van ${input.investeringsjaar}`, binnenTermijn);
  const bovenDrempel = totaal.gt(drempel);
  t.step(
    () =>
      nl`Overdrachtsprijzen van het jaar (${totaal}) meer dan ${drempel} (drempel van ${input.investeringsjaar}, art. 3.51)`,
    bovenDrempel,
  );
  if (!binnenTermijn || !bovenDrempel || input.kiaGenoten.isZero()) {
    t.step("Geen desinvesteringsbijtelling", ZERO);
    return t.done(ZERO);
  }
  const percentage = input.kiaGenoten.dividedBy(input.investeringsbedrag);
  t.step("Percentage aftrek in het investeringsjaar", percentage.times(100));
  const prijs = min(input.overdrachtsprijs, input.aanschafprijs);
  const value = roundCents(percentage.times(prijs));
  t.step(() => nl`Dat percentage van de overdrachtsprijs (hoogstens de aanschafprijs: ${prijs})`, value);
  return t.done(value);
}
