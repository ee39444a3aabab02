/**
 * The Excel custom functions of NL Aftrek (namespace NL). Thin adapters: coerce the arguments,
 * call the rules core, return a number or a boolean. No tax logic here.
 *
 * The JSDoc of each function is its metadata: custom-functions-metadata-plugin turns it into
 * functions.json and registers the functions. Ids are stored in workbooks: never change one.
 *
 * Arguments are typed `any` on purpose: Excel then passes every value through unchanged and
 * args.ts decides, with a Dutch message, what is acceptable (a typed `number` would let Excel
 * refuse text with a bare #VALUE! and no explanation).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
// First: where the host has no custom-functions API, registering must not fail.
import "./host";
import { nl } from "../rules/dutch";
import { Money } from "../rules/money";
import { keten } from "../rules/keten";
import { kia } from "../rules/kia";
import { mkbWinstvrijstelling } from "../rules/mkbWinstvrijstelling";
import { startersaftrek } from "../rules/startersaftrek";
import { urencriterium } from "../rules/urencriterium";
import { zelfstandigenaftrek } from "../rules/zelfstandigenaftrek";
import { amount, amountList, flag, hours, MAX_HOURS, optionalAmount, optionalHours, toExcelNumber, year } from "./args";
import { guard, invalidValue } from "./excelError";
// The other function modules register themselves (their associate calls are added at build time).
import "./heffingskortingFunctions";
import "./infoFunctions";
import "./inkomstenbelastingFunctions";
import "./investeringFunctions";
import "./korFunctions";
import "./ondernemersaftrekFunctions";

/**
 * Kleinschaligheidsinvesteringsaftrek (art. 3.41 Wet IB 2001) over de investeringen van het jaar. Bedrijfsmiddelen onder € 450 tellen niet mee.
 * @customfunction KIA KIA
 * @helpurl https://localhost:3000/help/kia.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param investeringen Bedrag per bedrijfsmiddel (excl. btw): één getal of een bereik, één cel per bedrijfsmiddel. Lege cellen tellen niet.
 * @param [aandeel] Uw aandeel in de investeringen van een samenwerkingsverband (art. 3.41 lid 3): hoogstens 1. Leeg of 0: 1.
 * @returns De investeringsaftrek in euro's.
 */
export function kiaFunction(
  jaar: any,
  investeringen: any[][],
  aandeel?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("KIA", invocation, arguments, kiaFunction, () => {
    const result = kia({
      year: year(jaar),
      investeringen: amountList(investeringen, "investeringen"),
      aandeel: optionalAmount(aandeel, "aandeel"),
    });
    return toExcelNumber(result.value);
  });
}

/**
 * MKB-winstvrijstelling (art. 3.79a Wet IB 2001): het percentage van het jaar over winst min ondernemersaftrek. Negatief bij verlies: het verlies wordt kleiner.
 * @customfunction MKBVRIJ MKBVRIJ
 * @helpurl https://localhost:3000/help/mkbvrij.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param winst Winst uit onderneming vóór ondernemersaftrek (mag negatief zijn).
 * @param [ondernemersaftrek] Totale ondernemersaftrek (zelfstandigenaftrek, startersaftrek en overige). Leeg: 0.
 * @returns De MKB-winstvrijstelling in euro's.
 */
export function mkbvrijFunction(
  jaar: any,
  winst: any,
  ondernemersaftrek?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("MKBVRIJ", invocation, arguments, mkbvrijFunction, () => {
    const result = mkbWinstvrijstelling({
      year: year(jaar),
      winst: amount(winst, "winst"),
      ondernemersaftrek: optionalAmount(ondernemersaftrek, "ondernemersaftrek"),
    });
    return toExcelNumber(result.value);
  });
}

/**
 * Zelfstandigenaftrek (art. 3.76 Wet IB 2001): 0 zonder urencriterium, gehalveerd bij AOW-leeftijd, beperkt tot de winst tenzij u recht hebt op startersaftrek.
 * @customfunction ZELFSTANDIGENAFTREK ZELFSTANDIGENAFTREK
 * @helpurl https://localhost:3000/help/zelfstandigenaftrek.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param urencriterium WAAR als het urencriterium is gehaald.
 * @param winst Winst vóór ondernemersaftrek: de aftrek is ten hoogste de winst, behalve bij startersaftrek. Leeg telt als 0.
 * @param [startersaftrek] WAAR als u recht hebt op startersaftrek (dan geen beperking tot de winst).
 * @param [aow] WAAR als u op 1 januari de AOW-leeftijd had bereikt.
 * @returns De zelfstandigenaftrek in euro's.
 */
export function zelfstandigenaftrekFunction(
  jaar: any,
  urencriterium: any,
  winst: any,
  startersaftrek?: any,
  aow?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("ZELFSTANDIGENAFTREK", invocation, arguments, zelfstandigenaftrekFunction, () => {
    const result = zelfstandigenaftrek({
      year: year(jaar),
      urencriterium: flag(urencriterium, "urencriterium"),
      winst: amount(winst, "winst"),
      startersaftrek: flag(startersaftrek, "startersaftrek"),
      aow: flag(aow, "aow"),
    });
    return toExcelNumber(result.value);
  });
}

/**
 * Startersaftrek (art. 3.76 lid 3 Wet IB 2001): € 2.123 bij urencriterium, als starter en bij hoogstens 2 keer zelfstandigenaftrek in de 5 voorafgaande jaren; gehalveerd bij AOW-leeftijd.
 * @customfunction STARTERSAFTREK STARTERSAFTREK
 * @helpurl https://localhost:3000/help/startersaftrek.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param urencriterium WAAR als het urencriterium is gehaald.
 * @param starter WAAR als u in 1 of meer van de 5 voorafgaande jaren geen ondernemer was.
 * @param [keren_zelfstandigenaftrek] Hoe vaak de zelfstandigenaftrek is toegepast in de 5 voorafgaande jaren (0 tot en met 5). Leeg: 0.
 * @param [aow] WAAR als u op 1 januari de AOW-leeftijd had bereikt.
 * @returns De startersaftrek in euro's.
 */
export function startersaftrekFunction(
  jaar: any,
  urencriterium: any,
  starter: any,
  keren_zelfstandigenaftrek?: any,
  aow?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("STARTERSAFTREK", invocation, arguments, startersaftrekFunction, () => {
    const result = startersaftrek({
      year: year(jaar),
      urencriterium: flag(urencriterium, "urencriterium"),
      starter: flag(starter, "starter"),
      kerenZelfstandigenaftrek: amount(keren_zelfstandigenaftrek, "keren_zelfstandigenaftrek"),
      aow: flag(aow, "aow"),
    });
    return toExcelNumber(result.value);
  });
}

/**
 * Urencriterium (art. 3.6 Wet IB 2001): ten minste 1.225 uur (800 bij het verlaagde criterium) en, tenzij starter, meer tijd aan de onderneming dan aan ander werk.
 * @customfunction URENCRITERIUM URENCRITERIUM
 * @helpurl https://localhost:3000/help/urencriterium.html
 * @requiresAddress
 * @param uren Uren aan de onderneming in het kalenderjaar.
 * @param [uren_overig_werk] Uren aan ander werk (dienstbetrekking, overige werkzaamheden). Leeg: 0.
 * @param [starter] WAAR als u in 1 of meer van de 5 voorafgaande jaren geen ondernemer was (de eis van meer dan de helft vervalt).
 * @param [verlaagd] WAAR voor het verlaagde urencriterium van 800 uur (startersaftrek bij arbeidsongeschiktheid).
 * @returns WAAR als het urencriterium is gehaald.
 */
export function urencriteriumFunction(
  uren: any,
  uren_overig_werk?: any,
  starter?: any,
  verlaagd?: any,
  invocation?: CustomFunctions.Invocation,
): boolean {
  return guard("URENCRITERIUM", invocation, arguments, urencriteriumFunction, () => {
    const onderneming = hours(uren, "uren");
    const overig = optionalHours(uren_overig_werk, "uren_overig_werk");
    if (overig && onderneming.plus(overig).gt(MAX_HOURS)) {
      throw invalidValue(
        nl`De uren samen (${onderneming.plus(overig)}) zijn meer dan een jaar heeft (${new Money(MAX_HOURS)}).`,
      );
    }
    const result = urencriterium({
      uren: onderneming,
      urenOverigWerk: overig,
      starter: flag(starter, "starter"),
      verlaagd: flag(verlaagd, "verlaagd"),
    });
    return result.value;
  });
}

/**
 * Belastbare winst uit onderneming: winst min ondernemersaftrek (zelfstandigenaftrek, startersaftrek en overige) min MKB-winstvrijstelling over de rest.
 * @customfunction BELASTBAREWINST BELASTBAREWINST
 * @helpurl https://localhost:3000/help/belastbarewinst.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param winst Winst uit onderneming vóór ondernemersaftrek (KIA al afgetrokken; mag negatief zijn).
 * @param urencriterium WAAR als het urencriterium is gehaald.
 * @param [startersaftrek] WAAR als u recht hebt op startersaftrek.
 * @param [aow] WAAR als u op 1 januari de AOW-leeftijd had bereikt.
 * @param [overige_ondernemersaftrek] Overige ondernemersaftrek (S&O-, meewerk-, stakingsaftrek). Leeg: 0.
 * @returns De belastbare winst uit onderneming in euro's.
 */
export function belastbarewinstFunction(
  jaar: any,
  winst: any,
  urencriterium: any,
  startersaftrek?: any,
  aow?: any,
  overige_ondernemersaftrek?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("BELASTBAREWINST", invocation, arguments, belastbarewinstFunction, () => {
    // The one chain (keten.ts), up to its belastbare-winst line.
    const result = keten(
      {
        year: year(jaar),
        winst: amount(winst, "winst"),
        urencriterium: flag(urencriterium, "urencriterium"),
        startersaftrek: flag(startersaftrek, "startersaftrek"),
        aow: flag(aow, "aow"),
        overigeOndernemersaftrek: optionalAmount(overige_ondernemersaftrek, "overige_ondernemersaftrek"),
      },
      { tot: "belastbareWinst" },
    );
    return toExcelNumber(result.line("belastbareWinst"));
  });
}
