/**
 * Excel functions for the kleineondernemersregeling (btw). Arguments are `any` on purpose (see
 * functions.ts).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { euKorToegestaan, korEinde, korHerziening, korResultaat, korToegestaan } from "../rules/kor";
import { amount, amountListInPlace, flag, optionalAmount, toExcelNumber, year } from "./args";
import { guard } from "./excelError";

/**
 * Mag de onderneming de kleineondernemersregeling (KOR) toepassen? Omzet ten hoogste 20.000; vanaf 2025 in dit én het vorige kalenderjaar (art. 25 Wet OB 1968; vanaf 2025 art. 25a).
 * @customfunction KOR KOR
 * @helpurl https://localhost:3000/help/kor.html
 * @requiresAddress
 * @param jaar Kalenderjaar, bijvoorbeeld 2025.
 * @param omzet Omzet in Nederland dit jaar (excl. btw).
 * @param [omzet_vorig_jaar] Omzet in het vorige kalenderjaar (telt vanaf 2025). Leeg: 0.
 * @returns WAAR als de KOR mag worden toegepast.
 */
export function korFunction(
  jaar: any,
  omzet: any,
  omzet_vorig_jaar?: any,
  invocation?: CustomFunctions.Invocation,
): boolean {
  return guard(
    "KOR",
    invocation,
    arguments,
    korFunction,
    () =>
      korToegestaan({
        year: year(jaar),
        omzet: amount(omzet, "omzet"),
        omzetVorigJaar: optionalAmount(omzet_vorig_jaar, "omzet_vorig_jaar"),
      }).value,
  );
}

/**
 * Past de omzet binnen de EU-KOR (vanaf 2025): totale omzet in de EU ten hoogste 100.000, dit en vorig jaar (art. 25 Wet OB 1968; vanaf 2025 art. 25a).
 * @customfunction EUKOR EUKOR
 * @helpurl https://localhost:3000/help/eukor.html
 * @requiresAddress
 * @param jaar Kalenderjaar, 2025 of later.
 * @param eu_omzet Totale omzet in de EU dit jaar (excl. btw).
 * @param [eu_omzet_vorig_jaar] Totale omzet in de EU vorig jaar. Leeg: 0.
 * @returns WAAR als de omzet binnen de EU-grens blijft.
 */
export function euKorFunction(
  jaar: any,
  eu_omzet: any,
  eu_omzet_vorig_jaar?: any,
  invocation?: CustomFunctions.Invocation,
): boolean {
  return guard(
    "EUKOR",
    invocation,
    arguments,
    euKorFunction,
    () =>
      euKorToegestaan({
        year: year(jaar),
        omzet: amount(eu_omzet, "eu_omzet"),
        omzetVorigJaar: optionalAmount(eu_omzet_vorig_jaar, "eu_omzet_vorig_jaar"),
      }).value,
  );
}

/**
 * Resultaat van het jaar met of zonder KOR: zonder KOR omzet min kosten; met KOR geen btw af te dragen en geen btw terug te vragen.
 * @customfunction KORRESULTAAT KORRESULTAAT
 * @helpurl https://localhost:3000/help/korresultaat.html
 * @requiresAddress
 * @param jaar Kalenderjaar, bijvoorbeeld 2025.
 * @param omzet Omzet excl. btw zonder KOR.
 * @param kosten Kosten en investeringen excl. btw.
 * @param btw_kosten Btw op die kosten (zonder KOR terug te vragen).
 * @param kor WAAR voor het resultaat met KOR, ONWAAR zonder.
 * @param [particulier_zelfde_prijs] WAAR als particuliere klanten dezelfde prijs incl. btw blijven betalen. Leeg: prijzen excl. btw blijven gelijk.
 * @param [btw_tarief] Btw-tarief op de omzet, bijvoorbeeld 9%. Leeg of 0: het algemene tarief (bij 0%: particulier_zelfde_prijs ONWAAR).
 * @returns Het resultaat in euro's.
 */
export function korResultaatFunction(
  jaar: any,
  omzet: any,
  kosten: any,
  btw_kosten: any,
  kor: any,
  particulier_zelfde_prijs?: any,
  btw_tarief?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("KORRESULTAAT", invocation, arguments, korResultaatFunction, () =>
    toExcelNumber(
      korResultaat({
        year: year(jaar),
        omzet: amount(omzet, "omzet"),
        kosten: amount(kosten, "kosten"),
        btwKosten: amount(btw_kosten, "btw_kosten"),
        kor: flag(kor, "kor"),
        particulierZelfdePrijs: flag(particulier_zelfde_prijs, "particulier_zelfde_prijs"),
        btwTarief: optionalAmount(btw_tarief, "btw_tarief"),
      }).value,
    ),
  );
}

/**
 * Btw die u bij deelname aan de KOR in één keer terugbetaalt voor een bedrijfsmiddel in de herzieningsperiode (5 jaar roerend, 10 jaar onroerend; art. 15 Wet OB 1968).
 * @customfunction KORHERZIENING KORHERZIENING
 * @helpurl https://localhost:3000/help/korherziening.html
 * @requiresAddress
 * @param jaar Eerste jaar in de KOR.
 * @param btw_afgetrokken Btw die op het bedrijfsmiddel is afgetrokken.
 * @param jaar_ingebruikname Jaar waarin het bedrijfsmiddel in gebruik is genomen.
 * @param [onroerend] WAAR voor een onroerende zaak (herzieningsperiode 10 jaar).
 * @returns De terug te betalen btw in euro's.
 */
export function korHerzieningFunction(
  jaar: any,
  btw_afgetrokken: any,
  jaar_ingebruikname: any,
  onroerend?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("KORHERZIENING", invocation, arguments, korHerzieningFunction, () =>
    toExcelNumber(
      korHerziening({
        year: year(jaar),
        btwAfgetrokken: amount(btw_afgetrokken, "btw_afgetrokken"),
        jaarIngebruikname: year(jaar_ingebruikname, "jaar_ingebruikname"),
        onroerend: flag(onroerend, "onroerend"),
      }).value,
    ),
  );
}

/**
 * Vanaf welke levering de KOR eindigt: de levering waarmee de omzet van het jaar boven de grens komt, en alle leveringen daarna, vallen onder de btw (art. 25 lid 8 Wet OB 1968; vanaf 2025 art. 25a lid 9). 0: de KOR geldt het hele jaar.
 * @customfunction KOREINDE KOREINDE
 * @helpurl https://localhost:3000/help/koreinde.html
 * @requiresAddress
 * @param jaar Kalenderjaar, bijvoorbeeld 2025.
 * @param leveringen Bereik met de leveringen (excl. btw) van het jaar, op datum; een creditnota is negatief. Een lege cel telt als 0.
 * @param [omzet_vorig_jaar] Omzet van het vorige jaar: vanaf 2025 boven de grens betekent geen KOR vanaf de eerste levering. Leeg: 0.
 * @returns Het volgnummer van de levering in het bereik vanaf welke btw verschuldigd is, of 0.
 */
export function korEindeFunction(
  jaar: any,
  leveringen: any,
  omzet_vorig_jaar?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("KOREINDE", invocation, arguments, korEindeFunction, () => {
    return korEinde({
      year: year(jaar),
      leveringen: amountListInPlace(leveringen, "leveringen"),
      omzetVorigJaar: optionalAmount(omzet_vorig_jaar, "omzet_vorig_jaar"),
    }).value;
  });
}
