/**
 * Excel functions for box 1, the tariefsaanpassing and the whole chain as one spill.
 * Arguments are `any` on purpose (see functions.ts).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { box1 } from "../rules/box1";
import { keten } from "../rules/keten";
import { tariefsaanpassing } from "../rules/tariefsaanpassing";
import { amount, amountList, flag, optionalAmount, toExcelNumber, year } from "./args";
import { guard } from "./excelError";

/**
 * Inkomstenbelasting en premie volksverzekeringen in box 1 (art. 2.10 en 2.10a Wet IB 2001) over het belastbaar inkomen uit werk en woning, vóór heffingskortingen, berekend zoals de tabel van de wet.
 * @customfunction INKOMSTENBELASTING INKOMSTENBELASTING
 * @helpurl https://localhost:3000/help/inkomstenbelasting.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param inkomen Belastbaar inkomen uit werk en woning.
 * @param [aow] WAAR als u het hele jaar de AOW-leeftijd had (geen AOW-premie).
 * @param [geboren_voor_1946] WAAR als u vóór 1 januari 1946 bent geboren (langere eerste schijf).
 * @returns Belasting en premie box 1 in euro's.
 */
export function inkomstenbelastingFunction(
  jaar: any,
  inkomen: any,
  aow?: any,
  geboren_voor_1946?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("INKOMSTENBELASTING", invocation, arguments, inkomstenbelastingFunction, () =>
    toExcelNumber(
      box1({
        year: year(jaar),
        inkomen: amount(inkomen, "inkomen"),
        aow: flag(aow, "aow"),
        geborenVoor1946: flag(geboren_voor_1946, "geboren_voor_1946"),
      }).value,
    ),
  );
}

/**
 * Tariefsaanpassing (art. 2.10 lid 2 en 3 Wet IB 2001): de extra belasting waardoor de grondslagverminderende posten, zoals de ondernemersaftrek en de MKB-winstvrijstelling, in de hoogste schijf minder waard zijn.
 * @customfunction TARIEFSAANPASSING TARIEFSAANPASSING
 * @helpurl https://localhost:3000/help/tariefsaanpassing.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param inkomen Belastbaar inkomen uit werk en woning (na de aftrekposten).
 * @param aftrekposten Bedrag of bereik: ondernemersaftrek, MKB-winstvrijstelling, pgb, aftrek eigen woning, TBS-vrijstelling. Negatief telt niet.
 * @returns De tariefsaanpassing in euro's.
 */
export function tariefsaanpassingFunction(
  jaar: any,
  inkomen: any,
  aftrekposten: any[][],
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("TARIEFSAANPASSING", invocation, arguments, tariefsaanpassingFunction, () =>
    toExcelNumber(
      tariefsaanpassing({
        year: year(jaar),
        inkomen: amount(inkomen, "inkomen"),
        aftrekposten: amountList(aftrekposten, "aftrekposten"),
      }).value,
    ),
  );
}

/**
 * De hele keten als tabel van twee kolommen: winst, elke ondernemersaftrek, MKB-winstvrijstelling, belastbare winst, box 1, tariefsaanpassing, heffingskortingen, Zvw-bijdrage en het totaal te betalen.
 * @customfunction OVERZICHT OVERZICHT
 * @helpurl https://localhost:3000/help/overzicht.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param winst Winst uit onderneming vóór ondernemersaftrek (inclusief eventuele stakingswinst).
 * @param urencriterium WAAR als u het urencriterium haalt.
 * @param [startersaftrek] WAAR als u recht hebt op startersaftrek.
 * @param [aow] WAAR als u op 1 januari de AOW-leeftijd had bereikt.
 * @param [uren_partner] Uren die uw partner onbetaald meewerkte (meewerkaftrek). Leeg: 0.
 * @param [so_uren] Uren speur- en ontwikkelingswerk (S&O-aftrek). Leeg: 0.
 * @param [stakingswinst] Stakingswinst in de winst (stakingsaftrek). Leeg: 0.
 * @param [overige_ondernemersaftrek] Andere ondernemersaftrek, zoals de startersaftrek bij arbeidsongeschiktheid. Leeg: 0.
 * @param [overig_inkomen] Ander inkomen in box 1, zoals loon, na eigen aftrekposten. Leeg: 0.
 * @param [so_starter] WAAR als u in 1 of meer van de 5 voorafgaande jaren geen ondernemer was (verhoging S&O-aftrek, art. 3.77 lid 2).
 * @param [so_jaren_verklaring] In hoeveel van die 5 jaren u een S&O-verklaring had (0 tot en met 5). Leeg: 0.
 * @param [stakingsaftrek_eerder] Stakingsaftrek die u in eerdere jaren al had (art. 3.79). Leeg: 0.
 * @param [vergoeding_partner] Wat uw partner voor het meewerken kreeg; vanaf € 5.000 geen meewerkaftrek. Leeg: 0.
 * @param [onteigenings_overbrengingswinst] Onteigenings- of overbrengingswinst in de winst (telt niet mee voor de meewerkaftrek). Leeg: 0.
 * @param [overige_posten] Persoonsgebonden aftrek, aftrek eigen woning en TBS-vrijstelling in het overig inkomen (tariefsaanpassing). Leeg: 0.
 * @param [overig_arbeidsinkomen] Het deel van het overig inkomen dat arbeidsinkomen is (loon), voor de arbeidskorting. Leeg: 0.
 * @param [combinatiekorting] WAAR als u recht hebt op de inkomensafhankelijke combinatiekorting (kind jonger dan 12).
 * @param [alleenstaand] WAAR bij AOW voor een alleenstaande (alleenstaande ouderenkorting).
 * @returns Een tabel: omschrijving en bedrag per regel.
 */
export function overzichtFunction(
  jaar: any,
  winst: any,
  urencriterium: any,
  startersaftrek?: any,
  aow?: any,
  uren_partner?: any,
  so_uren?: any,
  stakingswinst?: any,
  overige_ondernemersaftrek?: any,
  overig_inkomen?: any,
  so_starter?: any,
  so_jaren_verklaring?: any,
  stakingsaftrek_eerder?: any,
  vergoeding_partner?: any,
  onteigenings_overbrengingswinst?: any,
  overige_posten?: any,
  overig_arbeidsinkomen?: any,
  combinatiekorting?: any,
  alleenstaand?: any,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return guard("OVERZICHT", invocation, arguments, overzichtFunction, () => {
    const result = keten({
      year: year(jaar),
      winst: amount(winst, "winst"),
      urencriterium: flag(urencriterium, "urencriterium"),
      startersaftrek: flag(startersaftrek, "startersaftrek"),
      aow: flag(aow, "aow"),
      urenPartner: optionalAmount(uren_partner, "uren_partner"),
      soUren: optionalAmount(so_uren, "so_uren"),
      stakingswinst: optionalAmount(stakingswinst, "stakingswinst"),
      overigeOndernemersaftrek: optionalAmount(overige_ondernemersaftrek, "overige_ondernemersaftrek"),
      overigInkomen: optionalAmount(overig_inkomen, "overig_inkomen"),
      soStarter: flag(so_starter, "so_starter"),
      soJarenVerklaring: optionalAmount(so_jaren_verklaring, "so_jaren_verklaring"),
      stakingsaftrekEerder: optionalAmount(stakingsaftrek_eerder, "stakingsaftrek_eerder"),
      vergoedingPartner: optionalAmount(vergoeding_partner, "vergoeding_partner"),
      onteigeningsOverbrengingswinst: optionalAmount(
        onteigenings_overbrengingswinst,
        "onteigenings_overbrengingswinst",
      ),
      overigePosten: optionalAmount(overige_posten, "overige_posten"),
      overigArbeidsinkomen: optionalAmount(overig_arbeidsinkomen, "overig_arbeidsinkomen"),
      combinatiekorting: flag(combinatiekorting, "combinatiekorting"),
      alleenstaand: flag(alleenstaand, "alleenstaand"),
    });
    return result.lines.map((line) => [line.label, toExcelNumber(line.value)]);
  });
}
