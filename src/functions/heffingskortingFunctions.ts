/**
 * Excel functions for the heffingskortingen, the Zvw-bijdrage and the netto effect of a deduction.
 * Arguments are `any` on purpose (see functions.ts).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { algemeneHeffingskorting } from "../rules/algemeneHeffingskorting";
import { arbeidskorting } from "../rules/arbeidskorting";
import { combinatiekorting } from "../rules/combinatiekorting";
import { nettoEffect } from "../rules/nettoEffect";
import { alleenstaandeOuderenkorting, ouderenkorting } from "../rules/ouderenkorting";
import { zvwBijdrage } from "../rules/zvwBijdrage";
import { amount, flag, optionalAmount, toExcelNumber, year } from "./args";
import { guard } from "./excelError";

/**
 * Algemene heffingskorting (art. 8.10 Wet IB 2001): het bedrag van het jaar min de afbouw over het inkomen boven de grens, niet minder dan nihil; bij AOW-leeftijd zonder het AOW-deel (art. 8.3–8.6).
 * @customfunction ALGEMENEHEFFINGSKORTING ALGEMENEHEFFINGSKORTING
 * @helpurl https://localhost:3000/help/algemeneheffingskorting.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param verzamelinkomen Het verzamelinkomen (vanaf 2025); tot en met 2024 het belastbaar inkomen uit werk en woning.
 * @param [aow] WAAR als u het hele jaar de AOW-leeftijd had (geen AOW-premie, dus geen AOW-deel).
 * @returns De algemene heffingskorting zoals de aanslag: hele euro's (belastingdeel en premiedeel elk naar boven afgerond, KG:202:2022:14).
 */
export function algemeneHeffingskortingFunction(
  jaar: any,
  verzamelinkomen: any,
  aow?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("ALGEMENEHEFFINGSKORTING", invocation, arguments, algemeneHeffingskortingFunction, () =>
    toExcelNumber(
      algemeneHeffingskorting({
        year: year(jaar),
        inkomen: amount(verzamelinkomen, "verzamelinkomen"),
        aow: flag(aow, "aow"),
      }).value,
    ),
  );
}

/**
 * Arbeidskorting (art. 8.11 Wet IB 2001) over het arbeidsinkomen: de opbouw in drie delen en de afbouw; bij AOW-leeftijd zonder het AOW-deel (art. 8.3–8.6).
 * @customfunction ARBEIDSKORTING ARBEIDSKORTING
 * @helpurl https://localhost:3000/help/arbeidskorting.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param arbeidsinkomen Winst vóór ondernemersaftrek en MKB-winstvrijstelling (zonder stakingswinst), plus loon en resultaat uit werk.
 * @param [aow] WAAR als u het hele jaar de AOW-leeftijd had (geen AOW-premie, dus geen AOW-deel).
 * @returns De arbeidskorting zoals de aanslag: hele euro's (belastingdeel en premiedeel elk naar boven afgerond, KG:202:2022:14).
 */
export function arbeidskortingFunction(
  jaar: any,
  arbeidsinkomen: any,
  aow?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("ARBEIDSKORTING", invocation, arguments, arbeidskortingFunction, () =>
    toExcelNumber(
      arbeidskorting({
        year: year(jaar),
        arbeidsinkomen: amount(arbeidsinkomen, "arbeidsinkomen"),
        aow: flag(aow, "aow"),
      }).value,
    ),
  );
}

/**
 * Inkomensafhankelijke combinatiekorting (art. 8.14a Wet IB 2001): 11,45% van het arbeidsinkomen boven de grens, tot het maximum van het jaar, als u een kind jonger dan 12 hebt en geen partner of het laagste arbeidsinkomen.
 * @customfunction COMBINATIEKORTING COMBINATIEKORTING
 * @helpurl https://localhost:3000/help/combinatiekorting.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param arbeidsinkomen Uw arbeidsinkomen.
 * @param voorwaarden WAAR als een kind jonger dan 12 ten minste zes maanden bij u woonde en u geen partner had of het laagste arbeidsinkomen.
 * @param [aow] WAAR als u het hele jaar de AOW-leeftijd had (geen AOW-deel).
 * @returns De inkomensafhankelijke combinatiekorting zoals de aanslag: hele euro's (belastingdeel en premiedeel elk naar boven afgerond).
 */
export function combinatiekortingFunction(
  jaar: any,
  arbeidsinkomen: any,
  voorwaarden: any,
  aow?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("COMBINATIEKORTING", invocation, arguments, combinatiekortingFunction, () =>
    toExcelNumber(
      combinatiekorting({
        year: year(jaar),
        arbeidsinkomen: amount(arbeidsinkomen, "arbeidsinkomen"),
        voorwaarden: flag(voorwaarden, "voorwaarden"),
        aow: flag(aow, "aow"),
      }).value,
    ),
  );
}

/**
 * Ouderenkorting (art. 8.17 Wet IB 2001) en, voor wie alleenstaand is, de alleenstaande ouderenkorting (art. 8.18), voor wie de AOW-leeftijd heeft bereikt.
 * @customfunction OUDERENKORTING OUDERENKORTING
 * @helpurl https://localhost:3000/help/ouderenkorting.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param verzamelinkomen Het verzamelinkomen.
 * @param [alleenstaand] WAAR als u AOW voor een alleenstaande krijgt (dan ook de alleenstaande ouderenkorting).
 * @returns De ouderenkorting (met de alleenstaande ouderenkorting) zoals de aanslag, in hele euro's.
 */
export function ouderenkortingFunction(
  jaar: any,
  verzamelinkomen: any,
  alleenstaand?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("OUDERENKORTING", invocation, arguments, ouderenkortingFunction, () => {
    const y = year(jaar);
    const ok = ouderenkorting({ year: y, verzamelinkomen: amount(verzamelinkomen, "verzamelinkomen") }).value;
    const alone = flag(alleenstaand, "alleenstaand");
    return toExcelNumber(alone ? ok.plus(alleenstaandeOuderenkorting(y).value) : ok);
  });
}

/**
 * Inkomensafhankelijke bijdrage Zorgverzekeringswet van een ondernemer (art. 43–45 Zvw): het percentage van het jaar over het bijdrage-inkomen tot het maximum.
 * @customfunction ZVWBIJDRAGE ZVWBIJDRAGE
 * @helpurl https://localhost:3000/help/zvwbijdrage.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param bijdrage_inkomen Het bijdrage-inkomen: voor een ondernemer de belastbare winst uit onderneming. Een verlies geeft geen bijdrage.
 * @returns De bijdrage Zvw in euro's.
 */
export function zvwBijdrageFunction(jaar: any, bijdrage_inkomen: any, invocation?: CustomFunctions.Invocation): number {
  return guard("ZVWBIJDRAGE", invocation, arguments, zvwBijdrageFunction, () =>
    toExcelNumber(
      zvwBijdrage({ year: year(jaar), bijdrageInkomen: amount(bijdrage_inkomen, "bijdrage_inkomen") }).value,
    ),
  );
}

/**
 * Wat een aftrekpost (zoals de KIA of een kostenpost) netto oplevert: het totaal te betalen (belasting, premie, heffingskortingen en Zvw samen) zonder de aftrekpost min het totaal met de aftrekpost.
 * @customfunction NETTOEFFECT NETTOEFFECT
 * @helpurl https://localhost:3000/help/nettoeffect.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param winst Winst uit onderneming vóór de aftrekpost en vóór ondernemersaftrek.
 * @param urencriterium WAAR als u het urencriterium haalt.
 * @param aftrekpost Het bedrag waarvan u het netto-effect wilt weten (bijvoorbeeld de KIA). Negatief: een bijtelling.
 * @param [startersaftrek] WAAR als u recht hebt op startersaftrek.
 * @param [aow] WAAR als u op 1 januari de AOW-leeftijd had bereikt.
 * @param [overig_inkomen] Ander inkomen in box 1, zoals loon. Leeg: 0.
 * @param [overig_arbeidsinkomen] Het deel van het overig inkomen dat arbeidsinkomen is (loon). Leeg: 0.
 * @param [combinatiekorting] WAAR als u recht hebt op de inkomensafhankelijke combinatiekorting.
 * @param [alleenstaand] WAAR bij AOW voor een alleenstaande (alleenstaande ouderenkorting).
 * @returns Hoeveel minder u in totaal betaalt, in euro's (negatief: meer).
 */
export function nettoEffectFunction(
  jaar: any,
  winst: any,
  urencriterium: any,
  aftrekpost: any,
  startersaftrek?: any,
  aow?: any,
  overig_inkomen?: any,
  overig_arbeidsinkomen?: any,
  combinatiekorting?: any,
  alleenstaand?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("NETTOEFFECT", invocation, arguments, nettoEffectFunction, () =>
    toExcelNumber(
      nettoEffect({
        year: year(jaar),
        winst: amount(winst, "winst"),
        urencriterium: flag(urencriterium, "urencriterium"),
        aftrekpost: amount(aftrekpost, "aftrekpost"),
        startersaftrek: flag(startersaftrek, "startersaftrek"),
        aow: flag(aow, "aow"),
        overigInkomen: optionalAmount(overig_inkomen, "overig_inkomen"),
        overigArbeidsinkomen: optionalAmount(overig_arbeidsinkomen, "overig_arbeidsinkomen"),
        combinatiekorting: flag(combinatiekorting, "combinatiekorting"),
        alleenstaand: flag(alleenstaand, "alleenstaand"),
      }).value,
    ),
  );
}
