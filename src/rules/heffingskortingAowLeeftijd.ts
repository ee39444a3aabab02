/**
 * A heffingskorting at the AOW-leeftijd (art. 8.3–8.7 Wet IB 2001). The law gives no separate
 * amounts: every heffingskorting is split over the income tax and the three premies in the ratio of
 * their rates to the gecombineerd heffingspercentage (art. 8.1 lid 1 onderdeel c: the first-bracket
 * rate plus the AOW, Anw and Wlz premies). Who owes no AOW premie has no right to the AOW part
 * (art. 8.4), so what remains is the korting × (gecombineerd − AOW) / gecombineerd.
 *
 * The ouderenkorting and the alleenstaande ouderenkorting have no AOW part by art. 8.7: they count
 * in full. Rounded once, to cents, at the end; the Belastingdienst's published tables round each
 * part to whole euros and can differ by a euro.
 */
import Decimal from "decimal.js";
import { Money } from "./money";
import { tariefSchijf1MetPremie, tariefSchijf1MetPremieAow } from "./parameters/box1";
import { TraceBuilder } from "./trace";
import { nl } from "./dutch";

/** The part of a heffingskorting left for someone who owes no AOW premie. */
export function zonderAowDeel(t: TraceBuilder, korting: Decimal): Money {
  const gecombineerd = t.param(tariefSchijf1MetPremie);
  const zonderAow = t.param(tariefSchijf1MetPremieAow);
  const value = korting.times(zonderAow).dividedBy(gecombineerd);
  t.step(
    () => nl`AOW-leeftijd: geen AOW-deel (art. 8.4); ${zonderAow}/${gecombineerd} van ${korting.toDecimalPlaces(6)}`,
    value.toDecimalPlaces(6),
  );
  return value;
}
