/**
 * Tariefsaanpassing (art. 2.10 lid 2 Wet IB 2001): the grondslagverminderende posten of lid 3 (the
 * ondernemersaftrek, the MKB-winstvrijstelling, the persoonsgebonden aftrek, the aftrekbare kosten
 * eigen woning and the TBS-vrijstelling) are worth at most the second-bracket rate. The tax is raised by the
 * percentage over the lower of the posten and the part of (inkomen + posten) above the end of the
 * second bracket. A negative MKB-winstvrijstelling is not a post.
 */
import Decimal from "decimal.js";
import { max, min, Money, percentOf, roundCents, sum, ZERO } from "./money";
import { schijf2Einde, tariefsaanpassingPercentage } from "./parameters/box1";
import { RuleResult, TraceBuilder } from "./trace";
import { nl } from "./dutch";

export interface TariefsaanpassingInput {
  readonly year: number;
  /** Belastbaar inkomen uit werk en woning (after the posten). */
  readonly inkomen: Decimal;
  /** The aftrekposten; negative amounts are not posts and are left out. */
  readonly aftrekposten: readonly Decimal[];
}

export function tariefsaanpassing(input: TariefsaanpassingInput): RuleResult<Money> {
  const t = new TraceBuilder("tariefsaanpassing", "Tariefsaanpassing", "art. 2.10 lid 2 Wet IB 2001", input.year);
  const percentage = t.param(tariefsaanpassingPercentage);
  const grens = t.param(schijf2Einde);
  const posten = sum(input.aftrekposten.filter((p) => p.isPositive()));
  t.step("Aftrekposten (zonder negatieve bedragen)", posten);
  const boven = max(input.inkomen.plus(posten).minus(grens), ZERO);
  t.step(() => nl`Inkomen plus aftrekposten boven ${grens}`, boven);
  const grondslag = min(posten, boven);
  const value = roundCents(percentOf(percentage, grondslag));
  t.step(() => nl`${percentage}% van het laagste (${grondslag})`, value);
  return t.done(value);
}
