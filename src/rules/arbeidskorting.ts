/**
 * Arbeidskorting (art. 8.11 Wet IB 2001) over the arbeidsinkomen (art. 8.1 lid 1 onderdeel e: what
 * was earned with present work as winst uit onderneming, loon and resultaat uit werkzaamheden; for
 * an ondernemer the winst before ondernemersaftrek and MKB-winstvrijstelling). Lid 2 builds it in
 * four parts: a percentage up to a maximum (a), plus a percentage above a second limit with a
 * ceiling for a + b (b), plus a percentage above a third limit with a ceiling for a + b + c (c),
 * less a percentage above the afbouw limit, not below nil (d). Then as the aanslag gives it: split
 * over belastingdeel and premiedeel, without the AOW part at the AOW-leeftijd, each part rounded up
 * to whole euros, at most the highest arbeidskorting of lid 2 (heffingskortingAanslag.ts).
 *
 * Not modelled: the 2026 floor for employees at the arbeidskorting their employer applied (lid 2,
 * second sentence), which needs the loonheffing of the year.
 */
import Decimal from "decimal.js";
import { kortingZoalsAanslag } from "./heffingskortingAanslag";
import { max, min, Money, percentOf, ZERO } from "./money";
import {
  akAfbouwGrens,
  akAfbouwPercentage,
  akGrens2,
  akGrens3,
  akMaximum,
  akMaximum1,
  akMaximum2,
  akPercentage1,
  akPercentage2,
  akPercentage3,
} from "./parameters/heffingskortingen";
import { RuleResult, TraceBuilder } from "./trace";
import { nl } from "./dutch";

export interface ArbeidskortingInput {
  readonly year: number;
  readonly arbeidsinkomen: Decimal;
  /** AOW-leeftijd reached: no AOW premie, so no AOW part of the korting. */
  readonly aow?: boolean;
}

export function arbeidskorting(input: ArbeidskortingInput): RuleResult<Money> {
  const t = new TraceBuilder("arbeidskorting", "Arbeidskorting", "art. 8.11 Wet IB 2001", input.year);
  const [p1, m1, p2, g2, m2, p3, g3, m3, pd, gd] = [
    akPercentage1,
    akMaximum1,
    akPercentage2,
    akGrens2,
    akMaximum2,
    akPercentage3,
    akGrens3,
    akMaximum,
    akAfbouwPercentage,
    akAfbouwGrens,
  ].map((p) => t.param(p));
  const ai = input.arbeidsinkomen;
  if (!ai.isPositive() || ai.isZero()) {
    t.step("Geen arbeidsinkomen", ZERO);
    return t.done(ZERO);
  }
  const above = (grens: Decimal) => max(ai.minus(grens), ZERO);

  const a = min(percentOf(p1, ai), m1);
  t.step(() => nl`a. ${p1}% van ${ai}, ten hoogste ${m1}`, a);

  const ab = min(a.plus(percentOf(p2, above(g2))), m2);
  t.step(() => nl`b. plus ${p2}% boven ${g2}; a en b samen ten hoogste ${m2}`, ab);

  const abc = min(ab.plus(percentOf(p3, above(g3))), m3);
  t.step(() => nl`c. plus ${p3}% boven ${g3}; a, b en c samen ten hoogste ${m3}`, abc);

  const korting = max(abc.minus(percentOf(pd, above(gd))), ZERO);
  t.step(() => nl`d. min ${pd}% boven ${gd}, niet minder dan nihil`, korting);
  return t.done(kortingZoalsAanslag(t, { korting, maximum: m3, aow: input.aow ?? false }));
}
