/**
 * Box 1 (art. 2.10 and 2.10a Wet IB 2001; premie volksverzekeringen: art. 8–11 Wfsv): tax plus
 * premie on the belastbaar inkomen uit werk en woning, before heffingskortingen.
 *
 * Computed the way the law's table does: the tax due at the start of the bracket (kolom III, which
 * the law rounds down to whole euros) plus the bracket's rate over the part above its start. The
 * premie is charged over the first bracket only (the maximum premie-inkomen); no AOW premie from
 * the AOW-leeftijd. Those born before 1 January 1946 have the longer first bracket of art. 2.10a.
 */
import Decimal from "decimal.js";
import { max, min, Money, percentOf, roundCents, sum, ZERO } from "./money";
import {
  heffingBeginSchijf2,
  heffingBeginSchijf2Voor1946,
  heffingBeginSchijf3,
  heffingBeginSchijf3Voor1946,
  premieAnw,
  premieAow,
  premieWlz,
  schijf1Einde,
  schijf1EindeVoor1946,
  schijf2Einde,
  tariefSchijf1,
  tariefSchijf2,
  tariefSchijf3,
} from "./parameters/box1";
import { resultWith, RuleResult, TraceBuilder } from "./trace";
import { nl } from "./dutch";

export interface Box1Input {
  readonly year: number;
  /** Belastbaar inkomen uit werk en woning. */
  readonly inkomen: Decimal;
  /** AOW-leeftijd reached (the whole year): no AOW premie. */
  readonly aow?: boolean;
  /** Born before 1 January 1946 (art. 2.10a); implies the AOW-leeftijd. */
  readonly geborenVoor1946?: boolean;
}

export interface Box1Result extends RuleResult<Money> {
  readonly inkomstenbelasting: Money;
  readonly premie: Money;
}

export function box1(input: Box1Input): Box1Result {
  const t = new TraceBuilder("box1", "Inkomstenbelasting en premie box 1", "art. 2.10 Wet IB 2001", input.year);
  const voor1946 = input.geborenVoor1946 ?? false;
  const aow = (input.aow ?? false) || voor1946;
  const b1 = t.param(voor1946 ? schijf1EindeVoor1946 : schijf1Einde);
  const b2 = t.param(schijf2Einde);
  const inkomen = max(input.inkomen, ZERO);

  let belasting: Money;
  if (inkomen.lte(b1)) {
    const r1 = t.param(tariefSchijf1);
    belasting = percentOf(r1, inkomen);
    t.step(() => nl`Eerste schijf: ${r1}% van ${inkomen}`, belasting);
  } else if (inkomen.lte(b2)) {
    const k2 = t.param(voor1946 ? heffingBeginSchijf2Voor1946 : heffingBeginSchijf2);
    const r2 = t.param(tariefSchijf2);
    belasting = k2.plus(percentOf(r2, inkomen.minus(b1)));
    t.step(() => nl`Tweede schijf: ${k2} plus ${r2}% van het deel boven ${b1}`, belasting);
  } else {
    const k3 = t.param(voor1946 ? heffingBeginSchijf3Voor1946 : heffingBeginSchijf3);
    const r3 = t.param(tariefSchijf3);
    belasting = k3.plus(percentOf(r3, inkomen.minus(b2)));
    t.step(() => nl`Boven de tweede schijf: ${k3} plus ${r3}% van het deel boven ${b2}`, belasting);
  }

  const premies = [premieAnw, premieWlz, ...(aow ? [] : [premieAow])].map((p) => t.param(p));
  const premiePercentage = sum(premies);
  const premieInkomen = min(inkomen, b1);
  const premie = percentOf(premiePercentage, premieInkomen);
  t.step(
    () => nl`Premie volksverzekeringen: ${premiePercentage}% van ${premieInkomen}${aow ? " (geen AOW-premie)" : ""}`,
    premie,
  );

  const inkomstenbelasting = roundCents(belasting);
  const premieRounded = roundCents(premie);
  const value = roundCents(belasting.plus(premie));
  t.step("Belasting en premie box 1 (vóór heffingskortingen)", value);
  return resultWith(t.done(value), { inkomstenbelasting, premie: premieRounded });
}
