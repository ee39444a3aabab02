/**
 * Meewerkaftrek (art. 3.78 Wet IB 2001): a percentage of the winst by the hours the partner worked
 * in the business "zonder enige vergoeding" (lid 1); only with the urencriterium. A vergoeding below
 * the amount of art. 3.16 lid 4 is not deductible and counts as none; from that amount on there is
 * no meewerkaftrek. The winst leaves out stakingswinst, onteigeningswinst and overbrengingswinst
 * (lid 3).
 */
import Decimal from "decimal.js";
import { max, Money, percentOf, roundCents, ZERO } from "./money";
import {
  meewerkPercentage1,
  meewerkPercentage2,
  meewerkPercentage3,
  meewerkPercentage4,
  meewerkUren1,
  meewerkUren2,
  meewerkUren3,
  meewerkUren4,
  meewerkVergoedingGrens,
} from "./parameters/meewerkaftrek";
import { RuleResult, TraceBuilder } from "./trace";
import { requireNonNegative } from "./validate";
import { nl } from "./dutch";

export interface MeewerkaftrekInput {
  readonly year: number;
  readonly winst: Decimal;
  readonly urenPartner: Decimal;
  readonly urencriterium: boolean;
  /** Part of the winst that is stakingswinst: it does not count (lid 3). */
  readonly stakingswinst?: Decimal;
  /** Part of the winst that is onteigenings- or overbrengingswinst: it does not count either (lid 3). */
  readonly onteigeningsOverbrengingswinst?: Decimal;
  /** What the partner was paid for the work (art. 3.16 lid 4). */
  readonly vergoeding?: Decimal;
}

export function meewerkaftrek(input: MeewerkaftrekInput): RuleResult<Money> {
  const t = new TraceBuilder("meewerkaftrek", "Meewerkaftrek", "art. 3.78 Wet IB 2001", input.year);
  requireNonNegative(input.urenPartner, "uren_partner");
  const staking = input.stakingswinst ?? ZERO;
  requireNonNegative(staking, "stakingswinst");
  const onteigening = input.onteigeningsOverbrengingswinst ?? ZERO;
  requireNonNegative(onteigening, "onteigenings_overbrengingswinst");
  const vergoeding = input.vergoeding ?? ZERO;
  requireNonNegative(vergoeding, "vergoeding_partner");
  const vergoedingGrens = t.param(meewerkVergoedingGrens);
  const bands = [
    [meewerkUren4, meewerkPercentage4],
    [meewerkUren3, meewerkPercentage3],
    [meewerkUren2, meewerkPercentage2],
    [meewerkUren1, meewerkPercentage1],
  ].map(([uren, pct]) => ({ uren: t.param(uren), pct: t.param(pct) }));

  t.step("Urencriterium gehaald", input.urencriterium);
  if (!vergoeding.isZero()) {
    t.step(
      () => nl`Vergoeding aan de partner (${vergoeding}) minder dan ${vergoedingGrens}`,
      vergoeding.lt(vergoedingGrens),
    );
  }
  const band = bands.find((b) => input.urenPartner.gte(b.uren));
  if (!input.urencriterium || !band || vergoeding.gte(vergoedingGrens)) {
    t.step(() => nl`Geen meewerkaftrek (${input.urenPartner} uur van de partner)`, ZERO);
    return t.done(ZERO);
  }
  const grondslag = max(input.winst.minus(staking).minus(onteigening), ZERO);
  t.step("Winst zonder stakings-, onteigenings- en overbrengingswinst (niet negatief)", grondslag);
  const value = roundCents(percentOf(band.pct, grondslag));
  t.step(() => nl`${band.pct}% bij ten minste ${band.uren} uur van de partner`, value);
  return t.done(value);
}
