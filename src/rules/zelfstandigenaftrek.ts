/**
 * Zelfstandigenaftrek (art. 3.76 Wet IB 2001).
 *
 * Only with the urencriterium (lid 1). Halved when the AOW-leeftijd was reached at 1 January
 * (lid 4). Capped at the winst unless the ondernemer qualifies for the startersaftrek (lid 5); what
 * the cap cuts off is niet-gerealiseerde zelfstandigenaftrek (lid 7).
 */
import Decimal from "decimal.js";
import { max, min, Money, percentOf, roundCents, ZERO } from "./money";
import { aowPercentage, zelfstandigenaftrekBedrag } from "./parameters/ondernemersaftrek";
import { resultWith, RuleResult, TraceBuilder } from "./trace";
import { nl } from "./dutch";

export interface ZelfstandigenaftrekInput {
  readonly year: number;
  readonly urencriterium: boolean;
  /** Winst from all businesses before ondernemersaftrek; no cap when absent. */
  readonly winst?: Decimal | null;
  /** The ondernemer qualifies for the startersaftrek this year (lifts the cap at winst). */
  readonly startersaftrek?: boolean;
  /** AOW-leeftijd reached at 1 January of the year. */
  readonly aow?: boolean;
}

export interface ZelfstandigenaftrekResult extends RuleResult<Money> {
  /** The part the cap at winst cut off: carried forward 9 years (lid 7). */
  readonly nietGerealiseerd: Money;
}

/** Applies the AOW halving of lid 4 (also used for the startersaftrek). */
export function aowDeel(t: TraceBuilder, amount: Money, aow: boolean): Money {
  if (!aow) return amount;
  const percentage = t.param(aowPercentage);
  const halved = percentOf(percentage, amount);
  t.step(() => nl`AOW-leeftijd bereikt op 1 januari: ${percentage}%`, halved);
  return halved;
}

export function zelfstandigenaftrek(input: ZelfstandigenaftrekInput): ZelfstandigenaftrekResult {
  const t = new TraceBuilder("zelfstandigenaftrek", "Zelfstandigenaftrek", "art. 3.76 Wet IB 2001", input.year);
  const bedrag = t.param(zelfstandigenaftrekBedrag);
  t.step("Urencriterium gehaald", input.urencriterium);
  if (!input.urencriterium) {
    t.step("Geen zelfstandigenaftrek zonder urencriterium", ZERO);
    return resultWith(t.done(ZERO), { nietGerealiseerd: ZERO });
  }
  t.step("Zelfstandigenaftrek volgens de wet", bedrag);
  const full = aowDeel(t, bedrag, input.aow ?? false);

  if (input.winst === undefined || input.winst === null) {
    return resultWith(t.done(full), { nietGerealiseerd: ZERO });
  }
  if (input.startersaftrek) {
    t.step("Recht op startersaftrek: niet beperkt tot de winst", full);
    return resultWith(t.done(full), { nietGerealiseerd: ZERO });
  }
  const winst = input.winst;
  const capped = roundCents(min(full, max(winst, ZERO)));
  t.step(() => nl`Beperkt tot de winst (${winst})`, capped);
  const nietGerealiseerd = full.minus(capped);
  if (!nietGerealiseerd.isZero()) t.step("Niet-gerealiseerde zelfstandigenaftrek", nietGerealiseerd);
  return resultWith(t.done(capped), { nietGerealiseerd });
}
