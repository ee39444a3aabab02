/**
 * A heffingskorting as the aanslag gives it. The law gives one amount per korting (art. 8.10-8.18
 * Wet IB 2001) and splits it, with unrounded percentages, over the income tax and the premies
 * volksverzekeringen in the ratio of their rates to the gecombineerd heffingspercentage (art. 8.1
 * lid 1 onderdeel c: the first-bracket rate plus the AOW, Anw and Wlz premies):
 *
 * - the belastingdeel (art. 8.3): korting x belastingtarief eerste schijf / gecombineerd;
 * - the premiedeel, the AOW, Anw and Wlz parts together (art. 8.4-8.6). The AOW part only for
 *   whoever owes AOW premie (art. 12 lid 1 onderdeel a Wfsv; none from the AOW-leeftijd, art. 10
 *   lid 2). For the ouderenkorting and the alleenstaande ouderenkorting the gecombineerd percentage
 *   is taken without the AOW premie and the AOW part is nil (art. 8.7).
 *
 * The Belastingdienst then rounds the belastingdeel and the premiedeel each up to whole euros, and
 * the korting is never more than the maximum the law names (KG:202:2022:14: the rounding is a step
 * of the trace with that source).
 */
import Decimal from "decimal.js";
import { dutchNumber, nl } from "./dutch";
import { Money, roundCents, roundUpEuros, sum } from "./money";
import { premieAnw, premieAow, premieWlz, tariefSchijf1 } from "./parameters/box1";
import { AFRONDING_HEFFINGSKORTINGEN } from "./parameters/afronding";
import { TraceBuilder } from "./trace";

export interface KortingZoalsAanslag {
  /** The korting as the law computes it, before the split and not rounded. */
  readonly korting: Decimal;
  /** The maximum the law names for this korting (e.g. art. 8.10 lid 2: € 3.068 in 2025). */
  readonly maximum: Decimal;
  /** AOW-leeftijd reached: no AOW premie, so no AOW part (art. 12 lid 1 onderdeel a Wfsv). */
  readonly aow: boolean;
  /** Ouderenkorting or alleenstaande ouderenkorting: split without the AOW premie (art. 8.7). */
  readonly art87?: boolean;
}

/** A part of the split as the Uitleg shows it: six decimals (the exact value may not end). */
const inTrace = (v: Decimal): Decimal => v.toDecimalPlaces(6);

/** The korting split per art. 8.3-8.7, each part rounded up to whole euros, at most the law's maximum. */
export function kortingZoalsAanslag(t: TraceBuilder, input: KortingZoalsAanslag): Money {
  const { korting, maximum, aow } = input;
  const art87 = input.art87 ?? false;
  const tarief = t.param(tariefSchijf1);
  const aowPremie = t.param(premieAow);
  const anwWlz = [t.param(premieAnw), t.param(premieWlz)];
  const gecombineerd = sum([tarief, ...(art87 ? [] : [aowPremie]), ...anwWlz]);
  const premies = sum([...(aow || art87 ? [] : [aowPremie]), ...anwWlz]);

  const belastingdeel = korting.times(tarief).dividedBy(gecombineerd);
  t.step(() => nl`Belastingdeel (art. 8.3): ${korting} × ${tarief}% / ${gecombineerd}%`, inTrace(belastingdeel));
  const premiedeel = korting.times(premies).dividedBy(gecombineerd);
  const geenAow = art87 ? " zonder AOW-deel (art. 8.7)" : aow ? " zonder AOW-deel (AOW-leeftijd, art. 12 Wfsv)" : "";
  t.step(
    () => nl`Premiedeel (art. 8.4-8.6)${geenAow}: ${korting} × ${premies}% / ${gecombineerd}%`,
    inTrace(premiedeel),
  );

  const belastingdeelAfgerond = roundUpEuros(belastingdeel);
  const premiedeelAfgerond = roundUpEuros(premiedeel);
  const afgerond = belastingdeelAfgerond.plus(premiedeelAfgerond);
  t.step(
    () =>
      `Zoals de aanslag: belastingdeel ${dutchNumber(roundCents(belastingdeel))} en premiedeel ` +
      `${dutchNumber(roundCents(premiedeel))} elk naar boven afgerond op hele euro's ` +
      `(${dutchNumber(belastingdeelAfgerond)} + ${dutchNumber(premiedeelAfgerond)}; ` +
      `niet afgerond samen ${dutchNumber(roundCents(belastingdeel.plus(premiedeel)))})`,
    afgerond,
    AFRONDING_HEFFINGSKORTINGEN,
  );
  if (afgerond.lte(maximum)) return afgerond;
  t.step(() => nl`Niet meer dan het bedrag dat de wet noemt: ${maximum}`, maximum, AFRONDING_HEFFINGSKORTINGEN);
  return maximum;
}
